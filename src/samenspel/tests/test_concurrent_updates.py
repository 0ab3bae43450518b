"""Twenty people save one partner at the same moment, half changing what it brings and half what
it takes: nobody gets an error, no change is lost to a stale copy, and the audit trail ends with
the values the partner ends with. Runs on SQLite and PostgreSQL (DATABASE_URL)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core.models import AuditEvent
from samenspel.partners import services
from samenspel.partners.models import Partner
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 20


def test_parallel_updates_of_different_fields_keep_both():
    partner = PartnerFactory(brings="", takes="")
    user = MembershipFactory(coalition=partner.coalition, coordinator=True).user
    submitted = {"brings": set(), "takes": set()}

    def save(number: int) -> None:
        field = "brings" if number % 2 else "takes"
        value = f"{field} {number}"
        submitted[field].add(value)
        try:
            # Each writer read the partner before any of them saved: every copy is stale.
            services.update_partner(copies[number], acting_user=user, **{field: value})
        finally:
            connection.close()

    copies = [Partner.objects.get(pk=partner.pk) for _number in range(WRITERS)]
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        list(pool.map(save, range(WRITERS)))  # re-raises the first error, if any

    partner.refresh_from_db()
    assert partner.brings in submitted["brings"]
    assert partner.takes in submitted["takes"]
    events = AuditEvent.objects.filter(action="partner.updated").order_by("id")
    assert events.count() == WRITERS
    last = {}
    for event in events:
        for field, change in event.changes["fields"].items():
            last[field] = change["new"]
    assert last == {"brings": partner.brings, "takes": partner.takes}
