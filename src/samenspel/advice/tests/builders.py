"""Hand-written snapshots for the rule tests: the rules are pure, so no database is needed."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import replace
from typing import Any

from samenspel.advice.snapshot import (
    ChecklistFact,
    CoalitionSnapshot,
    ContactFact,
    EvaluationFact,
    EventFact,
    PartnerFact,
    ScaleStat,
    ScanFact,
    WijkFact,
)
from samenspel.coalitions.models import LIFE_PHASES, ChecklistStatus
from samenspel.guide.content import phase_activities
from samenspel.scans.instruments import get_instrument

TODAY = datetime.date(2026, 11, 23)
_uuids = itertools.count(1)


def partner(name: str, **fields: Any) -> PartnerFact:
    defaults: dict[str, Any] = {
        "uuid": f"00000000-0000-0000-0000-{next(_uuids):012d}",
        "name": name,
        "kind": "welfare",
        "circle": "active",
        "motives": ("moral",),
        "roles": ("running_activities",),
        "brings_chars": 40,
        "takes_chars": 30,
        "has_deal_breakers": True,
        "has_success_criteria": True,
        "joined_on": datetime.date(2023, 1, 1),
        "left_on": None,
        "contact_count": 1,
        "contacts": (ContactFact(f"p-{name}", f"Contact van {name}", True),),
        "is_current": True,
    }
    defaults.update(fields)
    if "contacts" in fields:
        defaults["contact_count"] = len(fields["contacts"])
    return PartnerFact(**defaults)


def contact(name: str) -> ContactFact:
    return ContactFact(person=f"key-{name}", name=name, is_primary=True)


def checklist(statuses: dict[str, str] | None = None, *, updated_on: datetime.date | None = None):
    """Every guide activity; `statuses` overrides some (all others 'not started')."""
    statuses = statuses or {}
    return {
        activity.key: ChecklistFact(
            activity_key=activity.key,
            phase=str(phase),
            status=statuses.get(activity.key, ChecklistStatus.NOT_STARTED),
            updated_on=updated_on if activity.key in statuses else None,
        )
        for phase in LIFE_PHASES
        for activity in phase_activities(phase)
    }


def all_done_through(phase: str, *, updated_on: datetime.date) -> dict[str, str]:
    statuses = {}
    for life_phase in LIFE_PHASES:
        for activity in phase_activities(life_phase):
            statuses[activity.key] = ChecklistStatus.DONE
        if life_phase == phase:
            break
    return statuses


def stat(mean: float, *, sd: float = 0.5, n: int = 8, disagreement: bool = False) -> ScaleStat:
    return ScaleStat(mean=mean, sd=sd, n=n, disagreement=disagreement)


def scan(
    instrument: str,
    subscales: dict[str, ScaleStat],
    *,
    core: dict[str, ScaleStat] | None = None,
    closed_on: datetime.date = datetime.date(2026, 5, 1),
    items: dict[str, ScaleStat] | None = None,
) -> ScanFact:
    found = get_instrument(instrument)
    return ScanFact(
        instrument=instrument,
        title=found.title,
        round_title="Voorjaar 2026",
        closed_on=closed_on,
        responses=max((s.n for s in subscales.values()), default=0),
        subscales=subscales,
        core=core or {},
        subscale_titles={s.key: s.title for s in found.subscales},
        items=items or {},
        item_texts={i.key: i.text for i in found.items},
    )


def healthy_partners() -> tuple[PartnerFact, ...]:
    """Eight partners with the work spread, every kind the rules look for, clear roles."""
    return (
        partner(
            "Welzijn Oost",
            kind="welfare",
            circle="core",
            roles=("network_coordination", "running_activities"),
        ),
        partner(
            "Gemeente Oost",
            kind="municipality",
            circle="core",
            roles=("funder",),
            motives=("instrumental",),
        ),
        partner(
            "Buurtteam Oost", kind="neighbourhood_team", circle="core", roles=("process_lead",)
        ),
        partner(
            "Seniorenraad",
            kind="residents",
            circle="active",
            roles=("signalling",),
            motives=("affective",),
        ),
        partner("Bibliotheek Oost", kind="libraries_culture", circle="active"),
        partner("Huisarts Oost", kind="care_providers", circle="involved", roles=("signalling",)),
        partner("Basisschool Oost", kind="education", circle="involved"),
        partner("Woonstichting Oost", kind="housing_corporation", circle="involved"),
        partner("Voetbalclub Oost", kind="associations", circle="active"),
        partner("Bakkerij Oost", kind="entrepreneurs", circle="informed", roles=("funder",)),
    )


def snapshot(**fields: Any) -> CoalitionSnapshot:
    """A healthy coalition in phase 4 that no rule fires on; override what a test needs."""
    defaults: dict[str, Any] = {
        "today": TODAY,
        "uuid": "11111111-1111-1111-1111-111111111111",
        "name": "Samen Oost",
        "phase": "sustain",
        "form": "network",
        "legal_structure": "agreement",
        "area_scope": "whole",
        "areas": (),
        "start_date": datetime.date(2022, 1, 10),
        "ambition_chars": 120,
        "phase_history": (),
        "checklist": checklist(
            all_done_through("sustain", updated_on=datetime.date(2026, 9, 1)),
            updated_on=datetime.date(2026, 9, 1),
        ),
        "partners": healthy_partners(),
        "memberships": {"coordinator": 1, "partner_member": 4},
        "events": (),
        "scans": {},
        "pulse": (),
        "dip": None,
        "last_evaluation": EvaluationFact(datetime.date(2026, 5, 1), "scanronde 'Voorjaar 2026'"),
    }
    defaults.update(fields)
    return CoalitionSnapshot(**defaults)


def with_partner(s: CoalitionSnapshot, name: str, **changes: Any) -> CoalitionSnapshot:
    """The snapshot with one partner changed."""
    return replace(
        s,
        partners=tuple(replace(p, **changes) if p.name == name else p for p in s.partners),
    )


def event(p: PartnerFact, kind: str, *, conversation: str = "to_plan") -> EventFact:
    return EventFact(
        partner_uuid=p.uuid,
        partner_name=p.name,
        kind=kind,
        date=datetime.date(2026, 9, 1),
        conversation=conversation,
    )


def wijk(name: str, strongly: float | None, activities: int, **fields: Any) -> WijkFact:
    """A wijk with figures; the shares and the gap are filled in by `with_shares`."""
    defaults: dict[str, Any] = {
        "uuid": f"00000000-0000-0000-0000-{next(_uuids):012d}",
        "name": name,
        "cbs_code": f"WK9901{next(_uuids) % 100:02d}",
        "activities": activities,
        "reach": 10 * activities,
        "period": 2024,
        "lonely": strongly * 3 if strongly is not None else None,
        "strongly_lonely": strongly,
        "strongly_lonely_lower": strongly - 2 if strongly is not None else None,
        "strongly_lonely_upper": strongly + 2 if strongly is not None else None,
    }
    defaults.update(fields)
    return WijkFact(**defaults)


def with_shares(*wijken: WijkFact) -> tuple[WijkFact, ...]:
    """The need share, offer share and gap as `monitoring.gap` computes them."""
    scored = [w for w in wijken if w.strongly_lonely is not None]
    need_total = sum(w.strongly_lonely for w in scored)  # type: ignore[misc]
    offer_total = sum(w.activities for w in scored)
    result = []
    for w in wijken:
        if w.strongly_lonely is None:
            result.append(w)
            continue
        need = round(100 * w.strongly_lonely / need_total, 1)
        offer = round(100 * w.activities / offer_total, 1) if offer_total else 0.0
        result.append(replace(w, need_share=need, offer_share=offer, gap=round(need - offer, 1)))
    return tuple(sorted(result, key=lambda w: -(w.gap if w.gap is not None else -1000)))
