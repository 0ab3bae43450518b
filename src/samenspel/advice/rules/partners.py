"""The partners: take and give (§1.2.4), the kinds of partner at the table (deel 2, with residents
first: §1.2.2, §2.2, §3.2.3), the balance of motives (§3.3.2), changes in partners that were not
talked about (§1.2.4, 'Partijen veranderen') and residents whose type (Tonkens, §2.2) suggests
another place than the core."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    HALF_YEAR_DAYS,
    circle_label,
    date_text,
    kind_label,
    names_text,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.partners.models import Circle, EventKind, Motive, PartnerKind, ResidentType
from samenspel.partners.selectors import missing_kinds

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
                % {"partner": partner.name, "circle": circle_label(partner.circle)}
            )
        findings.append(
            Finding(
                rule="take_give_imbalance",
                subject=partner.uuid,
                severity=Severity.ATTENTION if partner.circle == Circle.CORE else Severity.INFO,
                title=rule_texts.title("take_give_imbalance") % {"partner": partner.name},
                evidence=evidence,
                explanation=rule_texts.explanation("take_give_imbalance"),
                guide=("phases", "establish"),
                next_step=rule_texts.next_step("take_give_imbalance") % {"partner": partner.name},
                magnitude=float((int(takes_only) + int(no_role)) * CIRCLE_WEIGHT[partner.circle]),
            )
        )
    return findings


# 4. Missing partner kinds (Handreiking deel 2), residents first (§1.2.2 tip, §2.2, §3.2.3)

# The partner map and the dashboard use the same list (partners.selectors.missing_kinds): the kinds
# the handbook describes in part 2. No kind is weighted above another except residents, whom the
# handbook asks to involve from the start (§1.2.2, third tip), calls the conscience of the
# coalition (§2.2) and puts closest to the issue (§3.2.3).


def missing_partner_kinds(s: CoalitionSnapshot) -> list[Finding]:
    present = {p.kind for p in s.current_partners}
    missing = missing_kinds(present)
    findings = []
    if PartnerKind.RESIDENTS in missing:
        findings.append(_no_residents(s))
    others = [kind for kind in missing if kind != PartnerKind.RESIDENTS]
    if others:
        findings.append(_other_kinds_missing(s, present, others))
    return findings


def _no_residents(s: CoalitionSnapshot) -> Finding:
    kinds = sorted({kind_label(p.kind) for p in s.current_partners})
    evidence = [
        ngettext(
            "De enige partner is niet van de soort 'inwoners'.",
            "Geen van de %(n)s partners is van de soort 'inwoners'.",
            len(s.current_partners),
        )
        % {"n": len(s.current_partners)}
    ]
    if kinds:
        evidence.append(_("Aan tafel: %(kinds)s.") % {"kinds": names_text(kinds)})
    return Finding(
        rule="missing_partner_kinds",
        subject="residents",
        severity=Severity.ATTENTION,
        title=rule_texts.title("missing_partner_kinds", "residents"),
        evidence=evidence,
        explanation=rule_texts.explanation("missing_partner_kinds", "residents"),
        guide=("partner_kinds", "residents"),
        next_step=rule_texts.next_step("missing_partner_kinds", "residents"),
        magnitude=1.0,
    )


def _other_kinds_missing(s: CoalitionSnapshot, present: set[str], missing: list[str]) -> Finding:
    return Finding(
        rule="missing_partner_kinds",
        subject="",
        severity=Severity.INFO,
        title=rule_texts.title("missing_partner_kinds") % {"n": len(missing)},
        evidence=[
            _("Ontbreekt: %(kinds)s.") % {"kinds": names_text(kind_label(k) for k in missing)},
            ngettext(
                "Nu aan tafel: %(n)s soort partner, %(partners)s partners in totaal.",
                "Nu aan tafel: %(n)s soorten partners, %(partners)s partners in totaal.",
                len(present),
            )
            % {"n": len(present), "partners": len(s.current_partners)},
        ],
        explanation=rule_texts.explanation("missing_partner_kinds"),
        guide=("partner_kinds", str(missing[0])),
        next_step=rule_texts.next_step("missing_partner_kinds")
        % {"kind": kind_label(missing[0]).lower()},
        magnitude=float(len(missing)),
    )


# 4b. The balance of motives (Handreiking §3.3.2)

# The handbook warns against a coalition driven by one kind of motive only: only ideals and the
# doing lags; only interests and the actions may lack impact; only connection and newcomers or hard
# choices become a problem. Counted over the partners close to the heart (core and active circles)
# with motives recorded; with fewer than three such partners a pattern says little.
MIN_PARTNERS_FOR_MOTIVES = 3
ONE_SIDED_RISK = {
    Motive.MORAL: gettext_lazy("alleen idealen: het doen blijft dan vaak achter"),
    Motive.INSTRUMENTAL: gettext_lazy(
        "alleen belangen: veel acties, maar onduidelijk of ze iets veranderen"
    ),
    Motive.AFFECTIVE: gettext_lazy(
        "alleen verbondenheid: kwetsbaar bij nieuwe spelers en bij lastige keuzes"
    ),
}


def motives_one_sided(s: CoalitionSnapshot) -> list[Finding]:
    close = [p for p in s.in_circle(Circle.CORE, Circle.ACTIVE) if p.motives]
    if len(close) < MIN_PARTNERS_FOR_MOTIVES:
        return []
    counts = {m: sum(1 for p in close if m in p.motives) for m in Motive}
    absent = [m for m in Motive if not counts[m]]
    if not absent:
        return []
    present = [m for m in Motive if counts[m]]
    risks = [str(ONE_SIDED_RISK[m]) for m in present] if len(present) == 1 else []
    evidence = [
        _("Dominante motieven bij de %(n)s partners in de kern en de actieve cirkel: %(counts)s.")
        % {
            "n": len(close),
            "counts": names_text(f"{str(Motive(m).label).lower()} {counts[m]}" for m in Motive),
        },
        _("Bij niemand van hen dominant: %(motives)s.")
        % {"motives": names_text(str(Motive(m).label).lower() for m in absent)},
        *risks,
    ]
    return [
        Finding(
            rule="motives_one_sided",
            subject="",
            severity=Severity.INFO,
            title=rule_texts.title("motives_one_sided"),
            evidence=evidence,
            explanation=rule_texts.explanation("motives_one_sided"),
            guide=("motives", str(absent[0])),
            next_step=rule_texts.next_step("motives_one_sided"),
            magnitude=float(len(absent)),
        )
    ]


# 4c. A change in a partner that nobody talked about (Handreiking §1.2.4, 'Partijen veranderen')

# A month is enough to plan a conversation (one meeting cycle); after that the change is waiting.
CONVERSATION_DUE_DAYS = 30


def partner_change_not_discussed(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    for event in s.events:
        days = (s.today - event.date).days
        if event.conversation != "to_plan" or days < CONVERSATION_DUE_DAYS:
            continue
        values = {
            "partner": event.partner_name,
            "kind": str(EventKind(event.kind).label).lower(),
            "date": date_text(event.date),
            "days": days,
        }
        findings.append(
            Finding(
                rule="partner_change_not_discussed",
                subject=f"{event.partner_uuid}-{event.kind}-{event.date.isoformat()}",
                severity=Severity.ATTENTION,
                title=rule_texts.title("partner_change_not_discussed") % values,
                evidence=[
                    _(
                        "%(partner)s: %(kind)s, vastgelegd op %(date)s; %(days)s dagen later is "
                        "er nog geen gesprek gepland."
                    )
                    % values
                ],
                explanation=rule_texts.explanation("partner_change_not_discussed"),
                guide=("phase_changes", "partners_change"),
                next_step=rule_texts.next_step("partner_change_not_discussed") % values,
                magnitude=float(days // HALF_YEAR_DAYS + 1),
            )
        )
    return findings


# 4d. Residents and their place (Handreiking §2.2, Tonkens' four types)

# Where each type usually contributes, in the handbook's words paraphrased: the deliberative
# resident is the one at the policy table; the responsible resident prefers his own local
# initiatives, the caring one helps people directly and is rarely at the table, the decent one is
# more often an organiser, participant or ambassador than a member of the table.
PREFERS_PRACTICE = {
    ResidentType.RESPONSIBLE: gettext_lazy(
        "steekt haar energie liever in eigen, lokale initiatieven"
    ),
    ResidentType.CARING: gettext_lazy("helpt liever direct mensen in de buurt dan te vergaderen"),
    ResidentType.DECENT: gettext_lazy("is vaker organisator, deelnemer of ambassadeur"),
}


def resident_type_at_the_table(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    for partner in s.in_circle(Circle.CORE):
        if partner.kind != PartnerKind.RESIDENTS or partner.resident_type not in PREFERS_PRACTICE:
            continue
        values = {
            "partner": partner.name,
            "type": str(ResidentType(partner.resident_type).label).lower(),
            "prefers": PREFERS_PRACTICE[ResidentType(partner.resident_type)],
        }
        findings.append(
            Finding(
                rule="resident_type_at_the_table",
                subject=partner.uuid,
                severity=Severity.INFO,
                title=rule_texts.title("resident_type_at_the_table") % values,
                evidence=[
                    _(
                        "%(partner)s is vastgelegd als %(type)s en staat in de kern. Zo'n "
                        "inwoner %(prefers)s."
                    )
                    % values
                ],
                explanation=rule_texts.explanation("resident_type_at_the_table"),
                guide=("resident_types", partner.resident_type),
                next_step=rule_texts.next_step("resident_type_at_the_table") % values,
                magnitude=1.0,
            )
        )
    return findings
