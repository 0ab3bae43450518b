"""One date format per context, Dutch months in lower case; periods name a shared month once."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from samenspel.core.dates import date_time, long_date, period, short_date

DAY = datetime.date(2026, 12, 6)


@pytest.fixture(autouse=True)
def _dutch() -> None:
    translation.activate("nl")


def test_long_and_short_dates() -> None:
    assert long_date(DAY) == "6 december 2026"
    assert short_date(DAY) == "6 dec. 2026"
    assert short_date(datetime.date(2026, 5, 1)) == "1 mei 2026"
    assert long_date(None) == ""


def test_a_moment_in_local_time() -> None:
    utc = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert date_time(utc) == "7 december 2026, 00:30"
    assert short_date(utc) == "7 dec. 2026"


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ((2026, 7, 1), (2026, 9, 30), "1 juli – 30 september 2026"),
        ((2026, 7, 1), (2026, 7, 31), "1 – 31 juli 2026"),
        ((2026, 12, 1), (2027, 1, 31), "1 december 2026 – 31 januari 2027"),
        ((2026, 7, 1), (2026, 7, 1), "1 juli 2026"),
    ],
)
def test_periods(start: tuple[int, int, int], end: tuple[int, int, int], shown: str) -> None:
    assert period(datetime.date(*start), datetime.date(*end)) == shown


def test_open_periods() -> None:
    assert period(DAY, None) == "vanaf 6 december 2026"
    assert period(None, DAY) == "tot en met 6 december 2026"


def test_the_filters_are_built_into_every_template() -> None:
    template = Template("{{ day|long_date }} / {{ day|short_date }} / {{ day|period:end }}")
    context = Context({"day": DAY, "end": datetime.date(2027, 1, 6)})
    assert template.render(context) == (
        "6 december 2026 / 6 dec. 2026 / 6 december 2026 – 6 januari 2027"
    )


def test_english_months() -> None:
    with translation.override("en"):
        assert long_date(DAY) == "6 December 2026"
        assert short_date(DAY) == "6 Dec 2026"
