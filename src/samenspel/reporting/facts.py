"""What the indicators are computed from: the advice snapshot of a coalition plus the few figures
it does not hold (scan trends, reach over two years, agreements, the finder, the signals' figures
of twelve months and the twelve before), in a fixed number of queries: the snapshot's (see
`advice.snapshot`), the latest scan results (2), four counts and the signals' figures (twice
`signals.figures.coalition_figures`, small numbers already hidden there)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q, Sum

from samenspel.activities.models import Activity, ActivityStatus, Finder, ReachRecord
from samenspel.advice.snapshot import CoalitionSnapshot, build_snapshot
from samenspel.agreements.models import PartnerAgreement
from samenspel.scans.results import RoundResults, latest_results
from samenspel.signals.figures import Table, coalition_figures

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Window:
    """A period of twelve months up to and including `end`."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def ending(cls, end: datetime.date) -> Window:
        return cls(end - YEAR + datetime.timedelta(days=1), end)

    @property
    def before(self) -> Window:
        return Window.ending(self.start - datetime.timedelta(days=1))


@dataclass(frozen=True)
class ReportFacts:
    snapshot: CoalitionSnapshot
    scans: Mapping[str, RoundResults]  # instrument key -> latest results, with the change
    now: Window
    reach_now: int  # participants (new and returning) in periods ending within `now`
    reach_before: int  # the same, the twelve months before
    active_activities: int
    activity_kinds: int  # different kinds among the active activities
    agreements: int  # partners with a recorded agreement
    finder_published: bool
    signals: list[Table]  # the twelve calendar months up to `today`'s, suppressed
    signals_before: list[Table]  # the twelve months before those

    @property
    def today(self) -> datetime.date:
        return self.snapshot.today


def _reach(coalition: Coalition, now: Window) -> tuple[int, int]:
    before = now.before

    def within(window: Window) -> Sum:
        return Sum(
            F("new_participants") + F("returning_participants"),
            filter=Q(period_end__gte=window.start, period_end__lte=window.end),
        )

    totals = ReachRecord.objects.of_coalition(coalition).aggregate(
        now=within(now), before=within(before)
    )
    return totals["now"] or 0, totals["before"] or 0


def build_facts(
    coalition: Coalition, today: datetime.date, window: Window | None = None
) -> ReportFacts:
    """The facts as on `today`; reach and phase changes over `window` (the twelve months up to
    `today` unless given: the yearly report passes its calendar year). Scan rounds closed after
    `today` are left out, so a report of an earlier year shows the scans of that time."""
    now = window or Window.ending(today)
    reach_now, reach_before = _reach(coalition, now)
    offer = (
        Activity.objects.of_coalition(coalition)
        .filter(status=ActivityStatus.ACTIVE)
        .aggregate(n=Count("pk"), kinds=Count("kind", distinct=True))
    )
    return ReportFacts(
        snapshot=build_snapshot(coalition, today=today),
        scans={
            key: results
            for key, results in latest_results(coalition).items()
            if results.round.closes_on <= today
        },
        now=now,
        reach_now=reach_now,
        reach_before=reach_before,
        active_activities=offer["n"],
        activity_kinds=offer["kinds"],
        agreements=PartnerAgreement.objects.of_coalition(coalition).count(),
        finder_published=Finder.objects.of_coalition(coalition).filter(is_published=True).exists(),
        signals=coalition_figures(coalition, today),
        signals_before=coalition_figures(coalition, _year_before(today)),
    )


def _year_before(today: datetime.date) -> datetime.date:
    """A day in the last of the twelve months before the twelve that `today`'s figures cover:
    the same month a year earlier."""
    return today.replace(day=1, year=today.year - 1)
