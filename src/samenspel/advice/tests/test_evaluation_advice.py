"""The advice reads the evaluations a coalition records (the rule's own cases are in test_rules)."""

import datetime

import pytest

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.advice.rules import no_evaluation_in_twelve_months
from samenspel.advice.snapshot import build_snapshot
from samenspel.evaluations import services

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def test_a_recorded_evaluation_silences_the_no_evaluation_advice():
    membership = MembershipFactory(
        coordinator=True, coalition__start_date=datetime.date(2023, 1, 1)
    )
    coalition = membership.coalition
    assert no_evaluation_in_twelve_months(build_snapshot(coalition, today=TODAY))
    services.record_evaluation(
        coalition,
        acting_user=membership.user,
        held_on=datetime.date(2026, 6, 1),
        successes="Drie nieuwe huiskamers",
        bottlenecks="De bibliotheek haakt af",
        continuation="Vaker overleg met de kern",
    )
    assert no_evaluation_in_twelve_months(build_snapshot(coalition, today=TODAY)) == []
