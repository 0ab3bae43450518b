"""When an activity takes place, as recurrence rules: an iCalendar file for one activity and the
schedules of the open data (hsds.py) are both built from `occurrence_rule`.

A time slot says "tuesday 10:00–12:00"; with the activity's frequency that becomes a recurring
event that starts on the first such weekday on or after the start date (or today, when the
activity has none) and ends on the end date. A monthly activity says on which of the month's
weekdays it falls ("eerste vrijdag": BYDAY=1FR, "laatste dinsdag": BYDAY=-1TU); its first
occurrence is the first such day on or after the start date. Times are local (Europe/Amsterdam) and written with
a VTIMEZONE, the same way as the meeting feeds (meetings/calendar.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Event, vRecur

from samenspel.activities.models import Activity, Frequency, MonthWeek, TimeSlot
from samenspel.core.icalendar import DEFAULT_DURATION, UID_DOMAIN, add_text, calendar_file

ICAL_DAYS = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


@dataclass(frozen=True)
class OccurrenceRule:
    """The recurrence of one time slot, in RFC 5545 terms (also HSDS's schedule fields)."""

    first: datetime.date
    freq: str | None  # "WEEKLY", "MONTHLY", or None for a single occurrence
    interval: int
    byday: str  # "TU", or "2TU" (second tuesday of the month) / "-1TU" (last tuesday)
    until: datetime.date | None


def first_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.isoweekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, week: int) -> datetime.date:
    """The `week`-th `weekday` of a month (1 to 4), or its last one for -1."""
    if week == MonthWeek.LAST:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return first_on_or_after(following, weekday) - datetime.timedelta(days=7)
    return first_on_or_after(datetime.date(year, month, 1), weekday) + datetime.timedelta(
        weeks=week - 1
    )


def first_in_month_week(anchor: datetime.date, weekday: int, week: int) -> datetime.date:
    """The first `week`-th `weekday` of a month on or after `anchor`: this month's, or the next."""
    this_month = nth_weekday(anchor.year, anchor.month, weekday, week)
    if this_month >= anchor:
        return this_month
    return nth_weekday(anchor.year + anchor.month // 12, anchor.month % 12 + 1, weekday, week)


def occurrence_rule(
    activity: Activity, slot: TimeSlot, today: datetime.date | None = None
) -> OccurrenceRule:
    anchor = activity.starts_on or today or timezone.localdate()
    first = first_on_or_after(anchor, slot.weekday)
    day = ICAL_DAYS[slot.weekday]
    if activity.frequency == Frequency.MONTHLY and activity.month_week is not None:
        first = first_in_month_week(anchor, slot.weekday, activity.month_week)
        return OccurrenceRule(first, "MONTHLY", 1, f"{activity.month_week}{day}", activity.ends_on)
    if activity.frequency == Frequency.MONTHLY:
        # No week set: the n-th weekday of the month of the first occurrence; a fifth one is
        # "the last".
        position = (first.day - 1) // 7 + 1
        return OccurrenceRule(
            first, "MONTHLY", 1, f"{position if position < 5 else -1}{day}", activity.ends_on
        )
    if activity.frequency == Frequency.ONCE:
        return OccurrenceRule(first, None, 1, day, None)
    # Weekly, every other week, and "on appointment" (the slots are the hours one can come).
    interval = 2 if activity.frequency == Frequency.BIWEEKLY else 1
    return OccurrenceRule(first, "WEEKLY", interval, day, activity.ends_on)


def _slot_event(
    activity: Activity,
    slot: TimeSlot,
    *,
    url: str,
    stamp: datetime.datetime,
    zone: ZoneInfo,
    today: datetime.date | None,
) -> Event:
    rule = occurrence_rule(activity, slot, today)
    starts = datetime.datetime.combine(rule.first, slot.start_time, tzinfo=zone)
    ends = (
        datetime.datetime.combine(rule.first, slot.end_time, tzinfo=zone)
        if slot.end_time
        else starts + DEFAULT_DURATION
    )
    event = Event()
    event.add("uid", f"activity-{activity.uuid}-{slot.weekday}-{slot.start_time:%H%M}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", starts)
    event.add("dtend", ends)
    add_text(event, "summary", activity.title)
    add_text(event, "description", activity.description)
    event.add("url", url)
    location = ", ".join(
        part
        for part in (
            activity.location_name,
            activity.street_address,
            " ".join(p for p in (activity.postal_code, activity.city) if p),
        )
        if part
    )
    if location:
        add_text(event, "location", location)
    if rule.freq:
        recur = vRecur(freq=rule.freq, byday=rule.byday)
        if rule.interval > 1:
            recur["interval"] = rule.interval
        if rule.until:
            # With a local DTSTART, UNTIL is given in UTC (RFC 5545 §3.3.10): the end of that day.
            last = datetime.datetime.combine(rule.until, datetime.time(23, 59, 59), tzinfo=zone)
            recur["until"] = last.astimezone(datetime.UTC)
        event.add("rrule", recur)
    return event


def activity_calendar(activity: Activity, *, url: str, today: datetime.date | None = None) -> bytes:
    """One VEVENT per time slot of the activity, each recurring as the activity does."""
    zone = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()
    events = [
        _slot_event(activity, slot, url=url, stamp=stamp, zone=zone, today=today)
        for slot in activity.time_slots.all()
    ]
    return calendar_file(activity.title, "Activiteiten", events)
