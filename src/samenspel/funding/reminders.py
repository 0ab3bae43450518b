"""Reminder: funding that carries activities ends in 90 days and has no plan for afterwards."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.accounts.recipients import coordinator_addresses
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.funding.models import FundingSource
from samenspel.funding.money import euro

DAYS_AHEAD = 90


@reminder_source
def funding_ends_without_plan(day: datetime.date) -> Iterator[Reminder]:
    ends_on = day + datetime.timedelta(days=DAYS_AHEAD)
    sources = list(
        FundingSource.objects.across_coalitions()
        .carrying_activities_without_plan()
        .filter(end_date=ends_on)
        .select_related("coalition", "funder_partner")
        .order_by("pk")
    )
    addresses = coordinator_addresses({source.coalition_id for source in sources})
    with override("nl"):
        for source in sources:
            to = addresses.get(source.coalition_id)
            if not to:
                continue
            values = {
                "funder": source.funder,
                "coalition": source.coalition.name,
                "date": date_format(ends_on, "j F Y"),
                "amount": euro(source.amount),
            }
            yield Reminder(
                key=f"funding-ends:{source.uuid}:{ends_on.isoformat()}",
                to=to,
                coalition=source.coalition,
                subject=_("Financiering van %(funder)s stopt over 90 dagen") % values,
                body=_(
                    "De financiering van %(funder)s (%(amount)s) voor %(coalition)s loopt af op "
                    "%(date)s. Er hangen activiteiten van af en er is nog geen plan voor daarna.\n\n"
                    "Bespreek op tijd met de partners en de gemeente hoe jullie verdergaan: een "
                    "nieuwe subsidie, eigen middelen of een mix (Handreiking §1.3, 'Dilemma: "
                    "subsidie nodig of niet?'). Leg het plan vast bij de financieringsbron in "
                    "Samenspel."
                )
                % values,
            )
