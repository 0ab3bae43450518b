"""Deadlines in working days: Monday to Friday, without the Dutch public holidays.

The public holidays come from the `holidays` library (Netherlands: New Year, Easter, King's Day,
Liberation Day, Ascension, Whitsun, Christmas), so moving feasts need no table of our own.
"""

from __future__ import annotations

import datetime
from functools import cache

import holidays


@cache
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (the start itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
