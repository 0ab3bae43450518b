"""What the partners say in the scans (Handreiking §3.3; article 2021)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _

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
    explanation = _(
        "Een ambitie is pas gedeeld als partners zich erin herkennen en hem ook concreet op "
        "dezelfde manier uitleggen (Handreiking §3.3.1). Een lage score of sterk uiteenlopende "
        "antwoorden wijzen erop dat partners onder dezelfde mooie woorden iets anders verstaan. "
        "Dan ligt versnippering op de loer: ieder blijft zijn eigen ding doen, of de regisseur "
        "werkt hard terwijl de steun voor de samenwerking wegloopt. Het artikel 'Van samenzitten "
        "naar samenwerken' (2021) noemt een gedeeld doel de eerste succesfactor."
    )
    next_step = _(
        "Voer het verdiepende gesprek over de ambitie: voor welke inwoners zet de coalitie zich "
        "eerst in, wat wil niemand dat er gebeurt, en waaraan zien jullie dat het lukt?"
    )
    findings = scan_finding(
        s,
        "ambition_not_shared",
        [("conditions", "ambition", False), ("success_factors", "shared_goal", False)],
        title=_("De ambitie is niet gedeeld"),
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
                title=_("Er is geen gedeelde ambitie vastgelegd"),
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
    explanation = _(
        "Partners verbinden zich sterker als de samenwerking ook bijdraagt aan hun eigen doelen. "
        "Worden hun belangen over het hoofd gezien, dan haken ze af of zetten ze de hakken in het "
        "zand (Handreiking §3.3.2). Het gaat om de drijfveren achter standpunten: wanneer is het "
        "voor een partner echt een succes, en wat kan voor hem beslist niet?"
    )
    next_step = _(
        "Vraag elke partner naar zijn succescriteria en dealbreakers, leg die vast bij de partner, "
        "en zoek bij keuzes naar oplossingen waar iedere partner iets aan heeft."
    )
    findings = scan_finding(
        s,
        "interests_not_honoured",
        [("conditions", "interests", False)],
        title=_("Partners vinden hun belangen onvoldoende terug"),
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
                title=_("Van veel partners zijn de belangen niet bekend"),
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
            title=_("Weinig onderling vertrouwen"),
            evidence=[stat_line(s, i, k, core=c) for i, k, c, _stat in fired],
            explanation=_(
                "Tussen kernspelers is een goede verstandhouding niet genoeg: zij moeten op "
                "elkaar kunnen bouwen, omdat zij samen de lastige keuzes maken, zoals het "
                "verdelen van geld (Handreiking §1.2.3, tips). Vertrouwen groeit door elkaar te "
                "ontmoeten, samen iets mee te maken en open te zijn over belangen en risico's "
                "(§3.3.3). Het artikel 'Van samenzitten naar samenwerken' (2021) noemt "
                "onderling vertrouwen een van de vier succesfactoren."
            ),
            guide=("success_factors", "trust") if trust_fired else ("conditions", "relations"),
            next_step=_(
                "Organiseer met de kernpartners iets buiten het gewone overleg, zoals een "
                "werkbezoek, en bespreek open wat ieder nodig heeft om op de anderen te kunnen "
                "rekenen."
            ),
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
    explanation = _(
        "Hoe groter en intensiever de ambitie, hoe meer de samenwerking georganiseerd moet zijn. "
        "Sluit de organisatie niet aan bij de ambitie, dan ontstaat onder- of overorganisatie: "
        "partners nemen hun eigen gewoonten mee en regelen te weinig, of plannen uit onwennigheid "
        "te veel overleg en procedures (Handreiking §3.3.4)."
    )
    if partners >= MANY_PARTNERS and s.legal_structure == LegalStructure.NONE:
        subject, title = "under", _("Mogelijk onderorganisatie")
        evidence = [
            line,
            _("%(n)s partners, en de samenwerking is niet vastgelegd (%(structure)s).")
            % {"n": partners, "structure": structure},
        ]
        explanation += " " + _(
            "Met veel partners en alleen informele afspraken is vaak onduidelijk wie beslist, hoe "
            "jullie elkaar treffen en wat er is afgesproken."
        )
        next_step = _(
            "Leg vast wie waarover beslist en hoe de coalitie overlegt; afspraken op papier of een "
            "convenant is vaak al genoeg."
        )
        severity, extra = Severity.ATTENTION, partners - MANY_PARTNERS + 1
    elif partners <= FEW_PARTNERS and s.legal_structure in FORMAL_STRUCTURES:
        subject, title = "over", _("Mogelijk overorganisatie")
        evidence = [
            line,
            _("%(n)s partners, met als juridische structuur: %(structure)s.")
            % {"n": partners, "structure": structure},
        ]
        explanation += " " + _(
            "Met weinig partners kan een stichting of vereniging zwaarder zijn dan de ambitie "
            "vraagt; de handreiking noemt ook de nadelen: het maakt zaken formeel en kan partners "
            "afschrikken (§1.2.4)."
        )
        next_step = _(
            "Ga na welke overleggen en procedures echt nodig zijn voor de ambitie, en schrap de "
            "rest."
        )
        severity, extra = Severity.ATTENTION, FEW_PARTNERS - partners + 1
    else:
        subject, title = "low", _("Partners vinden de samenwerking niet goed georganiseerd")
        evidence = [line]
        next_step = _(
            "Bespreek aan de hand van de vragen uit de scan waar het knelt: wie besluit, hoe vaak "
            "jullie overleggen en wat er op papier staat."
        )
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
    next_step = _(
        "Maak samen een procesontwerp: welke stappen zet de coalitie in welke volgorde, wie "
        "besluit waarover, en wanneer is het volgende overleg? Deel het met alle partners."
    )
    findings = scan_finding(
        s,
        "unclear_process",
        [("conditions", "process", False)],
        title=_("Het proces is partners niet duidelijk"),
        explanation=_(
            "Als partners niet weten wie beslist, wanneer het volgende overleg is en wat er op de "
            "agenda staat, vinden ze het lastig om bij te dragen (Handreiking §3.3.5). Een helder "
            "gezamenlijk proces geeft richting en houvast; niet alleen de trekker, ook de "
            "belangrijkste partners moeten globaal weten wat er komt."
        ),
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
                title=_("Er is nog geen procesontwerp"),
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
                explanation=_(
                    "Bij het inrichten van de samenwerking hoort een gezamenlijk procesontwerp: "
                    "welke stappen in welke volgorde, waarover nog besloten moet worden, en of er "
                    "geld of partners bij moeten (Handreiking §1.2.4). Dat geeft partners houvast "
                    "en helpt commitment te laten groeien, zeker als ze sterk van elkaar "
                    "verschillen."
                ),
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
                title=_("Niemand heeft de procesregie"),
                evidence=[
                    _(
                        "Geen van de %(n)s partners heeft de rol 'procesregie', terwijl de "
                        "coalitie in fase '%(phase)s' is."
                    )
                    % {"n": len(s.current_partners), "phase": phase_label(s.phase)}
                ],
                explanation=_(
                    "Iemand die de procesregie voert, partijen bijeenbrengt, bewaakt of "
                    "mijlpalen worden gehaald en besluiten op de juiste tafel legt, is onmisbaar "
                    "(Handreiking §3.3.5). Dat kan een partner zijn, een groep die daarvoor wordt "
                    "gevormd of een onafhankelijke regisseur (§1.2.4)."
                ),
                guide=("conditions", "process"),
                next_step=_(
                    "Spreek af wie de procesregie heeft en leg die rol vast bij de partner."
                ),
                magnitude=float(s.phase_number or 0),
            )
        )
    return findings
