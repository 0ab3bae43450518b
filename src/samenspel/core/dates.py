"""Dates as the interface writes them: one format per context, months in lower case in Dutch.

- `long_date`: in sentences and on detail pages, "6 december 2026";
- `short_date`: in tables and lists, "6 dec. 2026";
- `date_time`: a moment, "6 december 2026, 14:30";
- `period`: from one day to another, "1 juli – 30 september 2026" (the shared month or year only
  once), "vanaf 1 juli 2026" or "tot en met 30 september 2026" when one end is open.

Template filters of the same names are built in (`core/templatetags/dates.py`).
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

SHORT_MONTHS = [
    pgettext_lazy("short month", "jan."),
    pgettext_lazy("short month", "feb."),
    pgettext_lazy("short month", "mrt."),
    pgettext_lazy("short month", "apr."),
    pgettext_lazy("short month", "mei"),
    pgettext_lazy("short month", "jun."),
    pgettext_lazy("short month", "jul."),
    pgettext_lazy("short month", "aug."),
    pgettext_lazy("short month", "sep."),
    pgettext_lazy("short month", "okt."),
    pgettext_lazy("short month", "nov."),
    pgettext_lazy("short month", "dec."),
]

Day = datetime.date | datetime.datetime


def _day(value: Day) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def long_date(value: Day | None) -> str:
    return date_format(_day(value), "j F Y") if value else ""


def short_date(value: Day | None) -> str:
    if not value:
        return ""
    day = _day(value)
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year}"


def date_time(value: datetime.datetime | None) -> str:
    if not value:
        return ""
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{long_date(moment)}, {date_format(moment, 'H:i')}"


def period(start: Day | None, end: Day | None) -> str:
    if not start and not end:
        return ""
    if not end:
        return _("vanaf %(start)s") % {"start": long_date(start)}
    if not start:
        return _("tot en met %(end)s") % {"end": long_date(end)}
    first, last = _day(start), _day(end)
    if first == last:
        return long_date(first)
    if first.year != last.year:
        opening = long_date(first)
    elif first.month != last.month:
        opening = date_format(first, "j F")
    else:
        opening = str(first.day)
    return f"{opening} – {long_date(last)}"
