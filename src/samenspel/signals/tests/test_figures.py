"""The coalition's figures: counts per month and dimension from values only, small ones hidden."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenspel.signals import services
from samenspel.signals.figures import _counts, coalition_figures, months_back
from samenspel.signals.models import SourceKind
from samenspel.signals.tests.factories import RESIDENT, SignalFactory, setup_signals
from samenspel.signals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db


def _make(scene, count, **fields):
    for _n in range(count):
        SignalFactory(coalition=scene.coalition, intake=scene.intake, **fields)


def test_figures_count_per_month_and_hide_small_numbers():
    scene = setup_signals()
    now = timezone.now()
    _make(scene, 12, source_kind=SourceKind.CARE)
    _make(scene, 3, source_kind=SourceKind.WELFARE)
    _make(
        scene,
        11,
        source_kind=SourceKind.CARE,
        status=Status.CLOSED,
        outcome=Outcome.SUPPORTED,
        first_contact_at=now + datetime.timedelta(days=2),
    )
    last_month = now - datetime.timedelta(days=35)
    _make(scene, 15, source_kind=SourceKind.CARE, received_at=last_month)
    _make(scene, 14, source_kind=SourceKind.WELFARE, received_at=last_month)
    counts = _counts(scene.coalition, months_back(timezone.localdate())[0])
    by_kind = {}
    for row in counts:
        by_kind[row["source_kind"]] = by_kind.get(row["source_kind"], 0) + row["n"]
    assert by_kind == {SourceKind.CARE: 38, SourceKind.WELFARE: 17}
    assert sum(row["n"] for row in counts if row["wait"] == "week") == 11

    tables = {table.key: table for table in coalition_figures(scene.coalition)}
    source = tables["source"]
    assert source.rows[-1].cells[1] is None  # welfare this month: 3
    assert source.grand == 55
    for table in tables.values():
        for row in table.rows:
            for value in [*row.cells, row.total]:
                assert value is None or value >= 10
        assert all(value is None or value >= 10 for value in table.totals)


def test_figures_take_a_fixed_number_of_queries():
    scene = setup_signals()
    _make(scene, 5)
    with CaptureQueriesContext(connection) as few:
        coalition_figures(scene.coalition)
    _make(scene, 40, source_kind=SourceKind.RESIDENT)
    with CaptureQueriesContext(connection) as many:
        coalition_figures(scene.coalition)
    assert len(few) == len(many)


@pytest.fixture
def analysis_cache(settings):
    """The analysis cache in memory (the test settings have none)."""
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "signal-figures",
        },
    }


def test_figures_are_read_once_per_version_of_the_data(analysis_cache):
    scene = setup_signals()
    _make(scene, 12)
    coalition_figures(scene.coalition)
    with CaptureQueriesContext(connection) as again:
        tables = coalition_figures(scene.coalition)
    assert not [q for q in again.captured_queries if "signals_signal" in q["sql"]]
    assert tables[0].grand == 12


def test_a_recorded_signal_is_in_the_figures_at_once(analysis_cache):
    scene = setup_signals()
    _make(scene, 12)
    assert coalition_figures(scene.coalition)[0].grand == 12
    services.record_signal(
        scene.handler_member,
        acting_user=scene.handler_member.user,
        awareness="unaware",
        resident_name=RESIDENT["resident_name"],
    )
    assert coalition_figures(scene.coalition)[0].grand == 13
