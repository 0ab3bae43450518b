"""The follow-up of a signal: recording, consent, handover and its answer, each step audited;
bad input gets a Dutch message and changes nothing."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.signals import services
from samenspel.signals.models import (
    ConsentMethod,
    Handover,
    Purpose,
    Signal,
    SourceKind,
)
from samenspel.signals.tests.factories import RESIDENT, ActivityFactory, setup_signals
from samenspel.signals.workflow import Outcome, Status

pytestmark = pytest.mark.django_db


def _record(scene, member=None, consent=True, **extra):
    member = member or scene.other_member
    return services.record_signal(
        member,
        acting_user=member.user,
        signs=["recent_loss"],
        consent_purposes=[Purpose.HANDOVER] if consent else [],
        consent_method=ConsentMethod.IN_PERSON,
        awareness="agrees" if consent else "unaware",
        resident_name=RESIDENT["resident_name"],
        phone=RESIDENT["phone"],
        situation=RESIDENT["situation"],
        **extra,
    )


def _state(signal):
    return (
        Signal.objects.correlated().values("status", "holder_id", "handling_id").get(pk=signal.pk)
    )


@time_machine.travel(datetime.datetime(2026, 4, 2, 10, tzinfo=datetime.UTC), tick=False)
def test_a_recorded_signal_goes_to_the_intake_organisation_with_a_deadline():
    scene = setup_signals()
    signal = _record(scene)
    assert signal.holder == scene.intake
    assert signal.source_kind == SourceKind.CARE
    assert signal.status == Status.RECEIVED
    assert signal.deadline == datetime.date(2026, 4, 8)  # two working days after Easter Monday
    assert signal.consents.get().purpose == Purpose.HANDOVER
    event = AuditEvent.objects.get(action="signal.recorded")
    assert RESIDENT["resident_name"] not in repr(event.changes)
    assert event.changes["fields"]["resident_name"] == {"changed": True}


def test_without_an_intake_organisation_nothing_is_recorded():
    coalition = CoalitionFactory()
    member = MembershipFactory(coalition=coalition, partner_member=True)
    with pytest.raises(ValidationError, match="intake-organisatie"):
        services.record_signal(
            member, acting_user=member.user, awareness="agrees", resident_name="X"
        )
    assert not Signal.objects.correlated().exists()


def test_handover_and_acceptance_move_the_signal_and_tell_the_signaller(
    django_capture_on_commit_callbacks,
):
    scene = setup_signals()
    signal = _record(scene)
    handover = services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
    assert _state(signal) == {
        "status": Status.HANDED_OVER,
        "holder_id": scene.handler.pk,
        "handling_id": scene.handler.pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(handover, accept=True, acting_user=scene.handler_member.user)
    assert _state(signal)["status"] == Status.ACCEPTED
    assert [m.subject for m in mail.outbox][-1].endswith("is opgepakt")
    body = mail.outbox[-1].body
    for value in RESIDENT.values():
        assert value not in body
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions.count("signal.moved") == 2
    assert "signal.handover_decided" in actions


def test_a_declined_handover_goes_back_to_triage_with_its_reason():
    scene = setup_signals()
    signal = _record(scene)
    handover = services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
    with pytest.raises(ValidationError, match="reden"):
        services.decide(handover, accept=False, acting_user=scene.handler_member.user)
    assert _state(signal)["status"] == Status.HANDED_OVER
    services.decide(
        handover, accept=False, reason="Geen capaciteit", acting_user=scene.handler_member.user
    )
    assert _state(signal) == {
        "status": Status.IN_TRIAGE,
        "holder_id": scene.intake.pk,
        "handling_id": None,
    }
    with pytest.raises(ValidationError, match="al besloten"):
        services.decide(handover, accept=True, acting_user=scene.handler_member.user)


def test_handover_without_consent_needs_a_recorded_reason():
    scene = setup_signals()
    signal = _record(scene, consent=False)
    with pytest.raises(ValidationError) as error:
        services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
    assert "toestemming" in str(error.value.message_dict["exception_reason"])
    assert _state(signal)["status"] == Status.RECEIVED
    assert not Handover.objects.correlated().exists()
    handover = services.hand_over(
        signal,
        scene.handler,
        acting_user=scene.intake_member.user,
        exception_reason="Inwoner is verward en alleen; huisarts vraagt om een bezoek",
    )
    assert handover.exception_reason.startswith("Inwoner")


def test_handover_outside_the_coalition_or_with_a_past_date_changes_nothing():
    scene = setup_signals()
    signal = _record(scene)
    stranger = PartnerFactory()
    with pytest.raises(ValidationError, match="hoort niet bij deze coalitie"):
        services.hand_over(signal, stranger, acting_user=scene.intake_member.user)
    with pytest.raises(ValidationError, match="verleden"):
        services.hand_over(
            signal,
            scene.handler,
            acting_user=scene.intake_member.user,
            answer_by=datetime.date(2020, 1, 6),
        )
    assert _state(signal)["status"] == Status.RECEIVED
    assert not Handover.objects.correlated().exists()


def test_a_step_that_does_not_follow_is_refused():
    scene = setup_signals()
    signal = _record(scene)
    with pytest.raises(ValidationError, match="past niet"):
        services.move(signal, Status.IN_SUPPORT, acting_user=scene.intake_member.user)
    with pytest.raises(ValidationError, match="uitkomst"):
        services.move(signal, Status.CLOSED, acting_user=scene.intake_member.user)
    assert _state(signal)["status"] == Status.RECEIVED


def test_first_contact_referral_and_closing(django_capture_on_commit_callbacks):
    scene = setup_signals()
    signal = _record(scene)
    handover = services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
    user = scene.handler_member.user
    services.decide(handover, accept=True, acting_user=user)
    services.move(signal, Status.CONTACT_MADE, acting_user=user)
    activity = ActivityFactory(coalition=scene.coalition)
    with pytest.raises(ValidationError, match="aanbod van deze coalitie"):
        services.refer(signal, ActivityFactory(), acting_user=user)
    services.refer(signal, activity, acting_user=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.move(signal, Status.CLOSED, outcome=Outcome.REFERRED, acting_user=user)
    saved = Signal.objects.correlated().get(pk=signal.pk)
    assert saved.first_contact_at is not None
    assert saved.activity == activity
    assert saved.outcome == Outcome.REFERRED
    assert saved.deadline is None
    assert mail.outbox[-1].subject.endswith("is afgesloten")


def test_withdrawing_consent_stops_the_follow_up():
    scene = setup_signals()
    signal = _record(scene)
    consent = signal.consents.get()
    services.withdraw_consent(consent, acting_user=scene.intake_member.user)
    saved = Signal.objects.correlated().get(pk=signal.pk)
    assert (saved.status, saved.outcome) == (Status.CLOSED, Outcome.WITHDRAWN)
    with pytest.raises(ValidationError, match="al ingetrokken"):
        services.withdraw_consent(consent, acting_user=scene.intake_member.user)
