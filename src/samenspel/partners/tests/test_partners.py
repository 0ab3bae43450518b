import datetime

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core.models import AuditEvent
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent
from samenspel.partners.partner_map import build_map
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False)


VALID = {
    "name": "Bibliotheek Midden",
    "kind": "libraries_culture",
    "circle": "active",
    "motives": ["affective"],
    "roles": ["running_activities"],
    "brings": "Leesclubs",
    "joined_on": "2024-01-01",
}


def test_coordinator_adds_a_partner(coordinator_client, coalition):
    response = coordinator_client.post(reverse("partners:create", args=[coalition.uuid]), VALID)
    assert response.status_code == 302
    partner = Partner.objects.get(coalition=coalition)
    assert (partner.motives, partner.roles) == (["affective"], ["running_activities"])
    assert AuditEvent.objects.filter(action="partner.created", object_uuid=partner.uuid).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam van de partner in."),
        ({"name": "n" * 151}, "name", "150"),
        ({"motives": []}, "motives", "ten minste één"),
        ({"left_on": "2023-01-01"}, "left_on", "vóór"),
        ({"kind": "onbekend"}, "kind", "een van de mogelijkheden uit de lijst"),
    ],
)
def test_bad_partner_input_is_refused_at_the_field(
    coordinator_client, coalition, changes, field, message
):
    response = coordinator_client.post(
        reverse("partners:create", args=[coalition.uuid]), {**VALID, **changes}
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Partner.objects.exists()


def test_duplicate_partner_name_is_refused_case_insensitively(coordinator_client, coalition):
    PartnerFactory(coalition=coalition, name="Bibliotheek Midden")
    response = coordinator_client.post(
        reverse("partners:create", args=[coalition.uuid]), {**VALID, "name": "bibliotheek midden"}
    )
    assert response.status_code == 200
    assert "al een partner met deze naam" in " ".join(response.context["form"].errors["name"])
    assert Partner.objects.count() == 1


def test_same_name_in_another_coalition_is_fine(coordinator_client, coalition):
    PartnerFactory(name="Bibliotheek Midden")
    response = coordinator_client.post(reverse("partners:create", args=[coalition.uuid]), VALID)
    assert response.status_code == 302


def test_resident_fields_are_cleared_for_organisations(coordinator_client, coalition):
    data = {**VALID, "resident_type": "caring", "represents": "Buurt"}
    coordinator_client.post(reverse("partners:create", args=[coalition.uuid]), data)
    partner = Partner.objects.get()
    assert (partner.resident_type, partner.represents) == ("", "")


def test_partner_member_edits_only_their_own_organisation(coalition):
    membership = MembershipFactory(coalition=coalition, partner_member=True)
    other = PartnerFactory(coalition=coalition, name="Andere partner")
    client = client_for(membership.user)
    own = membership.partner
    assert client.get(reverse("partners:edit", args=[coalition.uuid, own.uuid])).status_code == 200
    assert (
        client.get(reverse("partners:edit", args=[coalition.uuid, other.uuid])).status_code == 403
    )
    assert client.get(reverse("partners:create", args=[coalition.uuid])).status_code == 403


def test_recorded_change_asks_for_a_conversation(coordinator_client, coalition):
    partner = PartnerFactory(coalition=coalition)
    url = reverse("partners:event_create", args=[coalition.uuid, partner.uuid])
    response = coordinator_client.post(
        url,
        {
            "kind": "new_director",
            "date": "2025-05-01",
            "description": "",
            "conversation": "to_plan",
        },
    )
    assert response.status_code == 302
    event = PartnerEvent.objects.get(partner=partner)
    dashboard = coordinator_client.get(reverse("coalitions:dashboard", args=[coalition.uuid]))
    assert event in dashboard.context["dashboard"].open_conversations


def test_contact_details_stay_out_of_the_audit_trail(coordinator_client, coalition):
    partner = PartnerFactory(coalition=coalition)
    url = reverse("partners:contact_create", args=[coalition.uuid, partner.uuid])
    data = {
        "name": "An de Vries",
        "function": "Coördinator",
        "email": "an@example.nl",
        "phone": "0612345678",
    }
    assert coordinator_client.post(url, data).status_code == 302
    contact = ContactPerson.objects.get()
    event = AuditEvent.objects.get(action="contact.created")
    assert "an@example.nl" not in str(event.changes)
    assert "0612345678" not in str(event.changes)
    delete = reverse("partners:contact_delete", args=[coalition.uuid, partner.uuid, contact.uuid])
    assert coordinator_client.post(delete).status_code == 302
    assert not ContactPerson.objects.exists()


def test_partner_list_filters_by_kind_and_search(coordinator_client, coalition):
    PartnerFactory(coalition=coalition, name="Welzijn Noord", kind="welfare")
    PartnerFactory(coalition=coalition, name="Basisschool Zuid", kind="education")
    url = reverse("partners:list", args=[coalition.uuid])
    names = [p.name for p in coordinator_client.get(url, {"kind": "education"}).context["page"]]
    assert names == ["Basisschool Zuid"]
    names = [p.name for p in coordinator_client.get(url, {"q": "welzijn"}).context["page"]]
    assert names == ["Welzijn Noord"]


def test_partner_list_queries_do_not_grow_with_partners(
    coordinator_client, coalition, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("partners:list", args=[coalition.uuid])
    PartnerFactory.create_batch(3, coalition=coalition)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    PartnerFactory.create_batch(30, coalition=coalition)
    with CaptureQueriesContext(connection) as many:
        coordinator_client.get(url)
    assert len(few) == len(many)


def test_partner_list_sorts_by_a_whitelisted_column_in_the_same_number_of_queries(
    coordinator_client, coalition
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    busy = PartnerFactory(coalition=coalition, name="Aaa Welzijn")
    for name in ("Anna", "Bram"):
        ContactPerson.objects.create(partner=busy, name=name)
    PartnerFactory(coalition=coalition, name="Zzz Bibliotheek")
    url = reverse("partners:list", args=[coalition.uuid])
    with CaptureQueriesContext(connection) as by_name:
        response = coordinator_client.get(url)
    assert next(p.name for p in response.context["page"]) == "Aaa Welzijn"
    assert 'aria-sort="ascending"' in response.content.decode()
    with CaptureQueriesContext(connection) as by_contacts:
        response = coordinator_client.get(url, {"sorteer": "-contacten", "q": "a"})
    names = [p.name for p in response.context["page"]]
    assert names[0] == "Aaa Welzijn"
    assert [p.contact_count for p in response.context["page"]] == sorted(
        (p.contact_count for p in response.context["page"]), reverse=True
    )
    html = response.content.decode()
    assert 'aria-sort="descending"' in html
    assert "?q=a&amp;sorteer=contacten" in html  # the link sorts the other way, keeps the filter
    assert len(by_name) == len(by_contacts)
    # A column outside the whitelist falls back to the name.
    response = coordinator_client.get(url, {"sorteer": "coalition__name"})
    assert response.status_code == 200
    assert response.context["sort"].key == "naam"


def test_partner_map_shows_every_partner_and_missing_kinds(coordinator_client, coalition):
    PartnerFactory(coalition=coalition, name="Kernpartner", kind="welfare", circle="core")
    PartnerFactory(coalition=coalition, name="Ver weg", kind="education", circle="informed")
    response = coordinator_client.get(reverse("partners:map", args=[coalition.uuid]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page
    assert "Kernpartner" in page
    assert "Ver weg" in page
    assert "residents" in response.context["missing"]
    assert "welfare" not in response.context["missing"]


def test_partner_map_places_dots_inside_their_ring():
    partners = [
        Partner(name=f"P{i}", kind="welfare", circle=circle)
        for i, circle in enumerate(["core"] * 3 + ["informed"] * 40)
    ]
    _rings, dots = build_map(partners)
    assert len(dots) == 43
    for dot in dots:
        distance = ((dot.x - 320) ** 2 + (dot.y - 320) ** 2) ** 0.5
        limit = 95 if dot.partner.circle == "core" else 315
        assert distance <= limit


def test_a_resident_partner_shows_the_tips_for_its_resident_type(coordinator_client, coalition):
    """Tonkens' types in context (Handreiking §2.2): the partner page gives the type's tips."""
    caring = PartnerFactory(coalition=coalition, kind="residents", resident_type="caring")
    library = PartnerFactory(coalition=coalition, kind="libraries_culture", resident_type="caring")

    page = coordinator_client.get(reverse("partners:detail", args=[coalition.uuid, caring.uuid]))
    other = coordinator_client.get(reverse("partners:detail", args=[coalition.uuid, library.uuid]))

    assert "Tips uit de gids: De zorgzame inwoner" in page.content.decode()
    assert "Zoek hem op in de praktijk" in page.content.decode()
    assert "Tips uit de gids: De zorgzame inwoner" not in other.content.decode()


def test_two_tips_on_one_page_have_their_own_names(coordinator_client, coalition):
    """The kind's and the resident type's tips are two landmarks, each named by its heading."""
    caring = PartnerFactory(coalition=coalition, kind="residents", resident_type="caring")
    html = coordinator_client.get(
        reverse("partners:detail", args=[coalition.uuid, caring.uuid])
    ).content.decode()
    assert 'aria-labelledby="tips-partner_kinds-residents"' in html
    assert 'id="tips-partner_kinds-residents"' in html
    assert 'aria-labelledby="tips-resident_types-caring"' in html
    assert 'id="tips-resident_types-caring"' in html
