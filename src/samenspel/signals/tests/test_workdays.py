"""Deadlines in working days skip weekends and Dutch public holidays."""

import datetime

import pytest

from samenspel.signals import workflow
from samenspel.signals.workdays import add_working_days, is_working_day
from samenspel.signals.workflow import Status, Urgency

D = datetime.date


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April are not working days.
        (D(2026, 4, 2), 1, D(2026, 4, 7)),
        (D(2026, 4, 1), 3, D(2026, 4, 8)),
        # King's Day: Monday 27 April 2026.
        (D(2026, 4, 24), 1, D(2026, 4, 28)),
        # King's Day on Saturday 27 April 2024 is kept on the Saturday: Monday still counts.
        (D(2024, 4, 26), 1, D(2024, 4, 29)),
        # Christmas 2026 (Friday and Saturday), then the new year.
        (D(2026, 12, 24), 1, D(2026, 12, 28)),
        (D(2026, 12, 24), 5, D(2027, 1, 4)),
        # An ordinary week.
        (D(2026, 3, 9), 3, D(2026, 3, 12)),
    ],
)
def test_working_days_skip_weekends_and_public_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_public_holidays_are_not_working_days():
    for day in (D(2026, 4, 6), D(2026, 4, 27), D(2026, 12, 25), D(2026, 12, 26), D(2027, 1, 1)):
        assert not is_working_day(day)


def test_every_status_but_closed_has_a_deadline_and_a_way_on():
    since = D(2026, 3, 9)
    for status in Status:
        for urgency in Urgency:
            due = workflow.deadline(status, urgency, since)
            assert (due is None) == (status == Status.CLOSED)
        if status != Status.CLOSED:
            assert workflow.NEXT[status], f"{status} is a dead end"


def test_every_open_status_can_reach_closed():
    for status in Status:
        seen, todo = set(), [status]
        while todo:
            current = todo.pop()
            seen.add(current)
            todo.extend(workflow.NEXT[current] - seen)
        assert Status.CLOSED in seen


def test_the_handover_deadline_across_easter_and_its_escalation_at_three_times():
    since = D(2026, 4, 2)  # Thursday before Good Friday
    assert workflow.deadline(Status.HANDED_OVER, Urgency.NORMAL, since) == D(2026, 4, 9)
    assert workflow.escalation_day(Status.HANDED_OVER, Urgency.NORMAL, since) == D(2026, 4, 17)


def test_feedback_is_one_of_three_words():
    assert workflow.feedback(Status.HANDED_OVER) == workflow.Feedback.RECEIVED
    assert workflow.feedback(Status.IN_SUPPORT) == workflow.Feedback.PICKED_UP
    assert workflow.feedback(Status.CLOSED) == workflow.Feedback.CLOSED
