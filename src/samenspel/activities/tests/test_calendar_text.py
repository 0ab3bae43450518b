"""Text typed by people never breaks an iCalendar line: line breaks in one-line properties become
spaces, control characters are dropped, and a description keeps its lines as escapes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from samenspel.activities.tests.test_public_finder import make_activity, make_finder
from samenspel.core.icalendar import multi_line, one_line

# No NUL: PostgreSQL does not store it (the unit tests below include one).
NASTY_TITLE = "Koor\r\nBEGIN:VEVENT\nSUMMARY:nep\u2028en\x07 meer\x1b"


def test_one_line_turns_line_breaks_into_spaces_and_drops_control_characters():
    assert one_line(NASTY_TITLE + "\x00") == "Koor BEGIN:VEVENT SUMMARY:nep en meer"
    assert one_line("Tab\tblijft") == "Tab\tblijft"


def test_multi_line_keeps_lines_as_line_feeds_only():
    assert multi_line("Eerst\r\ndan\rnu\u2028later\x1b.") == "Eerst\ndan\nnu\nlater."


@pytest.mark.django_db
def test_a_title_with_line_breaks_gives_a_valid_calendar_file():
    finder = make_finder()
    activity = make_activity(
        finder.coalition,
        NASTY_TITLE,
        description="Regel een\r\nRegel twee\x0c",
        location_name="Buurthuis\nDe Linde",
    )
    response = Client().get(reverse("finder:ics", args=[finder.slug, activity.uuid]))
    assert response.status_code == 200
    lines = response.content.decode().split("\r\n")
    # Every line is a property, a continuation (starting with a space) or the end of the file.
    assert all(":" in line or line.startswith(" ") or line == "" for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    assert not any(ord(char) < 32 and char != "\t" for char in "".join(lines))
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Koor BEGIN:VEVENT SUMMARY:nep en meer"
    assert str(event["DESCRIPTION"]) == "Regel een\nRegel twee"
    assert str(event["LOCATION"]) == "Buurthuis De Linde"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Koor BEGIN:VEVENT SUMMARY:nep en meer"
