"""Reminders by e-mail, each sent exactly once.

Apps register *sources*: functions that, for a day, yield the reminders that are due. The daily
run (`samenspel.mail.reminders.send_due_reminders`) asks every source and claims each reminder by
its key in `SentReminder` (a unique row) in the same transaction that puts its e-mails in the
outbox: a second run, or a second worker, finds the key taken and sends nothing.

This module is the lowest layer (apps below the mail app register here); sending lives in
`samenspel.mail`, which may import this module but not the other way round.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition

Source = Callable[[datetime.date], Iterable["Reminder"]]

SOURCES: list[Source] = []


@dataclass(frozen=True)
class Reminder:
    key: str  # unique for what is reminded of and when, e.g. "evaluation:<uuid>:2026-11-23"
    to: tuple[str, ...]
    subject: str
    body: str
    # Shows a failed reminder to the coalition's coordinator; None keeps it out of that page.
    coalition: Coalition | None = None


def reminder_source(source: Source) -> Source:
    """Register a source of due reminders (use in an app's `reminders.py`, imported in ready())."""
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def due_reminders(today: datetime.date) -> Iterator[Reminder]:
    for source in list(SOURCES):
        yield from source(today)


def claim(reminder: Reminder, recipients: int) -> bool:
    """Claim a reminder inside the caller's transaction; False when it was claimed before.

    The key is inserted in a savepoint: a key that is already there (an earlier run, or another
    worker running right now) raises IntegrityError, which rolls back only the savepoint.
    """
    from samenspel.core.models import SentReminder

    try:
        with transaction.atomic():
            SentReminder.objects.create(key=reminder.key, recipients=recipients)
    except IntegrityError:
        return False
    return True
