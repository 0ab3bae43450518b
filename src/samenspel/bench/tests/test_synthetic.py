import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Q

from samenspel.accounts.models import Membership, Role
from samenspel.agreements.models import Covenant, ProcessStep, Signatory
from samenspel.bench import signal_rows, synthetic
from samenspel.coalitions.models import ChecklistItem, Coalition, Municipality, PhaseChange
from samenspel.core.models import AuditEvent
from samenspel.evaluations.models import MomentStatus
from samenspel.funding.models import FundingSource
from samenspel.guide.content import all_activity_keys
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent
from samenspel.scans.instruments import get_instrument, validate_answers
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus
from samenspel.signals.models import Signal
from samenspel.signals.workflow import Status

pytestmark = pytest.mark.django_db


def test_tiny_scale_has_the_promised_rows():
    result = synthetic.generate(2, 20, seed=7)

    coalitions = synthetic.synthetic_coalitions()
    assert coalitions.count() == 2 == result.rows["coalitions"]
    assert Partner.objects.filter(coalition__in=coalitions).count() == 20
    assert set(
        Municipality.objects.filter(coalitions__in=coalitions).values_list(
            "is_fictional", flat=True
        )
    ) == {True}
    assert all(
        code.startswith("GM8")
        for code in synthetic.synthetic_municipalities().values_list("code", flat=True)
    )
    contacts = ContactPerson.objects.filter(partner__coalition__in=coalitions).count()
    assert 20 <= contacts <= 60
    assert contacts == result.rows["contacts"]
    assert PartnerEvent.objects.count() == result.rows["events"]
    assert (
        AuditEvent.objects.filter(coalition__in=coalitions).count()
        == result.rows["audit_events"]
        >= 20 * 2
    )
    assert set(ChecklistItem.objects.values_list("activity_key", flat=True)) <= all_activity_keys()
    for coalition in coalitions:
        assert coalition.checklist_items.exists()
        assert 1 <= coalition.phase_changes.count() <= 5
        assert (
            coalition.phase
            == PhaseChange.objects.filter(coalition=coalition).order_by("-date").first().to_phase
        )


def test_every_coalition_has_a_coordinator():
    synthetic.generate(2, 20, seed=7)

    for coalition in Coalition.objects.all():
        assert Membership.objects.filter(coalition=coalition, role=Role.COORDINATOR).count() == 1


def test_same_seed_same_data_and_pinned_coalition_is_identical_at_every_scale():
    synthetic.generate(2, 50, seed=3, pinned=(40, 10))
    small = list(
        Partner.objects.filter(coalition__municipality__code="GM8000").values_list("uuid", "name")
    )
    synthetic.delete_synthetic_data()
    synthetic.generate(5, 200, seed=3, pinned=(40, 10))
    larger = list(
        Partner.objects.filter(coalition__municipality__code="GM8000").values_list("uuid", "name")
    )

    assert len(small) == 40
    assert small == larger


def test_spread_stays_within_bounds_and_adds_up():
    import random

    counts = synthetic.spread(15_000, 350, random.Random(1), pinned=(40, 10))

    assert sum(counts) == 15_000
    assert counts[:2] == [40, 10]
    assert min(counts[2:]) >= 10
    assert max(counts) <= 80
    assert len(set(counts)) > 20  # uneven, like reality


def test_reset_removes_previous_synthetic_data(capsys):
    call_command("generate_national_data", coalitions=2, partners=20)
    call_command("generate_national_data", coalitions=2, partners=20, reset=True)

    assert synthetic.synthetic_coalitions().count() == 2
    assert Partner.objects.count() == 20
    assert "Gegenereerd" in capsys.readouterr().out


# --- scans ------------------------------------------------------------------------------------


def test_every_coalition_gets_the_scan_plan_with_valid_answers():
    result = synthetic.generate(2, 50, seed=5, pinned=(40, 10))

    assert Round.objects.count() == 2 * len(synthetic.SCAN_PLAN) == result.rows["scan_rounds"]
    assert Respondent.objects.count() == result.rows["respondents"]
    assert Response.objects.count() == result.rows["responses"]
    answers = 0
    for response in Response.objects.select_related("round", "respondent"):
        scan_round = response.round
        instrument = get_instrument(scan_round.instrument_key, response.instrument_version)
        assert validate_answers(instrument, response.answers, complete=True) == {}
        assert response.status == ResponseStatus.SUBMITTED
        if scan_round.anonymous:
            assert response.respondent is None
            assert response.partner_id is None
        else:
            assert response.respondent.round_id == scan_round.pk
        answers += len(response.answers)
    assert answers == result.rows["answers"]
    # Respondents who answered match the responses, round by round.
    for scan_round in Round.objects.all():
        assert scan_round.status == RoundStatus.CLOSED
        responded = scan_round.respondents.filter(responded=True).count()
        assert responded == scan_round.responses.count()
        assert scan_round.respondents.count() <= synthetic.MAX_RESPONDENTS


def test_the_national_plan_holds_more_than_half_a_million_answers():
    """Per respondent all rounds of the plan together ask this many questions; with 15–25
    invited and 85% answering, 350 coalitions pass 500,000 answers comfortably."""
    per_respondent = sum(len(get_instrument(key).items) for key, _t, _d in synthetic.SCAN_PLAN)
    expected = 350 * per_respondent * (synthetic.MIN_RESPONDENTS + synthetic.MAX_RESPONDENTS) / 2
    assert expected * synthetic.RESPONSE_RATE * (1 - synthetic.DONT_KNOW_SHARE) > 500_000


def _scan_data(code: str) -> list[tuple]:
    return sorted(
        (str(r.round.uuid), r.round.title, str(r.uuid), json.dumps(r.answers, sort_keys=True))
        for r in Response.objects.filter(round__coalition__municipality__code=code).select_related(
            "round"
        )
    )


def test_the_pinned_coalition_has_identical_scans_at_every_scale():
    synthetic.generate(2, 50, seed=3, pinned=(40, 10))
    small = _scan_data("GM8000")
    synthetic.delete_synthetic_data()
    assert not Round.objects.exists()
    assert not Response.objects.exists()
    synthetic.generate(5, 200, seed=3, pinned=(40, 10))

    assert small
    assert small == _scan_data("GM8000")


# --- agreements, meetings, funding, evaluations ------------------------------------------------

TODAY = datetime.date(2026, 11, 23)


def test_every_coalition_gets_agreements_meetings_funding_and_evaluations():
    result = synthetic.generate(4, 120, seed=5, pinned=(40, 10), today=TODAY)

    for coalition in Coalition.objects.all():
        assert 1 <= coalition.ambition_versions.count() <= 3
        current = coalition.partners.filter(left_on__isnull=True).count()
        assert 0 < coalition.partner_agreements.count() <= current
        assert 5 <= coalition.process_steps.count() <= 15
        assert 2 <= coalition.bodies.count() <= 4
        assert 10 <= coalition.meetings.count() <= 30
        assert AgendaItem.objects.filter(meeting__coalition=coalition).exists()
        assert 1 <= coalition.funding_sources.count() <= 5
        assert coalition.evaluations.count() <= 2
        assert coalition.evaluation_moments.filter(
            status=MomentStatus.PLANNED, planned_on__gte=TODAY
        ).exists()
    assert ProcessStep.objects.overdue(TODAY).exists()
    assert Decision.objects.exists()
    assert Attendance.objects.exists()
    assert ActionItem.objects.open().exists()
    assert Meeting.objects.upcoming(
        datetime.datetime.combine(TODAY, datetime.time(), tzinfo=datetime.UTC)
    ).exists()
    assert (
        FundingSource.objects.carrying_activities_without_plan()
        .filter(end_date__gte=TODAY, end_date__lte=TODAY + datetime.timedelta(days=365))
        .exists()
    )
    assert Covenant.objects.count() == result.rows["covenants"] >= 1
    assert Signatory.objects.count() == result.rows["signatories"]
    assert Meeting.objects.count() == result.rows["meetings"]
    # The focus coalition has every kind of row the benchmark measures.
    focus = Coalition.objects.get(municipality__code="GM8000")
    assert Covenant.objects.filter(coalition=focus).exists()
    assert focus.evaluations.exists()


def _work_data(code: str) -> list[tuple]:
    coalition = Coalition.objects.get(municipality__code=code)
    return [
        sorted(
            (str(m.uuid), m.title, m.starts_at.isoformat(), m.agenda_items.count())
            for m in coalition.meetings.all()
        ),
        sorted(
            (str(s.uuid), s.title, str(s.due_date), s.status) for s in coalition.process_steps.all()
        ),
        sorted(
            (str(f.uuid), str(f.amount), str(f.end_date)) for f in coalition.funding_sources.all()
        ),
        sorted(str(a.uuid) for a in coalition.partner_agreements.all()),
        sorted(str(e.uuid) for e in coalition.evaluations.all()),
    ]


def test_the_pinned_coalition_has_identical_work_data_at_every_scale():
    synthetic.generate(2, 50, seed=3, pinned=(40, 10), today=TODAY)
    small = _work_data("GM8000")
    synthetic.delete_synthetic_data()
    assert not Meeting.objects.exists()
    assert not FundingSource.objects.exists()
    synthetic.generate(5, 200, seed=3, pinned=(40, 10), today=TODAY)

    assert small[0]
    assert small == _work_data("GM8000")


# --- signals ----------------------------------------------------------------------------------


def test_signals_in_every_status_with_their_identifying_fields_encrypted():
    result = synthetic.generate(2, 20, seed=7, signal_total=2000)

    focus = Coalition.objects.get(municipality__code="GM8000")
    signals = Signal.objects.across_coalitions().filter(coalition=focus)
    assert result.rows["signals"] == 2000 == signals.count()  # all of them, at this total
    assert set(signals.values_list("status", flat=True)) == set(Status.values)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT resident_name, phone FROM signals_signal WHERE anonymised_at IS NULL"
        )
        stored = cursor.fetchall()
    assert stored
    assert all(name.startswith("gAAAA") and phone.startswith("gAAAA") for name, phone in stored)
    anonymised = signals.filter(anonymised_at__isnull=False)
    assert anonymised.exists()
    assert set(anonymised.values_list("resident_name", flat=True)) == {""}
    readable = signals.filter(anonymised_at__isnull=True).first()
    assert readable.resident_name.split()[0] in signal_rows.FIRST_NAMES


def test_the_measured_organisation_holds_signals_and_has_a_member():
    synthetic.generate(2, 20, seed=7, signal_total=2000)

    focus = Coalition.objects.get(municipality__code="GM8000")
    member = Membership.objects.across_coalitions().get(
        user__email=signal_rows.handler_email(focus, synthetic.EMAIL_DOMAIN)
    )
    assert member.role == Role.PARTNER_MEMBER
    held = Signal.objects.visible_to(member)
    assert held.count() > 2000 * 0.2
    # Handed over to it, or (in a coalition this small, where it is also the intake) at intake.
    assert not held.exclude(
        Q(handling=member.partner) | Q(intake=member.partner, handling=None)
    ).exists()
