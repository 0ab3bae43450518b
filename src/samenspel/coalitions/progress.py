"""'Where are we?': which life phase fits the coalition's checklist best, and why.

A suggestion, never a verdict: the handbook (§1.2, §1.3) stresses that phases overlap and that
going back is normal. The rule is simple enough to explain on the page: a phase counts as largely
done when at least three quarters of its applicable activities are done (busy counts half); the
suggested phase is the first one that is not largely done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samenspel.coalitions.models import (
    LIFE_PHASES,
    ChecklistItem,
    ChecklistStatus,
    Coalition,
    Phase,
)
from samenspel.guide.content import Activity, phase_activities

LARGELY_DONE = 0.75
STATUS_WEIGHT = {
    ChecklistStatus.DONE: 1.0,
    ChecklistStatus.BUSY: 0.5,
    ChecklistStatus.NOT_STARTED: 0.0,
}


@dataclass(frozen=True)
class ActivityState:
    activity: Activity
    status: str
    note: str

    @property
    def status_label(self) -> str:
        return str(ChecklistStatus(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status in (ChecklistStatus.NOT_STARTED, ChecklistStatus.BUSY)


@dataclass(frozen=True)
class PhaseProgress:
    phase: str
    activities: list[ActivityState]

    @property
    def label(self) -> str:
        return str(Phase(self.phase).label)

    @property
    def applicable(self) -> list[ActivityState]:
        return [
            state for state in self.activities if state.status != ChecklistStatus.NOT_APPLICABLE
        ]

    @property
    def score(self) -> float:
        applicable = self.applicable
        if not applicable:
            return 1.0
        return sum(STATUS_WEIGHT[ChecklistStatus(state.status)] for state in applicable) / len(
            applicable
        )

    @property
    def percentage(self) -> int:
        return round(self.score * 100)

    @property
    def started(self) -> bool:
        return any(
            state.status in (ChecklistStatus.BUSY, ChecklistStatus.DONE)
            for state in self.activities
        )


@dataclass(frozen=True)
class PhaseSuggestion:
    current: str
    suggested: str
    phases: list[PhaseProgress]
    reasons: list[str] = field(default_factory=list)
    next_steps: list[ActivityState] = field(default_factory=list)

    @property
    def matches_current(self) -> bool:
        return self.current == self.suggested

    @property
    def suggested_label(self) -> str:
        return str(Phase(self.suggested).label)


def checklist_progress(items: Iterable[ChecklistItem]) -> list[PhaseProgress]:
    by_key = {item.activity_key: item for item in items}
    progress = []
    for phase in LIFE_PHASES:
        states = []
        for activity in phase_activities(phase):
            item = by_key.get(activity.key)
            states.append(
                ActivityState(
                    activity=activity,
                    status=item.status if item else ChecklistStatus.NOT_STARTED,
                    note=item.note if item else "",
                )
            )
        progress.append(PhaseProgress(phase=phase, activities=states))
    return progress


def suggest_phase(
    coalition: Coalition, items: Iterable[ChecklistItem] | None = None
) -> PhaseSuggestion:
    if items is None:
        items = coalition.checklist_items.all()
    phases = checklist_progress(items)
    open_phase = next((p for p in phases if p.score < LARGELY_DONE), phases[-1])
    reasons = _reasons(phases, open_phase)
    if coalition.phase == Phase.STOPPED:
        reasons.insert(
            0, _("De coalitie is gestopt. De checklist laat zien hoe ver zij was gekomen.")
        )
    elif coalition.phase != open_phase.phase:
        reasons.append(
            _(
                "U heeft zelf '%(current)s' ingesteld. Dat kan kloppen: fases lopen in de praktijk door "
                "elkaar (Handreiking §1.2). Werk de checklist bij of overweeg een fasewissel."
            )
            % {"current": Phase(coalition.phase).label}
        )
    return PhaseSuggestion(
        current=coalition.phase,
        suggested=open_phase.phase,
        phases=phases,
        reasons=reasons,
        next_steps=_next_steps(phases, open_phase),
    )


def _reasons(phases: list[PhaseProgress], open_phase: PhaseProgress) -> list[str]:
    done = [
        p
        for p in phases
        if p.score >= LARGELY_DONE
        and LIFE_PHASES.index(Phase(p.phase)) < LIFE_PHASES.index(Phase(open_phase.phase))
    ]
    reasons = []
    if done:
        reasons.append(
            _("Grotendeels afgerond: %(phases)s.")
            % {"phases": ", ".join(f"{p.label} ({p.percentage}%)" for p in done)}
        )
    if open_phase.score < LARGELY_DONE:
        reasons.append(
            _("In '%(phase)s' is %(pct)s%% gedaan; daar ligt nu het werk.")
            % {"phase": open_phase.label, "pct": open_phase.percentage}
        )
    else:
        reasons.append(
            _("Alle fases zijn grotendeels afgerond; de coalitie is toe aan doorontwikkeling.")
        )
    later = [
        p
        for p in phases
        if p.started
        and LIFE_PHASES.index(Phase(p.phase)) > LIFE_PHASES.index(Phase(open_phase.phase))
    ]
    if later:
        reasons.append(
            _("Er is ook al werk begonnen in %(phases)s.")
            % {"phases": ", ".join(p.label for p in later)}
        )
    return reasons


def _next_steps(
    phases: list[PhaseProgress], open_phase: PhaseProgress, limit: int = 5
) -> list[ActivityState]:
    """Open activities of the suggested phase, busy ones first, then earlier phases' leftovers."""
    index = LIFE_PHASES.index(Phase(open_phase.phase))
    candidates = [s for s in open_phase.activities if s.is_open]
    candidates.sort(key=lambda s: s.status != ChecklistStatus.BUSY)
    for earlier in phases[:index]:
        candidates.extend(s for s in earlier.activities if s.is_open)
    return candidates[:limit]
