"""The coalitions a person supports, side by side: an advisor's portfolio.

What each row shows of one coalition (`Summary`: phase, findings, scans, netwerkdip, money,
evaluation) is computed from the coalition's monitor facts once per version of its data and day
and kept in the analysis cache; the page then reads the versions (and last changes) of all its
coalitions in one query plus one per version part, the cached summaries in one cache read, and
the advisors' notes in one query. A change to a coalition's data gives it a
new version, so a row is never staler than the data.

Which coalitions stall is a rule of its own (`stall_reasons`), so the page, the export and the
tests agree on it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice.findings import Severity
from samenspel.advice.services import evaluate
from samenspel.advice.snapshot import FundingFact, PhaseStep
from samenspel.coalitions.models import Phase, phase_number
from samenspel.core.analysis_cache import Version, cached_many, coalition_data_versions
from samenspel.core.choices import label
from samenspel.core.links import coalition_url
from samenspel.core.sorting import RowSorting
from samenspel.reporting.facts import ReportFacts, build_facts
from samenspel.reporting.models import AdvisorNote
from samenspel.scans.netwerkdip import DipLevel
from samenspel.scans.results import direction

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership
    from samenspel.coalitions.models import Coalition

# No change in the workspace for this long: nobody is working with the coalition's data.
QUIET_DAYS = 60
# Longer than this in one of the first three phases: the handbook's phases of building up take
# months, not years; the fourth and fifth are meant to last.
LONG_IN_PHASE_DAYS = 365
# Money that stops within this many days is shown as ending.
FUNDING_HORIZON_DAYS = 180


@dataclass(frozen=True)
class ScanSummary:
    title: str  # the round's title
    closed_on: datetime.date
    mean: float  # the mean of the round's subscale means, on the 1–5 scale
    previous: float | None

    @property
    def trend(self) -> str:
        return direction(None if self.previous is None else self.mean - self.previous)


@dataclass(frozen=True)
class Summary:
    """What the portfolio shows of one coalition that its data determine (cached)."""

    phase: str
    phase_since: datetime.date
    days_in_phase: int
    urgent: int  # findings marked urgent
    attention: int  # findings that need attention
    scan: ScanSummary | None
    dip: str  # a DipLevel value
    funding_ends_on: datetime.date | None  # the first end of running money, today or later
    funding_ending: float  # the amount that ends within FUNDING_HORIZON_DAYS
    last_evaluation: datetime.date | None
    # For the municipality's view: when each phase was reached, the money, the reach.
    milestones: tuple[PhaseStep, ...] = ()
    funding: tuple[FundingFact, ...] = ()  # by end date, open-ended last
    reach: int = 0  # participants in the last twelve months


@dataclass
class Row:
    coalition: Coalition
    summary: Summary
    last_change: datetime.datetime | None
    note: str
    today: datetime.date
    stall_reasons: list[str] = field(default_factory=list)
    # Days since the last change; computed once, as sorting and the reasons read it per row.
    quiet_days: int | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.last_change is not None:
            self.quiet_days = (self.today - timezone.localdate(self.last_change)).days
        self.stall_reasons = stall_reasons(self)

    def url(self, view_name: str) -> str:
        return coalition_url(view_name, self.coalition.uuid)

    @property
    def dashboard_url(self) -> str:
        return self.url("coalitions:dashboard")

    @property
    def findings_url(self) -> str:
        return self.url("advice:findings")

    @property
    def monitor_url(self) -> str:
        return self.url("reporting:monitor")

    @property
    def phase_label(self) -> str:
        return label(Phase, self.summary.phase)

    @property
    def milestones(self) -> list[tuple[datetime.date, str]]:
        """When the coalition entered each phase it went through, oldest first."""
        return [(step.date, label(Phase, step.to_phase)) for step in self.summary.milestones]

    @property
    def days_in_phase_text(self) -> str:
        days = self.summary.days_in_phase
        return ngettext("%(days)s dag", "%(days)s dagen", days) % {"days": days}

    @property
    def scan_trend_text(self) -> str:
        scan = self.summary.scan
        if scan is None or not scan.trend:
            return ""
        if scan.trend == "same":
            return _("(gelijk)")
        before = number_format(round(scan.previous or 0, 1), 1)
        if scan.trend == "up":
            return _("(was %(before)s, hoger)") % {"before": before}
        return _("(was %(before)s, lager)") % {"before": before}

    @property
    def dip_label(self) -> str:
        return label(DipLevel, self.summary.dip)

    @property
    def funding_ending_text(self) -> str:
        amount = number_format(round(self.summary.funding_ending), 0, force_grouping=True)
        return _("€ %(amount)s binnen een half jaar") % {"amount": amount}

    @property
    def funding_ends_soon(self) -> bool:
        ends = self.summary.funding_ends_on
        return ends is not None and (ends - self.today).days <= FUNDING_HORIZON_DAYS

    @property
    def stalls(self) -> bool:
        return bool(self.stall_reasons)


def stall_reasons(row: Row) -> list[str]:
    """Why a coalition seems to stall, in plain Dutch; empty when it does not."""
    reasons = []
    quiet = row.quiet_days
    if quiet is None:
        reasons.append(_("nog niets vastgelegd in Samenspel"))
    elif quiet >= QUIET_DAYS:
        reasons.append(_("%(days)s dagen geen wijziging in Samenspel") % {"days": quiet})
    number = phase_number(row.summary.phase)
    if number is not None and number <= 3 and row.summary.days_in_phase > LONG_IN_PHASE_DAYS:
        reasons.append(_("al meer dan een jaar in dezelfde fase"))
    if row.summary.dip == DipLevel.WARNING:
        reasons.append(_("waarschuwing voor een netwerkdip"))
    return reasons


def _scan(facts: ReportFacts) -> ScanSummary | None:
    rounds = [r for r in facts.scans.values() if any(s.aggregate for s in r.subscales)]
    if not rounds:
        return None
    latest = max(rounds, key=lambda r: (r.round.closes_on, r.round.pk))
    means = [s.aggregate.mean for s in latest.subscales if s.aggregate]
    previous = [s.previous.mean for s in latest.subscales if s.previous]
    return ScanSummary(
        title=latest.round.title,
        closed_on=latest.round.closes_on,
        mean=fmean(means),
        previous=fmean(previous) if previous else None,
    )


def summarise(coalition: Coalition, today: datetime.date) -> Summary:
    facts = build_facts(coalition, today)
    snapshot = facts.snapshot
    findings = evaluate(snapshot)
    horizon = today + datetime.timedelta(days=FUNDING_HORIZON_DAYS)
    ends = sorted(f.end_date for f in snapshot.funding if f.end_date and f.end_date >= today)
    return Summary(
        phase=snapshot.phase,
        phase_since=snapshot.phase_since,
        days_in_phase=snapshot.days_in_phase,
        urgent=sum(1 for f in findings if f.severity == Severity.URGENT),
        attention=sum(1 for f in findings if f.severity == Severity.ATTENTION),
        scan=_scan(facts),
        dip=snapshot.dip.level if snapshot.dip else DipLevel.NONE,
        funding_ends_on=ends[0] if ends else None,
        funding_ending=sum(
            f.amount for f in snapshot.funding if f.end_date and today <= f.end_date <= horizon
        ),
        last_evaluation=snapshot.last_evaluation.date if snapshot.last_evaluation else None,
        milestones=snapshot.phase_history,
        funding=snapshot.funding,
        reach=facts.reach_now,
    )


def _order(row: Row) -> tuple[bool, int, int, str]:
    quiet = row.quiet_days
    return (
        not row.stalls,
        -len(row.stall_reasons),
        -(quiet if quiet is not None else 10**6),
        row.coalition.name,
    )


# The columns the portfolio table can be sorted by (URL key: a row's value); the rows are built
# already, so sorting costs no query. By default the ones that stall first.
SORTING = RowSorting(
    columns={
        "stilvallen": _order,
        "coalitie": lambda row: row.coalition.name.casefold(),
        "fase": lambda row: phase_number(row.summary.phase),
        "bevindingen": lambda row: (row.summary.urgent, row.summary.attention),
        "scan": lambda row: row.summary.scan.mean if row.summary.scan else None,
        "geld": lambda row: row.summary.funding_ends_on,
        "evaluatie": lambda row: row.summary.last_evaluation,
        "wijziging": lambda row: row.last_change,
    },
    default="stilvallen",
)


def by_first_end(row: Row) -> tuple[datetime.date, str]:
    """For the municipality: the coalition whose money ends first comes first."""
    return (row.summary.funding_ends_on or datetime.date.max, row.coalition.name)


def summaries_of(
    coalitions: Mapping[int, Coalition], versions: Mapping[int, Version], today: datetime.date
) -> dict[int, Summary]:
    """Each coalition's summary for its current data version: from the cache, computed (and
    kept) where the data changed since."""
    return cached_many(
        "portfolio",
        {cid: f"{version.key}-{today.isoformat()}" for cid, version in versions.items()},
        lambda cid: summarise(coalitions[cid], today),
    )


def portfolio_rows(
    memberships: Sequence[Membership], today: datetime.date | None = None
) -> list[Row]:
    """A row per coalition, the ones that stall first (most reasons, longest quiet first)."""
    today = today or timezone.localdate()
    coalitions = {m.coalition_id: m.coalition for m in memberships}
    versions = coalition_data_versions(memberships)
    summaries = summaries_of(coalitions, versions, today)
    notes = dict(
        AdvisorNote.objects.visible_across(memberships).values_list("coalition_id", "text")
    )
    rows = [
        Row(
            coalition=coalition,
            summary=summaries[cid],
            last_change=versions[cid].last_change,
            note=notes.get(cid, ""),
            today=today,
        )
        for cid, coalition in coalitions.items()
    ]
    return sorted(rows, key=_order)


# Filters and export


class State:
    ALL = ""
    STALLS = "stil"
    MONEY = "geld"


def filter_rows(
    rows: Sequence[Row], *, phase: str = "", state: str = "", text: str = ""
) -> list[Row]:
    wanted = text.strip().casefold()
    return [
        row
        for row in rows
        if (not phase or row.summary.phase == phase)
        and (state != State.STALLS or row.stalls)
        and (state != State.MONEY or row.funding_ends_soon)
        and (
            not wanted
            or wanted in row.coalition.name.casefold()
            or wanted in row.coalition.municipality.name.casefold()
        )
    ]


def export_table(rows: Sequence[Row]) -> tuple[list[str], list[list[object]]]:
    headers = [
        _("Coalitie"),
        _("Gemeente"),
        _("Fase"),
        _("Dagen in fase"),
        _("Urgente bevindingen"),
        _("Bevindingen die aandacht vragen"),
        _("Laatste scan"),
        _("Gemiddelde laatste scan"),
        _("Gemiddelde scan daarvoor"),
        _("Netwerkdip"),
        _("Eerste einde financiering"),
        _("Loopt af binnen een half jaar (euro)"),
        _("Laatste evaluatie"),
        _("Laatste wijziging"),
        _("Stilvallen"),
        _("Notitie van de adviseur"),
    ]
    body: list[list[object]] = [
        [
            row.coalition.name,
            row.coalition.municipality.name,
            row.phase_label,
            row.summary.days_in_phase,
            row.summary.urgent,
            row.summary.attention,
            row.summary.scan.title if row.summary.scan else "",
            round(row.summary.scan.mean, 2) if row.summary.scan else None,
            round(row.summary.scan.previous, 2)
            if row.summary.scan and row.summary.scan.previous is not None
            else None,
            label(DipLevel, row.summary.dip),
            row.summary.funding_ends_on,
            round(row.summary.funding_ending),
            row.summary.last_evaluation,
            timezone.localdate(row.last_change) if row.last_change else None,
            "; ".join(row.stall_reasons),
            row.note,
        ]
        for row in rows
    ]
    return headers, body
