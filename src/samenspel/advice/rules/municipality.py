"""The municipality's roles (Handreiking §2.10 tip 1, §3.2.5; article 2021)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    role_labels,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.partners.models import CoalitionRole, PartnerKind

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
                    % {"partner": partner.name, "n": len(hats), "hats": role_labels(hats)}
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
