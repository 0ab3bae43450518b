"""Overdue signals are escalated to the intake organisation: on the deadline and at three times
the period, with the short code and status only."""

import datetime

import pytest

from samenspel.signals import workflow
from samenspel.signals.reminders import overdue_signals
from samenspel.signals.tests.factories import RESIDENT, SignalFactory, setup_signals
from samenspel.signals.workflow import Status, Urgency

pytestmark = pytest.mark.django_db


def test_an_overdue_handover_is_escalated_on_the_deadline_and_at_three_times_it():
    scene = setup_signals()
    since = datetime.date(2026, 4, 2)
    signal = SignalFactory(
        coalition=scene.coalition,
        intake=scene.intake,
        holder=scene.handler,
        status=Status.HANDED_OVER,
        status_since=since,
    )
    due = workflow.deadline(Status.HANDED_OVER, Urgency.NORMAL, since)
    third = workflow.escalation_day(Status.HANDED_OVER, Urgency.NORMAL, since)
    first = list(overdue_signals(due))
    assert [r.to for r in first] == [(scene.intake_member.user.email,)]
    assert signal.short_code in first[0].subject
    assert "drie keer" in next(iter(overdue_signals(third))).subject
    assert list(overdue_signals(due + datetime.timedelta(days=1))) == []
    for reminder in [*first, *overdue_signals(third)]:
        for value in RESIDENT.values():
            assert value not in reminder.subject + reminder.body
