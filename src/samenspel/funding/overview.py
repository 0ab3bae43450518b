"""The funding overview, computed in Python from the coalition's sources (read in one query).

- totals per kind and per calendar year. A source with an end date is spread over the years it
  covers in proportion to its days (the cents that rounding leaves go to its last year, so the
  years add up to the amount); an open-ended source counts in its start year.
- what runs out when: the sources with an end date, soonest first.
- warnings: funding that carries activities, ends within twelve months (from today up to the same
  day next year) and has no plan for afterwards (Handreiking §1.3, 'Dilemma: subsidie nodig of
  niet?').
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from samenspel.funding.models import FundingKind, FundingSource

CENT = Decimal("0.01")
# The page's timeline, in SVG user units.
TIMELINE_WIDTH = 640
TIMELINE_LABEL_WIDTH = 200
TIMELINE_ROW = 28
TIMELINE_TOP = 28


def twelve_months_after(day: datetime.date) -> datetime.date:
    """The same day next year (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def ends_within_twelve_months(end_date: datetime.date | None, today: datetime.date) -> bool:
    return end_date is not None and today <= end_date <= twelve_months_after(today)


def needs_plan(source: FundingSource, today: datetime.date) -> bool:
    return (
        source.carries_activities
        and not source.has_continuity_plan
        and ends_within_twelve_months(source.end_date, today)
    )


def per_year(source: FundingSource) -> dict[int, Decimal]:
    amount = Decimal(source.amount)
    start, end = source.start_date, source.end_date
    if end is None or end.year == start.year:
        return {start.year: amount}
    total_days = (end - start).days + 1
    shares: dict[int, Decimal] = {}
    for year in range(start.year, end.year + 1):
        first = max(start, datetime.date(year, 1, 1))
        last = min(end, datetime.date(year, 12, 31))
        days = (last - first).days + 1
        shares[year] = (amount * days / total_days).quantize(CENT, rounding=ROUND_HALF_UP)
    shares[end.year] += amount - sum(shares.values())
    return shares


@dataclass(frozen=True)
class KindTotal:
    kind: str
    label: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class RunsOut:
    source: FundingSource
    end_date: datetime.date
    days_left: int
    ended: bool
    within_twelve_months: bool
    needs_plan: bool


@dataclass(frozen=True)
class TimelineBar:
    row: RunsOut
    y: int
    x_start: float
    x_end: float
    label_y: int

    @property
    def width(self) -> float:
        return round(max(self.x_end - self.x_start, 2.0), 1)


@dataclass(frozen=True)
class Timeline:
    start: datetime.date
    end: datetime.date
    height: int
    today_x: float
    bars: list[TimelineBar] = field(default_factory=list)
    years: list[tuple[int, float]] = field(default_factory=list)  # year, x of 1 January


@dataclass(frozen=True)
class Overview:
    today: datetime.date
    sources: Sequence[FundingSource]
    total: Decimal
    by_kind: list[KindTotal]
    by_year: list[tuple[int, Decimal]]
    runs_out: list[RunsOut]
    warnings: list[RunsOut]
    open_ended: list[FundingSource]
    timeline: Timeline | None


def _timeline(rows: list[RunsOut], today: datetime.date) -> Timeline | None:
    upcoming = [row for row in rows if not row.ended]
    if not upcoming:
        return None
    start = today
    end = max(max(row.end_date for row in upcoming), twelve_months_after(today))
    span = max((end - start).days, 1)
    scale = (TIMELINE_WIDTH - TIMELINE_LABEL_WIDTH - 10) / span

    def x(day: datetime.date) -> float:
        clipped = min(max(day, start), end)
        return round(TIMELINE_LABEL_WIDTH + (clipped - start).days * scale, 1)

    bars = [
        TimelineBar(
            row=row,
            y=TIMELINE_TOP + index * TIMELINE_ROW,
            x_start=x(row.source.start_date),
            x_end=x(row.end_date),
            label_y=TIMELINE_TOP + index * TIMELINE_ROW + 14,
        )
        for index, row in enumerate(upcoming)
    ]
    years = [(year, x(datetime.date(year, 1, 1))) for year in range(start.year + 1, end.year + 1)]
    return Timeline(
        start=start,
        end=end,
        height=TIMELINE_TOP + len(upcoming) * TIMELINE_ROW + 8,
        today_x=x(today),
        bars=bars,
        years=years,
    )


def build_overview(sources: Iterable[FundingSource], today: datetime.date) -> Overview:
    sources = list(sources)
    kinds: dict[str, list[FundingSource]] = defaultdict(list)
    years: dict[int, Decimal] = defaultdict(Decimal)
    for source in sources:
        kinds[source.kind].append(source)
        for year, amount in per_year(source).items():
            years[year] += amount
    by_kind = [
        KindTotal(
            kind=kind.value,
            label=str(kind.label),
            amount=sum((Decimal(s.amount) for s in kinds[kind.value]), Decimal("0")),
            count=len(kinds[kind.value]),
        )
        for kind in FundingKind
        if kinds.get(kind.value)
    ]
    runs_out = sorted(
        (
            RunsOut(
                source=source,
                end_date=source.end_date,
                days_left=(source.end_date - today).days,
                ended=source.end_date < today,
                within_twelve_months=ends_within_twelve_months(source.end_date, today),
                needs_plan=needs_plan(source, today),
            )
            for source in sources
            if source.end_date is not None
        ),
        key=lambda row: (row.end_date, row.source.funder.casefold(), str(row.source.uuid)),
    )
    return Overview(
        today=today,
        sources=sources,
        total=sum((Decimal(s.amount) for s in sources), Decimal("0")),
        by_kind=by_kind,
        by_year=sorted(years.items()),
        runs_out=runs_out,
        warnings=[row for row in runs_out if row.needs_plan],
        open_ended=[source for source in sources if source.end_date is None],
        timeline=_timeline(runs_out, today),
    )
