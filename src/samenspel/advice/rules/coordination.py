"""The coordinator who pulls everything to themselves (Handreiking §2.3, §3.2.5)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    names_text,
    phase_at_least,
)
from samenspel.advice.snapshot import CoalitionSnapshot
from samenspel.coalitions.models import (
    Phase,
)
from samenspel.partners.models import Circle, CoalitionRole, PartnerKind

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
    explanation = rule_texts.explanation("coordinator_does_everything")
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
        # Residents who steer and also run the activities are not the coordinator's pitfall but
        # the handbook's resident-led coalition (§2.2 Beekdaelen, §3.2.5 Dronten): residents are
        # the hub of many activities. Only a thin circle around them still counts.
        residents_at_the_wheel = partner.kind == PartnerKind.RESIDENTS
        runs_most = (
            not residents_at_the_wheel
            and CoalitionRole.RUNNING_ACTIVITIES in partner.roles
            and len(other_runners) <= FEW_OTHER_RUNNERS
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
                    "who": f": {names_text(p.name for p in others_active)}"
                    if others_active
                    else "",
                }
            )
        if residents_at_the_wheel:
            evidence.append(
                _(
                    "Inwoners voeren hier zelf de regie: dat dezelfde partner ook de activiteiten "
                    "draagt, telt niet als valkuil (Handreiking §2.2 en §3.2.5)."
                )
            )
        evidence.append(memberships)
        met = int(runs_most) + int(few_active)
        findings.append(
            Finding(
                rule="coordinator_does_everything",
                subject=partner.uuid,
                severity=Severity.URGENT if met == 2 else Severity.ATTENTION,
                title=rule_texts.title("coordinator_does_everything") % {"partner": partner.name},
                evidence=evidence,
                explanation=explanation,
                guide=("partner_kinds", "welfare"),
                next_step=rule_texts.next_step("coordinator_does_everything"),
                magnitude=float(10 * met + len(partner.tasks)),
            )
        )

    core = s.in_circle(Circle.CORE)
    if (
        phase_at_least(s, Phase.EXPLORE)
        and len(partners) >= MIN_PARTNERS_FOR_CORE_CHECK
        and len(core) <= 1
    ):
        counts = {str(c): len(s.in_circle(c)) for c in Circle}
        findings.append(
            Finding(
                rule="coordinator_does_everything",
                subject="circles",
                severity=Severity.ATTENTION,
                title=rule_texts.title("coordinator_does_everything", "circles") % {"n": len(core)},
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
                explanation=rule_texts.explanation("coordinator_does_everything", "circles"),
                guide=("circles", "core"),
                next_step=rule_texts.next_step("coordinator_does_everything", "circles"),
                magnitude=float(len(partners) - len(core) + 10 * (1 - len(core))),
            )
        )
    return findings
