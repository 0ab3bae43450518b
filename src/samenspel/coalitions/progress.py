"""'Where are we?': does the recorded life phase still fit, and if not, which one does, and why.

A suggestion, never a verdict. It follows the handbook (§1.2, §1.3) step by step:

- **Start from the recorded phase** and its history. The coalition chose it, often at a
  kantelmoment (§1.3); the suggestion only moves away from it on evidence.
- **Evidence is everything the coalition recorded**, not only the checklist: a record that shows an
  activity (process steps for the process design, a standing body for the work structure, ...; see
  `coalitions.evidence`) counts as that activity done. A letter of intent or covenant is an
  optional *marker* of the end of phase 3: it helps, its absence never counts against it.
- **Forward** when the recorded phase is largely done (three quarters, busy counting half) and the
  next phase has visibly begun, or the phase was marked. A phase that is done without anything of
  the next one begun still fits: a change of phase often shows only afterwards (§1.3).
- **Sustain is a phase to stay in.** Finishing its list never moves the suggestion on; only work
  of the last phase (a review, joining another platform) does. Many coalitions never get there
  (§1.2.6).
- **Back** when work is under way ('busy') in an earlier, unfinished phase while nothing of the
  recorded phase has begun: the phases follow each other, but a step back is normal when the
  situation changed (§1.2). An empty checklist is no evidence either way.
- **The renewal loop.** A step back from the last phase, after a review, starts a new round
  (§1.2.6: "possibly you are back in phase 1"). Ticks and records from before it are shown as
  earlier work to reconsider; they do not count again.

The handbook's *tips* (board commitment in phase 2, the letter of intent in phase 3) are tips in
the guide, not checklist activities, so they never weigh in a phase's score.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.coalitions.evidence import (
    MARKER_PREFIX,
    SOURCES,
    ChecklistRow,
    Evidence,
    Record,
    gather,
)
from samenspel.coalitions.models import (
    LIFE_PHASES,
    ChecklistItem,
    ChecklistStatus,
    Coalition,
    Phase,
    PhaseChange,
)
from samenspel.guide.content import Activity, phase_activities

LARGELY_DONE = 0.75
STATUS_WEIGHT = {
    ChecklistStatus.DONE: 1.0,
    ChecklistStatus.BUSY: 0.5,
    ChecklistStatus.NOT_STARTED: 0.0,
}


@dataclass(frozen=True)
class Step:
    """A recorded phase change, as plain data."""

    date: datetime.date
    from_phase: str
    to_phase: str

    @classmethod
    def of(cls, change: PhaseChange) -> Step:
        return cls(change.date, change.from_phase, change.to_phase)


@dataclass(frozen=True)
class ActivityState:
    activity: Activity
    status: str  # as recorded on the checklist
    note: str = ""
    evidence: tuple[str, ...] = ()  # records of this round that show the activity
    earlier_round: bool = False  # ticked before the current round began: not counted again

    @property
    def status_label(self) -> str:
        return str(ChecklistStatus(self.status).label)

    @property
    def weight(self) -> float:
        if self.evidence:
            return 1.0
        if self.earlier_round:
            return 0.0
        return STATUS_WEIGHT.get(ChecklistStatus(self.status), 0.0)

    @property
    def applicable(self) -> bool:
        return self.status != ChecklistStatus.NOT_APPLICABLE

    @property
    def is_open(self) -> bool:
        return self.applicable and self.weight < 1.0


@dataclass(frozen=True)
class PhaseProgress:
    phase: str
    activities: list[ActivityState]
    marked_by: tuple[str, ...] = ()  # optional markers of this round (a signed covenant)

    @property
    def label(self) -> str:
        return str(Phase(self.phase).label)

    @property
    def applicable(self) -> list[ActivityState]:
        return [state for state in self.activities if state.applicable]

    @property
    def score(self) -> float:
        applicable = self.applicable
        if not applicable:
            return 1.0
        return sum(state.weight for state in applicable) / len(applicable)

    @property
    def percentage(self) -> int:
        return round(self.score * 100)

    @property
    def started(self) -> bool:
        return any(state.weight > 0 for state in self.activities) or bool(self.marked_by)

    @property
    def largely_done(self) -> bool:
        return self.score >= LARGELY_DONE or bool(self.marked_by)

    @property
    def evidence_lines(self) -> list[str]:
        return [
            f"{s.activity.title}: {', '.join(s.evidence)}" for s in self.activities if s.evidence
        ]


@dataclass(frozen=True)
class PhaseSuggestion:
    current: str
    suggested: str
    phases: list[PhaseProgress]
    reasons: list[str] = field(default_factory=list)
    next_steps: list[ActivityState] = field(default_factory=list)
    round_since: datetime.date | None = None  # start of the current round, after a review

    @property
    def matches_current(self) -> bool:
        return self.current == self.suggested

    @property
    def suggested_label(self) -> str:
        return str(Phase(self.suggested).label)

    def progress(self, phase: str) -> PhaseProgress:
        return next(p for p in self.phases if p.phase == phase)


# Reading the history


def round_start(history: Sequence[Step]) -> datetime.date | None:
    """The day of the latest step back out of the last phase: a review that led to a new round."""
    starts = [
        step.date
        for step in history
        if step.from_phase == Phase.DEVELOP and step.to_phase in LIFE_PHASES[:-1]
    ]
    return max(starts, default=None)


def _describe(records: list[Record]) -> list[str]:
    counts: dict[str, int] = {}
    for record in records:
        counts[record.source] = counts.get(record.source, 0) + 1
    return [
        f"{SOURCES[source].label} ({count})" if count > 1 else str(SOURCES[source].label)
        for source, count in sorted(counts.items())
        if source in SOURCES
    ]


def phase_progress(evidence: Evidence, since: datetime.date | None = None) -> list[PhaseProgress]:
    progress = []
    for phase in LIFE_PHASES:
        states = []
        for activity in phase_activities(phase):
            row = evidence.checklist.get(activity.key)
            status = row.status if row else ChecklistStatus.NOT_STARTED
            earlier = bool(
                row
                and since
                and row.day
                and row.day < since
                and status != ChecklistStatus.NOT_APPLICABLE
            )
            states.append(
                ActivityState(
                    activity=activity,
                    status=status,
                    note=row.note if row else "",
                    evidence=tuple(_describe(evidence.of(activity.key, since))),
                    earlier_round=earlier and status != ChecklistStatus.NOT_STARTED,
                )
            )
        marked = tuple(_describe(evidence.of(MARKER_PREFIX + phase, since)))
        progress.append(PhaseProgress(phase=phase, activities=states, marked_by=marked))
    return progress


# The suggestion


def suggest(current: str, history: Sequence[Step], evidence: Evidence) -> PhaseSuggestion:
    """The pure heart of 'Where are we?'; see the module docstring for the steps."""
    since = round_start(history)
    phases = phase_progress(evidence, since)
    if current == Phase.STOPPED:
        reasons = [_("De coalitie is gestopt. De checklist laat zien hoe ver zij was gekomen.")]
        return PhaseSuggestion(current, current, phases, reasons, round_since=since)
    suggested, reasons = _forward(current, phases)
    if suggested == current:
        suggested, reasons = _back(current, phases, reasons)
    if since is not None:
        reasons.insert(0, _new_round(since, phases))
    return PhaseSuggestion(
        current=current,
        suggested=suggested,
        phases=phases,
        reasons=reasons,
        next_steps=_next_steps(phases, suggested),
        round_since=since,
    )


def _index(phase: str) -> int:
    return LIFE_PHASES.index(Phase(phase))


def _forward(current: str, phases: list[PhaseProgress]) -> tuple[str, list[str]]:
    position = _index(current)
    reasons: list[str] = []
    while position < len(LIFE_PHASES) - 1:
        here, following = phases[position], phases[position + 1]
        if here.phase == Phase.SUSTAIN:
            if following.started:
                reasons.append(
                    _(
                        "Er is werk begonnen dat bij '%(next)s' hoort (%(what)s): de coalitie "
                        "houdt haar bestaansrecht tegen het licht (Handreiking §1.2.6)."
                    )
                    % {"next": following.label, "what": _started(following)}
                )
                position += 1
            elif here.phase == current:  # reached from an earlier phase, it is no fit to confirm
                reasons.append(_stay_in_sustain(here))
            break
        if not (here.largely_done and following.started):
            break
        reasons.append(_moved_on(here, following))
        position += 1
    suggested = str(LIFE_PHASES[position])
    if suggested == current and not reasons:
        reasons.append(_fits(phases[position]))
    elif suggested != current:
        reasons.append(
            _(
                "Een fasewissel blijkt vaak pas achteraf, rond een kantelmoment (§1.3). Past "
                "'%(phase)s' ook volgens de partners, leg de wissel dan vast met het "
                "kantelmoment erbij."
            )
            % {"phase": phases[position].label}
        )
    return suggested, reasons


def _back(current: str, phases: list[PhaseProgress], reasons: list[str]) -> tuple[str, list[str]]:
    """Back only on evidence: work marked 'busy' in an earlier, unfinished phase while nothing of
    the recorded phase has begun. Empty checklists are no evidence: many coalitions do the right
    things without naming the phases (§1.3)."""
    here = phases[_index(current)]
    if here.started:
        return current, reasons
    behind = [
        p
        for p in phases[: _index(current)]
        if not p.largely_done and any(s.status == ChecklistStatus.BUSY for s in p.activities)
    ]
    if not behind:
        return current, reasons
    back = behind[0]
    return back.phase, [
        _(
            "In de ingestelde fase '%(current)s' is nog niets begonnen, terwijl in '%(back)s' "
            "werk loopt (%(busy)s) en die fase voor %(pct)s%% gedaan is. Fases volgen op elkaar, "
            "maar een stap terug is gewoon als de situatie veranderd is (Handreiking §1.2): "
            "misschien hoort de coalitie (weer) in '%(back)s'."
        )
        % {
            "current": here.label,
            "back": back.label,
            "busy": ", ".join(
                s.activity.title.lower()
                for s in back.activities
                if s.status == ChecklistStatus.BUSY
            ),
            "pct": back.percentage,
        }
    ]


def _fits(here: PhaseProgress) -> str:
    if here.phase == Phase.DEVELOP:
        return _(
            "De ingestelde fase past: de coalitie herbezint zich (%(pct)s%% gedaan). Leg de "
            "uitkomst vast als fasewissel: een nieuwe start in fase 1, verder in de huidige "
            "vorm, of stoppen (Handreiking §1.2.6)."
        ) % {"pct": here.percentage}
    if here.largely_done:
        return _(
            "De ingestelde fase past: '%(phase)s' is voor %(pct)s%% gedaan en van de volgende "
            "fase is nog niets begonnen. Een wissel blijkt vaak pas achteraf (Handreiking §1.3)."
        ) % {"phase": here.label, "pct": here.percentage}
    return _(
        "De ingestelde fase past bij wat de coalitie heeft vastgelegd: in '%(phase)s' is "
        "%(pct)s%% gedaan; daar ligt nu het werk."
    ) % {"phase": here.label, "pct": here.percentage}


def _stay_in_sustain(here: PhaseProgress) -> str:
    return _(
        "De ingestelde fase past: '%(phase)s' (%(pct)s%% gedaan) is een fase om in te blijven. De "
        "samenwerking levend houden stopt niet als de lijst af is, en de volgende fase komt "
        "soms nooit (Handreiking §1.2.5 en §1.2.6)."
    ) % {"phase": here.label, "pct": here.percentage}


def _moved_on(here: PhaseProgress, following: PhaseProgress) -> str:
    done = (
        _("gemarkeerd met %(what)s") % {"what": ", ".join(here.marked_by)}
        if here.marked_by
        else _("voor %(pct)s%% gedaan") % {"pct": here.percentage}
    )
    return _("'%(here)s' is %(done)s, en in '%(next)s' is al werk begonnen (%(what)s).") % {
        "here": here.label,
        "done": done,
        "next": following.label,
        "what": _started(following),
    }


def _started(phase: PhaseProgress) -> str:
    titles = [s.activity.title.lower() for s in phase.activities if s.weight > 0]
    return ", ".join(titles) or ", ".join(phase.marked_by)


def _new_round(since: datetime.date, phases: list[PhaseProgress]) -> str:
    earlier = sum(1 for p in phases for s in p.activities if s.earlier_round)
    return ngettext(
        "Na de herijking is op %(date)s een nieuwe ronde begonnen (Handreiking §1.2.6). "
        "%(n)s activiteit die daarvoor al gedaan was, telt niet opnieuw mee: bekijk of "
        "die nog klopt.",
        "Na de herijking is op %(date)s een nieuwe ronde begonnen (Handreiking §1.2.6). "
        "%(n)s activiteiten die daarvoor al gedaan waren, tellen niet opnieuw mee: bekijk of "
        "die nog kloppen.",
        earlier,
    ) % {"date": date_format(since, "j F Y"), "n": earlier}


def _next_steps(phases: list[PhaseProgress], suggested: str, limit: int = 5) -> list[ActivityState]:
    """Open activities of the suggested phase, busy ones first, then earlier phases' leftovers."""
    index = _index(suggested)
    candidates = [s for s in phases[index].activities if s.is_open]
    candidates.sort(key=lambda s: s.status != ChecklistStatus.BUSY)
    for earlier in phases[:index]:
        candidates.extend(s for s in earlier.activities if s.is_open)
    return candidates[:limit]


def suggest_phase(
    coalition: Coalition, history: Sequence[PhaseChange] | None = None
) -> PhaseSuggestion:
    """Two queries: the history (unless given) and the evidence (`coalitions.evidence.gather`)."""
    if history is None:
        history = list(coalition.phase_changes.all())
    return suggest(coalition.phase, [Step.of(change) for change in history], gather(coalition))


def checklist_progress(items: Iterable[ChecklistItem]) -> list[PhaseProgress]:
    """The checklist alone, without other records or rounds (the checklist API)."""
    rows = {item.activity_key: ChecklistRow(item.status, None, item.note) for item in items}
    return phase_progress(Evidence(checklist=rows))


def phase_since(coalition: Coalition, history: Sequence[PhaseChange]) -> datetime.date:
    return max((change.date for change in history), default=coalition.start_date)
