"""A phase that stalls (Handreiking §1.2, §1.3)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    HALF_YEAR_DAYS,
    date_text,
    months,
    phase_label,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Phase,
)

# 6. A phase that stalls (Handreiking §1.2, §1.3)

# How long a phase may last before it is worth asking why. The start and the exploration should
# turn into doing within a year ("praten leidt tot doen", §1.2.4); setting up (agreements, process,
# structure, perhaps a legal form) takes longer: 18 months. Keeping alive is meant to last, so it
# has no limit (the yearly evaluation covers it). Further development is a transition: a year.
PHASE_LIMIT_DAYS: dict[str, int | None] = {
    Phase.INITIATE: 365,
    Phase.EXPLORE: 365,
    Phase.ESTABLISH: 548,
    Phase.SUSTAIN: None,
    Phase.DEVELOP: 365,
}
# The checklist of the current phase stands still when none of its activities changed for half
# a year while the phase is not largely done.
NO_PROGRESS_DAYS = 182


def phase_stalls(s: CoalitionSnapshot) -> list[Finding]:
    if s.phase == Phase.STOPPED:
        return []
    limit = PHASE_LIMIT_DAYS.get(s.phase)
    days = s.days_in_phase
    too_long = limit is not None and days > limit
    facts = s.phase_checklist(s.phase)
    updates = [f.updated_on for f in facts if f.updated_on is not None]
    last_update = max(updates, default=None)
    quiet_since = last_update or s.phase_since
    standing_still = (
        days >= NO_PROGRESS_DAYS
        and (s.today - quiet_since).days >= NO_PROGRESS_DAYS
        and not s.phase_largely_done(s.phase)
    )
    if not (too_long or standing_still):
        return []
    phase = phase_label(s.phase)
    evidence = [
        _("In fase '%(phase)s' sinds %(since)s: %(months)s maanden%(limit)s.")
        % {
            "phase": phase,
            "since": date_text(s.phase_since),
            "months": months(days),
            "limit": _(" (grens voor een bevinding: %(m)s maanden)") % {"m": months(limit)}
            if limit
            else "",
        }
    ]
    score = round(s.phase_score(s.phase) * 100)
    if last_update:
        evidence.append(
            _("Checklist van deze fase: %(pct)s%% gedaan; laatst bijgewerkt op %(date)s.")
            % {"pct": score, "date": date_text(last_update)}
        )
    else:
        evidence.append(
            _("Checklist van deze fase: %(pct)s%% gedaan; nog nooit bijgewerkt.") % {"pct": score}
        )
    triggers = int(too_long) + int(standing_still)
    return [
        Finding(
            rule="phase_stalls",
            subject=s.phase,
            severity=Severity.URGENT if triggers == 2 else Severity.ATTENTION,
            title=rule_texts.title("phase_stalls") % {"months": months(days), "phase": phase},
            evidence=evidence,
            explanation=rule_texts.explanation("phase_stalls"),
            guide=("phases", s.phase),
            next_step=rule_texts.next_step("phase_stalls"),
            magnitude=float(days // HALF_YEAR_DAYS + triggers),
        )
    ]
