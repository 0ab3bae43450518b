"""Everything the advice rules look at, as plain frozen data, read in a fixed number of queries.

`build_snapshot(coalition)` is the only place in the advice engine that reads the database. The
rules (`advice/rules/`) are pure functions of a `CoalitionSnapshot`: they can be tested by
writing a snapshot by hand, and adding a rule costs no query.

Queries, whatever the size of the coalition: phase changes, the checklist with the records
that show its activities (`coalitions.evidence.gather`, one query), partners (with their
number of contacts), contact persons, membership counts, partner events, funding sources, the
latest recorded evaluation (8); the wijken, their offer (activities and reach, grouped) and the
loneliness estimates (`monitoring.gap.wijk_rows`, 4); the latest scan
results per instrument (`scans.results.latest_results`, 2); the netwerkdip inputs
(`scans.netwerkdip.gather_inputs`, 4). Fewer when the coalition has no closed scan round, because
then there are no answers to fetch.

Scan figures come from `scans.results`, so the advice obeys the same rules as the results pages:
closed rounds only, an anonymous round counts only with enough answers, and a breakdown group
(here: respondents from core partners) is never shown below `scoring.MIN_GROUP`.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F
from django.utils import timezone

from samenspel.accounts.models import Membership
from samenspel.coalitions.evidence import ChecklistRow, Evidence, gather
from samenspel.coalitions.models import (
    LIFE_PHASES,
    ChecklistStatus,
    PhaseChange,
    phase_number,
)
from samenspel.coalitions.progress import (
    LARGELY_DONE,
    STATUS_WEIGHT,
    PhaseSuggestion,
    Step,
    suggest,
)
from samenspel.evaluations.models import Evaluation
from samenspel.funding.models import FundingSource
from samenspel.guide.content import phase_activities
from samenspel.monitoring.gap import GapRow, wijk_rows
from samenspel.partners.models import Circle, ContactPerson, Partner, PartnerEvent
from samenspel.scans.netwerkdip import DipSignal, assess, gather_inputs
from samenspel.scans.results import RoundResults, latest_results
from samenspel.scans.scoring import Aggregate

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition
    from samenspel.scans.models import Round

# Instruments whose closed round counts as an evaluation moment: they ask the partners how the
# collaboration itself is doing (handbook §1.3; §1.2.4 'Wat kunt u dan doen?').
EVALUATION_INSTRUMENTS = ("conditions", "success_factors", "pillars")
# Checklist activities that are themselves a look back at the collaboration (§1.2.5, §1.2.6).
EVALUATION_ACTIVITIES = ("sustain-monitoring", "develop-reassess")


# The facts


@dataclass(frozen=True)
class PhaseStep:
    date: datetime.date
    from_phase: str
    to_phase: str
    tipping_point: str


@dataclass(frozen=True)
class ChecklistFact:
    activity_key: str
    phase: str
    status: str
    updated_on: datetime.date | None  # None: never touched (counts as 'not started')


@dataclass(frozen=True)
class ContactFact:
    person: str  # a stable hash of the person's work e-mail (or name): who, without the address
    name: str
    is_primary: bool


@dataclass(frozen=True)
class PartnerFact:
    uuid: str
    name: str
    kind: str
    circle: str
    motives: tuple[str, ...]
    roles: tuple[str, ...]
    brings_chars: int
    takes_chars: int
    has_deal_breakers: bool
    has_success_criteria: bool
    joined_on: datetime.date | None
    left_on: datetime.date | None
    contact_count: int
    contacts: tuple[ContactFact, ...] = ()
    is_current: bool = True  # not (yet) left on the day of the snapshot
    resident_type: str = ""  # Tonkens (handbook §2.2), residents only

    @property
    def tasks(self) -> tuple[str, ...]:
        """Roles that are work for the coalition; 'participant' only says that it takes part."""
        return tuple(role for role in self.roles if role != "participant")


@dataclass(frozen=True)
class EventFact:
    partner_uuid: str
    partner_name: str
    kind: str
    date: datetime.date
    conversation: str

    @property
    def is_open(self) -> bool:
        return self.conversation in ("to_plan", "planned")


@dataclass(frozen=True)
class ScaleStat:
    """A subscale's aggregate in one round (see `scans.scoring.Aggregate`)."""

    mean: float
    sd: float
    n: int
    disagreement: bool
    share_low: float = 0.0
    share_high: float = 0.0

    @classmethod
    def of(cls, aggregate: Aggregate) -> ScaleStat:
        return cls(
            mean=aggregate.mean,
            sd=aggregate.sd,
            n=aggregate.n,
            disagreement=aggregate.disagreement,
            share_low=aggregate.share_low,
            share_high=aggregate.share_high,
        )


@dataclass(frozen=True)
class ScanFact:
    """The latest closed round of one instrument."""

    instrument: str
    title: str  # the instrument's title
    round_title: str
    closed_on: datetime.date
    responses: int
    subscales: Mapping[str, ScaleStat]  # subscale key -> aggregate over all respondents
    # Only the respondents from core partners; present only where the results pages would show
    # that group too (at least scoring.MIN_GROUP respondents, after complementary suppression).
    core: Mapping[str, ScaleStat] = field(default_factory=dict)
    subscale_titles: Mapping[str, str] = field(default_factory=dict)
    # Per statement (reverse-worded ones mirrored, so low is always the worrying side)
    items: Mapping[str, ScaleStat] = field(default_factory=dict)
    item_texts: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PulsePoint:
    round_title: str
    closed_on: datetime.date
    n: int
    means: Mapping[str, float | None]  # energy / attendance / delivery


@dataclass(frozen=True)
class EvaluationFact:
    date: datetime.date
    what: str  # a short Dutch description, e.g. "scanronde 'Voorjaar 2026' (vijf condities)"


@dataclass(frozen=True)
class FundingFact:
    """A funding source (subsidy, fund, own means, in kind) of the coalition."""

    uuid: str
    funder: str
    kind: str
    amount: float
    start_date: datetime.date
    end_date: datetime.date | None  # None: open-ended
    carries_activities: bool
    has_continuity_plan: bool


@dataclass(frozen=True)
class WijkFact:
    """A wijk or kern with its latest loneliness estimate (all adults) and its active offer; the
    shares and the gap as on the gap view (`monitoring.gap`)."""

    uuid: str
    name: str
    cbs_code: str
    activities: int  # active ones
    reach: int  # last twelve months
    period: int | None = None
    is_demo: bool = False
    lonely: float | None = None
    strongly_lonely: float | None = None  # None: no figures, or suppressed by CBS
    strongly_lonely_lower: float | None = None
    strongly_lonely_upper: float | None = None
    need_share: float | None = None
    offer_share: float | None = None
    gap: float | None = None


@dataclass(frozen=True)
class AreaFigure:
    """The municipality's own estimate, the reference for its wijken."""

    name: str
    period: int
    strongly_lonely: float | None
    lonely: float | None
    is_demo: bool = False


@dataclass(frozen=True)
class CoalitionSnapshot:
    today: datetime.date
    uuid: str
    name: str
    phase: str
    form: str
    legal_structure: str
    area_scope: str
    areas: tuple[str, ...]
    start_date: datetime.date
    municipality_roles: tuple[str, ...] = ()  # as agreed (coalitions.MunicipalityRole)
    ambition_chars: int = 0
    phase_history: tuple[PhaseStep, ...] = ()  # oldest first
    checklist: Mapping[str, ChecklistFact] = field(default_factory=dict)  # every guide activity
    partners: tuple[PartnerFact, ...] = ()  # including partners who left
    memberships: Mapping[str, int] = field(default_factory=dict)  # role -> number of accounts
    events: tuple[EventFact, ...] = ()  # newest first
    scans: Mapping[str, ScanFact] = field(default_factory=dict)  # instrument -> latest round
    pulse: tuple[PulsePoint, ...] = ()  # oldest first
    dip: DipSignal | None = None
    last_evaluation: EvaluationFact | None = None
    funding: tuple[FundingFact, ...] = ()  # by end date, open-ended last
    wijken: tuple[WijkFact, ...] = ()  # with a gap score first (largest first), then the rest
    municipality_loneliness: AreaFigure | None = None
    # 'Where are we?' over the same evidence (checklist and records, the current round only);
    # None in snapshots written by hand, where the checklist facts alone count.
    suggestion: PhaseSuggestion | None = None
    # activity key -> kinds of record of the current round that show it ("processtappen (3)")
    records: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    # Derived facts, shared by several rules

    @property
    def current_partners(self) -> tuple[PartnerFact, ...]:
        return tuple(p for p in self.partners if p.is_current)

    def in_circle(self, *circles: str) -> tuple[PartnerFact, ...]:
        return tuple(p for p in self.current_partners if p.circle in circles)

    @property
    def phase_number(self) -> int | None:
        return phase_number(self.phase)

    @property
    def phase_since(self) -> datetime.date:
        return self.phase_history[-1].date if self.phase_history else self.start_date

    @property
    def days_in_phase(self) -> int:
        return (self.today - self.phase_since).days

    @property
    def age_days(self) -> int:
        return (self.today - self.start_date).days

    def phase_checklist(self, phase: str) -> list[ChecklistFact]:
        return [fact for fact in self.checklist.values() if fact.phase == phase]

    def phase_score(self, phase: str) -> float:
        """As on 'Where are we?': done counts 1, busy half; 'not applicable' does not count."""
        if self.suggestion is not None:
            return self.suggestion.progress(phase).score
        applicable = [
            fact
            for fact in self.phase_checklist(phase)
            if fact.status != ChecklistStatus.NOT_APPLICABLE
        ]
        if not applicable:
            return 1.0
        weights = [STATUS_WEIGHT[ChecklistStatus(fact.status)] for fact in applicable]
        return sum(weights) / len(applicable)

    def phase_largely_done(self, phase: str) -> bool:
        return self.phase_score(phase) >= LARGELY_DONE

    def activity_status(self, key: str) -> str:
        fact = self.checklist.get(key)
        return fact.status if fact else ChecklistStatus.NOT_STARTED

    def scan(self, instrument: str, subscale: str) -> ScaleStat | None:
        fact = self.scans.get(instrument)
        return fact.subscales.get(subscale) if fact else None

    def scan_item(self, instrument: str, item: str) -> ScaleStat | None:
        fact = self.scans.get(instrument)
        return fact.items.get(item) if fact else None

    def core_scan(self, instrument: str, subscale: str) -> ScaleStat | None:
        fact = self.scans.get(instrument)
        return fact.core.get(subscale) if fact else None


# Building it


def person_key(email: str, name: str) -> str:
    """The same person behind several contact rows, without keeping their address."""
    basis = (email or name).strip().casefold()
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def _local_date(value: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(value) if value is not None else None


def round_date(scan_round: Round) -> datetime.date:
    """When a round ended: the moment it was closed, else its closing date."""
    return _local_date(scan_round.closed_at) or scan_round.closes_on


def _checklist(stored: Mapping[str, ChecklistRow]) -> dict[str, ChecklistFact]:
    facts: dict[str, ChecklistFact] = {}
    for phase in LIFE_PHASES:
        for activity in phase_activities(phase):
            row = stored.get(activity.key)
            facts[activity.key] = ChecklistFact(
                activity_key=activity.key,
                phase=str(phase),
                status=row.status if row else ChecklistStatus.NOT_STARTED,
                updated_on=row.day if row else None,
            )
    return facts


def _records(suggestion: PhaseSuggestion) -> dict[str, tuple[str, ...]]:
    return {
        state.activity.key: state.evidence
        for progress in suggestion.phases
        for state in progress.activities
        if state.evidence
    }


def _partner(
    row: Mapping[str, Any], contacts: Iterable[ContactFact], today: datetime.date
) -> PartnerFact:
    return PartnerFact(
        uuid=str(row["uuid"]),
        name=row["name"],
        kind=row["kind"],
        circle=row["circle"],
        motives=tuple(row["motives"] or ()),
        roles=tuple(row["roles"] or ()),
        brings_chars=len(row["brings"].strip()),
        takes_chars=len(row["takes"].strip()),
        has_deal_breakers=bool(row["deal_breakers"].strip()),
        has_success_criteria=bool(row["success_criteria"].strip()),
        joined_on=row["joined_on"],
        left_on=row["left_on"],
        contact_count=row["contact_count"],
        contacts=tuple(contacts),
        is_current=row["left_on"] is None or row["left_on"] > today,
        resident_type=row["resident_type"],
    )


def _scan_fact(results: RoundResults) -> ScanFact:
    subscales, core, items = {}, {}, {}
    for result in results.subscales:
        key = result.subscale.key
        if result.aggregate is not None:
            subscales[key] = ScaleStat.of(result.aggregate)
        for item in result.items:
            if item.aggregate is not None:
                items[item.item.key] = ScaleStat.of(item.aggregate)
        for group in result.by_circle:
            if group.key == Circle.CORE:
                core[key] = ScaleStat.of(group.aggregate)
    return ScanFact(
        instrument=results.instrument.key,
        title=results.instrument.title,
        round_title=results.round.title,
        closed_on=round_date(results.round),
        responses=results.submitted,
        subscales=subscales,
        core=core,
        subscale_titles={s.key: s.title for s in results.instrument.subscales},
        items=items,
        item_texts={i.key: i.text for i in results.instrument.items},
    )


def _last_evaluation(
    scans: Mapping[str, ScanFact],
    checklist: Mapping[str, ChecklistFact],
    recorded: datetime.date | None = None,
) -> EvaluationFact | None:
    candidates = [
        EvaluationFact(fact.closed_on, f"scanronde '{fact.round_title}' ({fact.title})")
        for key, fact in scans.items()
        if key in EVALUATION_INSTRUMENTS
    ]
    for key in EVALUATION_ACTIVITIES:
        fact = checklist.get(key)
        if fact and fact.status == ChecklistStatus.DONE and fact.updated_on:
            title = next(a.title for a in phase_activities(fact.phase) if a.key == key)
            candidates.append(EvaluationFact(fact.updated_on, f"checklist: '{title}' gedaan"))
    if recorded is not None:
        candidates.append(EvaluationFact(recorded, "vastgelegde evaluatie"))
    return max(candidates, key=lambda candidate: candidate.date) if candidates else None


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _wijk(row: GapRow) -> WijkFact:
    estimate = row.estimate
    return WijkFact(
        uuid=str(row.neighbourhood.uuid),
        name=row.neighbourhood.name,
        cbs_code=row.neighbourhood.cbs_code,
        activities=row.offer.activities,
        reach=row.offer.reach,
        period=estimate.period if estimate else None,
        is_demo=estimate.is_demo if estimate else False,
        lonely=_float(estimate.lonely) if estimate else None,
        strongly_lonely=_float(estimate.strongly_lonely) if estimate else None,
        strongly_lonely_lower=_float(estimate.strongly_lonely_lower) if estimate else None,
        strongly_lonely_upper=_float(estimate.strongly_lonely_upper) if estimate else None,
        need_share=row.need_share,
        offer_share=row.offer_share,
        gap=row.gap,
    )


PARTNER_FIELDS = (
    "id",
    "uuid",
    "name",
    "kind",
    "circle",
    "motives",
    "roles",
    "brings",
    "takes",
    "deal_breakers",
    "success_criteria",
    "joined_on",
    "left_on",
    "contact_count",
    "resident_type",
)


def build_snapshot(coalition: Coalition, today: datetime.date | None = None) -> CoalitionSnapshot:
    today = today or timezone.localdate()
    phase_history = tuple(
        PhaseStep(row["date"], row["from_phase"], row["to_phase"], row["tipping_point"])
        for row in PhaseChange.objects.of_coalition(coalition)
        .order_by("date", "created_at")
        .values("date", "from_phase", "to_phase", "tipping_point")
    )
    evidence: Evidence = gather(coalition)
    checklist = _checklist(evidence.checklist)
    steps = [Step(p.date, p.from_phase, p.to_phase) for p in phase_history]
    suggestion = suggest(coalition.phase, steps, evidence)
    partner_rows = list(
        Partner.objects.of_coalition(coalition)
        .annotate(contact_count=Count("contacts"))
        .order_by("name")
        .values(*PARTNER_FIELDS)
    )
    contacts: dict[int, list[ContactFact]] = defaultdict(list)
    for row in (
        ContactPerson.objects.of_coalition(coalition)
        .order_by("-is_primary", "name")
        .values("partner_id", "name", "email", "is_primary")
    ):
        contacts[row["partner_id"]].append(
            ContactFact(person_key(row["email"], row["name"]), row["name"], row["is_primary"])
        )
    memberships = dict(
        Membership.objects.of_coalition(coalition)
        .order_by()
        .values_list("role")
        .annotate(n=Count("id"))
    )
    events = tuple(
        EventFact(
            partner_uuid=str(row["partner__uuid"]),
            partner_name=row["partner__name"],
            kind=row["kind"],
            date=row["date"],
            conversation=row["conversation"],
        )
        for row in PartnerEvent.objects.of_coalition(coalition)
        .order_by("-date", "-created_at")
        .values("partner__uuid", "partner__name", "kind", "date", "conversation")
    )
    funding = tuple(
        FundingFact(
            uuid=str(row["uuid"]),
            funder=row["funder_name"] or row["funder_partner__name"] or "",
            kind=row["kind"],
            amount=float(row["amount"]),
            start_date=row["start_date"],
            end_date=row["end_date"],
            carries_activities=row["carries_activities"],
            has_continuity_plan=bool(row["continuity_plan"].strip()),
        )
        for row in FundingSource.objects.of_coalition(coalition)
        .order_by(F("end_date").asc(nulls_last=True), "funder_name", "pk")
        .values(
            "uuid",
            "funder_name",
            "funder_partner__name",
            "kind",
            "amount",
            "start_date",
            "end_date",
            "carries_activities",
            "continuity_plan",
        )
    )
    recorded = (
        Evaluation.objects.of_coalition(coalition)
        .filter(held_on__lte=today)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    scored, without_figures, municipality, _whole = wijk_rows(coalition, today)
    scans = {key: _scan_fact(results) for key, results in latest_results(coalition).items()}
    dip_inputs = gather_inputs(coalition, today=today)
    pulse = tuple(
        PulsePoint(m.title, m.date, m.n, dict(m.means))
        for m in (dip_inputs.pulse.rounds if dip_inputs.pulse else ())
    )
    return CoalitionSnapshot(
        today=today,
        uuid=str(coalition.uuid),
        name=coalition.name,
        phase=coalition.phase,
        form=coalition.form,
        legal_structure=coalition.legal_structure,
        area_scope=coalition.area_scope,
        areas=tuple(coalition.area_list),
        start_date=coalition.start_date,
        municipality_roles=tuple(coalition.municipality_roles or ()),
        ambition_chars=len(coalition.ambition.strip()),
        phase_history=phase_history,
        checklist=checklist,
        partners=tuple(_partner(row, contacts[row["id"]], today) for row in partner_rows),
        memberships=memberships,
        events=events,
        scans=scans,
        pulse=pulse,
        dip=assess(dip_inputs),
        suggestion=suggestion,
        records=_records(suggestion),
        last_evaluation=_last_evaluation(scans, checklist, recorded),
        funding=funding,
        wijken=tuple(_wijk(row) for row in scored + without_figures),
        municipality_loneliness=AreaFigure(
            name=coalition.municipality.name,
            period=municipality.period,
            strongly_lonely=_float(municipality.strongly_lonely),
            lonely=_float(municipality.lonely),
            is_demo=municipality.is_demo,
        )
        if municipality
        else None,
    )
