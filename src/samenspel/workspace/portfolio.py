"""The coalitions a person supports, side by side: an advisor's portfolio.

What each row shows of one coalition (`Summary`: phase, findings, scans, netwerkdip, money,
evaluation) is computed from the coalition's monitor facts once per version of its data and day
and kept in the analysis cache. Sorting, filtering and the stall rule read only a small part of
it, the `Headline`. A page therefore reads, besides the person's memberships as values:

- the data versions of all its coalitions, in one query;
- the headlines of the whole portfolio, as one cache entry under a digest of those versions
  (built from each coalition's own headline, kept per version, when any version moved);
- the full summaries and the advisors' notes of the rows it shows only (`with_details`).

A change to a coalition's data gives it a new version, and the portfolio a new digest, so a row
is never staler than the data.

Which coalitions stall is a rule of its own (`stall_signs`), so the page, the export and the
tests agree on it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from statistics import fmean
from typing import TYPE_CHECKING, NamedTuple

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice.findings import Severity
from samenspel.advice.services import evaluate
from samenspel.advice.snapshot import FundingFact, PhaseStep
from samenspel.coalitions.models import Coalition, Phase, phase_number
from samenspel.core.analysis_cache import Version, cached, cached_many, versions_key
from samenspel.core.choices import label
from samenspel.core.links import coalition_url
from samenspel.core.sorting import RowSorting
from samenspel.guide.content import Item, get_item
from samenspel.reporting.facts import ReportFacts, build_facts
from samenspel.reporting.models import AdvisorNote
from samenspel.scans.netwerkdip import DipLevel
from samenspel.scans.results import direction

if TYPE_CHECKING:
    from samenspel.accounts.policy import PortfolioCoalition

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


class Headline(NamedTuple):
    """What sorting, filtering and the stall rule read of a summary: small (a tuple), so that
    the headlines of a whole portfolio are one cache entry, quickly read."""

    phase: str
    days_in_phase: int
    urgent: int
    attention: int
    scan_mean: float | None
    dip: str
    funding_ends_on: datetime.date | None
    last_evaluation: datetime.date | None


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
    # For the municipality's view: when each phase was reached, the money, the reach, and the
    # roles the municipality agreed to play (`coalitions.MunicipalityRole` values).
    milestones: tuple[PhaseStep, ...] = ()
    funding: tuple[FundingFact, ...] = ()  # by end date, open-ended last
    reach: int = 0  # participants in the last twelve months
    municipality_roles: tuple[str, ...] = ()

    def headline(self) -> Headline:
        return Headline(
            phase=self.phase,
            days_in_phase=self.days_in_phase,
            urgent=self.urgent,
            attention=self.attention,
            scan_mean=self.scan.mean if self.scan else None,
            dip=self.dip,
            funding_ends_on=self.funding_ends_on,
            last_evaluation=self.last_evaluation,
        )


class Stall(StrEnum):
    """A sign that a coalition stalls."""

    NOTHING_RECORDED = "nothing_recorded"
    QUIET = "quiet"
    LONG_IN_PHASE = "long_in_phase"
    DIP = "dip"


@dataclass(slots=True)
class Row:
    coalition: PortfolioCoalition
    headline: Headline
    today: datetime.date
    quiet_days: int | None  # since the last change (none: nothing recorded yet)
    # Read for the rows shown only (`with_details`).
    summary: Summary | None = None
    note: str = ""
    # Computed once, as sorting reads them for every row.
    stall_signs: tuple[Stall, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        self.stall_signs = stall_signs(self.headline, self.quiet_days)

    @property
    def fragment_key(self) -> str:
        """What the row's HTML depends on besides the language: the coalition's data version,
        the day, and the names (a municipality's name changes without the coalition's data)."""
        names = f"{self.coalition.name}\n{self.coalition.municipality}".encode()
        digest = hashlib.blake2b(names, digest_size=8).hexdigest()
        return f"{self.coalition.version.key}-{self.today.isoformat()}-{digest}"

    @property
    def last_change(self) -> datetime.datetime | None:
        return self.coalition.version.last_change

    @property
    def details(self) -> Summary:
        if self.summary is None:
            raise LookupError("Read the summaries of the rows shown with `with_details` first.")
        return self.summary

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
        return label(Phase, self.headline.phase)

    @property
    def milestones(self) -> list[tuple[datetime.date, str]]:
        """When the coalition entered each phase it went through, oldest first."""
        return [(step.date, label(Phase, step.to_phase)) for step in self.details.milestones]

    @property
    def municipality_roles(self) -> list[Item]:
        """The roles the municipality agreed to play here, each with the guide's tips."""
        return [get_item("municipality_roles", role) for role in self.details.municipality_roles]

    @property
    def days_in_phase_text(self) -> str:
        days = self.headline.days_in_phase
        return ngettext("%(days)s dag", "%(days)s dagen", days) % {"days": days}

    @property
    def scan_trend_text(self) -> str:
        scan = self.details.scan
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
        return label(DipLevel, self.headline.dip)

    @property
    def funding_ending_text(self) -> str:
        amount = number_format(round(self.details.funding_ending), 0, force_grouping=True)
        return _("€ %(amount)s binnen een half jaar") % {"amount": amount}

    @property
    def funding_ends_soon(self) -> bool:
        ends = self.headline.funding_ends_on
        return ends is not None and (ends - self.today).days <= FUNDING_HORIZON_DAYS

    @property
    def stalls(self) -> bool:
        return bool(self.stall_signs)

    @property
    def stall_reasons(self) -> list[str]:
        """Why the coalition seems to stall, in plain Dutch; empty when it does not."""
        return [self._reason(sign) for sign in self.stall_signs]

    def _reason(self, sign: Stall) -> str:
        if sign == Stall.QUIET:
            return _("%(days)s dagen geen wijziging in Samenspel") % {"days": self.quiet_days}
        return {
            Stall.NOTHING_RECORDED: _("nog niets vastgelegd in Samenspel"),
            Stall.LONG_IN_PHASE: _("al meer dan een jaar in dezelfde fase"),
            Stall.DIP: _("waarschuwing voor een netwerkdip"),
        }[sign]


def stall_signs(headline: Headline, quiet_days: int | None) -> tuple[Stall, ...]:
    """The signs that a coalition stalls; none when it does not."""
    signs = []
    if quiet_days is None:
        signs.append(Stall.NOTHING_RECORDED)
    elif quiet_days >= QUIET_DAYS:
        signs.append(Stall.QUIET)
    number = phase_number(headline.phase)
    if number is not None and number <= 3 and headline.days_in_phase > LONG_IN_PHASE_DAYS:
        signs.append(Stall.LONG_IN_PHASE)
    if headline.dip == DipLevel.WARNING:
        signs.append(Stall.DIP)
    return tuple(signs)


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
        municipality_roles=snapshot.municipality_roles,
    )


def _order(row: Row) -> tuple[bool, int, int, str]:
    quiet = row.quiet_days
    return (
        not row.stall_signs,
        -len(row.stall_signs),
        -(quiet if quiet is not None else 10**6),
        row.coalition.name,
    )


# The columns the portfolio table can be sorted by (URL key: a row's value); the rows are built
# already, so sorting costs no query. By default the ones that stall first.
SORTING = RowSorting(
    columns={
        "stilvallen": _order,
        "coalitie": lambda row: row.coalition.name.casefold(),
        "fase": lambda row: phase_number(row.headline.phase),
        "bevindingen": lambda row: (row.headline.urgent, row.headline.attention),
        "scan": lambda row: row.headline.scan_mean,
        "geld": lambda row: row.headline.funding_ends_on,
        "evaluatie": lambda row: row.headline.last_evaluation,
        "wijziging": lambda row: row.last_change,
    },
    default="stilvallen",
)


def by_first_end(row: Row) -> tuple[datetime.date, str]:
    """For the municipality: the coalition whose money ends first comes first."""
    return (row.headline.funding_ends_on or datetime.date.max, row.coalition.name)


Load = Callable[[int], Coalition]


def summaries_of(
    versions: Mapping[int, Version], today: datetime.date, load: Load
) -> dict[int, Summary]:
    """Each coalition's summary for its current data version: from the cache, computed (and
    kept) where the data changed since; `load(coalition_id)` reads a coalition to compute."""
    return cached_many(
        "portfolio", _day_keys(versions, today), lambda cid: summarise(load(cid), today)
    )


def each_headline(
    versions: Mapping[int, Version], today: datetime.date, load: Load
) -> dict[int, Headline]:
    """Each coalition's headline, kept per version beside its summary: when one coalition of a
    portfolio changed, the portfolio's headlines are rebuilt from small entries."""
    return cached_many(
        "portfolio-headline",
        _day_keys(versions, today),
        lambda cid: summaries_of({cid: versions[cid]}, today, load)[cid].headline(),
    )


def _day_keys(versions: Mapping[int, Version], today: datetime.date) -> dict[int, str]:
    return {cid: f"{version.key}-{today.isoformat()}" for cid, version in versions.items()}


def _loader(memberships: Sequence[PortfolioCoalition]) -> Load:
    by_id = {m.coalition_id: m for m in memberships}
    return lambda cid: Coalition.objects.visible_to(by_id[cid]).select_related("municipality").get()


def portfolio_rows(
    memberships: Sequence[PortfolioCoalition], today: datetime.date | None = None
) -> list[Row]:
    """A row per coalition with its headline, the ones that stall first (most signs, longest
    quiet first). `with_details` adds what the rows shown need besides."""
    today = today or timezone.localdate()
    versions = {m.coalition_id: m.version for m in memberships}
    headlines = cached(
        "portfolio-headlines",
        versions_key(versions, today),
        lambda: each_headline(versions, today, _loader(memberships)),
    )
    zone = timezone.get_current_timezone()  # once, not per row: it is looked up per thread
    rows = [
        Row(m, headlines[m.coalition_id], today, _days_since(m.version.last_change, today, zone))
        for m in memberships
    ]
    return sorted(rows, key=_order)


def _days_since(
    moment: datetime.datetime | None, today: datetime.date, zone: datetime.tzinfo
) -> int | None:
    return None if moment is None else (today - moment.astimezone(zone).date()).days


def with_details(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows, with the summaries and the advisors' notes that the rows shown (a page, or all
    of them for an export) need: one cache read and one query."""
    if not rows:
        return rows
    memberships = [row.coalition for row in rows]
    summaries = summaries_of(
        {m.coalition_id: m.version for m in memberships},
        rows[0].today,
        _loader(memberships),
    )
    notes = dict(
        AdvisorNote.objects.visible_across(memberships).values_list("coalition_id", "text")
    )
    for row in rows:
        row.summary = summaries[row.coalition.coalition_id]
        row.note = notes.get(row.coalition.coalition_id, "")
    return rows


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
        if (not phase or row.headline.phase == phase)
        and (state != State.STALLS or row.stalls)
        and (state != State.MONEY or row.funding_ends_soon)
        and (
            not wanted
            or wanted in row.coalition.name.casefold()
            or wanted in row.coalition.municipality.casefold()
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
    body: list[list[object]] = [_exported(row, row.details) for row in with_details(rows)]
    return headers, body


def _exported(row: Row, summary: Summary) -> list[object]:
    scan = summary.scan
    return [
        row.coalition.name,
        row.coalition.municipality,
        row.phase_label,
        summary.days_in_phase,
        summary.urgent,
        summary.attention,
        scan.title if scan else "",
        round(scan.mean, 2) if scan else None,
        round(scan.previous, 2) if scan and scan.previous is not None else None,
        row.dip_label,
        summary.funding_ends_on,
        round(summary.funding_ending),
        summary.last_evaluation,
        timezone.localdate(row.last_change) if row.last_change else None,
        "; ".join(row.stall_reasons),
        row.note,
    ]
