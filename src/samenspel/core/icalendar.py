"""What every iCalendar file of Samenspel shares: its header, the time zone and the defaults.

Times are written in Europe/Amsterdam with a VTIMEZONE, so calendar apps show 19:30 as 19:30 in
winter and in summer. Text typed by people goes in through `add_text`: a line break in a title
would end the iCalendar line (the library refuses it, the feed would fail), and control
characters are not allowed in iCalendar text at all.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Component, Event

# When an event has no end time: long enough for a meeting or an activity.
DEFAULT_DURATION = datetime.timedelta(hours=1, minutes=30)
UID_DOMAIN = "samenspel"
# Properties whose text may span lines (written as the escape \n, never as a real line break).
MULTI_LINE = frozenset({"description"})
LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")
# C0 and C1 control characters, except the tab and the line feed (RFC 5545 §3.3.11).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line(value: str) -> str:
    """Text for a property of one line: line breaks become spaces, control characters go."""
    return CONTROLS.sub("", LINE_BREAKS.sub(" ", value)).strip()


def multi_line(value: str) -> str:
    """Text that may span lines: every kind of line break becomes a line feed (which the library
    escapes), control characters go."""
    return CONTROLS.sub("", "\n".join(value.splitlines()))


def add_text(component: Component, name: str, value: str) -> None:
    component.add(name, multi_line(value) if name in MULTI_LINE else one_line(value))


def calendar_file(name: str, product: str, events: Iterable[Event]) -> bytes:
    """A calendar named `name` with the events, as the bytes of an .ics file."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Samenspel//{product}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    add_text(calendar, "x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
