"""What the partners say about the articles' checklists: the success factors that the handbook's
five conditions do not cover (size and diversity, competences; 'Van samenzitten naar
samenwerken', 2021), the five pillars ('Integreer aanpak eenzaamheid in bestaand lokaal beleid',
2021) and the eleven monitoring questions (Coalitie Erbij, 2015). Shared goal and trust have their
own rules (scans.py). The thresholds are the shared scan thresholds (common.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import LOW_MEAN, deficit, is_low
from samenspel.advice.rules.scans import scan_finding
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.scans.results import decimal

PILLARS = (
    "administrative_commitment",
    "strong_network",
    "involve_residents",
    "sustainable_approach",
    "monitoring_evaluation",
)
MONITORING_QUESTIONS = tuple(f"q{number:02}" for number in range(1, 12))


def success_factors_weak(s: CoalitionSnapshot) -> list[Finding]:
    return scan_finding(
        s,
        "success_factors_weak",
        [
            ("success_factors", "size_and_diversity", False),
            ("success_factors", "competences", False),
        ],
        title=rule_texts.title("success_factors_weak"),
        explanation=rule_texts.explanation("success_factors_weak"),
        guide=("success_factors", "size_and_diversity"),
        next_step=rule_texts.next_step("success_factors_weak"),
    )


def pillar_weak(s: CoalitionSnapshot) -> list[Finding]:
    return scan_finding(
        s,
        "pillar_weak",
        [("pillars", key, False) for key in PILLARS],
        title=rule_texts.title("pillar_weak"),
        explanation=rule_texts.explanation("pillar_weak"),
        guide=("pillars", "administrative_commitment"),
        next_step=rule_texts.next_step("pillar_weak"),
    )


def monitoring_questions_low(s: CoalitionSnapshot) -> list[Finding]:
    fact = s.scans.get("pillars")
    if fact is None:
        return []
    low = [
        (key, stat)
        for key in MONITORING_QUESTIONS
        if (stat := fact.items.get(key)) is not None and is_low(stat)
    ]
    if not low:
        return []
    evidence = [
        _("'%(text)s': gemiddeld %(mean)s op een schaal van 1 tot 5 (%(n)s antwoorden).")
        % {"text": fact.item_texts.get(key, key), "mean": decimal(stat.mean), "n": stat.n}
        for key, stat in low
    ]
    return [
        Finding(
            rule="monitoring_questions_low",
            subject="",
            severity=Severity.INFO,
            title=rule_texts.title("monitoring_questions_low") % {"n": len(low)},
            evidence=evidence,
            explanation=rule_texts.explanation("monitoring_questions_low")
            % {"low": decimal(LOW_MEAN)},
            guide=("monitoring_questions", low[0][0]),
            next_step=rule_texts.next_step("monitoring_questions_low"),
            magnitude=round(sum(deficit(stat) for _key, stat in low), 1),
        )
    ]
