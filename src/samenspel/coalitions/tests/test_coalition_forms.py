import datetime

import pytest
from django.urls import reverse

from samenspel.accounts.models import Membership, Role
from samenspel.coalitions.models import Coalition
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False)


VALID = {
    "name": "Samen Amsterdam",
    "municipality_code": "GM0363",
    "area_scope": "whole",
    "areas": "",
    "form": "undecided",
    "legal_structure": "none",
    "start_date": "2024-02-01",
}


@pytest.fixture
def client(coordinator_client):
    return coordinator_client


def test_creating_a_coalition_makes_the_creator_coordinator(client, coordinator):
    response = client.post(reverse("coalitions:create"), VALID)
    assert response.status_code == 302
    coalition = Coalition.objects.get(name="Samen Amsterdam")
    assert coalition.municipality.name == "Amsterdam"
    assert (
        Membership.objects.get(coalition=coalition, user=coordinator.user).role == Role.COORDINATOR
    )
    assert AuditEvent.objects.filter(coalition=coalition, action="coalition.created").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"municipality_code": "GM9999"}, "municipality_code", "onbekend"),
        ({"municipality_code": "Amsterdam"}, "municipality_code", "GM0363"),
        ({"name": ""}, "name", "Vul de naam van de coalitie in."),
        ({"name": "x" * 151}, "name", "150"),
        ({"start_date": "2031-01-01"}, "start_date", "toekomst"),
        ({"area_scope": "parts", "areas": ""}, "areas", "kernen of wijken"),
    ],
)
def test_bad_input_gets_a_dutch_message_at_the_field(client, changes, field, message):
    response = client.post(reverse("coalitions:create"), {**VALID, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not Coalition.objects.filter(name=VALID["name"]).exists()


def test_editing_records_only_the_changed_fields(client, coalition):
    data = {
        **VALID,
        "name": "Nieuwe naam",
        "municipality_code": coalition.municipality.code,
        "start_date": coalition.start_date.isoformat(),
    }
    response = client.post(reverse("coalitions:edit", args=[coalition.uuid]), data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(coalition=coalition, action="coalition.updated")
    assert event.changes["fields"]["name"]["new"] == "Nieuwe naam"
    assert "municipality" not in event.changes["fields"]


def test_reader_may_not_edit(reader_client, coalition):
    assert reader_client.get(reverse("coalitions:edit", args=[coalition.uuid])).status_code == 403


def test_audit_trail_is_for_the_coordinator_only(client, reader_client, coalition):
    assert client.get(reverse("coalitions:audit", args=[coalition.uuid])).status_code == 200
    assert reader_client.get(reverse("coalitions:audit", args=[coalition.uuid])).status_code == 403


def test_dashboard_shows_phase_partners_and_changes(client, coalition, coordinator):
    from samenspel.partners import services

    services.create_partner(
        coalition,
        acting_user=coordinator.user,
        name="Bibliotheek",
        kind="libraries_culture",
        circle="active",
        motives=["affective"],
    )
    response = client.get(reverse("coalitions:dashboard", args=[coalition.uuid]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Initiëren en starten" in page
    assert "Partner toegevoegd: Bibliotheek" in page
    dashboard = response.context["dashboard"]
    assert {row.label: row.count for row in dashboard.per_circle}["Actief"] == 1
    assert "welfare" in [kind.value for kind in dashboard.missing_kinds]


def test_home_redirects_to_the_only_coalition(client, coalition):
    response = client.get(reverse("coalitions:home"))
    assert response.status_code == 302
    assert str(coalition.uuid) in response["Location"]
