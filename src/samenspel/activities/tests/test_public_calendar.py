"""The iCalendar file of an activity: one event per time slot, recurring as the activity does,
in Amsterdam time (also across the change to summer time)."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from samenspel.activities.models import Activity, Frequency, MonthWeek
from samenspel.activities.tests.test_public_finder import make_activity, make_finder

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TUESDAY_10_12 = [(2, datetime.time(10), datetime.time(12))]


@pytest.fixture
def finder(db: None) -> Any:
    return make_finder()


def download(activity: Activity, finder: Any) -> Calendar:
    response = Client().get(reverse("finder:ics", args=[finder.slug, activity.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="activiteit-{activity.uuid}.ics"'
    )
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> list[Any]:
    return list(calendar.walk("VEVENT"))


def test_weekly_activity_recurs_every_week_at_the_same_local_time(finder: Any) -> None:
    activity = make_activity(
        finder.coalition,
        "Koffieochtend",
        slots=TUESDAY_10_12,
        starts_on=datetime.date(2026, 3, 1),  # a sunday: the first tuesday is 3 March
        location_name="Buurthuis De Linde",
        city="Dijkerveen",
    )
    calendar = download(activity, finder)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (event,) = events(calendar)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2026, 3, 3, 10, tzinfo=AMSTERDAM)
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Amsterdam"
    assert start.utcoffset() == datetime.timedelta(hours=1)  # winter time
    assert end == datetime.datetime(2026, 3, 3, 12, tzinfo=AMSTERDAM)
    assert dict(event["RRULE"]) == {"FREQ": ["WEEKLY"], "BYDAY": ["TU"]}  # no INTERVAL, UNTIL
    assert str(event["SUMMARY"]) == "Koffieochtend"
    assert str(event["LOCATION"]) == "Buurthuis De Linde, Dijkerveen"
    assert str(event["URL"]).endswith(reverse("finder:activity", args=[finder.slug, activity.uuid]))
    # After the change to summer time (29 March 2026) it still starts at 10:00 in Amsterdam.
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    later = list(
        rule.between(
            datetime.datetime(2026, 3, 30, tzinfo=AMSTERDAM),
            datetime.datetime(2026, 4, 8, tzinfo=AMSTERDAM),
        )
    )
    assert [o.astimezone(AMSTERDAM).hour for o in later] == [10, 10]  # 31 March, 7 April
    assert later[0].astimezone(AMSTERDAM).utcoffset() == datetime.timedelta(hours=2)


def test_one_event_per_time_slot(finder: Any) -> None:
    activity = make_activity(
        finder.coalition,
        slots=[(2, datetime.time(10), datetime.time(12)), (5, datetime.time(14), None)],
        starts_on=datetime.date(2026, 3, 2),
    )
    first, second = events(download(activity, finder))
    assert first.decoded("DTSTART") == datetime.datetime(2026, 3, 3, 10, tzinfo=AMSTERDAM)
    assert second.decoded("DTSTART") == datetime.datetime(2026, 3, 6, 14, tzinfo=AMSTERDAM)
    # No end time: the meetings' default length of an hour and a half.
    assert second.decoded("DTEND") == datetime.datetime(2026, 3, 6, 15, 30, tzinfo=AMSTERDAM)
    assert second["RRULE"]["BYDAY"] == ["FR"]
    assert str(first["UID"]) != str(second["UID"])


@pytest.mark.parametrize(
    ("frequency", "starts_on", "rule"),
    [
        (
            Frequency.BIWEEKLY,
            datetime.date(2026, 3, 3),
            {"FREQ": ["WEEKLY"], "INTERVAL": [2], "BYDAY": ["TU"]},
        ),
        (Frequency.MONTHLY, datetime.date(2026, 3, 10), {"FREQ": ["MONTHLY"], "BYDAY": ["2TU"]}),
        (Frequency.MONTHLY, datetime.date(2026, 3, 31), {"FREQ": ["MONTHLY"], "BYDAY": ["-1TU"]}),
        (
            Frequency.ON_APPOINTMENT,
            datetime.date(2026, 3, 3),
            {"FREQ": ["WEEKLY"], "BYDAY": ["TU"]},
        ),
    ],
)
def test_frequency_becomes_the_recurrence_rule(
    finder: Any, frequency: str, starts_on: datetime.date, rule: dict
) -> None:
    activity = make_activity(
        finder.coalition, slots=TUESDAY_10_12, frequency=frequency, starts_on=starts_on
    )
    (event,) = events(download(activity, finder))
    assert dict(event["RRULE"]) == rule
    assert event.decoded("DTSTART").date() == starts_on


def test_once_has_no_recurrence(finder: Any) -> None:
    activity = make_activity(
        finder.coalition,
        slots=TUESDAY_10_12,
        frequency=Frequency.ONCE,
        starts_on=datetime.date(2026, 10, 1),  # a thursday: the tuesday after is 6 October
    )
    (event,) = events(download(activity, finder))
    assert "RRULE" not in event
    assert event.decoded("DTSTART") == datetime.datetime(2026, 10, 6, 10, tzinfo=AMSTERDAM)


@time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=AMSTERDAM), tick=False)
def test_end_date_ends_the_recurrence_at_the_end_of_that_day(finder: Any) -> None:
    activity = make_activity(
        finder.coalition,
        slots=TUESDAY_10_12,
        starts_on=datetime.date(2026, 3, 3),
        ends_on=datetime.date(2026, 6, 30),
    )
    (event,) = events(download(activity, finder))
    (until,) = event["RRULE"]["UNTIL"]
    # 30 June 23:59:59 in Amsterdam (summer time) is 21:59:59 UTC.
    assert until == datetime.datetime(2026, 6, 30, 21, 59, 59, tzinfo=datetime.UTC)
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
    assert list(rule)[-1] == datetime.datetime(2026, 6, 30, 10, tzinfo=AMSTERDAM)


@time_machine.travel(datetime.datetime(2026, 5, 14, 12, tzinfo=AMSTERDAM), tick=False)
def test_without_start_date_the_next_occurrence_comes_first(finder: Any) -> None:
    activity = make_activity(finder.coalition, slots=TUESDAY_10_12, starts_on=None)
    (event,) = events(download(activity, finder))
    assert event.decoded("DTSTART") == datetime.datetime(2026, 5, 19, 10, tzinfo=AMSTERDAM)


FRIDAY_14_16 = [(5, datetime.time(14), datetime.time(16))]


@pytest.mark.parametrize(
    ("week", "starts_on", "byday", "first"),
    [
        # The reported case: "first friday", starting on 15 January (a friday, but the third).
        (MonthWeek.FIRST, datetime.date(2027, 1, 15), "1FR", datetime.date(2027, 2, 5)),
        (MonthWeek.FIRST, datetime.date(2027, 1, 1), "1FR", datetime.date(2027, 1, 1)),
        (MonthWeek.THIRD, datetime.date(2027, 1, 2), "3FR", datetime.date(2027, 1, 15)),
        (MonthWeek.LAST, datetime.date(2027, 1, 15), "-1FR", datetime.date(2027, 1, 29)),
        (MonthWeek.LAST, datetime.date(2027, 1, 30), "-1FR", datetime.date(2027, 2, 26)),
        (MonthWeek.SECOND, datetime.date(2026, 12, 20), "2FR", datetime.date(2027, 1, 8)),
    ],
)
def test_a_monthly_week_sets_the_rule_and_the_first_occurrence(
    finder: Any, week: int, starts_on: datetime.date, byday: str, first: datetime.date
) -> None:
    activity = make_activity(
        finder.coalition,
        slots=FRIDAY_14_16,
        frequency=Frequency.MONTHLY,
        month_week=week,
        starts_on=starts_on,
    )
    (event,) = events(download(activity, finder))
    assert dict(event["RRULE"]) == {"FREQ": ["MONTHLY"], "BYDAY": [byday]}
    start = event.decoded("DTSTART")
    assert start == datetime.datetime.combine(first, datetime.time(14), tzinfo=AMSTERDAM)
    # The first occurrence is itself one of the rule's days (a calendar shows it only then).
    occurrences = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)[:3])
    assert occurrences[0] == start
    assert all(o.isoweekday() == 5 for o in occurrences)


def test_the_month_week_is_shown_with_the_day(finder: Any) -> None:
    activity = make_activity(
        finder.coalition, slots=FRIDAY_14_16, frequency=Frequency.MONTHLY, month_week=-1
    )
    page = Client().get(reverse("finder:activity", args=[finder.slug, activity.uuid]))
    assert "laatste vrijdag 14:00–16:00" in page.content.decode()
    listing = Client().get(reverse("finder:index", args=[finder.slug]))
    assert "laatste vrijdag 14:00–16:00" in listing.content.decode()


def test_a_month_week_needs_a_monthly_activity(finder: Any) -> None:
    activity = make_activity(finder.coalition, frequency=Frequency.WEEKLY)
    activity.month_week = MonthWeek.FIRST
    with pytest.raises(ValidationError) as refused:
        activity.full_clean()
    assert "month_week" in refused.value.message_dict
