"""API v1 for partners, contacts and partner events: tenancy, per-partner rights, services."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.core.models import AuditEvent
from samenspel.partners import services
from samenspel.partners.models import ContactPerson, ConversationStatus, Partner, PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def coordinator_membership():
    return MembershipFactory(coordinator=True)


@pytest.fixture
def coalition(coordinator_membership):
    return coordinator_membership.coalition


@pytest.fixture
def coordinator(coordinator_membership):
    return coordinator_membership.user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def gemeente(coalition):
    return MembershipFactory(coalition=coalition, municipality=True).user


@pytest.fixture
def partner_membership(coalition):
    """A member on behalf of one partner organisation ('Buurtwerk') of the coalition."""
    return MembershipFactory(coalition=coalition, partner_member=True, partner__name="Buurtwerk")


@pytest.fixture
def own_partner(partner_membership):
    return partner_membership.partner


@pytest.fixture
def other_partner(coalition):
    return PartnerFactory(coalition=coalition, name="Bibliotheek", kind="libraries_culture")


@pytest.fixture
def outsider():
    """Coordinator of another coalition: has every right, but not here."""
    return MembershipFactory(coordinator=True).user


@pytest.fixture
def contact(other_partner, coordinator):
    return services.save_contact(
        other_partner, acting_user=coordinator, name="Fatima", email="f@bieb.nl"
    )


@pytest.fixture
def event(other_partner, coordinator):
    return services.record_event(
        other_partner, acting_user=coordinator, kind="new_director", date=datetime.date(2024, 5, 1)
    )


def url(coalition, suffix: str = "") -> str:
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


def partner_url(partner: Partner, suffix: str = "") -> str:
    return url(partner.coalition, f"partners/{partner.uuid}/{suffix}")


def invalid_names(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM
    return {param["name"] for param in response.json()["invalid_params"]}


NEW_PARTNER = {
    "name": "Voedselbank",
    "kind": "welfare",
    "circle": "active",
    "motives": ["moral", "affective"],
}


# --- tenancy ------------------------------------------------------------------------------------


def test_outsider_gets_404_on_every_partner_read(other_partner, contact, event, outsider):
    client = api_client_for(outsider)
    paths = [
        url(other_partner.coalition, "partners/"),
        url(other_partner.coalition, "partner-map/"),
        partner_url(other_partner),
        partner_url(other_partner, "contacts/"),
        partner_url(other_partner, f"contacts/{contact.uuid}/"),
        partner_url(other_partner, "events/"),
        partner_url(other_partner, f"events/{event.uuid}/"),
    ]

    for path in paths:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM


def test_outsider_gets_404_on_every_partner_write_and_nothing_changes(
    other_partner, contact, event, outsider
):
    client = api_client_for(outsider)

    responses = [
        client.post(url(other_partner.coalition, "partners/"), NEW_PARTNER, format="json"),
        client.patch(partner_url(other_partner), {"name": "Gekaapt"}, format="json"),
        client.post(partner_url(other_partner, "contacts/"), {"name": "X"}, format="json"),
        client.patch(
            partner_url(other_partner, f"contacts/{contact.uuid}/"), {"name": "X"}, format="json"
        ),
        client.delete(partner_url(other_partner, f"contacts/{contact.uuid}/")),
        client.post(
            partner_url(other_partner, "events/"),
            {"kind": "other", "date": "2024-01-01"},
            format="json",
        ),
        client.patch(
            partner_url(other_partner, f"events/{event.uuid}/"),
            {"conversation": "held"},
            format="json",
        ),
    ]

    assert [r.status_code for r in responses] == [404] * len(responses)
    other_partner.refresh_from_db()
    assert other_partner.name == "Bibliotheek"
    assert list(other_partner.contacts.values_list("name", flat=True)) == ["Fatima"]
    assert list(other_partner.events.values_list("conversation", flat=True)) == ["to_plan"]
    assert not Partner.objects.filter(name="Voedselbank").exists()


def test_partner_of_another_coalition_is_404_inside_my_own_coalition(coalition, coordinator):
    foreign = PartnerFactory()

    response = api_client_for(coordinator).get(url(coalition, f"partners/{foreign.uuid}/"))

    assert response.status_code == 404


def test_contact_of_another_partner_is_404(own_partner, contact, coordinator):
    response = api_client_for(coordinator).get(
        partner_url(own_partner, f"contacts/{contact.uuid}/")
    )

    assert response.status_code == 404


# --- partners -----------------------------------------------------------------------------------


def test_member_lists_partners_with_counts(coalition, reader, other_partner, contact, event):
    response = api_client_for(reader).get(url(coalition, "partners/"))

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    listed = data["results"][0]
    assert listed["uuid"] == str(other_partner.uuid)
    assert "id" not in listed
    assert (listed["contact_count"], listed["open_conversations"]) == (1, 1)
    assert (listed["can_edit"], listed["can_record_event"]) == (False, False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "libraries_culture"}, ["Bibliotheek"]),
        ({"circle": "core"}, ["Zorggroep"]),
        ({"status": "current"}, ["Bibliotheek", "Zorggroep"]),
        ({"status": "left"}, ["Oud-partner"]),
        ({"q": "BIB"}, ["Bibliotheek"]),
        ({}, ["Bibliotheek", "Oud-partner", "Zorggroep"]),
    ],
)
def test_partner_list_filters(coalition, reader, other_partner, query, expected):
    PartnerFactory(coalition=coalition, name="Zorggroep", kind="care_providers", circle="core")
    PartnerFactory(
        coalition=coalition,
        name="Oud-partner",
        joined_on=datetime.date(2020, 1, 1),
        left_on=datetime.date(2023, 1, 1),
    )

    response = api_client_for(reader).get(url(coalition, "partners/"), query)

    assert [p["name"] for p in response.json()["results"]] == expected


def test_invalid_filter_value_is_a_400_problem(coalition, reader):
    response = api_client_for(reader).get(url(coalition, "partners/"), {"kind": "aliens"})

    assert response.status_code == 400
    assert invalid_names(response) == {"kind"}


def test_coordinator_adds_a_partner_through_the_service(coalition, coordinator):
    response = api_client_for(coordinator).post(
        url(coalition, "partners/"), {**NEW_PARTNER, "roles": ["signalling"]}, format="json"
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["motives"], data["roles"], data["contact_count"]) == (
        ["moral", "affective"],
        ["signalling"],
        0,
    )
    partner = Partner.objects.get(uuid=data["uuid"])
    assert partner.coalition == coalition
    assert AuditEvent.objects.filter(
        coalition=coalition, action="partner.created", actor=coordinator
    ).exists()


def test_duplicate_partner_name_is_400_at_name_in_dutch(coalition, coordinator, other_partner):
    response = api_client_for(coordinator).post(
        url(coalition, "partners/"), {**NEW_PARTNER, "name": "bibliotheek"}, format="json"
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"name"}
    assert (
        response.json()["invalid_params"][0]["reason"]
        == "Deze coalitie heeft al een partner met deze naam."
    )
    assert Partner.objects.filter(coalition=coalition).count() == 1


@pytest.mark.parametrize(
    ("motives", "fragment"),
    [([], "ten minste één"), (["greed"], ""), (["moral", "moral"], "motieven")],
)
def test_motives_are_validated_at_their_field(coalition, coordinator, motives, fragment):
    response = api_client_for(coordinator).post(
        url(coalition, "partners/"), {**NEW_PARTNER, "motives": motives}, format="json"
    )

    assert response.status_code == 400
    assert {name.split(".")[0] for name in invalid_names(response)} == {"motives"}
    assert fragment in response.json()["invalid_params"][0]["reason"]
    assert not Partner.objects.exists()


@pytest.mark.parametrize("role", ["read_only", "advisor", "municipality", "partner_member"])
def test_members_without_the_right_get_403_on_adding_a_partner(coalition, role):
    user = MembershipFactory(coalition=coalition, **{role: True}).user

    response = api_client_for(user).post(url(coalition, "partners/"), NEW_PARTNER, format="json")

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert not Partner.objects.filter(name="Voedselbank").exists()


def test_coordinator_edits_any_partner(other_partner, coordinator):
    response = api_client_for(coordinator).patch(
        partner_url(other_partner), {"circle": "core"}, format="json"
    )

    assert response.status_code == 200, response.json()
    other_partner.refresh_from_db()
    assert other_partner.circle == "core"
    assert AuditEvent.objects.get(action="partner.updated").changes["fields"] == {
        "circle": {"old": "informed", "new": "core"}
    }


def test_partner_member_edits_their_own_organisation(partner_membership, own_partner):
    response = api_client_for(partner_membership.user).patch(
        partner_url(own_partner), {"brings": "Vrijwilligers en een ruimte"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["can_edit"] is True
    own_partner.refresh_from_db()
    assert own_partner.brings == "Vrijwilligers en een ruimte"


def test_partner_member_gets_403_on_another_partner(partner_membership, other_partner):
    client = api_client_for(partner_membership.user)

    read = client.get(partner_url(other_partner))
    write = client.patch(partner_url(other_partner), {"brings": "Niets"}, format="json")

    assert read.status_code == 200
    assert read.json()["can_edit"] is False
    assert write.status_code == 403
    other_partner.refresh_from_db()
    assert other_partner.brings == ""


def test_read_only_member_gets_403_on_partner_patch(reader, other_partner):
    response = api_client_for(reader).patch(
        partner_url(other_partner), {"name": "X"}, format="json"
    )

    assert response.status_code == 403


def test_renaming_to_an_existing_name_is_400_at_name(coordinator, own_partner, other_partner):
    response = api_client_for(coordinator).patch(
        partner_url(other_partner), {"name": "BUURTWERK"}, format="json"
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"name"}
    other_partner.refresh_from_db()
    assert other_partner.name == "Bibliotheek"


def test_partner_list_runs_the_same_number_of_queries_for_3_or_30_partners(coordinator):
    def count_for(n: int) -> int:
        coalition = MembershipFactory(user=coordinator, coordinator=True).coalition
        for partner in PartnerFactory.create_batch(n, coalition=coalition):
            services.save_contact(partner, acting_user=coordinator, name="Contact")
            services.record_event(
                partner, acting_user=coordinator, kind="other", date=datetime.date(2024, 1, 1)
            )
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(url(coalition, "partners/"))
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


# --- contacts -----------------------------------------------------------------------------------


def test_member_reads_contacts(reader, other_partner, contact):
    listed = api_client_for(reader).get(partner_url(other_partner, "contacts/"))
    single = api_client_for(reader).get(partner_url(other_partner, f"contacts/{contact.uuid}/"))

    assert listed.json()["results"][0]["name"] == "Fatima"
    assert single.json()["email"] == "f@bieb.nl"


def test_coordinator_manages_contacts_through_the_service(coordinator, other_partner, contact):
    client = api_client_for(coordinator)

    created = client.post(
        partner_url(other_partner, "contacts/"), {"name": "Jan", "is_primary": True}, format="json"
    )
    changed = client.patch(
        partner_url(other_partner, f"contacts/{contact.uuid}/"),
        {"function": "Directeur"},
        format="json",
    )
    deleted = client.delete(partner_url(other_partner, f"contacts/{created.json()['uuid']}/"))

    assert (created.status_code, changed.status_code, deleted.status_code) == (201, 200, 204)
    assert list(other_partner.contacts.values_list("name", "function")) == [("Fatima", "Directeur")]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"contact.created", "contact.updated", "contact.deleted"} <= actions


def test_contact_with_invalid_email_is_400_at_email(coordinator, other_partner):
    response = api_client_for(coordinator).post(
        partner_url(other_partner, "contacts/"),
        {"name": "Jan", "email": "geen-adres"},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"email"}


def test_partner_member_adds_contacts_only_to_their_own_organisation(
    partner_membership, own_partner, other_partner
):
    client = api_client_for(partner_membership.user)

    own = client.post(partner_url(own_partner, "contacts/"), {"name": "Eigen"}, format="json")
    other = client.post(partner_url(other_partner, "contacts/"), {"name": "Vreemd"}, format="json")

    assert (own.status_code, other.status_code) == (201, 403)
    assert not ContactPerson.objects.filter(name="Vreemd").exists()


def test_read_only_member_gets_403_on_contact_writes(reader, other_partner, contact):
    client = api_client_for(reader)
    one = partner_url(other_partner, f"contacts/{contact.uuid}/")

    responses = [
        client.post(partner_url(other_partner, "contacts/"), {"name": "X"}, format="json"),
        client.patch(one, {"name": "X"}, format="json"),
        client.delete(one),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403]
    assert list(ContactPerson.objects.values_list("name", flat=True)) == ["Fatima"]


# --- partner events -----------------------------------------------------------------------------


def test_municipality_records_an_event_and_updates_the_conversation(gemeente, other_partner):
    client = api_client_for(gemeente)

    created = client.post(
        partner_url(other_partner, "events/"),
        {"kind": "lost_subsidy", "date": "2024-06-01", "description": "Subsidie stopt per 2025"},
        format="json",
    )
    updated = client.patch(
        partner_url(other_partner, f"events/{created.json()['uuid']}/"),
        {"conversation": "held", "kind": "other"},
        format="json",
    )

    assert created.status_code == 201, created.json()
    assert created.json()["conversation"] == "to_plan"
    assert created.json()["recorded_by_name"] == gemeente.full_name
    assert updated.status_code == 200, updated.json()
    event = PartnerEvent.objects.get()
    assert (event.conversation, event.kind) == (ConversationStatus.HELD, "lost_subsidy")
    assert {"partner.event_recorded", "partner.event_updated"} <= set(
        AuditEvent.objects.values_list("action", flat=True)
    )


def test_municipality_may_record_events_but_not_edit_partners(gemeente, other_partner):
    response = api_client_for(gemeente).patch(
        partner_url(other_partner), {"name": "X"}, format="json"
    )

    assert response.status_code == 403


def test_event_needs_kind_and_date(coordinator, other_partner):
    response = api_client_for(coordinator).post(
        partner_url(other_partner, "events/"), {}, format="json"
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"kind", "date"}


def test_partner_member_records_events_only_for_their_own_organisation(
    partner_membership, own_partner, other_partner, event
):
    client = api_client_for(partner_membership.user)
    body = {"kind": "new_contact", "date": "2024-02-01"}

    own = client.post(partner_url(own_partner, "events/"), body, format="json")
    other = client.post(partner_url(other_partner, "events/"), body, format="json")
    other_update = client.patch(
        partner_url(other_partner, f"events/{event.uuid}/"), {"conversation": "held"}, format="json"
    )

    assert (own.status_code, other.status_code, other_update.status_code) == (201, 403, 403)
    event.refresh_from_db()
    assert event.conversation == "to_plan"


def test_read_only_member_reads_events_but_gets_403_on_writes(reader, other_partner, event):
    client = api_client_for(reader)

    listed = client.get(partner_url(other_partner, "events/"))
    single = client.get(partner_url(other_partner, f"events/{event.uuid}/"))
    post = client.post(
        partner_url(other_partner, "events/"), {"kind": "other", "date": "2024-01-01"}
    )
    patch = client.patch(
        partner_url(other_partner, f"events/{event.uuid}/"), {"conversation": "held"}
    )

    assert listed.json()["results"][0]["kind"] == "new_director"
    assert single.json()["kind_label"] == "Nieuwe directeur of bestuurder"
    assert (post.status_code, patch.status_code) == (403, 403)


def test_event_list_runs_the_same_number_of_queries_for_3_or_30_events(coordinator, coalition):
    def count_for(n: int) -> int:
        partner = PartnerFactory(coalition=coalition)
        for i in range(n):
            actor = MembershipFactory(coalition=coalition, coordinator=True).user
            services.record_event(
                partner, acting_user=actor, kind="other", date=datetime.date(2024, 1, 1 + i % 28)
            )
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(partner_url(partner, "events/"))
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


def test_contact_list_runs_the_same_number_of_queries_for_3_or_30_contacts(coordinator, coalition):
    def count_for(n: int) -> int:
        partner = PartnerFactory(coalition=coalition)
        for i in range(n):
            services.save_contact(partner, acting_user=coordinator, name=f"Contact {i}")
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(partner_url(partner, "contacts/"))
        assert response.json()["count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)


# --- partner map --------------------------------------------------------------------------------


def test_partner_map_groups_current_partners_per_circle_with_missing_kinds(
    coalition, reader, other_partner
):
    PartnerFactory(coalition=coalition, name="Zorggroep", kind="care_providers", circle="core")
    PartnerFactory(
        coalition=coalition, name="Weg", kind="education", left_on=datetime.date(2024, 1, 1)
    )

    response = api_client_for(reader).get(url(coalition, "partner-map/"))

    assert response.status_code == 200
    data = response.json()
    assert data["partner_count"] == 2
    circles = {circle["circle"]: circle for circle in data["circles"]}
    assert list(circles) == ["core", "active", "involved", "informed"]
    assert [(p["number"], p["name"]) for p in circles["core"]["partners"]] == [(1, "Zorggroep")]
    assert [(p["number"], p["name"]) for p in circles["informed"]["partners"]] == [
        (2, "Bibliotheek")
    ]
    missing = {kind["value"] for kind in data["missing_kinds"]}
    assert "education" in missing
    assert not {"care_providers", "libraries_culture"} & missing


def test_partner_map_runs_the_same_number_of_queries_for_3_or_30_partners(coordinator):
    def count_for(n: int) -> int:
        coalition = MembershipFactory(user=coordinator, coordinator=True).coalition
        PartnerFactory.create_batch(n, coalition=coalition)
        with CaptureQueriesContext(connection) as queries:
            response = api_client_for(coordinator).get(url(coalition, "partner-map/"))
        assert response.json()["partner_count"] == n
        return len(queries)

    assert count_for(3) == count_for(30)
