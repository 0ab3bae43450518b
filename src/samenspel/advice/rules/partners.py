"""The partners: take and give (§1.2.4) and the kinds of partner at the table (deel 2)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    circle_label,
    kind_label,
    names_text,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Phase,
)
from samenspel.partners.models import Circle, PartnerKind
from samenspel.partners.selectors import HANDBOOK_KINDS

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
        _("Ontbreekt: %(kinds)s.") % {"kinds": names_text(kind_label(k) for k in missing)},
    ]
    if often:
        evidence.append(
            _("Daarvan ontbreken in veel coalities: %(kinds)s.")
            % {"kinds": names_text(f"{kind_label(k)} ({OFTEN_MISSING_EXAMPLES[k]})" for k in often)}
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
            % {"kind": kind_label(first).lower()},
            magnitude=float(len(missing) + len(often)),
        )
    ]
