"""Dependence on one party or person (Handreiking, Inleiding)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from samenspel.advice import rule_texts
from samenspel.advice.findings import Finding, Severity
from samenspel.advice.rules.common import (
    STEERING_ROLES,
    VERY_LOW_MEAN,
    date_text,
    deficit,
    is_low,
    names_text,
    role_labels,
)
from samenspel.advice.snapshot import CoalitionSnapshot, PartnerFact
from samenspel.partners.models import Circle, EventKind
from samenspel.scans.results import decimal

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
    explanation = rule_texts.explanation("dependence_on_one_party")
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
                    "roles": role_labels(partner.tasks),
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
                    "date": date_text(event.date),
                }
            )
        both = dominant and len(sole) == len(STEERING_ROLES)
        findings.append(
            Finding(
                rule="dependence_on_one_party",
                subject=partner.uuid,
                severity=Severity.URGENT if both or changes else Severity.ATTENTION,
                title=rule_texts.title("dependence_on_one_party") % {"partner": partner.name},
                evidence=evidence,
                explanation=explanation,
                guide=("ownership", "definition"),
                next_step=rule_texts.next_step("dependence_on_one_party"),
                magnitude=float(round(share * 100) + 10 * len(sole)),
            )
        )
    findings.extend(_dependence_on_one_person(s))
    findings.extend(_dependence_on_the_policy_officer(s))
    return findings


def _dependence_on_the_policy_officer(s: CoalitionSnapshot) -> list[Finding]:
    """The pillars scan asks whether the approach stops when the policy officer leaves (pillar 4:
    ownership lies with the coalition, not with an advisor or a policy officer)."""
    stat = s.scan_item("pillars", "sustainable_depends_on_one")
    if stat is None or not is_low(stat):
        return []
    fact = s.scans["pillars"]
    return [
        Finding(
            rule="dependence_on_one_party",
            subject="policy-officer",
            severity=Severity.URGENT if is_low(stat, VERY_LOW_MEAN) else Severity.ATTENTION,
            title=rule_texts.title("dependence_on_one_party", "policy-officer"),
            evidence=[
                _(
                    "Op de stelling '%(text)s' antwoorden partners gemiddeld %(mean)s van 5 "
                    "(omgekeerd gescoord: laag betekent dat zij het eens zijn; %(n)s antwoorden, "
                    "scan '%(scan)s')."
                )
                % {
                    "text": fact.item_texts.get("sustainable_depends_on_one", ""),
                    "mean": decimal(stat.mean),
                    "n": stat.n,
                    "scan": fact.round_title,
                }
            ],
            explanation=rule_texts.explanation("dependence_on_one_party", "policy-officer"),
            guide=("pillars", "sustainable_approach"),
            next_step=rule_texts.next_step("dependence_on_one_party", "policy-officer"),
            magnitude=round(deficit(stat), 1),
        )
    ]


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
    explanation = rule_texts.explanation("dependence_on_one_party", "person")
    next_step = rule_texts.next_step("dependence_on_one_party", "person")
    findings = []
    for person, partners in per_person.items():
        if len(partners) >= 2 and len(partners) / len(core) >= SHARED_CONTACT_SHARE:
            findings.append(
                Finding(
                    rule="dependence_on_one_party",
                    subject=f"persoon-{person}",
                    severity=Severity.ATTENTION,
                    title=rule_texts.title("dependence_on_one_party", "person")
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
                            "partners": names_text(p.name for p in partners),
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
                title=rule_texts.title("dependence_on_one_party", "one-contact"),
                evidence=[
                    _(
                        "Van de %(core)s kernpartners is alleen bij %(partner)s een contactpersoon "
                        "vastgelegd (%(name)s); bij %(without)s niet."
                    )
                    % {
                        "core": len(core),
                        "partner": partners[0].name,
                        "name": names[person],
                        "without": names_text(p.name for p in without),
                    }
                ],
                explanation=explanation,
                guide=("circles", "core"),
                next_step=next_step,
                magnitude=float(len(core)),
            )
        )
    return findings
