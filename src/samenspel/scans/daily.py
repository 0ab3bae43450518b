"""The daily run over every coalition's scan rounds: close expired rounds, send reminders.

A system process (`scan_rounds_daily`), so it reads across coalitions.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samenspel.scans import services
from samenspel.scans.models import Respondent, Round, RoundStatus

REMIND_AFTER_DAYS = 5
REMIND_BEFORE_CLOSING_DAYS = 2


def close_expired_rounds(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    expired = list(
        Round.objects.across_coalitions()
        .filter(status=RoundStatus.OPEN, closes_on__lt=today)
        .select_related("coalition")
    )
    closed = 0
    for scan_round in expired:
        try:
            services.close_round(scan_round, acting_user=None)
        except ValidationError:  # closed by hand in the meantime
            continue
        closed += 1
    return closed


@transaction.atomic
def send_reminders(*, today: datetime.date | None = None) -> int:
    """One reminder per respondent who has not answered: after a few days, or just before closing."""
    today = today or timezone.localdate()
    due = (
        Respondent.objects.across_coalitions()
        .select_related("round__coalition")
        .filter(
            round__status=RoundStatus.OPEN,
            round__closes_on__gte=today,
            responded=False,
            reminded_at__isnull=True,
            invited_at__isnull=False,
        )
        .select_for_update(of=("self",))
    )
    sent = 0
    now = timezone.now()
    for respondent in due:
        days_open = (today - timezone.localdate(respondent.invited_at)).days
        closing_soon = (respondent.round.closes_on - today).days <= REMIND_BEFORE_CLOSING_DAYS
        # Never on the day of the invitation itself, even when the round closes soon.
        if days_open >= 1 and (days_open >= REMIND_AFTER_DAYS or closing_soon):
            respondent.reminded_at = now
            respondent.save(update_fields=["reminded_at"])
            services.queue_invitation(respondent, reminder=True)
            sent += 1
    return sent
