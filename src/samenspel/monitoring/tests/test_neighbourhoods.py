"""The coalition's wijken and kernen: rules with Dutch messages, audit, pages, permissions and
tenancy (another coalition's wijk does not exist here)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.core.models import AuditEvent
from samenspel.monitoring import services
from samenspel.monitoring.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition():
    return CoalitionFactory(
        name="Samen Dijkerveen", municipality=MunicipalityFactory(code="GM9901", name="Dijkerveen")
    )


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True)


@pytest.fixture
def partner_member(coalition):
    return MembershipFactory(coalition=coalition, partner_member=True)


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True)


def test_create_update_and_delete_with_audit(coalition, coordinator):
    user = coordinator.user
    noord = services.create_neighbourhood(
        coalition,
        acting_user=user,
        name="  Dijkerveen   Noord ",
        kind="district",
        cbs_code="wk990102",
    )
    assert (noord.name, noord.cbs_code) == ("Dijkerveen Noord", "WK990102")
    services.update_neighbourhood(
        noord, acting_user=user, name="Noord", kind="district", cbs_code="WK990102"
    )
    services.delete_neighbourhood(noord, acting_user=user)
    assert not Neighbourhood.objects.exists()
    actions = list(
        AuditEvent.objects.filter(coalition=coalition)
        .order_by("id")
        .values_list("action", "changes")
    )
    assert [a for a, _c in actions] == [
        "neighbourhood.created",
        "neighbourhood.updated",
        "neighbourhood.deleted",
    ]
    assert actions[1][1]["fields"] == {"name": {"old": "Dijkerveen Noord", "new": "Noord"}}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "", "kind": "district", "cbs_code": ""}, "name", "Dit veld kan niet leeg zijn"),
        (
            {"name": "Noord", "kind": "district", "cbs_code": "WK12"},
            "cbs_code",
            "Een CBS-wijkcode ziet eruit als",
        ),
        (
            {"name": "Noord", "kind": "district", "cbs_code": "WK036301"},
            "cbs_code",
            "hoort niet bij gemeente Dijkerveen (GM9901)",
        ),
        (
            {"name": "noord", "kind": "district", "cbs_code": ""},
            "name",
            "al een wijk of kern met deze naam",
        ),
        (
            {"name": "Anders", "kind": "district", "cbs_code": "WK990101"},
            "cbs_code",
            "al aan een andere wijk gekoppeld",
        ),
        ({"name": "Anders", "kind": "stad", "cbs_code": ""}, "kind", "is geen geldige keuze"),
    ],
)
def test_bad_input_is_refused_at_its_field(coalition, coordinator, fields, field, message):
    factories.wijk(coalition, "Noord", "WK990101")
    with pytest.raises(ValidationError) as caught:
        services.create_neighbourhood(coalition, acting_user=coordinator.user, **fields)
    assert any(message in text for text in caught.value.message_dict[field]), (
        caught.value.message_dict
    )
    assert Neighbourhood.objects.count() == 1


def test_a_wijk_that_activities_use_cannot_be_deleted(coalition, coordinator):
    noord = factories.wijk(coalition, "Noord", "WK990101")
    factories.activity(coalition, noord)
    with pytest.raises(ValidationError) as caught:
        services.delete_neighbourhood(noord, acting_user=coordinator.user)
    assert "Noord wordt nog gebruikt door 1 activiteit(en)" in caught.value.messages[0]
    assert Neighbourhood.objects.filter(pk=noord.pk).exists()
    assert not AuditEvent.objects.filter(action="neighbourhood.deleted").exists()


def test_adopting_the_cbs_wijken_creates_only_the_missing_ones(coalition, coordinator):
    factories.region("WK990101", "Centrum")
    factories.region("WK990102", "Noord")
    factories.region("WK990103", "Zuid")
    factories.region("BU99010101", "Een buurt")
    factories.region("WK036301", "Amsterdam-wijk")
    factories.wijk(coalition, "Centrum", "WK990101")
    factories.wijk(coalition, "zuid")  # entered by hand, without a code
    created = services.adopt_districts(coalition, acting_user=coordinator.user)
    assert [(n.name, n.cbs_code, n.kind) for n in created] == [("Noord", "WK990102", "district")]
    assert services.adopt_districts(coalition, acting_user=coordinator.user) == []
    assert (
        AuditEvent.objects.filter(action="neighbourhood.created", coalition=coalition).count() == 1
    )


# Pages


def test_everyone_in_the_coalition_sees_the_list_only_the_coordinator_changes(
    coalition, coordinator, partner_member
):
    noord = factories.wijk(coalition, "Noord", "WK990102")
    factories.activity(coalition, noord)
    url = reverse("monitoring:neighbourhoods", args=[coalition.uuid])
    page = client_for(partner_member.user).get(url)
    assert page.status_code == 200
    assert "Noord" in page.content.decode()
    assert (
        reverse("monitoring:neighbourhood_create", args=[coalition.uuid])
        not in page.content.decode()
    )
    for name, method in [
        ("monitoring:neighbourhood_create", "get"),
        ("monitoring:adopt_districts", "post"),
    ]:
        assert (
            getattr(client_for(partner_member.user), method)(
                reverse(name, args=[coalition.uuid])
            ).status_code
            == 403
        )
    edit = reverse("monitoring:neighbourhood_edit", args=[coalition.uuid, noord.uuid])
    assert client_for(partner_member.user).get(edit).status_code == 403
    assert client_for(coordinator.user).get(url).content.decode().count("Wijzigen") == 1


def test_the_coordinator_adds_edits_and_deletes_through_the_pages(coalition, coordinator):
    client = client_for(coordinator.user)
    create = reverse("monitoring:neighbourhood_create", args=[coalition.uuid])
    response = client.post(create, {"name": "Noord", "kind": "district", "cbs_code": "WK990102"})
    assert response.status_code == 302
    noord = Neighbourhood.objects.get(coalition=coalition)
    bad = client.post(create, {"name": "Zuid", "kind": "district", "cbs_code": "WK036301"})
    assert bad.status_code == 200
    assert "hoort niet bij gemeente Dijkerveen" in bad.content.decode()
    edit = reverse("monitoring:neighbourhood_edit", args=[coalition.uuid, noord.uuid])
    client.post(edit, {"name": "Noordkwartier", "kind": "district", "cbs_code": "WK990102"})
    noord.refresh_from_db()
    assert noord.name == "Noordkwartier"
    delete = reverse("monitoring:neighbourhood_delete", args=[coalition.uuid, noord.uuid])
    assert "Weet u zeker" in client.get(delete).content.decode()
    client.post(delete)
    assert not Neighbourhood.objects.exists()


def test_deleting_a_used_wijk_through_the_page_shows_the_message(coalition, coordinator):
    noord = factories.wijk(coalition, "Noord")
    factories.activity(coalition, noord)
    client = client_for(coordinator.user)
    delete = reverse("monitoring:neighbourhood_delete", args=[coalition.uuid, noord.uuid])
    assert "nog gebruikt door 1 activiteit" in client.get(delete).content.decode()
    response = client.post(delete, follow=True)
    assert "wordt nog gebruikt door 1 activiteit" in response.content.decode()
    assert Neighbourhood.objects.filter(pk=noord.pk).exists()


def test_adopting_through_the_page(coalition, coordinator):
    factories.region("WK990102", "Noord")
    client = client_for(coordinator.user)
    page = client.get(reverse("monitoring:neighbourhoods", args=[coalition.uuid])).content.decode()
    assert "Noord (WK990102)" in page
    response = client.post(
        reverse("monitoring:adopt_districts", args=[coalition.uuid]), follow=True
    )
    assert "1 wijk overgenomen uit de CBS-cijfers." in response.content.decode()
    assert Neighbourhood.objects.get(coalition=coalition).cbs_code == "WK990102"


def test_another_coalitions_wijk_does_not_exist_here(coalition, coordinator, outsider):
    noord = factories.wijk(coalition, "Noord")
    own = outsider.coalition
    client = client_for(outsider.user)
    for name in ("monitoring:neighbourhood_edit", "monitoring:neighbourhood_delete"):
        assert client.get(reverse(name, args=[own.uuid, noord.uuid])).status_code == 404
        assert client.get(reverse(name, args=[coalition.uuid, noord.uuid])).status_code == 404
    assert (
        client.post(
            reverse("monitoring:neighbourhood_delete", args=[own.uuid, noord.uuid])
        ).status_code
        == 404
    )
    for name in ("monitoring:neighbourhoods", "monitoring:gap", "monitoring:figures"):
        assert client.get(reverse(name, args=[coalition.uuid])).status_code == 404
    assert Neighbourhood.objects.filter(pk=noord.pk).exists()
