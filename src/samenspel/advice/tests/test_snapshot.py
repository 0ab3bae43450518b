"""The snapshot: the right facts, in a number of queries that does not grow with the coalition."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.advice.measure import time_advice
from samenspel.advice.snapshot import build_snapshot
from samenspel.coalitions.models import ChecklistItem
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.evaluations.models import Evaluation
from samenspel.funding.models import FundingSource
from samenspel.monitoring.tests import factories as monitoring
from samenspel.partners.models import ContactPerson, PartnerEvent
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans.instruments import get_instrument
from samenspel.scans.models import Response, ResponseStatus, Round, RoundStatus

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def answers_scoring(instrument_key: str, score: int) -> dict[str, int]:
    """Answers that give every subscale exactly `score` (reverse-worded items mirrored)."""
    instrument = get_instrument(instrument_key)
    low, high = instrument.scale.min, instrument.scale.max
    return {item.key: (low + high - score) if item.reverse else score for item in instrument.items}


def closed_round(coalition, key, closes_on, *, title="Ronde"):
    return Round.objects.create(
        coalition=coalition,
        instrument_key=key,
        instrument_version=get_instrument(key).version,
        title=title,
        anonymous=True,
        closes_on=closes_on,
        status=RoundStatus.CLOSED,
    )


def respond(scan_round, score, *, circle="active", kind="welfare"):
    Response.objects.create(
        round=scan_round,
        instrument_version=scan_round.instrument_version,
        partner_kind=kind,
        circle=circle,
        status=ResponseStatus.SUBMITTED,
        submitted_on=scan_round.closes_on,
        answers=answers_scoring(scan_round.instrument_key, score),
    )


def coalition_of(size: int):
    coalition = CoalitionFactory()
    MembershipFactory(coalition=coalition, coordinator=True)
    circles = ["core", "active", "involved", "informed"]
    partners = [
        PartnerFactory(
            coalition=coalition,
            circle=circles[i % 4],
            roles=["running_activities"],
            brings="Ruimte",
            takes="Bereik",
        )
        for i in range(size)
    ]
    for partner in partners:
        ContactPerson.objects.create(partner=partner, name=f"Contact {partner.pk}")
        PartnerEvent.objects.create(partner=partner, kind="new_contact", date=TODAY)
    rounds = [
        closed_round(coalition, "conditions", datetime.date(2026, 5, 1)),
        closed_round(coalition, "success_factors", datetime.date(2026, 5, 1)),
        closed_round(coalition, "pulse", datetime.date(2026, 7, 1)),
        closed_round(coalition, "pulse", datetime.date(2026, 10, 1)),
    ]
    for scan_round in rounds:
        for partner in partners:
            respond(scan_round, 4, circle=partner.circle)
    ChecklistItem.objects.create(coalition=coalition, activity_key="initiate-agenda-setting")
    code = coalition.municipality.code[2:]
    monitoring.estimate(f"GM{code}", "12.0")
    for i in range(size // 3 + 1):
        neighbourhood = monitoring.wijk(coalition, f"Wijk {i}", f"WK{code}{i:02d}")
        monitoring.estimate(neighbourhood.cbs_code, f"{10 + i}.0")
        monitoring.activity(
            coalition,
            neighbourhood,
            providers=partners[i : i + 2],
            reach=((TODAY - datetime.timedelta(days=30), 5, 7),),
        )
    return coalition


def queries(coalition) -> int:
    with CaptureQueriesContext(connection) as context:
        build_snapshot(coalition, today=TODAY)
    return len(context.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_coalition():
    small, large = coalition_of(3), coalition_of(30)
    assert queries(small) == queries(large)
    assert queries(large) <= 18  # see the count in advice/snapshot.py and docs/advice.md


def test_the_snapshot_holds_partners_contacts_and_events():
    coalition = coalition_of(3)
    snapshot = build_snapshot(coalition, today=TODAY)
    assert len(snapshot.partners) == 3
    assert all(p.contact_count == 1 and len(p.contacts) == 1 for p in snapshot.partners)
    assert {p.brings_chars for p in snapshot.partners} == {len("Ruimte")}
    assert len(snapshot.events) == 3
    assert snapshot.memberships == {"coordinator": 1}
    assert set(snapshot.scans) == {"conditions", "success_factors", "pulse"}
    assert [point.means["energy"] for point in snapshot.pulse] == [4.0, 4.0]


def test_contact_persons_are_recognised_by_address_without_keeping_it():
    coalition = CoalitionFactory()
    for name in ("Welzijn", "Gemeente"):
        partner = PartnerFactory(coalition=coalition, name=name, circle="core")
        ContactPerson.objects.create(partner=partner, name="Sanne", email="Sanne@Voorbeeld.nl")
    snapshot = build_snapshot(coalition, today=TODAY)
    keys = {c.person for p in snapshot.partners for c in p.contacts}
    assert len(keys) == 1
    assert "voorbeeld" not in next(iter(keys))


def test_trust_among_core_respondents_is_kept_apart_only_for_a_group_of_three_or_more():
    coalition = CoalitionFactory()
    scan_round = closed_round(coalition, "success_factors", datetime.date(2026, 5, 1))
    for _ in range(3):
        respond(scan_round, 2, circle="core")
    for _ in range(5):
        respond(scan_round, 4, circle="active")
    snapshot = build_snapshot(coalition, today=TODAY)
    assert snapshot.core_scan("success_factors", "trust").mean == 2.0
    assert snapshot.core_scan("success_factors", "trust").n == 3
    assert snapshot.scan("success_factors", "trust").n == 8

    Response.objects.filter(circle="core").first().delete()
    snapshot = build_snapshot(coalition, today=TODAY)
    assert snapshot.core_scan("success_factors", "trust") is None  # two are too few to show
    assert snapshot.scan("success_factors", "trust").n == 7


def test_the_last_evaluation_is_the_latest_evaluation_round_or_monitoring_activity():
    coalition = CoalitionFactory()
    assert build_snapshot(coalition, today=TODAY).last_evaluation is None
    scan_round = closed_round(coalition, "conditions", datetime.date(2025, 4, 1), title="Lente")
    for _ in range(3):
        respond(scan_round, 4)
    evaluation = build_snapshot(coalition, today=TODAY).last_evaluation
    assert evaluation.date == datetime.date(2025, 4, 1)
    assert "Lente" in evaluation.what

    ChecklistItem.objects.create(
        coalition=coalition, activity_key="sustain-monitoring", status="done"
    )
    evaluation = build_snapshot(coalition).last_evaluation
    assert "Monitoring inrichten" in evaluation.what


def test_a_recorded_evaluation_is_the_last_evaluation_when_it_is_the_latest():
    coalition = CoalitionFactory()
    scan_round = closed_round(coalition, "conditions", datetime.date(2025, 4, 1), title="Lente")
    for _ in range(3):
        respond(scan_round, 4)
    Evaluation.objects.create(
        coalition=coalition,
        held_on=datetime.date(2026, 3, 1),
        successes="Veel nieuwe partners",
        bottlenecks="Weinig tijd",
        continuation="Door met de huiskamers",
    )
    evaluation = build_snapshot(coalition, today=TODAY).last_evaluation
    assert evaluation.date == datetime.date(2026, 3, 1)
    assert evaluation.what == "vastgelegde evaluatie"


def test_the_snapshot_holds_the_funding_sources_soonest_end_first():
    coalition = CoalitionFactory()
    partner = PartnerFactory(coalition=coalition, name="Gemeente Oost")
    for name, end in (
        ("Fonds", None),
        ("", datetime.date(2027, 1, 1)),
        ("Eigen", datetime.date(2026, 12, 31)),
    ):
        FundingSource.objects.create(
            coalition=coalition,
            kind="fund",
            funder_name=name,
            funder_partner=partner if not name else None,
            amount="1000.00",
            start_date=datetime.date(2026, 1, 1),
            end_date=end,
            carries_activities=True,
            continuity_plan="  " if name == "Eigen" else "",
        )
    funding = build_snapshot(coalition, today=TODAY).funding
    assert [f.funder for f in funding] == ["Eigen", "Gemeente Oost", "Fonds"]
    assert [f.has_continuity_plan for f in funding] == [False, False, False]
    assert funding[0].amount == 1000.0


def test_the_pulse_alone_is_no_evaluation_and_open_rounds_do_not_count():
    coalition = CoalitionFactory()
    pulse = closed_round(coalition, "pulse", datetime.date(2026, 10, 1))
    open_round = closed_round(coalition, "conditions", datetime.date(2026, 12, 1))
    open_round.status = RoundStatus.OPEN
    open_round.save()
    for _ in range(3):
        respond(pulse, 4)
        respond(open_round, 4)
    snapshot = build_snapshot(coalition, today=TODAY)
    assert snapshot.last_evaluation is None
    assert "conditions" not in snapshot.scans  # still open: it can change


def test_time_advice_gives_a_median_in_milliseconds():
    assert time_advice(coalition_of(3), repeat=2) > 0


def test_the_snapshot_holds_the_wijken_with_their_offer_and_the_municipality_figure():
    coalition = coalition_of(6)
    snapshot = build_snapshot(coalition, today=TODAY)
    assert [w.name for w in snapshot.wijken] == ["Wijk 2", "Wijk 1", "Wijk 0"]
    top = snapshot.wijken[0]
    assert (top.strongly_lonely, top.activities, top.reach, top.period) == (12.0, 1, 12, 2022)
    assert top.need_share == round(100 * 12 / 33, 1)
    assert top.offer_share == round(100 / 3, 1)
    assert snapshot.municipality_loneliness is not None
    assert snapshot.municipality_loneliness.strongly_lonely == 12.0
