"""What the partners say about the articles' checklists: the success factors that the handbook's
five conditions do not cover (size and diversity, competences; 'Van samenzitten naar
samenwerken', 2021), the five pillars ('Integreer aanpak eenzaamheid in bestaand lokaal beleid',
2021) and the eleven monitoring questions (Coalitie Erbij, 2015). Shared goal and trust have their
own rules (scans.py). The thresholds are the shared scan thresholds (common.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _

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
        title=_("Omvang, diversiteit of deskundigheid schiet tekort"),
        explanation=_(
            "Het artikel 'Van samenzitten naar samenwerken' (2021) noemt vier succesfactoren. Twee "
            "daarvan gaan over wie er aan tafel zit: een coalitie van de juiste omvang en "
            "diversiteit, en vertegenwoordigers met genoeg kennis, ervaring, vaardigheden en "
            "eigen motivatie. Vinden partners dat een van die twee tekortschiet, dan komt de "
            "samenwerking moeilijk van samenzitten tot samenwerken. Als aanjager kan de gemeente "
            "helpen partners te werven of uren te financieren."
        ),
        guide=("success_factors", "size_and_diversity"),
        next_step=_(
            "Bespreek welke partij of welke kennis ontbreekt, en wie die kan benaderen of "
            "inbrengen."
        ),
    )


def pillar_weak(s: CoalitionSnapshot) -> list[Finding]:
    return scan_finding(
        s,
        "pillar_weak",
        [("pillars", key, False) for key in PILLARS],
        title=_("Een pijler van de lokale aanpak is zwak"),
        explanation=_(
            "Het artikel 'Integreer aanpak eenzaamheid in bestaand lokaal beleid' (2021) bouwt "
            "een duurzame aanpak op vijf pijlers: bestuurlijk commitment, een sterk netwerk, "
            "eenzame mensen zelf betrekken, eigenaarschap dat blijft als mensen of het college "
            "wisselen, en monitoring en evaluatie. Een pijler die partners laag scoren, is het "
            "eerste om samen aan te werken."
        ),
        guide=("pillars", "administrative_commitment"),
        next_step=_(
            "Kies de zwakste pijler en spreek één concrete stap af, met een partner die hem trekt."
        ),
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
            title=_("Monitorvragen waar partners 'nee' op zeggen: %(n)s van de 11")
            % {"n": len(low)},
            evidence=evidence,
            explanation=_(
                "Coalitie Erbij (2015) geeft elf vragen waarmee een gemeente haar lokale aanpak "
                "kan volgen, van een gedeelde visie en een eigenaar tot signaleren, opvolgen en "
                "eenzame mensen zelf betrekken. De vragen waarop partners gemiddeld onder het "
                "midden (%(low)s) uitkomen, wijzen aan waar de aanpak nog gaten heeft."
            )
            % {"low": decimal(LOW_MEAN)},
            guide=("monitoring_questions", low[0][0]),
            next_step=_(
                "Zet de laagst scorende vraag op de agenda van het volgende overleg, en vraag "
                "welke partner er iets aan kan doen."
            ),
            magnitude=round(sum(deficit(stat) for _key, stat in low), 1),
        )
    ]
