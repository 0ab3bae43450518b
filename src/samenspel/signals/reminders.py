"""Escalation: a signal whose step is overdue is reported to the intake organisation's members,
once on the deadline and once more at three times the period (`workflow.py`). The e-mail names
the signal by its short code and status only: no resident data leaves by e-mail."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.accounts.recipients import partner_member_addresses
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.signals import workflow
from samenspel.signals.models import Signal


def _level(signal: Signal, day: datetime.date) -> int:
    if signal.deadline == day:
        return 1
    if workflow.escalation_day(signal.status, signal.urgency, signal.status_since) == day:
        return 3
    return 0


@reminder_source
def overdue_signals(day: datetime.date) -> Iterator[Reminder]:
    candidates = (
        Signal.objects.across_coalitions()
        .open()
        .filter(deadline__lte=day)
        .select_related("coalition")
        .only(
            "uuid", "status", "urgency", "status_since", "deadline", "intake_id", "coalition__name"
        )
        .order_by("pk")
    )
    due = [(signal, level) for signal in candidates if (level := _level(signal, day))]
    addresses = partner_member_addresses({signal.intake_id for signal, _level in due})
    with override("nl"):
        for signal, level in due:
            to = addresses.get(signal.intake_id)
            if not to:
                continue
            values = {
                "code": signal.short_code,
                "status": signal.get_status_display(),
                "coalition": signal.coalition.name,
            }
            subject = (
                _("Signaal %(code)s wacht te lang")
                if level == 1
                else _("Signaal %(code)s wacht drie keer te lang")
            )
            yield Reminder(
                key=f"signal-overdue:{signal.uuid}:{signal.status}:{signal.status_since}:{level}",
                to=to,
                coalition=signal.coalition,
                subject=subject % values,
                body=_(
                    "Het signaal %(code)s bij %(coalition)s staat op '%(status)s' en de volgende "
                    "stap is te laat. Als intake-organisatie bewaakt u dat elk signaal wordt "
                    "opgepakt: neem contact op met de organisatie die het signaal in handen heeft."
                )
                % values,
            )
