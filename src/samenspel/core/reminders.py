"""Reminders by e-mail, each sent exactly once.

Apps register *sources*: functions that, for a day, yield the reminders that are due. The daily
command asks every source and claims each reminder by its key in `SentReminder` (a unique row)
before the e-mail is queued, in one transaction: a second run, or a second worker, finds the key
taken and sends nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
