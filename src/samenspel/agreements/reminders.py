"""Reminders for agreements whose review date is near: to the coalition's coordinators, once per
agreement and review date (handbook §1.2.4: room to talk about changed circumstances)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _

from samenspel.accounts.recipients import coordinator_addresses
from samenspel.agreements.models import PartnerAgreement
from samenspel.core.dates import long_date
from samenspel.core.reminders import Reminder, reminder_source

REVIEW_NOTICE_DAYS = 14


@reminder_source
def due(today: datetime.date) -> Iterator[Reminder]:
    agreements = list(
        PartnerAgreement.objects.across_coalitions()
        .filter(
            review_date__gte=today,
            review_date__lte=today + datetime.timedelta(days=REVIEW_NOTICE_DAYS),
            partner__left_on__isnull=True,
        )
        .select_related("partner", "coalition")
        .order_by("review_date", "pk")
    )
    if not agreements:
        return
    coordinators = coordinator_addresses({a.coalition_id for a in agreements})
    for agreement in agreements:
        to = coordinators.get(agreement.coalition_id, ())
        if not to:
            continue
        values = {
            "partner": agreement.partner.name,
            "coalition": agreement.coalition.name,
            "date": long_date(agreement.review_date),
        }
        yield Reminder(
            key=f"agreement-review:{agreement.uuid}:{agreement.review_date.isoformat()}",
            to=to,
            coalition=agreement.coalition,
            subject=_("Afspraken met %(partner)s herzien op %(date)s") % values,
            body=_(
                "Op %(date)s staan de afspraken met %(partner)s in coalitie %(coalition)s op de "
                "agenda om samen te herzien. Bespreek wat de partner brengt en haalt, en of de "
                "afspraken nog passen. U vindt ze in Samenspel onder 'Afspraken'."
            )
            % values,
        )
