"""A form that does not fit the size (Handreiking §1.2.3 tips, §3.3.4)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
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
    explanation = rule_texts.explanation("form_does_not_fit_size")
    findings = []
    if s.form == Form.ALLIANCE and (
        len(partners) > MANY_PARTNERS or len(runners) >= MANY_INITIATIVES
    ):
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="alliance-too-large",
                severity=Severity.ATTENTION,
                title=rule_texts.title("form_does_not_fit_size", "alliance-too-large")
                % {"n": len(partners)},
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
                next_step=rule_texts.next_step("form_does_not_fit_size", "alliance-too-large"),
                magnitude=float(len(partners) + len(runners)),
            )
        )
    if s.form == Form.NETWORK and len(partners) < FEW_PARTNERS:
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="network-too-small",
                severity=Severity.INFO,
                title=rule_texts.title("form_does_not_fit_size", "network-too-small")
                % {"n": len(partners)},
                evidence=[
                    _(
                        "Vorm: netwerk-achtig (parallelle activiteiten), met %(n)s partners "
                        "(richtwaarde: ten minste %(min)s)."
                    )
                    % {"n": len(partners), "min": FEW_PARTNERS}
                ],
                explanation=explanation,
                guide=("conditions", "organisation"),
                next_step=rule_texts.next_step("form_does_not_fit_size", "network-too-small"),
                magnitude=float(FEW_PARTNERS - len(partners)),
            )
        )
    if s.form == Form.UNDECIDED and phase_at_least(s, FORM_DECIDED_BY):
        findings.append(
            Finding(
                rule="form_does_not_fit_size",
                subject="undecided",
                severity=Severity.ATTENTION,
                title=rule_texts.title("form_does_not_fit_size", "undecided"),
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
                explanation=rule_texts.explanation("form_does_not_fit_size", "undecided"),
                guide=("phases", "explore"),
                next_step=rule_texts.next_step("form_does_not_fit_size", "undecided"),
                magnitude=float(s.phase_number or 0),
            )
        )
    return findings
