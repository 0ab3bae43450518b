"""What the partners say in the scans (Handreiking §3.3; article 2021)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    FORMAL_STRUCTURES,
    VERY_LOW_MEAN,
    counted,
    deficit,
    is_low,
    names_text,
    phase_at_least,
    phase_label,
    stat_line,
    status_label,
    troubled,
)
from samenspel.advice.rules.organisation import FEW_PARTNERS, MANY_PARTNERS
from samenspel.advice.snapshot import CoalitionSnapshot, ScaleStat
from samenspel.coalitions.models import (
    ChecklistStatus,
    LegalStructure,
    Phase,
)
from samenspel.guide.content import get_activity
from samenspel.partners.models import Circle, CoalitionRole

# 8–12. What the partners say in the scans (Handreiking §3.3, article 2021)


Source = tuple[str, str, bool]  # instrument, subscale, only the respondents of core partners
Fired = tuple[str, str, bool, ScaleStat]


def _fired(
    s: CoalitionSnapshot, sources: Sequence[Source], test: Callable[[ScaleStat], bool]
) -> list[Fired]:
    found = []
    for instrument, subscale, core in sources:
        stat = s.core_scan(instrument, subscale) if core else s.scan(instrument, subscale)
        if stat is not None and test(stat):
            found.append((instrument, subscale, core, stat))
    return found


def scan_finding(
    s: CoalitionSnapshot,
    rule: str,
    sources: Sequence[Source],
    *,
    title: str,
    explanation: str,
    guide: tuple[str, str],
    next_step: str,
) -> list[Finding]:
    """One finding from the subscales that are low or disagreed on; urgent when very low, or
    low and disagreed on at once."""
    fired = _fired(s, sources, troubled)
    if not fired:
        return []
    urgent = any(
        is_low(stat, VERY_LOW_MEAN) or (is_low(stat) and stat.disagreement)
        for *_rest, stat in fired
    )
    return [
        Finding(
            rule=rule,
            subject="scan",
            severity=Severity.URGENT if urgent else Severity.ATTENTION,
            title=title,
            evidence=[stat_line(s, i, k, core=c) for i, k, c, _stat in fired],
            explanation=explanation,
            guide=guide,
            next_step=next_step,
            magnitude=round(sum(deficit(stat) for *_rest, stat in fired), 1),
        )
    ]


def ambition_not_shared(s: CoalitionSnapshot) -> list[Finding]:
    explanation = rule_texts.explanation("ambition_not_shared")
    next_step = rule_texts.next_step("ambition_not_shared")
    findings = scan_finding(
        s,
        "ambition_not_shared",
        [("conditions", "ambition", False), ("success_factors", "shared_goal", False)],
        title=rule_texts.title("ambition_not_shared"),
        explanation=explanation,
        guide=("conditions", "ambition"),
        next_step=next_step,
    )
    if s.ambition_chars == 0 and phase_at_least(s, Phase.ESTABLISH):
        findings.append(
            Finding(
                rule="ambition_not_shared",
                subject="not-recorded",
                severity=Severity.ATTENTION,
                title=rule_texts.title("ambition_not_shared", "not-recorded"),
                evidence=[
                    _(
                        "Het veld 'gedeelde ambitie' van de coalitie is leeg, terwijl de coalitie "
                        "in fase '%(phase)s' is."
                    )
                    % {"phase": phase_label(s.phase)}
                ],
                explanation=explanation,
                guide=("conditions", "ambition"),
                next_step=next_step,
                magnitude=float(s.phase_number or 0),
            )
        )
    return findings


# Interests are unknown when, from the set-up phase on, at least half of the partners in the
# core and the active circle have neither success criteria nor deal-breakers recorded.
UNKNOWN_INTERESTS_SHARE = 0.5


def interests_not_honoured(s: CoalitionSnapshot) -> list[Finding]:
    explanation = rule_texts.explanation("interests_not_honoured")
    next_step = rule_texts.next_step("interests_not_honoured")
    findings = scan_finding(
        s,
        "interests_not_honoured",
        [("conditions", "interests", False)],
        title=rule_texts.title("interests_not_honoured"),
        explanation=explanation,
        guide=("conditions", "interests"),
        next_step=next_step,
    )
    close = s.in_circle(Circle.CORE, Circle.ACTIVE)
    unknown = [p for p in close if not p.has_deal_breakers and not p.has_success_criteria]
    if (
        phase_at_least(s, Phase.ESTABLISH)
        and close
        and len(unknown) / len(close) >= UNKNOWN_INTERESTS_SHARE
    ):
        findings.append(
            Finding(
                rule="interests_not_honoured",
                subject="unknown",
                severity=Severity.INFO,
                title=rule_texts.title("interests_not_honoured", "unknown"),
                evidence=[
                    _(
                        "Bij %(n)s van de %(total)s partners in de kern en de actieve cirkel zijn "
                        "geen succescriteria en geen dealbreakers vastgelegd: %(names)s."
                    )
                    % {
                        "n": len(unknown),
                        "total": len(close),
                        "names": names_text(p.name for p in unknown),
                    }
                ],
                explanation=explanation,
                guide=("conditions", "interests"),
                next_step=next_step,
                magnitude=float(len(unknown)),
            )
        )
    return findings


def low_trust_among_core(s: CoalitionSnapshot) -> list[Finding]:
    sources = []
    core_trust = s.core_scan("success_factors", "trust")
    if counted(core_trust):
        sources.append(("success_factors", "trust", True))
    elif s.scan("success_factors", "trust") is not None:
        # Too few core respondents to show them apart: the whole group, as the results page does.
        sources.append(("success_factors", "trust", False))
    sources.append(("conditions", "relations", False))
    fired = _fired(s, sources, is_low)
    if not fired:
        return []
    trust_fired = any(instrument == "success_factors" for instrument, *_rest in fired)
    urgent = any(is_low(stat, VERY_LOW_MEAN) for *_rest, stat in fired)
    return [
        Finding(
            rule="low_trust_among_core",
            subject="",
            severity=Severity.URGENT if urgent else Severity.ATTENTION,
            title=rule_texts.title("low_trust_among_core"),
            evidence=[stat_line(s, i, k, core=c) for i, k, c, _stat in fired],
            explanation=rule_texts.explanation("low_trust_among_core"),
            guide=("success_factors", "trust") if trust_fired else ("conditions", "relations"),
            next_step=rule_texts.next_step("low_trust_among_core"),
            magnitude=round(sum(deficit(stat) for *_rest, stat in fired), 1),
        )
    ]


def under_or_over_organised(s: CoalitionSnapshot) -> list[Finding]:
    stat = s.scan("conditions", "organisation")
    if not is_low(stat):
        return []
    assert stat is not None
    partners = len(s.current_partners)
    line = stat_line(s, "conditions", "organisation")
    structure = str(LegalStructure(s.legal_structure).label).lower()
    explanation = rule_texts.explanation("under_or_over_organised")
    if partners >= MANY_PARTNERS and s.legal_structure == LegalStructure.NONE:
        subject = "under"
        title = rule_texts.title("under_or_over_organised", "under")
        evidence = [
            line,
            _("%(n)s partners, en de samenwerking is niet vastgelegd (%(structure)s).")
            % {"n": partners, "structure": structure},
        ]
        explanation += " " + rule_texts.explanation("under_or_over_organised", "under")
        next_step = rule_texts.next_step("under_or_over_organised", "under")
        severity, extra = Severity.ATTENTION, partners - MANY_PARTNERS + 1
    elif partners <= FEW_PARTNERS and s.legal_structure in FORMAL_STRUCTURES:
        subject = "over"
        title = rule_texts.title("under_or_over_organised", "over")
        evidence = [
            line,
            _("%(n)s partners, met als juridische structuur: %(structure)s.")
            % {"n": partners, "structure": structure},
        ]
        explanation += " " + rule_texts.explanation("under_or_over_organised", "over")
        next_step = rule_texts.next_step("under_or_over_organised", "over")
        severity, extra = Severity.ATTENTION, FEW_PARTNERS - partners + 1
    else:
        subject = "low"
        title = rule_texts.title("under_or_over_organised", "low")
        evidence = [line]
        next_step = rule_texts.next_step("under_or_over_organised", "low")
        severity, extra = Severity.INFO, 0
    return [
        Finding(
            rule="under_or_over_organised",
            subject=subject,
            severity=severity,
            title=title,
            evidence=evidence,
            explanation=explanation,
            guide=("conditions", "organisation"),
            next_step=next_step,
            magnitude=round(deficit(stat) + extra, 1),
        )
    ]


def unclear_process(s: CoalitionSnapshot) -> list[Finding]:
    next_step = rule_texts.next_step("unclear_process")
    findings = scan_finding(
        s,
        "unclear_process",
        [("conditions", "process", False)],
        title=rule_texts.title("unclear_process"),
        explanation=rule_texts.explanation("unclear_process"),
        guide=("conditions", "process"),
        next_step=next_step,
    )
    if not phase_at_least(s, Phase.ESTABLISH):
        return findings
    design = s.activity_status("establish-process-design")
    # Recorded process steps are a process design, ticked or not ('Waar staan we?' counts them).
    designed = bool(s.records.get("establish-process-design"))
    if not designed and design not in (ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE):
        findings.append(
            Finding(
                rule="unclear_process",
                subject="no-design",
                severity=Severity.ATTENTION,
                title=rule_texts.title("unclear_process", "no-design"),
                evidence=[
                    _(
                        "De coalitie is in fase '%(phase)s', er zijn geen processtappen "
                        "vastgelegd, en '%(activity)s' staat op "
                        "'%(status)s'."
                    )
                    % {
                        "phase": phase_label(s.phase),
                        "activity": get_activity("establish-process-design").title,
                        "status": status_label(design),
                    }
                ],
                explanation=rule_texts.explanation("unclear_process", "no-design"),
                guide=("phases", "establish"),
                next_step=next_step,
                magnitude=float(s.phase_number or 0),
            )
        )
    leads = [p for p in s.current_partners if CoalitionRole.PROCESS_LEAD in p.roles]
    if not leads:
        findings.append(
            Finding(
                rule="unclear_process",
                subject="no-process-lead",
                severity=Severity.ATTENTION,
                title=rule_texts.title("unclear_process", "no-process-lead"),
                evidence=[
                    _(
                        "Geen van de %(n)s partners heeft de rol 'procesregie', terwijl de "
                        "coalitie in fase '%(phase)s' is."
                    )
                    % {"n": len(s.current_partners), "phase": phase_label(s.phase)}
                ],
                explanation=rule_texts.explanation("unclear_process", "no-process-lead"),
                guide=("conditions", "process"),
                next_step=rule_texts.next_step("unclear_process", "no-process-lead"),
                magnitude=float(s.phase_number or 0),
            )
        )
    return findings
