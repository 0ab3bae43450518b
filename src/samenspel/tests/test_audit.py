"""The save-and-audit helper: only changed fields are written, under a row lock, and the trail
holds ids and labels but never the values of personal fields."""

import datetime

import pytest

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core import audit
from samenspel.core.models import AuditEvent
from samenspel.partners import services
from samenspel.partners.audit_actions import PartnerAction
from samenspel.partners.models import ContactPerson, Partner
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return PartnerFactory(brings="Vrijwilligers", takes="Bereik")


@pytest.fixture
def user(partner):
    return MembershipFactory(coalition=partner.coalition, coordinator=True).user


def test_a_stale_copy_only_writes_the_fields_it_was_given(partner, user):
    stale = Partner.objects.get(pk=partner.pk)
    services.update_partner(partner, acting_user=user, takes="Contacten")

    services.update_partner(stale, acting_user=user, brings="Ruimte")

    partner.refresh_from_db()
    assert (partner.brings, partner.takes) == ("Ruimte", "Contacten")
    assert (stale.brings, stale.takes) == ("Ruimte", "Contacten")  # the copy follows the row


def test_an_update_records_old_and_new_per_changed_field(partner, user):
    services.update_partner(
        partner,
        acting_user=user,
        brings="Ruimte",
        takes="Bereik",
        joined_on=datetime.date(2024, 5, 1),
    )

    event = AuditEvent.objects.get(action=PartnerAction.PARTNER_UPDATED)
    assert event.changes["model"] == "partners.partner"
    assert event.changes["fields"] == {
        "brings": {"old": "Vrijwilligers", "new": "Ruimte"},
        "joined_on": {"old": None, "new": "2024-05-01"},
    }
    assert event.object_uuid == partner.uuid
    assert event.coalition == partner.coalition


def test_an_update_without_changes_writes_and_records_nothing(partner, user):
    before = Partner.objects.get(pk=partner.pk).updated_at

    services.update_partner(partner, acting_user=user, brings="Vrijwilligers")

    assert not AuditEvent.objects.exists()
    assert Partner.objects.get(pk=partner.pk).updated_at == before


def test_personal_fields_are_recorded_as_changed_without_values(partner, user):
    contact = services.save_contact(
        partner, acting_user=user, name="An de Vries", email="an@example.nl", function="Coach"
    )
    services.save_contact(
        partner, acting_user=user, contact=contact, email="a.devries@example.nl", phone="0612"
    )

    created, updated = AuditEvent.objects.order_by("id")
    assert created.changes["fields"]["name"] == {"changed": True}
    assert created.changes["fields"]["function"] == {"old": None, "new": "Coach"}
    assert updated.changes["fields"] == {"email": {"changed": True}, "phone": {"changed": True}}
    trail = str(list(AuditEvent.objects.values_list("object_label", "changes")))
    for value in ("An de Vries", "an@example.nl", "a.devries", "0612"):
        assert value not in trail
    assert created.object_label == f"Contactpersoon bij {partner.name}"


def test_a_related_object_is_stored_as_uuid_and_label_and_a_person_without_name(partner, user):
    membership = MembershipFactory(coalition=partner.coalition)

    audit.delete(membership, action="membership.deleted", acting_user=user, coalition=None)

    fields = AuditEvent.objects.get().changes["fields"]
    assert fields["user"]["old"] == {"uuid": str(membership.user.uuid), "label": "gebruiker"}
    assert membership.user.full_name not in str(AuditEvent.objects.get().object_label)


def test_a_failing_check_saves_and_records_nothing(partner, user):
    other = PartnerFactory(coalition=partner.coalition, name="Bibliotheek")

    with pytest.raises(Exception, match="al een partner met deze naam"):
        services.update_partner(partner, acting_user=user, name=other.name, takes="Alles")

    assert Partner.objects.get(pk=partner.pk).takes == "Bereik"
    assert not AuditEvent.objects.exists()


def test_a_deletion_keeps_the_last_values(partner, user):
    contact = ContactPerson.objects.create(partner=partner, name="Bo", function="Voorzitter")

    services.delete_contact(contact, acting_user=user)

    fields = AuditEvent.objects.get(action="contact.deleted").changes["fields"]
    assert fields["function"] == {"old": "Voorzitter", "new": None}
    assert fields["name"] == {"changed": True}


def test_action_labels_come_from_the_apps_enums():
    assert audit.action_label("partner.updated") == "Partner gewijzigd"
    assert audit.action_label("meeting.action_done") == "Actiepunt afgerond"
    assert audit.action_label("unknown.action") == "unknown.action"
    values = [value for value, _label in audit.action_choices()]
    assert len(values) == len(set(values)) > 60
