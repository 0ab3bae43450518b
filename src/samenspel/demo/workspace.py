"""Agreements, meetings, funding and evaluation for the demo coalition "Samen Dijkerveen",
written through the service functions (so the audit trail and the rules are real)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from samenspel.accounts.models import User
from samenspel.agreements import services as agreements
from samenspel.coalitions.models import Coalition
from samenspel.evaluations import services as evaluations
from samenspel.funding import services as funding
from samenspel.meetings import services as meetings
from samenspel.partners.models import Partner, PartnerEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _at(day: str, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour, minute), tzinfo=AMSTERDAM
    )


def add_workspace(coalition: Coalition, user: User) -> None:
    partners = {p.name: p for p in Partner.objects.across_coalitions().filter(coalition=coalition)}
    _ambition(coalition, user)
    _agreements(coalition, user, partners)
    _process(coalition, user, partners)
    _meetings(coalition, user, partners)
    _funding(coalition, user, partners)
    _evaluation(coalition, user, partners)


def _ambition(coalition: Coalition, user: User) -> None:
    common = {
        "goals": "Eenzaamheid vroeg signaleren; elke wijk een laagdrempelige ontmoetingsplek.",
        "success_criteria": "Minder inwoners die zich ernstig eenzaam voelen (GGD-monitor).",
        "indicators": "Aantal signalen, bereik van activiteiten, uitkomst van de gezondheidsmonitor.",
        "target_groups": "Ouderen, mantelzorgers, jongeren en nieuwkomers.",
        "not_wanted": "Geen nieuwe loketten naast wat er al is; niet praten over inwoners zonder hen.",
    }
    agreements.record_ambition(
        coalition,
        acting_user=user,
        reason="Eerste versie na de startbijeenkomst.",
        text="Niemand in Dijkerveen hoeft er alleen voor te staan.",
        priorities="Ouderen eerst.",
        **common,
    )
    agreements.record_ambition(
        coalition,
        acting_user=user,
        reason="Afgestoft in het jaargesprek: jongeren erbij.",
        text=coalition.ambition or "Niemand in Dijkerveen hoeft er alleen voor te staan.",
        priorities="Ouderen en jongeren; signaleren via huisartsen en scholen.",
        **common,
    )


def _agreements(coalition: Coalition, user: User, partners: dict[str, Partner]) -> None:
    rows = [
        ("Welzijn Dijkerveen", "network_coordination", "16", "0", "Netwerkcoördinatie en maatjes"),
        (
            "Gemeente Dijkerveen, team Sociaal Domein",
            "funder",
            "8",
            "45000",
            "Subsidie en procesregie",
        ),
        ("Bibliotheek Dijkerveen", "running_activities", "6", "0", "Digitaal café, leesclubs"),
        ("Huisartsenpraktijk De Linde", "signalling", "2", "0", "Welzijn op Recept"),
        ("Koffiehuis De Hoek", "running_activities", "4", "0", "Ontmoetingstafel op woensdag"),
    ]
    for name, role, hours, money, expertise in rows:
        agreements.save_agreement(
            coalition,
            acting_user=user,
            partner=partners[name],
            role=role,
            hours_per_month=Decimal(hours),
            money=Decimal(money),
            expertise=expertise,
            expectations="Meedenken in de kerngroep en delen wat werkt.",
            start_date=datetime.date(2024, 1, 1),
            review_date=datetime.date(2026, 12, 1),
        )


def _process(coalition: Coalition, user: User, partners: dict[str, Partner]) -> None:
    welfare = partners["Welzijn Dijkerveen"]
    steps = [
        ("Startbijeenkomst met alle partners", "milestone", "2024-03-01", "done"),
        ("Werkgroep signaleren ingericht", "step", "2025-06-01", "done"),
        ("Ambitie afstoffen in het jaargesprek", "step", "2026-09-30", "busy"),
        ("Verankering na de subsidieperiode uitwerken", "step", "2026-10-15", "planned"),
        ("Convenant 2027 ondertekenen", "milestone", "2027-01-31", "planned"),
    ]
    for order, (title, kind, due, status) in enumerate(steps, start=1):
        agreements.save_step(
            coalition,
            acting_user=user,
            title=title,
            kind=kind,
            owner=welfare,
            due_date=datetime.date.fromisoformat(due),
            status=status,
            order=order,
            decisions_needed="Besluit in de kerngroep." if kind == "milestone" else "",
        )
    covenant = agreements.save_covenant(
        coalition,
        acting_user=user,
        kind="letter_of_intent",
        rules_of_play="We doen mee naar vermogen, bespreken veranderingen op tijd en evalueren jaarlijks.",
    )
    agreements.add_signatory(
        covenant,
        acting_user=user,
        partner=welfare,
        name="Sanne de Wit",
        function="Directeur",
        signed_on=datetime.date(2022, 6, 20),
    )


def _meetings(coalition: Coalition, user: User, partners: dict[str, Partner]) -> None:
    core = [p for p in partners.values() if p.circle == "core"]
    body = meetings.save_body(
        coalition,
        acting_user=user,
        members=core,
        name="Kerngroep",
        kind="core_group",
        purpose="Koers, samenhang en de verdeling van middelen.",
        decides="De kerngroep, bij consensus.",
    )
    past = meetings.save_meeting(
        coalition,
        acting_user=user,
        body=body,
        title="Kerngroep oktober",
        starts_at=_at("2026-10-14", 19, 30),
        ends_at=_at("2026-10-14", 21, 0),
        location="Bibliotheek Dijkerveen",
        minutes="Pols besproken: de energie daalt.",
    )
    for partner in core:
        meetings.set_attendance(past, acting_user=user, partner=partner, status="present")
    meetings.record_decision(past, acting_user=user, text="We plannen in december een jaargesprek.")
    meetings.record_decision(
        past, acting_user=user, text="De werkgroep signaleren krijgt een nieuwe trekker."
    )
    meetings.add_action(
        past,
        acting_user=user,
        text="Jaargesprek voorbereiden",
        owner_partner=partners["Welzijn Dijkerveen"],
        due_on=datetime.date(2026, 11, 30),
    )
    upcoming = meetings.save_meeting(
        coalition,
        acting_user=user,
        body=body,
        title="Jaargesprek",
        starts_at=_at("2026-12-10", 15, 0),
        ends_at=_at("2026-12-10", 17, 30),
        location="Buurthuis De Velden",
    )
    event = (
        PartnerEvent.objects.across_coalitions()
        .filter(partner__coalition=coalition, kind="new_director")
        .first()
    )
    if event is not None:
        meetings.add_agenda_item(upcoming, acting_user=user, source_event=event)
    meetings.add_agenda_item(upcoming, acting_user=user, title="Hoe ervaren we de samenwerking?")


def _funding(coalition: Coalition, user: User, partners: dict[str, Partner]) -> None:
    funding.create_source(
        coalition,
        acting_user=user,
        kind="municipal_subsidy",
        funder_name="Gemeente Dijkerveen",
        funder_partner=partners["Gemeente Dijkerveen, team Sociaal Domein"],
        amount=Decimal("90000"),
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2027, 6, 30),
        carries_activities=True,
        conditions="Jaarlijkse verantwoording van bereik.",
    )
    funding.create_source(
        coalition,
        acting_user=user,
        kind="fund",
        funder_name="Fonds Samen Ouder",
        amount=Decimal("12500"),
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        carries_activities=True,
        continuity_plan="De bibliotheek neemt het digitaal café op in haar programma.",
    )
    funding.create_source(
        coalition,
        acting_user=user,
        kind="in_kind",
        funder_name="Woonstichting Dijkerveen",
        funder_partner=partners["Woonstichting Dijkerveen"],
        amount=Decimal("6000"),
        start_date=datetime.date(2024, 1, 1),
        conditions="Ontmoetingsruimtes in twee seniorenflats.",
    )


def _evaluation(coalition: Coalition, user: User, partners: dict[str, Partner]) -> None:
    evaluations.record_evaluation(
        coalition,
        acting_user=user,
        participants=[p for p in partners.values() if p.circle == "core"],
        held_on=datetime.date(2025, 12, 11),
        successes="Het maatjesproject draait zelfstandig; huisartsen verwijzen door.",
        bottlenecks="Te veel leunt op de netwerkcoördinator; jongeren bereiken we nauwelijks.",
        continuation="Een tweede trekker voor signaleren; scholen en jongerenwerk erbij.",
        agreement_changes="Jongerenwerk sluit aan bij de kerngroep.",
    )
    evaluations.plan_moment(coalition, acting_user=user, planned_on=datetime.date(2026, 12, 10))
