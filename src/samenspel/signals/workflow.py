"""The follow-up of a signal as a state machine: which status may follow which, and how many
working days each status may last before someone must act.

Every status but "closed" has a deadline, so no signal can wait unnoticed: a missed deadline is
escalated to the intake organisation (`reminders.py`), once at the deadline and again at three
times the period. Urgent signals get the short periods.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.signals.workdays import add_working_days


class Status(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    IN_TRIAGE = "in_triage", _("In triage")
    HANDED_OVER = "handed_over", _("Overgedragen")
    ACCEPTED = "accepted", _("Geaccepteerd")
    CONTACT_MADE = "contact_made", _("Contact gelegd")
    UNREACHABLE = "unreachable", _("Niet bereikt")
    RESIDENT_DECLINES = "resident_declines", _("Inwoner wil geen hulp")
    IN_SUPPORT = "in_support", _("In begeleiding")
    REFERRED = "referred", _("Doorverwezen naar een activiteit")
    CLOSED = "closed", _("Afgesloten")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Gewoon")
    URGENT = "urgent", _("Met voorrang")


class Outcome(models.TextChoices):
    SUPPORTED = "supported", _("Geholpen of begeleid")
    REFERRED = "referred", _("Deelnemer aan een activiteit")
    DECLINED = "declined", _("Inwoner wilde geen hulp")
    UNREACHABLE = "unreachable", _("Niet bereikt")
    WITHDRAWN = "withdrawn", _("Toestemming ingetrokken")
    NO_FOLLOW_UP = "no_follow_up", _("Geen vervolg nodig")


class Feedback(models.TextChoices):
    """What the signaller hears: never more than these three words."""

    RECEIVED = "received", _("ontvangen")
    PICKED_UP = "picked_up", _("opgepakt")
    CLOSED = "closed", _("afgesloten")


# Handing over (to `HANDED_OVER`) and deciding on a handover (`ACCEPTED`, or back to triage)
# have their own services; the other steps are chosen by the organisation that holds the signal.
NEXT: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.IN_TRIAGE, Status.CLOSED}),
    Status.IN_TRIAGE: frozenset({Status.HANDED_OVER, Status.CLOSED}),
    Status.HANDED_OVER: frozenset({Status.ACCEPTED, Status.IN_TRIAGE}),
    Status.ACCEPTED: frozenset({Status.CONTACT_MADE, Status.UNREACHABLE}),
    Status.CONTACT_MADE: frozenset(
        {Status.IN_SUPPORT, Status.RESIDENT_DECLINES, Status.REFERRED, Status.CLOSED}
    ),
    Status.UNREACHABLE: frozenset({Status.CONTACT_MADE, Status.CLOSED}),
    Status.RESIDENT_DECLINES: frozenset({Status.CLOSED}),
    Status.IN_SUPPORT: frozenset({Status.REFERRED, Status.CLOSED}),
    Status.REFERRED: frozenset({Status.IN_SUPPORT, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}

# Working days a status may last (normal, urgent). Handover: the handling organisation answers
# within three working days; contact within five after accepting, as the services that the issue
# names as good practice promise.
PERIODS: dict[str, tuple[int, int]] = {
    Status.RECEIVED: (2, 1),
    Status.IN_TRIAGE: (5, 1),
    Status.HANDED_OVER: (3, 1),
    Status.ACCEPTED: (5, 2),
    Status.CONTACT_MADE: (10, 5),
    Status.UNREACHABLE: (10, 5),
    Status.RESIDENT_DECLINES: (5, 5),
    Status.IN_SUPPORT: (40, 20),
    Status.REFERRED: (20, 10),
}

# Steps the holder may choose on the signal's page (not handover and its answer).
HOLDER_STEPS = frozenset(
    {
        Status.IN_TRIAGE,
        Status.CONTACT_MADE,
        Status.UNREACHABLE,
        Status.RESIDENT_DECLINES,
        Status.IN_SUPPORT,
        Status.REFERRED,
        Status.CLOSED,
    }
)

PICKED_UP = frozenset(NEXT) - {Status.RECEIVED, Status.IN_TRIAGE, Status.HANDED_OVER, Status.CLOSED}


def period(status: str, urgency: str) -> int | None:
    periods = PERIODS.get(status)
    if periods is None:
        return None
    return periods[1] if urgency == Urgency.URGENT else periods[0]


def deadline(status: str, urgency: str, since: datetime.date) -> datetime.date | None:
    """When the next step is due; None only for a closed signal."""
    days = period(status, urgency)
    return None if days is None else add_working_days(since, days)


def escalation_day(status: str, urgency: str, since: datetime.date) -> datetime.date | None:
    """The second escalation: at three times the status's period."""
    days = period(status, urgency)
    return None if days is None else add_working_days(since, 3 * days)


def can_follow(current: str, new: str) -> bool:
    return new in NEXT[current]


def feedback(status: str) -> Feedback:
    if status == Status.CLOSED:
        return Feedback.CLOSED
    return Feedback.PICKED_UP if status in PICKED_UP else Feedback.RECEIVED
