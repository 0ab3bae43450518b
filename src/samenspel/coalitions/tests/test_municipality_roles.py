"""The municipality's agreed roles (handbook §2.10 tip 1, §3.2.5; article 2021)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.coalitions import services
from samenspel.coalitions.models import MunicipalityRole
from samenspel.core.models import AuditEvent
from samenspel.guide.content import get_section

pytestmark = pytest.mark.django_db


def test_every_role_is_an_item_of_the_guide():
    assert set(MunicipalityRole.values) == set(get_section("municipality_roles").item_keys)


def test_roles_are_saved_with_an_audit_record(coalition, coordinator):
    services.update_municipality_roles(
        coalition,
        acting_user=coordinator.user,
        municipality_roles=["facilitator", "aanjager"],
        municipality_roles_note="Geld voor de projectleider, verder op afstand.",
        municipality_roles_agreed_on=datetime.date(2025, 1, 15),
    )
    coalition.refresh_from_db()
    assert coalition.municipality_roles == ["facilitator", "aanjager"]
    assert AuditEvent.objects.filter(action="coalition.municipality_roles").count() == 1


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        (["equal_partner", "director"], "Een gelijkwaardige partner voert geen regie"),
        (["equal_partner", "commissioner_funder"], "Een gelijkwaardige partner voert geen regie"),
        (["mediator", "mediator"], "Kies elke rol één keer."),
        (["burgemeester"], "Kies alleen rollen uit de lijst."),
    ],
)
def test_contradictory_or_unknown_roles_are_refused(coalition, coordinator, roles, message):
    with pytest.raises(ValidationError, match=message):
        services.update_municipality_roles(
            coalition, acting_user=coordinator.user, municipality_roles=roles
        )
    coalition.refresh_from_db()
    assert coalition.municipality_roles == []
    assert not AuditEvent.objects.filter(action="coalition.municipality_roles").exists()


def test_agreement_date_cannot_be_in_the_future(coalition, coordinator):
    with pytest.raises(ValidationError, match="niet in de toekomst"):
        services.update_municipality_roles(
            coalition,
            acting_user=coordinator.user,
            municipality_roles_agreed_on=datetime.date.today() + datetime.timedelta(days=2),
        )


def test_the_form_saves_and_shows_the_tips_of_each_agreed_role(coordinator_client, coalition):
    url = reverse("coalitions:municipality_roles", args=[coalition.uuid])
    response = coordinator_client.post(
        url,
        {
            "municipality_roles": ["equal_partner", "facilitator"],
            "municipality_roles_note": "Doet mee vanuit de Wmo.",
            "municipality_roles_agreed_on": "2025-02-01",
        },
    )
    assert response.status_code == 302
    page = coordinator_client.get(url).content.decode()
    assert "Tips uit de gids bij de afgesproken rollen" in page
    assert "Gelijkwaardige partner" in page
    assert reverse("guide:item", args=["municipality_roles", "facilitator"]) in page


def test_the_form_shows_the_dutch_error_at_the_field(coordinator_client, coalition):
    url = reverse("coalitions:municipality_roles", args=[coalition.uuid])
    response = coordinator_client.post(url, {"municipality_roles": ["equal_partner", "director"]})
    assert response.status_code == 200
    assert "municipality_roles" in response.context["form"].errors
    coalition.refresh_from_db()
    assert coalition.municipality_roles == []


def test_reader_may_not_record_the_roles(reader_client, coalition):
    url = reverse("coalitions:municipality_roles", args=[coalition.uuid])
    assert reader_client.get(url).status_code == 403


# The API: the same record, the same rules


def api_url(coalition) -> str:
    return f"/api/v1/coalitions/{coalition.uuid}/municipality-roles/"


def test_api_reads_and_records_the_roles(coalition, coordinator):
    client = api_client_for(coordinator.user)
    assert client.get(api_url(coalition)).json()["municipality_roles"] == []
    response = client.put(
        api_url(coalition),
        {"municipality_roles": ["mediator", "aanjager"], "municipality_roles_note": "Verbindt."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["municipality_roles"] == ["mediator", "aanjager"]
    coalition.refresh_from_db()
    assert coalition.municipality_roles_note == "Verbindt."


def test_api_refuses_an_equal_partner_who_directs_at_the_field(coalition, coordinator):
    response = api_client_for(coordinator.user).put(
        api_url(coalition), {"municipality_roles": ["equal_partner", "director"]}, format="json"
    )
    assert response.status_code == 400
    params = response.json()["invalid_params"]
    assert params[0]["name"] == "municipality_roles"
    assert "gelijkwaardige partner" in params[0]["reason"]


def test_api_read_only_member_may_read_but_not_record(coalition):
    reader = MembershipFactory(coalition=coalition, read_only=True)
    client = api_client_for(reader.user)
    assert client.get(api_url(coalition)).status_code == 200
    response = client.put(api_url(coalition), {"municipality_roles": []}, format="json")
    assert response.status_code == 403
