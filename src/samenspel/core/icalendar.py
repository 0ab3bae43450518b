"""What every iCalendar file of Samenspel shares: its header, the time zone and the defaults.

Times are written in Europe/Amsterdam with a VTIMEZONE, so calendar apps show 19:30 as 19:30 in
winter and in summer.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

# When an event has no end time: long enough for a meeting or an activity.
DEFAULT_DURATION = datetime.timedelta(hours=1, minutes=30)
UID_DOMAIN = "samenspel"


def calendar_file(name: str, product: str, events: Iterable[Event]) -> bytes:
    """A calendar named `name` with the events, as the bytes of an .ics file."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Samenspel//{product}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
