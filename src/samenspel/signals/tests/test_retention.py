"""Retention and rights: the daily run anonymises closed signals after the keeping period and
withdrawn ones at once; the handling organisation exports (inzage) and erases."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from samenspel.signals.models import Signal
from samenspel.signals.retention import apply_retention
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    setup_signals,
    verified_client_for,
)
from samenspel.signals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


def _closed(scene, days_ago, outcome=Outcome.SUPPORTED):
    return SignalFactory(
        coalition=scene.coalition,
        intake=scene.intake,
        status=Status.CLOSED,
        outcome=outcome,
        closed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def _name(signal):
    return Signal.objects.correlated().get(pk=signal.pk).resident_name


@override_settings(SIGNAL_RETENTION_DAYS=365)
def test_closed_signals_are_anonymised_after_the_keeping_period_and_withdrawn_ones_at_once():
    scene = setup_signals()
    old = _closed(scene, 366)
    recent = _closed(scene, 300)
    withdrawn = _closed(scene, 0, outcome=Outcome.WITHDRAWN)
    open_one = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    call_command("signal_retention", verbosity=0)
    assert _name(old) == _name(withdrawn) == ""
    assert _name(recent) == _name(open_one) == RESIDENT["resident_name"]
    kept = Signal.objects.correlated().get(pk=old.pk)
    assert (kept.outcome, kept.source_kind, kept.anonymised_at is not None) == (
        Outcome.SUPPORTED,
        old.source_kind,
        True,
    )
    assert apply_retention(timezone.now()) == 0


def test_the_handling_organisation_exports_everything_and_the_export_is_logged():
    scene = setup_signals()
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    url = reverse("signals:export", args=[scene.coalition.uuid, signal.uuid])
    response = verified_client_for(scene.intake_member.user).get(url)
    data = json.loads(response.content)
    assert data["gegevens"]["resident_name"] == RESIDENT["resident_name"]
    assert "attachment" in response["Content-Disposition"]
    assert verified_client_for(scene.coordinator.user).get(url).status_code == 404
    again = json.loads(verified_client_for(scene.intake_member.user).get(url).content)
    # This export and the one before it.
    assert [read["waarvoor"] for read in again["inzage"]] == ["inzage-export", "inzage-export"]


def test_erasure_stops_the_follow_up_and_removes_the_data():
    scene = setup_signals()
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    url = reverse("signals:erase", args=[scene.coalition.uuid, signal.uuid])
    assert verified_client_for(scene.intake_member.user).post(url).status_code == 302
    erased = Signal.objects.correlated().get(pk=signal.pk)
    assert (erased.status, erased.resident_name, erased.phone, erased.birth_date) == (
        Status.CLOSED,
        "",
        "",
        None,
    )
