"""The daily reminder run: every due reminder claimed once and its e-mails put in the outbox."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from samenspel.core.reminders import Reminder, claim, due_reminders
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail

logger = logging.getLogger(__name__)


def _recipients(reminder: Reminder) -> list[str]:
    return list(dict.fromkeys(address for address in reminder.to if address))


def send_due_reminders(today: datetime.date | None = None) -> int:
    """Queue every due reminder that has not been queued before; return how many were queued.

    The claim and the outbox rows share one transaction per reminder: both exist or neither.
    Reminders without recipients are not claimed, so they can still go out once someone is there
    to get them. Each recipient gets an e-mail of their own (no addresses shown to each other).
    """
    today = today or timezone.localdate()
    queued = 0
    for reminder in due_reminders(today):
        recipients = _recipients(reminder)
        if not recipients:
            continue
        with transaction.atomic():
            if not claim(reminder, len(recipients)):
                logger.debug("Reminder %s was already queued", reminder.key)
                continue
            for address in recipients:
                queue_mail(
                    to=address,
                    subject=reminder.subject,
                    body=reminder.body,
                    kind=MailKind.REMINDER,
                    coalition=reminder.coalition,
                )
        queued += 1
    return queued
