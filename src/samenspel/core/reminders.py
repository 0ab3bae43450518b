"""Reminders by e-mail, each sent exactly once.

Apps register *sources*: functions that, for a day, yield the reminders that are due. The daily
command asks every source and claims each reminder by its key in `SentReminder` (a unique row)
before the e-mail is queued, in one transaction: a second run, or a second worker, finds the key
taken and sends nothing.

The e-mail itself goes out through the task queue (`samenspel.core.tasks.send_email`). With the
database backend the queued task is a row written in the same transaction as the claim, so either
both exist or neither does; other backends are given the task only after the claim has committed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

Source = Callable[[datetime.date], Iterable["Reminder"]]

SOURCES: list[Source] = []


@dataclass(frozen=True)
class Reminder:
    key: str  # unique for what is reminded of and when, e.g. "evaluation:<uuid>:2026-11-23"
    to: tuple[str, ...]
    subject: str
    body: str


def reminder_source(source: Source) -> Source:
    """Register a source of due reminders (use in an app's `reminders.py`, imported in ready())."""
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def send_due_reminders(today: datetime.date | None = None) -> int:
    """Queue every due reminder that has not been queued before; return how many were queued.

    Each reminder is claimed by inserting its key into `SentReminder` in its own transaction. A
    key that is already there (an earlier run, or another worker running right now) raises
    IntegrityError inside a savepoint and the reminder is skipped. Reminders without recipients
    are skipped without being claimed, so they can still go out once someone is there to get them.
    """
    from samenspel.core.models import SentReminder
    from samenspel.core.tasks import send_email

    today = today or timezone.localdate()
    queued = 0
    for source in list(SOURCES):
        for reminder in source(today):
            recipients = [address for address in reminder.to if address]
            if not recipients:
                continue
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        SentReminder.objects.create(key=reminder.key, recipients=len(recipients))
                except IntegrityError:
                    logger.debug("Reminder %s was already queued", reminder.key)
                    continue
                enqueue = partial(send_email.enqueue, recipients, reminder.subject, reminder.body)
                if isinstance(send_email.get_backend(), DatabaseBackend):
                    enqueue()  # a row in this transaction: committed together with the claim
                else:
                    transaction.on_commit(enqueue)
            queued += 1
    return queued
