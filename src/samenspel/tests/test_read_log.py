"""Reads of personal data are logged through a connection of their own, so the log row survives
a rollback of the request's transaction. Runs on SQLite and PostgreSQL (DATABASE_URL)."""

import pytest
from django.db import transaction

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.coalitions.models import Coalition
from samenspel.core import audit
from samenspel.core.models import ReadEvent
from samenspel.partners.models import ContactPerson
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "audit"])


class Rollback(Exception):
    pass


def test_a_read_is_logged_even_when_the_transaction_rolls_back():
    partner = PartnerFactory()
    user = MembershipFactory(coalition=partner.coalition, coordinator=True).user
    contact = ContactPerson.objects.create(partner=partner, name="An", email="an@example.nl")

    def request_that_fails() -> None:
        with transaction.atomic():
            # It wrote something, and holds a lock on the coalition, when it fails.
            Coalition.objects.select_for_update().get(pk=partner.coalition_id)
            ContactPerson.objects.filter(pk=contact.pk).update(function="Coach")
            audit.log_read(
                contact,
                acting_user=user,
                coalition=partner.coalition,
                purpose="contact details",
                ip_address="192.0.2.7",
                user_agent="Firefox",
            )
            raise Rollback

    with pytest.raises(Rollback):
        request_that_fails()

    assert ContactPerson.objects.get(pk=contact.pk).function == ""
    logged = ReadEvent.objects.get()
    assert (logged.actor_id, logged.coalition_id) == (user.pk, partner.coalition_id)
    assert (logged.object_type, logged.object_uuid) == ("partners.contactperson", contact.uuid)
    assert (logged.purpose, logged.ip_address, logged.user_agent) == (
        "contact details",
        "192.0.2.7",
        "Firefox",
    )
    assert "an@example.nl" not in str(ReadEvent.objects.values().get())
