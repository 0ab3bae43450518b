"""A form that does not fit the size (Handreiking §1.2.3 tips, §3.3.4)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    date_text,
    phase_at_least,
    phase_label,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Form,
    Phase,
)
from samenspel.partners.models import CoalitionRole

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
    if s.form == Form.UNDECIDED and phase_at_least(s, FORM_DECIDED_BY):
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
                        "since": date_text(s.phase_since),
                        "phase": phase_label(s.phase),
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
