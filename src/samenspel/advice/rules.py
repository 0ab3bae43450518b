"""The advice rules: each a small pure function `(CoalitionSnapshot) -> list[Finding]`.

A rule looks only at the snapshot (no database, no clock: "today" is in the snapshot), so its
behaviour is fixed by its input and it is tested by writing a snapshot by hand. Every rule points
at a risk that the handbook *Samenspel lokale coalities tegen eenzaamheid* (VWS, 2022) or the 2021
articles name, explains it in the project's own words with the section it comes from, shows the
coalition's own numbers and names as evidence, links to the guide and proposes one next step.

Thresholds are rules of thumb to start a conversation, not verdicts; each has its reason next to
it. docs/advice.md lists every rule with its inputs and thresholds.

To add a rule: write `def my_rule(s: CoalitionSnapshot) -> list[Finding]`, add it to `RULES` and
`LABELS`, and add a test where it fires and one where it must not.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.advice.findings import Finding, Severity
from samenspel.advice.snapshot import CoalitionSnapshot, PartnerFact, ScaleStat, WijkFact
from samenspel.coalitions.models import (
    ChecklistStatus,
    Form,
    LegalStructure,
    Phase,
    phase_number,
)
from samenspel.guide.content import get_activity
from samenspel.partners.models import Circle, CoalitionRole, EventKind, PartnerKind
from samenspel.partners.selectors import HANDBOOK_KINDS
from samenspel.scans.netwerkdip import DipLevel
from samenspel.scans.results import decimal
from samenspel.scans.scoring import MIN_GROUP

Rule = Callable[[CoalitionSnapshot], list[Finding]]

# Thresholds shared by several rules

# 3 is "neutraal" on the 1–5 agreement scale: a mean below it means that, on balance, partners
# disagree with the statements about this condition.
LOW_MEAN = 3.0
# Halfway between "oneens" and "neutraal": a clear majority disagrees. Urgent.
VERY_LOW_MEAN = 2.5
# With one or two respondents a mean is a person, not the coalition (the same threshold as the
# smallest group the scan results ever show).
MIN_RESPONDENTS = MIN_GROUP
# Half a year, in days: the step in which time-based findings grow, so that a dismissed finding
# about time comes back after another half year instead of the next morning.
HALF_YEAR_DAYS = 182

# Roles that steer the coalition: whoever holds all of them alone carries the coalition.
STEERING_ROLES = (
    CoalitionRole.PROCESS_LEAD,
    CoalitionRole.NETWORK_COORDINATION,
    CoalitionRole.FUNDER,
)
FORMAL_STRUCTURES = (
    LegalStructure.FOUNDATION,
    LegalStructure.ASSOCIATION,
    LegalStructure.COOPERATIVE,
)


# Small helpers (formatting in the active language, Dutch by default)


def _date(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _months(days: int) -> int:
    return int(days // 30.44)


def _names(names: Iterable[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s en %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _role_labels(roles: Iterable[str]) -> str:
    return _names(str(CoalitionRole(role).label).lower() for role in roles)


def _kind_label(kind: str) -> str:
    return str(PartnerKind(kind).label)


def _circle_label(circle: str) -> str:
    return str(Circle(circle).label)


def _phase_label(phase: str) -> str:
    return str(Phase(phase).label)


def _status_label(status: str) -> str:
    return str(ChecklistStatus(status).label).lower()


def _counted(stat: ScaleStat | None) -> bool:
    return stat is not None and stat.n >= MIN_RESPONDENTS


def _low(stat: ScaleStat | None, threshold: float = LOW_MEAN) -> bool:
    return _counted(stat) and round(stat.mean, 6) < threshold  # type: ignore[union-attr]


def _troubled(stat: ScaleStat | None) -> bool:
    """Low, or the respondents clearly do not share one picture (see scans.scoring)."""
    return _low(stat) or (stat is not None and stat.disagreement)


def _deficit(stat: ScaleStat) -> float:
    """How far below the middle, plus the spread when respondents disagree: both make it worse."""
    return max(0.0, LOW_MEAN - stat.mean) + (stat.sd if stat.disagreement else 0.0)


def _stat_line(s: CoalitionSnapshot, instrument: str, subscale: str, *, core: bool = False) -> str:
    fact = s.scans[instrument]
    stat = (fact.core if core else fact.subscales)[subscale]
    line = _(
        "%(subscale)s (%(scan)s, ronde '%(round)s' van %(date)s%(who)s): gemiddeld %(mean)s op "
        "een schaal van 1 tot 5, spreiding %(sd)s, %(n)s antwoorden."
    ) % {
        "subscale": fact.subscale_titles.get(subscale, subscale),
        "scan": fact.title,
        "round": fact.round_title,
        "date": _date(fact.closed_on),
        "who": _(", alleen respondenten van kernpartners") if core else "",
        "mean": decimal(stat.mean),
        "sd": decimal(stat.sd),
        "n": stat.n,
    }
    if stat.disagreement:
        line += " " + _(
            "De antwoorden lopen sterk uiteen (%(low)s%% laag, %(high)s%% hoog): partners zien "
            "dit niet hetzelfde."
        ) % {"low": round(stat.share_low * 100), "high": round(stat.share_high * 100)}
    return line


def _phase_at_least(s: CoalitionSnapshot, phase: str) -> bool:
    number, wanted = s.phase_number, phase_number(phase)
    return number is not None and wanted is not None and number >= wanted


# 1. Dependence on one party or person (Handreiking, Inleiding)

# A partner holding at least half of all tasks (roles other than 'participant') carries the
# coalition: without it, half of the work stops at once.
DOMINANT_TASK_SHARE = 0.5
# With fewer tasks recorded, a share says little (one partner with 2 of 3 tasks is a small
# coalition that has not yet divided the work).
MIN_TASKS_FOR_SHARE = 4
# A person who is the contact for at least half of the core partners (and at least two of them)
# is the thread the core hangs on.
SHARED_CONTACT_SHARE = 0.5
OPEN_CHANGE_KINDS = (
    EventKind.NEW_DIRECTOR,
    EventKind.NEW_CONTACT,
    EventKind.LOST_SUBSIDY,
    EventKind.LEAVING,
)


def dependence_on_one_party(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    partners = s.current_partners
    total = sum(len(p.tasks) for p in partners)
    holders: dict[str, list[PartnerFact]] = defaultdict(list)
    for partner in partners:
        for role in partner.tasks:
            holders[role].append(partner)
    explanation = _(
        "De handreiking noemt afhankelijkheid van één partij of persoon als een van de "
        "hindernissen voor een blijvende samenwerking (Handreiking, Inleiding, 'Geleerde lessen'). "
        "Draagt één partner het grootste deel van het werk, dan staat of valt de coalitie met die "
        "partner: een reorganisatie, een nieuwe bestuurder of het einde van een subsidie legt dan "
        "alles tegelijk stil. Gedeeld eigenaarschap betekent dat meer partners uit eigen beweging "
        "werk oppakken."
    )
    for partner in partners:
        share = len(partner.tasks) / total if total else 0.0
        dominant = total >= MIN_TASKS_FOR_SHARE and share >= DOMINANT_TASK_SHARE
        sole = [r for r in STEERING_ROLES if [p.uuid for p in holders[r]] == [partner.uuid]]
        if not dominant and len(sole) < len(STEERING_ROLES):
            continue
        evidence = []
        if dominant:
            evidence.append(
                _(
                    "%(partner)s heeft %(own)s van de %(total)s taken in de coalitie "
                    "(%(pct)s%%): %(roles)s."
                )
                % {
                    "partner": partner.name,
                    "own": len(partner.tasks),
                    "total": total,
                    "pct": round(share * 100),
                    "roles": _role_labels(partner.tasks),
                }
            )
        if len(sole) == len(STEERING_ROLES):
            evidence.append(
                _(
                    "%(partner)s is de enige partner met de procesregie, de netwerkcoördinatie "
                    "én de rol van financier."
                )
                % {"partner": partner.name}
            )
        changes = [
            e
            for e in s.events
            if e.partner_uuid == partner.uuid and e.is_open and e.kind in OPEN_CHANGE_KINDS
        ]
        for event in changes:
            evidence.append(
                _(
                    "Bij %(partner)s speelt een verandering: %(kind)s (%(date)s); het gesprek "
                    "daarover is nog niet gevoerd."
                )
                % {
                    "partner": partner.name,
                    "kind": str(EventKind(event.kind).label).lower(),
                    "date": _date(event.date),
                }
            )
        both = dominant and len(sole) == len(STEERING_ROLES)
        findings.append(
            Finding(
                rule="dependence_on_one_party",
                subject=partner.uuid,
                severity=Severity.URGENT if both or changes else Severity.ATTENTION,
                title=_("Veel hangt af van %(partner)s") % {"partner": partner.name},
                evidence=evidence,
                explanation=explanation,
                guide=("ownership", "definition"),
                next_step=_(
                    "Bespreek in het kernoverleg welke taken een andere partner kan overnemen of "
                    "delen, bijvoorbeeld de netwerkcoördinatie of een deel van de financiering, "
                    "en leg de nieuwe verdeling vast bij de partners."
                ),
                magnitude=float(round(share * 100) + 10 * len(sole)),
            )
        )
    findings.extend(_dependence_on_one_person(s))
    return findings


def _dependence_on_one_person(s: CoalitionSnapshot) -> list[Finding]:
    core = s.in_circle(Circle.CORE)
    if len(core) < 2:
        return []
    per_person: dict[str, list[PartnerFact]] = defaultdict(list)
    names: dict[str, str] = {}
    for partner in core:
        for contact in {c.person: c for c in partner.contacts}.values():
            per_person[contact.person].append(partner)
            names.setdefault(contact.person, contact.name)
    explanation = _(
        "Ook één persoon kan de zwakke plek van een coalitie zijn (Handreiking, Inleiding). Loopt "
        "het contact met de kern via één mens, dan verdwijnen bij diens vertrek of ziekte de "
        "contacten, de kennis en het overzicht tegelijk."
    )
    next_step = _(
        "Vraag elke kernpartner om een eigen contactpersoon en zorg dat ten minste twee mensen "
        "het overzicht over de kern hebben."
    )
    findings = []
    for person, partners in per_person.items():
        if len(partners) >= 2 and len(partners) / len(core) >= SHARED_CONTACT_SHARE:
            findings.append(
                Finding(
                    rule="dependence_on_one_party",
                    subject=f"persoon-{person}",
                    severity=Severity.ATTENTION,
                    title=_("De kern leunt op één contactpersoon: %(name)s")
                    % {"name": names[person]},
                    evidence=[
                        _(
                            "%(name)s is contactpersoon van %(n)s van de %(core)s kernpartners: "
                            "%(partners)s."
                        )
                        % {
                            "name": names[person],
                            "n": len(partners),
                            "core": len(core),
                            "partners": _names(p.name for p in partners),
                        }
                    ],
                    explanation=explanation,
                    guide=("circles", "core"),
                    next_step=next_step,
                    magnitude=float(len(partners)),
                )
            )
    if not findings and len(per_person) == 1:
        person, partners = next(iter(per_person.items()))
        without = [p for p in core if p not in partners]
        findings.append(
            Finding(
                rule="dependence_on_one_party",
                subject=f"persoon-{person}",
                severity=Severity.INFO,
                title=_("Voor de kern is maar één contactpersoon bekend"),
                evidence=[
                    _(
                        "Van de %(core)s kernpartners is alleen bij %(partner)s een contactpersoon "
                        "vastgelegd (%(name)s); bij %(without)s niet."
                    )
                    % {
                        "core": len(core),
                        "partner": partners[0].name,
                        "name": names[person],
                        "without": _names(p.name for p in without),
                    }
                ],
                explanation=explanation,
                guide=("circles", "core"),
                next_step=next_step,
                magnitude=float(len(core)),
            )
        )
    return findings


# 2. The coordinator who pulls everything to themselves (Handreiking §2.3)

# "Few others active": at most two other partners in the core or the active circle. With three or
# more, there is a group that can share the work.
FEW_OTHERS_ACTIVE = 2
# "Most activities": the coordinating partner runs activities and at most two others do.
FEW_OTHER_RUNNERS = 2
# The core test starts after the first phase: most coalitions begin with one person or a small
# group of enthusiasts (§1.2.1); from 'explore' on, a core of one is a risk.
MIN_PARTNERS_FOR_CORE_CHECK = 3


def coordinator_does_everything(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    partners = s.current_partners
    explanation = _(
        "Wie de netwerkregie of -coördinatie heeft, staat in het hart van de coalitie en geeft "
        "de anderen rust en ruimte. Een bekende valkuil is dat de coördinator alles zelf gaat "
        "doen en zo zelf het netwerk wordt: partners gaan afwachten en het eigenaarschap "
        "verdwijnt (Handreiking §2.3, 'De rol van de coördinatoren'). De handreiking raadt aan de "
        "rol steeds expliciet te maken en af en toe samen te evalueren."
    )
    memberships = _(
        "In Samenspel: %(coordinators)s coördinator(en) en %(members)s leden namens partners."
    ) % {
        "coordinators": s.memberships.get("coordinator", 0),
        "members": s.memberships.get("partner_member", 0),
    }
    for partner in partners:
        if not {CoalitionRole.PROCESS_LEAD, CoalitionRole.NETWORK_COORDINATION} <= set(
            partner.roles
        ):
            continue
        others_active = [
            p for p in partners if p is not partner and p.circle in (Circle.CORE, Circle.ACTIVE)
        ]
        other_runners = [
            p for p in partners if p is not partner and CoalitionRole.RUNNING_ACTIVITIES in p.roles
        ]
        runs_most = CoalitionRole.RUNNING_ACTIVITIES in partner.roles and (
            len(other_runners) <= FEW_OTHER_RUNNERS
        )
        few_active = len(others_active) <= FEW_OTHERS_ACTIVE
        if not (runs_most or few_active):
            continue
        evidence = [
            _("%(partner)s heeft zowel de procesregie als de netwerkcoördinatie.")
            % {"partner": partner.name}
        ]
        if runs_most:
            evidence.append(
                ngettext(
                    "%(partner)s voert ook zelf activiteiten uit; daarnaast doet %(n)s andere "
                    "partner dat.",
                    "%(partner)s voert ook zelf activiteiten uit; daarnaast doen %(n)s andere "
                    "partners dat.",
                    len(other_runners),
                )
                % {"partner": partner.name, "n": len(other_runners)}
            )
        if few_active:
            evidence.append(
                ngettext(
                    "Naast %(partner)s staat %(n)s partner in de kern of de actieve cirkel%(who)s.",
                    "Naast %(partner)s staan %(n)s partners in de kern of de actieve cirkel"
                    "%(who)s.",
                    len(others_active),
                )
                % {
                    "partner": partner.name,
                    "n": len(others_active),
                    "who": f": {_names(p.name for p in others_active)}" if others_active else "",
                }
            )
        evidence.append(memberships)
        met = int(runs_most) + int(few_active)
        findings.append(
            Finding(
                rule="coordinator_does_everything",
                subject=partner.uuid,
                severity=Severity.URGENT if met == 2 else Severity.ATTENTION,
                title=_("%(partner)s trekt veel naar zich toe") % {"partner": partner.name},
                evidence=evidence,
                explanation=explanation,
                guide=("partner_kinds", "welfare"),
                next_step=_(
                    "Zet de rol van de coördinator op de agenda: welke taken horen erbij en welke "
                    "kunnen partners zelf oppakken? Vraag per activiteit een trekker uit een "
                    "andere organisatie."
                ),
                magnitude=float(10 * met + len(partner.tasks)),
            )
        )

    core = s.in_circle(Circle.CORE)
    if (
        _phase_at_least(s, Phase.EXPLORE)
        and len(partners) >= MIN_PARTNERS_FOR_CORE_CHECK
        and len(core) <= 1
    ):
        counts = {str(c): len(s.in_circle(c)) for c in Circle}
        findings.append(
            Finding(
                rule="coordinator_does_everything",
                subject="circles",
                severity=Severity.ATTENTION,
                title=ngettext(
                    "De kern bestaat uit %(n)s partner",
                    "De kern bestaat uit %(n)s partners",
                    len(core),
                )
                % {"n": len(core)},
                evidence=[
                    _(
                        "Kern: %(core)s%(names)s; actief: %(active)s; betrokken: %(involved)s; "
                        "geïnformeerd: %(informed)s."
                    )
                    % {
                        "core": counts[Circle.CORE],
                        "names": f" ({core[0].name})" if core else "",
                        "active": counts[Circle.ACTIVE],
                        "involved": counts[Circle.INVOLVED],
                        "informed": counts[Circle.INFORMED],
                    },
                    memberships,
                ],
                explanation=_(
                    "In een gezonde coalitie draagt een kleine groep partners samen de zorg voor "
                    "het netwerk als geheel; de anderen mogen minder intensief meedoen "
                    "(Handreiking §3.2.5). Bestaat de kern uit één partner of niemand, dan komt "
                    "alles bij die ene partij of persoon terecht: precies de valkuil van de "
                    "coördinator die alles naar zich toe trekt (§2.3)."
                ),
                guide=("circles", "core"),
                next_step=_(
                    "Vraag twee of drie partners die al veel doen of zij samen de kern willen "
                    "vormen, en spreek af wat dat van hen vraagt."
                ),
                magnitude=float(len(partners) - len(core) + 10 * (1 - len(core))),
            )
        )
    return findings


# 3. Take and give out of balance (Handreiking §1.2.4, tip 'Meedoen naar vermogen')

# The closer to the heart of the coalition, the more an imbalance rubs.
CIRCLE_WEIGHT: dict[str, int] = {
    Circle.CORE: 4,
    Circle.ACTIVE: 3,
    Circle.INVOLVED: 2,
    Circle.INFORMED: 1,
}


def take_give_imbalance(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    for partner in s.current_partners:
        takes_only = partner.takes_chars > 0 and partner.brings_chars == 0
        no_role = partner.circle in (Circle.CORE, Circle.ACTIVE) and not partner.roles
        if not (takes_only or no_role):
            continue
        evidence = []
        if takes_only:
            evidence.append(
                _("Bij %(partner)s is vastgelegd wat zij komt halen, maar niet wat zij inbrengt.")
                % {"partner": partner.name}
            )
        if no_role:
            evidence.append(
                _("%(partner)s staat in de cirkel '%(circle)s' maar heeft geen rol in de coalitie.")
                % {"partner": partner.name, "circle": _circle_label(partner.circle)}
            )
        findings.append(
            Finding(
                rule="take_give_imbalance",
                subject=partner.uuid,
                severity=Severity.ATTENTION if partner.circle == Circle.CORE else Severity.INFO,
                title=_("Halen en brengen bij %(partner)s") % {"partner": partner.name},
                evidence=evidence,
                explanation=_(
                    "Iedere partner draagt bij naar vermogen, en dat mag sterk verschillen. Wat "
                    "een partner komt halen moet wel ongeveer opwegen tegen wat hij inbrengt: een "
                    "partij die vooral de vruchten plukt, zorgt na een tijd voor wrijving "
                    "(Handreiking §1.2.4, tip 'Meedoen naar vermogen'). En wie dicht bij het hart "
                    "van de coalitie staat zonder afgesproken rol, weet niet wat er van hem "
                    "verwacht wordt, en de anderen ook niet (§1.2.4: afspraken over rol en inzet)."
                ),
                guide=("phases", "establish"),
                next_step=_(
                    "Bespreek met %(partner)s wat zij inbrengt en welke rol daarbij past, en leg "
                    "dat vast bij de partner."
                )
                % {"partner": partner.name},
                magnitude=float((int(takes_only) + int(no_role)) * CIRCLE_WEIGHT[partner.circle]),
            )
        )
    return findings


# 4. Missing partner kinds (Handreiking deel 2)

# The handbook's kinds plus the housing corporation, which the national benchmark counts too.
EXPECTED_KINDS = [*HANDBOOK_KINDS, PartnerKind.HOUSING_CORPORATION]
# The kinds the national benchmark finds missing most often: schools, housing corporations,
# (sports) clubs and businesses. Each missing one counts double and makes the finding 'attention'.
OFTEN_MISSING = (
    PartnerKind.EDUCATION,
    PartnerKind.HOUSING_CORPORATION,
    PartnerKind.ASSOCIATIONS,
    PartnerKind.ENTREPRENEURS,
)
# Three or more missing kinds is a narrow table, whichever kinds they are.
MANY_MISSING = 3
OFTEN_MISSING_EXAMPLES = {
    PartnerKind.EDUCATION: gettext_lazy("scholen"),
    PartnerKind.HOUSING_CORPORATION: gettext_lazy("woningcorporaties"),
    PartnerKind.ASSOCIATIONS: gettext_lazy("sportclubs en andere verenigingen"),
    PartnerKind.ENTREPRENEURS: gettext_lazy("bedrijven en winkels"),
}


def missing_partner_kinds(s: CoalitionSnapshot) -> list[Finding]:
    present = {p.kind for p in s.current_partners}
    missing = [kind for kind in EXPECTED_KINDS if kind not in present]
    if not missing:
        return []
    often = [kind for kind in OFTEN_MISSING if kind in missing]
    evidence = [
        _("Ontbreekt: %(kinds)s.") % {"kinds": _names(_kind_label(k) for k in missing)},
    ]
    if often:
        evidence.append(
            _("Daarvan ontbreken in veel coalities: %(kinds)s.")
            % {"kinds": _names(f"{_kind_label(k)} ({OFTEN_MISSING_EXAMPLES[k]})" for k in often)}
        )
    evidence.append(
        ngettext(
            "Nu aan tafel: %(n)s soort partner, %(partners)s partners in totaal.",
            "Nu aan tafel: %(n)s soorten partners, %(partners)s partners in totaal.",
            len(present),
        )
        % {"n": len(present), "partners": len(s.current_partners)}
    )
    attention = (often or len(missing) >= MANY_MISSING) and s.phase != Phase.INITIATE
    first = (often or missing)[0]
    return [
        Finding(
            rule="missing_partner_kinds",
            subject="",
            severity=Severity.ATTENTION if attention else Severity.INFO,
            title=ngettext(
                "%(n)s soort partner ontbreekt",
                "%(n)s soorten partners ontbreken",
                len(missing),
            )
            % {"n": len(missing)},
            evidence=evidence,
            explanation=_(
                "Elke soort partner bereikt andere inwoners en kijkt anders naar eenzaamheid "
                "(Handreiking deel 2). Scholen zijn de ingang naar kinderen en jongeren (§2.9), "
                "verenigingen bereiken in één keer veel leden (§2.5), ondernemers zien weer andere "
                "mensen en brengen een frisse blik (§2.4), en een woningcorporatie kent de "
                "bewoners van haar complexen. Met alleen de bekende professionele partijen aan "
                "tafel blijft de aanpak al snel hangen in beleidstaal (§1.2.2)."
            ),
            guide=("partner_kinds", str(first)),
            next_step=_(
                "Kies één ontbrekende soort partner, bijvoorbeeld %(kind)s, en nodig een "
                "organisatie daarvan uit voor een kennismaking. Vraag eerst wat zij zelf "
                "belangrijk vindt, en overvraag haar niet."
            )
            % {"kind": _kind_label(first).lower()},
            magnitude=float(len(missing) + len(often)),
        )
    ]


# 5. A form that does not fit the size (Handreiking §1.2.3 tips, §3.3.4)

# One central table works for a smaller group; beyond about fifteen partners around one table,
# consultation crowds out the work, and a network with a small core fits better.
MANY_PARTNERS = 15
# Many partners running their own activities is the handbook's sign that a network fits.
MANY_INITIATIVES = 8
# Below six partners, a network of parallel working groups mostly adds coordination.
FEW_PARTNERS = 6
# The form is explored in phase 2 and anchored in phase 3 ('De vorm verhelderen en verankeren').
FORM_DECIDED_BY = Phase.ESTABLISH


def form_does_not_fit_size(s: CoalitionSnapshot) -> list[Finding]:
    partners = s.current_partners
    runners = [p for p in partners if CoalitionRole.RUNNING_ACTIVITIES in p.roles]
    explanation = _(
        "De vorm van de samenwerking moet volgen uit de gedeelde ambitie en de omvang "
        "(Handreiking §1.2.3, tips). Eén centrale tafel (alliantie-achtig) past bij een kleinere "
        "groep met een gerichte strategie; bij veel partners en veel initiatieven past een netwerk "
        "beter, met parallelle activiteiten en een kleine kern- of regiegroep. Past de vorm niet, "
        "dan ontstaat onder- of overorganisatie (§3.3.4)."
    )
    findings = []
    if s.form == Form.ALLIANCE and (
        len(partners) > MANY_PARTNERS or len(runners) >= MANY_INITIATIVES
    ):
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="alliance-too-large",
                severity=Severity.ATTENTION,
                title=_("Eén centrale tafel voor %(n)s partners") % {"n": len(partners)},
                evidence=[
                    _(
                        "Vorm: alliantie-achtig (één centrale tafel), met %(n)s partners "
                        "(richtwaarde: hooguit %(max)s)."
                    )
                    % {"n": len(partners), "max": MANY_PARTNERS},
                    _(
                        "%(n)s partners voeren activiteiten uit (vanaf %(many)s past een netwerk "
                        "meestal beter)."
                    )
                    % {"n": len(runners), "many": MANY_INITIATIVES},
                ],
                explanation=explanation,
                guide=("conditions", "organisation"),
                next_step=_(
                    "Bespreek of de coalitie netwerk-achtig verder kan: een kleine kern- of "
                    "regiegroep die coördineert, en werkgroepen rond de activiteiten."
                ),
                magnitude=float(len(partners) + len(runners)),
            )
        )
    if s.form == Form.NETWORK and len(partners) < FEW_PARTNERS:
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="network-too-small",
                severity=Severity.INFO,
                title=_("Een netwerk van %(n)s partners") % {"n": len(partners)},
                evidence=[
                    _(
                        "Vorm: netwerk-achtig (parallelle activiteiten), met %(n)s partners "
                        "(richtwaarde: ten minste %(min)s)."
                    )
                    % {"n": len(partners), "min": FEW_PARTNERS}
                ],
                explanation=explanation,
                guide=("conditions", "organisation"),
                next_step=_(
                    "Overweeg zolang de groep klein is met één centrale tafel te werken; dat "
                    "scheelt afstemming tussen werkgroepen."
                ),
                magnitude=float(FEW_PARTNERS - len(partners)),
            )
        )
    if s.form == Form.UNDECIDED and _phase_at_least(s, FORM_DECIDED_BY):
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="undecided",
                severity=Severity.ATTENTION,
                title=_("De vorm van de coalitie is nog niet gekozen"),
                evidence=[
                    _(
                        "Vorm: nog niet gekozen, terwijl de coalitie sinds %(since)s in fase "
                        "'%(phase)s' is; %(n)s partners doen mee."
                    )
                    % {
                        "since": _date(s.phase_since),
                        "phase": _phase_label(s.phase),
                        "n": len(partners),
                    }
                ],
                explanation=_(
                    "In de fase van verkennen wisselen partners uit of ze alliantie-achtig of "
                    "netwerk-achtig willen werken (Handreiking §1.2.3); bij het inrichten wordt "
                    "de vorm verhelderd en vastgelegd in een werk- en overlegstructuur (§1.2.4). "
                    "Zonder gekozen vorm weten partners niet waar en hoe besluiten vallen."
                ),
                guide=("phases", "explore"),
                next_step=_(
                    "Kies samen een vorm die past bij de ambitie en het aantal partners, en leg "
                    "vast wie waar aan tafel zit."
                ),
                magnitude=float(s.phase_number or 0),
            )
        )
    return findings


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
    phase = _phase_label(s.phase)
    evidence = [
        _("In fase '%(phase)s' sinds %(since)s: %(months)s maanden%(limit)s.")
        % {
            "phase": phase,
            "since": _date(s.phase_since),
            "months": _months(days),
            "limit": _(" (signaalgrens: %(m)s maanden)") % {"m": _months(limit)} if limit else "",
        }
    ]
    score = round(s.phase_score(s.phase) * 100)
    if last_update:
        evidence.append(
            _("Checklist van deze fase: %(pct)s%% gedaan; laatst bijgewerkt op %(date)s.")
            % {"pct": score, "date": _date(last_update)}
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
            title=_("Al %(months)s maanden in fase '%(phase)s'")
            % {"months": _months(days), "phase": phase},
            evidence=evidence,
            explanation=_(
                "Fases lopen in de praktijk door elkaar en een stap terug is heel gewoon "
                "(Handreiking §1.2 en §1.3). Blijft een coalitie lang in dezelfde fase zonder dat "
                "de activiteiten van die fase opschieten, dan loont het om samen te kijken waar "
                "jullie staan: vaak is er ongemerkt al een kantelmoment geweest, of houdt iets de "
                "voortgang tegen."
            ),
            guide=("phases", s.phase),
            next_step=_(
                "Loop met de kernpartners 'Waar staan we?' door: werk de checklist bij en beslis "
                "of er een fasewissel is, of wat nodig is om verder te komen."
            ),
            magnitude=float(days // HALF_YEAR_DAYS + triggers),
        )
    ]


# 7. No evaluation moment in twelve months (Handreiking §1.2.4 'Wat kunt u dan doen?', §1.3)

# The handbook suggests a yearly moment to look back together.
EVALUATION_INTERVAL_DAYS = 365
# Two years without one is urgent: by then partners have changed without it being discussed.
EVALUATION_URGENT_DAYS = 730


def no_evaluation_in_twelve_months(s: CoalitionSnapshot) -> list[Finding]:
    if s.phase == Phase.STOPPED or s.age_days < EVALUATION_INTERVAL_DAYS:
        return []
    last = s.last_evaluation
    since = last.date if last else s.start_date
    days = (s.today - since).days
    if days <= EVALUATION_INTERVAL_DAYS:
        return []
    if last:
        evidence = [
            _("Laatste evaluatiemoment: %(what)s, op %(date)s (%(months)s maanden geleden).")
            % {"what": last.what, "date": _date(last.date), "months": _months(days)}
        ]
        title = _("Al %(months)s maanden geen evaluatiemoment") % {"months": _months(days)}
    else:
        evidence = [
            _(
                "Geen evaluatiemoment gevonden sinds de start op %(date)s (%(months)s maanden "
                "geleden)."
            )
            % {"date": _date(s.start_date), "months": _months(days)}
        ]
        title = _("Nog geen evaluatiemoment in %(months)s maanden") % {"months": _months(days)}
    evidence.append(
        _(
            "Als evaluatiemoment telt: een vastgelegde evaluatie, een gesloten scanronde van de "
            "vijf condities, de succesfactoren of de vijf pijlers, of de checklistactiviteit "
            "'%(monitoring)s' of '%(reassess)s' op 'gedaan'."
        )
        % {
            "monitoring": get_activity("sustain-monitoring").title,
            "reassess": get_activity("develop-reassess").title,
        }
    )
    return [
        Finding(
            rule="no_evaluation_in_twelve_months",
            subject="",
            severity=Severity.URGENT if days > EVALUATION_URGENT_DAYS else Severity.ATTENTION,
            title=title,
            evidence=evidence,
            explanation=_(
                "Een vast moment per jaar om samen terug te kijken geeft partners ruimte om "
                "veranderingen en ongenoegen te bespreken voordat ze afhaken (Handreiking §1.2.4, "
                "'Wat kunt u dan doen?'). Het hoeft geen zwaar overleg te zijn: een open gesprek "
                "over hoe iedereen de samenwerking ervaart, zegt vaak al genoeg (§1.3). Ook het "
                "artikel over de vijf pijlers (2021) rekent monitoring en evaluatie tot een "
                "duurzame aanpak."
            ),
            guide=("phase_changes", "partners_change"),
            next_step=_(
                "Plan een evaluatiemoment met alle partners, bijvoorbeeld met de scan 'Vijf "
                "condities' als opstap naar het gesprek."
            ),
            magnitude=float(days // HALF_YEAR_DAYS),
        )
    ]


# 7b. Funding that carries activities ends without a plan (Handreiking §1.3, 'Dilemma: subsidie
# nodig of niet?'; §1.2.5, are the sources of income future-proof?)

# Within a quarter it is urgent: a new application or a place in a partner's budget takes longer.
FUNDING_URGENT_DAYS = 90


def _a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _euro(amount: float) -> str:
    grouped = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {grouped}"


def subsidy_ends_without_plan(s: CoalitionSnapshot) -> list[Finding]:
    """One finding per source that carries activities, ends within twelve months (today up to the
    same day next year) and has no plan for afterwards."""
    if s.phase == Phase.STOPPED:
        return []
    horizon = _a_year_after(s.today)
    findings = []
    for fact in s.funding:
        if not fact.carries_activities or fact.has_continuity_plan or fact.end_date is None:
            continue
        if not s.today <= fact.end_date <= horizon:
            continue
        days = (fact.end_date - s.today).days
        later = [
            other.funder
            for other in s.funding
            if other.uuid != fact.uuid
            and (other.end_date is None or other.end_date > fact.end_date)
        ]
        values = {
            "funder": fact.funder,
            "amount": _euro(fact.amount),
            "date": _date(fact.end_date),
            "days": days,
        }
        evidence = [
            ngettext(
                "%(funder)s (%(amount)s) loopt af op %(date)s, over %(days)s dag.",
                "%(funder)s (%(amount)s) loopt af op %(date)s, over %(days)s dagen.",
                days,
            )
            % values,
            _("Er hangen activiteiten van af en er is geen plan voor daarna vastgelegd."),
            _("Na die datum loopt nog door: %(names)s.") % {"names": _names(later)}
            if later
            else _("Er is geen andere financiering die daarna doorloopt."),
        ]
        findings.append(
            Finding(
                rule="subsidy_ends_without_plan",
                subject=fact.uuid,
                severity=Severity.URGENT if days <= FUNDING_URGENT_DAYS else Severity.ATTENTION,
                title=_("Financiering van %(funder)s stopt op %(date)s zonder plan") % values,
                evidence=evidence,
                explanation=_(
                    "Extra geld helpt een coalitie op gang, maar het einde ervan komt vaak als een "
                    "verrassing: niemand had besproken wat er daarna gebeurt, en partners die nooit "
                    "zelf hoefden bij te dragen staan dan met lege handen (Handreiking §1.3, het "
                    "dilemma over subsidie). Nieuwe bronnen vinden kost tijd; daarom hoort de vraag "
                    "of de inkomsten toekomstbestendig zijn al bij het bestendigen (§1.2.5)."
                ),
                guide=("dilemmas", "subsidy"),
                next_step=_(
                    "Zet de periode na %(date)s op de agenda van het volgende overleg: welke "
                    "activiteiten gaan door, wie betaalt wat, en welk deel komt uit eigen middelen "
                    "van de partners? Leg het plan vast bij de financieringsbron."
                )
                % values,
                magnitude=float(4 - days // 91),
            )
        )
    return findings


# 7c. A wijk where loneliness is high and the offer is thin (Coalitie Erbij, monitorvraag 9)

# A wijk counts as "high" when its estimated share of strongly lonely adults is above the share of
# the whole municipality (the same CBS/RIVM estimate); the municipality is the natural reference,
# and residents of a wijk with more loneliness than the town as a whole need the offer most.
# Without a municipality figure: the wijk is in the top third of the coalition's wijken with
# figures, and above their median; that needs at least three wijken to say anything.
MIN_WIJKEN_WITHOUT_REFERENCE = 3
# "Little offer": no active activity at all, or less than half the share of the offer that the
# wijk's share of the loneliness would suggest (the gap view's need share and offer share).
LITTLE_OFFER_RATIO = 0.5
# Counted on top of the gap, so that a wijk without any activity weighs more than a thin one and
# the finding returns when the last activity there stops.
NO_OFFER_WEIGHT = 10.0


def _pct(value: float) -> str:
    return decimal(value)


def _high_wijken(s: CoalitionSnapshot) -> list[tuple[WijkFact, float, str]]:
    """(wijk, reference share, how the reference was found) for the wijken with high loneliness."""
    counted = [
        (w, w.strongly_lonely)
        for w in s.wijken
        if w.strongly_lonely is not None and w.gap is not None
    ]
    area = s.municipality_loneliness
    if area is not None and area.strongly_lonely is not None:
        reference = area.strongly_lonely
        label = _("heel %(name)s") % {"name": area.name}
        return [(w, reference, label) for w, share in counted if share > reference]
    if len(counted) < MIN_WIJKEN_WITHOUT_REFERENCE:
        return []
    shares = sorted(share for _w, share in counted)
    middle = len(shares) // 2
    median = shares[middle] if len(shares) % 2 else (shares[middle - 1] + shares[middle]) / 2
    top = sorted(counted, key=lambda pair: -pair[1])[: -(-len(counted) // 3)]
    label = _("het midden van de wijken van de coalitie")
    return [(w, median, label) for w, share in top if share > median]


def high_loneliness_little_offer(s: CoalitionSnapshot) -> list[Finding]:
    """One finding per wijk with high estimated loneliness and no or little active offer."""
    if s.phase == Phase.STOPPED:
        return []
    findings = []
    for wijk, reference, reference_label in _high_wijken(s):
        need, offer = wijk.need_share or 0.0, wijk.offer_share or 0.0
        if wijk.activities and offer >= need * LITTLE_OFFER_RATIO:
            continue
        strongly = wijk.strongly_lonely or 0.0
        values = {
            "wijk": wijk.name,
            "share": _pct(strongly),
            "lower": _pct(wijk.strongly_lonely_lower)
            if wijk.strongly_lonely_lower is not None
            else "?",
            "upper": _pct(wijk.strongly_lonely_upper)
            if wijk.strongly_lonely_upper is not None
            else "?",
            "year": wijk.period,
            "reference": _pct(reference),
            "where": reference_label,
            "need": _pct(need),
            "offer": _pct(offer),
            "n": wijk.activities,
            "reach": wijk.reach,
        }
        evidence = [
            _(
                "Naar schatting is %(share)s%% van de volwassenen in %(wijk)s ernstig eenzaam "
                "(95%%-interval %(lower)s–%(upper)s, cijfers van %(year)s), tegen %(reference)s%% "
                "in %(where)s."
            )
            % values,
            (
                _("Er is geen enkele actieve activiteit in %(wijk)s.") % values
                if not wijk.activities
                else ngettext(
                    "Er is %(n)s actieve activiteit in %(wijk)s: %(offer)s%% van het aanbod in de "
                    "wijken, tegen %(need)s%% van de ernstige eenzaamheid.",
                    "Er zijn %(n)s actieve activiteiten in %(wijk)s: %(offer)s%% van het aanbod in "
                    "de wijken, tegen %(need)s%% van de ernstige eenzaamheid.",
                    wijk.activities,
                )
                % values
            ),
            ngettext(
                "Bereik in de afgelopen twaalf maanden: %(reach)s deelnemer.",
                "Bereik in de afgelopen twaalf maanden: %(reach)s deelnemers.",
                wijk.reach,
            )
            % values,
        ]
        if wijk.is_demo:
            evidence.append(_("Let op: dit zijn verzonnen demowaarden, geen CBS-cijfers."))
        clearly_higher = (
            wijk.strongly_lonely_lower is not None and wijk.strongly_lonely_lower > reference
        )
        findings.append(
            Finding(
                rule="high_loneliness_little_offer",
                subject=wijk.uuid,
                severity=Severity.URGENT
                if not wijk.activities and clearly_higher
                else Severity.ATTENTION,
                title=_("Veel eenzaamheid in %(wijk)s, weinig aanbod") % values,
                evidence=evidence,
                explanation=_(
                    "Wie eenzaam is, zoekt hulp en ontmoeting dichtbij huis. Een aanbod dat vooral "
                    "in andere delen van de gemeente zit, bereikt juist de inwoners die het meest "
                    "nodig hebben het minst. Coalitie Erbij vraagt daarom of er genoeg welzijn, "
                    "vrijwilligerswerk en aanbod in de wijk is om naar door te verwijzen "
                    "(monitorvraag 9), en de handreiking laat de coalitie nagaan welke initiatieven "
                    "bijdragen aan minder eenzaamheid (§1.2.2). De schatting van RIVM en CBS is "
                    "een model, geen telling: bij een kleine wijk is het interval breed."
                ),
                guide=("monitoring_questions", "q09"),
                next_step=_(
                    "Bespreek met de partners in en rond %(wijk)s wat er nodig is: kan een "
                    "bestaande activiteit ook daar plaatsvinden, of is er een bewonersinitiatief "
                    "dat steun kan gebruiken? Kijk ook of activiteiten voor de hele gemeente de "
                    "inwoners van deze wijk bereiken."
                )
                % values,
                magnitude=round(max(wijk.gap or 0.0, 0.0), 1)
                + (NO_OFFER_WEIGHT if not wijk.activities else 0.0),
                link=reverse("monitoring:gap", args=[s.uuid]) + f"#wijk-{wijk.uuid}",
                link_text=_("Bekijk aanbod en eenzaamheid per wijk"),
            )
        )
    return findings


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


def _scan_finding(
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
    fired = _fired(s, sources, _troubled)
    if not fired:
        return []
    urgent = any(
        _low(stat, VERY_LOW_MEAN) or (_low(stat) and stat.disagreement) for *_rest, stat in fired
    )
    return [
        Finding(
            rule=rule,
            subject="scan",
            severity=Severity.URGENT if urgent else Severity.ATTENTION,
            title=title,
            evidence=[_stat_line(s, i, k, core=c) for i, k, c, _stat in fired],
            explanation=explanation,
            guide=guide,
            next_step=next_step,
            magnitude=round(sum(_deficit(stat) for *_rest, stat in fired), 1),
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
    findings = _scan_finding(
        s,
        "ambition_not_shared",
        [("conditions", "ambition", False), ("success_factors", "shared_goal", False)],
        title=_("De ambitie is niet gedeeld"),
        explanation=explanation,
        guide=("conditions", "ambition"),
        next_step=next_step,
    )
    if s.ambition_chars == 0 and _phase_at_least(s, Phase.ESTABLISH):
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
                    % {"phase": _phase_label(s.phase)}
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
    findings = _scan_finding(
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
        _phase_at_least(s, Phase.ESTABLISH)
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
                        "names": _names(p.name for p in unknown),
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
    if _counted(core_trust):
        sources.append(("success_factors", "trust", True))
    elif s.scan("success_factors", "trust") is not None:
        # Too few core respondents to show them apart: the whole group, as the results page does.
        sources.append(("success_factors", "trust", False))
    sources.append(("conditions", "relations", False))
    fired = _fired(s, sources, _low)
    if not fired:
        return []
    trust_fired = any(instrument == "success_factors" for instrument, *_rest in fired)
    urgent = any(_low(stat, VERY_LOW_MEAN) for *_rest, stat in fired)
    return [
        Finding(
            rule="low_trust_among_core",
            subject="",
            severity=Severity.URGENT if urgent else Severity.ATTENTION,
            title=_("Weinig onderling vertrouwen"),
            evidence=[_stat_line(s, i, k, core=c) for i, k, c, _stat in fired],
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
            magnitude=round(sum(_deficit(stat) for *_rest, stat in fired), 1),
        )
    ]


def under_or_over_organised(s: CoalitionSnapshot) -> list[Finding]:
    stat = s.scan("conditions", "organisation")
    if not _low(stat):
        return []
    assert stat is not None
    partners = len(s.current_partners)
    line = _stat_line(s, "conditions", "organisation")
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
            magnitude=round(_deficit(stat) + extra, 1),
        )
    ]


def unclear_process(s: CoalitionSnapshot) -> list[Finding]:
    next_step = _(
        "Maak samen een procesontwerp: welke stappen zet de coalitie in welke volgorde, wie "
        "besluit waarover, en wanneer is het volgende overleg? Deel het met alle partners."
    )
    findings = _scan_finding(
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
    if not _phase_at_least(s, Phase.ESTABLISH):
        return findings
    design = s.activity_status("establish-process-design")
    if design not in (ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE):
        findings.append(
            Finding(
                rule="unclear_process",
                subject="no-design",
                severity=Severity.ATTENTION,
                title=_("Er is nog geen procesontwerp"),
                evidence=[
                    _(
                        "De coalitie is in fase '%(phase)s', maar '%(activity)s' staat op "
                        "'%(status)s'."
                    )
                    % {
                        "phase": _phase_label(s.phase),
                        "activity": get_activity("establish-process-design").title,
                        "status": _status_label(design),
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
                    % {"n": len(s.current_partners), "phase": _phase_label(s.phase)}
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


# 13. The municipality's many hats (Handreiking §2.10 tip 1; article 2021)

MUNICIPALITY_HATS = (
    CoalitionRole.COMMISSIONER,
    CoalitionRole.FUNDER,
    CoalitionRole.PROCESS_LEAD,
    CoalitionRole.NETWORK_COORDINATION,
)
# Two hats can work when everyone knows which one is on; three or more blur the roles.
MANY_HATS = 2
HATS_ATTENTION = 3


def municipality_many_hats(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    for partner in s.current_partners:
        if partner.kind != PartnerKind.MUNICIPALITY:
            continue
        hats = [role for role in MUNICIPALITY_HATS if role in partner.roles]
        if len(hats) < MANY_HATS:
            continue
        directs = bool({CoalitionRole.PROCESS_LEAD, CoalitionRole.NETWORK_COORDINATION} & set(hats))
        findings.append(
            Finding(
                rule="municipality_many_hats",
                subject=partner.uuid,
                severity=Severity.ATTENTION if len(hats) >= HATS_ATTENTION else Severity.INFO,
                title=_("De gemeente heeft %(n)s petten op") % {"n": len(hats)},
                evidence=[
                    _("%(partner)s heeft %(n)s rollen tegelijk: %(hats)s.")
                    % {"partner": partner.name, "n": len(hats), "hats": _role_labels(hats)}
                ],
                explanation=_(
                    "De gemeente zit vaak aan tafel als partner en staat er tegelijk buiten als "
                    "opdrachtgever en financier; soms voert zij ook de regie. Dat kan, zolang voor "
                    "de partners en de gemeente zelf helder is welke pet zij wanneer op heeft "
                    "(Handreiking §2.10, tip 1). Het artikel 'Van samenzitten naar samenwerken' "
                    "(2021) onderscheidt drie rollen van de gemeente als regisseur: mediator "
                    "(neutraal, het gezamenlijke belang voorop), facilitator (bijeenkomsten en "
                    "middelen, obstakels wegnemen) en aanjager (partners werven en "
                    "subsidie-instrumenten slim inzetten)."
                ),
                guide=(
                    ("municipality_roles", "director")
                    if directs
                    else ("municipality_roles", "commissioner_funder")
                ),
                next_step=_(
                    "Bespreek in de coalitie welke rol de gemeente waarin speelt, en spreek af hoe "
                    "zij laat merken of ze spreekt als partner, als opdrachtgever of als "
                    "financier."
                ),
                magnitude=float(len(hats)),
            )
        )
    return findings


# 14. The netwerkdip (Handreiking §1.2.6, figure 2): the scans app's early warning

DIP_SEVERITY = {DipLevel.WATCH: Severity.ATTENTION, DipLevel.WARNING: Severity.URGENT}
DIP_RANK = {DipLevel.WATCH: 1, DipLevel.WARNING: 2}


def netwerkdip(s: CoalitionSnapshot) -> list[Finding]:
    dip = s.dip
    if dip is None or dip.level not in DIP_SEVERITY:
        return []
    return [
        Finding(
            rule="netwerkdip",
            subject="",
            severity=DIP_SEVERITY[DipLevel(dip.level)],
            title=(
                _("Waarschuwing: tekenen van een netwerkdip")
                if dip.level == DipLevel.WARNING
                else _("Let op: mogelijk begin van een netwerkdip")
            ),
            evidence=list(dip.evidence),
            explanation=dip.explanation,
            guide=("phase_changes", "netwerkdip"),
            next_step=_(
                "Benoem het in het volgende overleg en vraag partners of ze het herkennen. Kies "
                "samen een impuls: een andere inrichting, een andere werkwijze of een nieuwe "
                "partner."
            ),
            magnitude=float(10 * DIP_RANK[DipLevel(dip.level)] + len(dip.evidence)),
        )
    ]


RULES: tuple[Rule, ...] = (
    dependence_on_one_party,
    coordinator_does_everything,
    take_give_imbalance,
    missing_partner_kinds,
    form_does_not_fit_size,
    phase_stalls,
    no_evaluation_in_twelve_months,
    subsidy_ends_without_plan,
    high_loneliness_little_offer,
    ambition_not_shared,
    interests_not_honoured,
    low_trust_among_core,
    under_or_over_organised,
    unclear_process,
    municipality_many_hats,
    netwerkdip,
)

# Short names of the rules, for the list of dismissed findings and the audit trail.
LABELS = {
    "dependence_on_one_party": gettext_lazy("Afhankelijk van één partij of persoon"),
    "coordinator_does_everything": gettext_lazy("De coördinator doet alles"),
    "take_give_imbalance": gettext_lazy("Halen en brengen uit balans"),
    "missing_partner_kinds": gettext_lazy("Ontbrekende soorten partners"),
    "form_does_not_fit_size": gettext_lazy("Vorm past niet bij de omvang"),
    "phase_stalls": gettext_lazy("Fase komt niet verder"),
    "no_evaluation_in_twelve_months": gettext_lazy("Geen evaluatie in twaalf maanden"),
    "subsidy_ends_without_plan": gettext_lazy("Financiering stopt zonder plan"),
    "high_loneliness_little_offer": gettext_lazy("Veel eenzaamheid, weinig aanbod in een wijk"),
    "ambition_not_shared": gettext_lazy("Ambitie niet gedeeld"),
    "interests_not_honoured": gettext_lazy("Belangen onvoldoende erkend"),
    "low_trust_among_core": gettext_lazy("Weinig vertrouwen in de kern"),
    "under_or_over_organised": gettext_lazy("Onder- of overorganisatie"),
    "unclear_process": gettext_lazy("Onduidelijk proces"),
    "municipality_many_hats": gettext_lazy("Gemeente met veel petten"),
    "netwerkdip": gettext_lazy("Netwerkdip"),
}
RULE_KEYS = tuple(rule.__name__ for rule in RULES)
