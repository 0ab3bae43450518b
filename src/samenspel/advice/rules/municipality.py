"""The municipality's roles (Handreiking §2.10 tip 1, §3.2.1, §3.2.5; article 2021).

The handbook does not count hats: several roles at once are fine "als het voor de partners en de
gemeente zelf maar helder is" (§2.10 tip 1). So this rule reads what was *agreed*
(`Coalition.municipality_roles`) next to what the municipality does in the coalition (its
partner's roles), and speaks only where the two are unclear or disagree:

- hats without an agreement: two or more steering hats and no agreed role (info; attention at
  three or more, when the roles are hard to tell apart);
- an agreed equal partner who steers: the agreement says equal partner, but the municipality holds
  the process lead, the network coordination or is commissioner (attention: §3.2.1, a municipality
  that steers too much undermines ownership; §3.2.5 Dronten);
- a hat that no agreed role covers (info), e.g. the municipality funds but the agreement names only
  mediator.
An equal partner that funds is recognised (Dronten: "soms helpt de gemeente als financier").
The rule keeps its first key, `municipality_many_hats`, so that earlier dismissals still apply.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import names_text, role_labels
from samenspel.advice.snapshot import CoalitionSnapshot, PartnerFact
from samenspel.coalitions.models import MunicipalityRole
from samenspel.partners.models import CoalitionRole, PartnerKind

MUNICIPALITY_HATS = (
    CoalitionRole.COMMISSIONER,
    CoalitionRole.FUNDER,
    CoalitionRole.PROCESS_LEAD,
    CoalitionRole.NETWORK_COORDINATION,
)
# Which agreed roles cover which hat (guide: municipality_roles; article 2021: the facilitator's
# main means is money; §3.2.5: an equal partner may fund).
COVERED_BY: dict[str, tuple[str, ...]] = {
    CoalitionRole.COMMISSIONER: (MunicipalityRole.COMMISSIONER_FUNDER,),
    CoalitionRole.FUNDER: (
        MunicipalityRole.COMMISSIONER_FUNDER,
        MunicipalityRole.FACILITATOR_OF_MEANS,
        MunicipalityRole.FACILITATOR,
        MunicipalityRole.AANJAGER,
        MunicipalityRole.EQUAL_PARTNER,
    ),
    CoalitionRole.PROCESS_LEAD: (MunicipalityRole.DIRECTOR,),
    CoalitionRole.NETWORK_COORDINATION: (MunicipalityRole.DIRECTOR,),
}
# The hats an equal partner does not wear (§3.2.5: no trekker, no commissioner, no director).
NOT_EQUAL = (
    CoalitionRole.COMMISSIONER,
    CoalitionRole.PROCESS_LEAD,
    CoalitionRole.NETWORK_COORDINATION,
)
# Without an agreement: two hats can still be clear in practice (info); with three or more the
# partners can hardly tell which one is on (attention).
MANY_HATS = 2
HATS_ATTENTION = 3


def _agreed_labels(s: CoalitionSnapshot) -> str:
    return names_text(str(MunicipalityRole(r).label).lower() for r in s.municipality_roles)


def municipality_many_hats(s: CoalitionSnapshot) -> list[Finding]:
    findings = []
    for partner in s.current_partners:
        if partner.kind != PartnerKind.MUNICIPALITY:
            continue
        hats: list[str] = [role for role in MUNICIPALITY_HATS if role in partner.roles]
        finding = (
            _equal_partner_steers(s, partner, hats)
            or _hats_not_agreed(s, partner, hats)
            or _hat_not_covered(s, partner, hats)
        )
        if finding:
            findings.append(finding)
    return findings


def _finding(
    s: CoalitionSnapshot,
    partner: PartnerFact,
    *,
    severity: str,
    title: str,
    evidence: list[str],
    guide_item: str,
    magnitude: float,
) -> Finding:
    return Finding(
        rule="municipality_many_hats",
        subject=partner.uuid,
        severity=severity,
        title=title,
        evidence=evidence,
        explanation=rule_texts.explanation("municipality_many_hats"),
        guide=("municipality_roles", guide_item),
        next_step=rule_texts.next_step("municipality_many_hats"),
        magnitude=magnitude,
        link=reverse("coalitions:municipality_roles", args=[s.uuid]),
        link_text=_("Rol van de gemeente vastleggen"),
    )


def _equal_partner_steers(
    s: CoalitionSnapshot, partner: PartnerFact, hats: list[str]
) -> Finding | None:
    steering = [hat for hat in hats if hat in NOT_EQUAL]
    if MunicipalityRole.EQUAL_PARTNER not in s.municipality_roles or not steering:
        return None
    return _finding(
        s,
        partner,
        severity=Severity.ATTENTION,
        title=rule_texts.title("municipality_many_hats", "equal-partner"),
        evidence=[
            _("Afgesproken rol van de gemeente: %(roles)s.") % {"roles": _agreed_labels(s)},
            _("%(partner)s heeft in de coalitie: %(hats)s.")
            % {"partner": partner.name, "hats": role_labels(steering)},
        ],
        guide_item="equal_partner",
        magnitude=float(10 + len(steering)),
    )


def _hats_not_agreed(s: CoalitionSnapshot, partner: PartnerFact, hats: list[str]) -> Finding | None:
    if s.municipality_roles or len(hats) < MANY_HATS:
        return None
    directs = bool({CoalitionRole.PROCESS_LEAD, CoalitionRole.NETWORK_COORDINATION} & set(hats))
    return _finding(
        s,
        partner,
        severity=Severity.ATTENTION if len(hats) >= HATS_ATTENTION else Severity.INFO,
        title=rule_texts.title("municipality_many_hats", "hats-not-agreed") % {"n": len(hats)},
        evidence=[
            _("%(partner)s heeft %(n)s rollen tegelijk: %(hats)s.")
            % {"partner": partner.name, "n": len(hats), "hats": role_labels(hats)},
            _("Er is niet vastgelegd welke rol de gemeente in deze coalitie speelt."),
        ],
        guide_item="director" if directs else "commissioner_funder",
        magnitude=float(len(hats)),
    )


def _hat_not_covered(s: CoalitionSnapshot, partner: PartnerFact, hats: list[str]) -> Finding | None:
    if not s.municipality_roles:
        return None
    loose = [hat for hat in hats if not set(COVERED_BY[hat]) & set(s.municipality_roles)]
    if not loose:
        return None
    return _finding(
        s,
        partner,
        severity=Severity.INFO,
        title=rule_texts.title("municipality_many_hats", "hat-not-covered"),
        evidence=[
            _("Afgesproken rol van de gemeente: %(roles)s.") % {"roles": _agreed_labels(s)},
            _("%(partner)s heeft ook: %(hats)s; geen afgesproken rol dekt dat.")
            % {"partner": partner.name, "hats": role_labels(loose)},
        ],
        guide_item="director" if CoalitionRole.PROCESS_LEAD in loose else "commissioner_funder",
        magnitude=float(len(loose)),
    )
