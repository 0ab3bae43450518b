"""The signal pages: recording and handing over through real forms; the holder's members see the
resident, nobody else does; every read of personal data is logged."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from samenspel.core.models import ReadEvent
from samenspel.signals.models import Handover, Signal
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    setup_signals,
    verified_client_for,
)
from samenspel.signals.workflow import Status

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


@pytest.fixture
def scene():
    return setup_signals()


def _url(name, scene, *args):
    return reverse(f"signals:{name}", args=[scene.coalition.uuid, *args])


def test_a_partner_records_a_signal_through_the_form(scene):
    client = verified_client_for(scene.other_member.user)
    response = client.post(
        _url("record", scene),
        {
            "resident_name": RESIDENT["resident_name"],
            "phone": RESIDENT["phone"],
            "signs": ["recent_loss", "stays_inside"],
            "situation": RESIDENT["situation"],
            "urgency": "normal",
            "awareness": "agrees",
            "consent_purposes": ["handover"],
            "consent_method": "in_person",
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.visible_to(scene.intake_member).get()
    assert signal.sign_keys == ["recent_loss", "stays_inside"]


def test_consent_without_how_is_refused_at_the_field_and_nothing_is_saved(scene):
    client = verified_client_for(scene.other_member.user)
    response = client.post(
        _url("record", scene),
        {
            "resident_name": "Iemand",
            "urgency": "normal",
            "awareness": "agrees",
            "consent_purposes": ["handover"],
        },
    )
    assert response.status_code == 200
    assert "Kies hoe de inwoner toestemming gaf." in response.content.decode()
    assert not Signal.objects.correlated().exists()


def test_the_intake_organisation_hands_over_through_the_form(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = verified_client_for(scene.intake_member.user)
    response = client.post(
        _url("handover", scene, signal.uuid),
        {"to": scene.handler.pk, "exception_reason": "Huisarts maakt zich grote zorgen"},
    )
    assert response.status_code == 302
    assert Handover.objects.correlated().get().to == scene.handler


def test_a_handover_outside_the_coalition_gets_a_dutch_message(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    stranger = SignalFactory().intake
    client = verified_client_for(scene.intake_member.user)
    response = client.post(
        _url("handover", scene, signal.uuid),
        {"to": stranger.pk, "exception_reason": "Reden"},
    )
    assert response.status_code == 200
    assert (
        "Kies bij ‘Overdragen aan’ een van de mogelijkheden uit de lijst."
        in response.content.decode()
    )
    assert not Handover.objects.correlated().exists()


def test_the_holder_sees_the_resident_and_the_read_is_logged(scene):
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    client = verified_client_for(scene.intake_member.user)
    response = client.get(_url("detail", scene, signal.uuid), REMOTE_ADDR="192.0.2.7")
    assert RESIDENT["resident_name"] in response.content.decode()
    event = ReadEvent.objects.using("audit").get()
    assert (event.object_uuid, event.actor_id, event.ip_address) == (
        signal.uuid,
        scene.intake_member.user.pk,
        "192.0.2.7",
    )
    log = client.get(_url("reads", scene, signal.uuid)).content.decode()
    assert escape(scene.intake_member.user.full_name) in log
    assert "192.0.2.7" in log


def test_after_the_handover_the_intake_organisation_no_longer_sees_the_resident(scene):
    signal = SignalFactory(
        coalition=scene.coalition,
        intake=scene.intake,
        holder=scene.handler,
        handling=scene.handler,
        status=Status.HANDED_OVER,
    )
    assert (
        verified_client_for(scene.intake_member.user)
        .get(_url("detail", scene, signal.uuid))
        .status_code
        == 404
    )
    assert (
        verified_client_for(scene.handler_member.user)
        .get(_url("detail", scene, signal.uuid))
        .status_code
        == 200
    )


def test_the_list_shows_no_personal_field(scene):
    SignalFactory(coalition=scene.coalition, intake=scene.intake)
    page = verified_client_for(scene.intake_member.user).get(_url("home", scene)).content.decode()
    assert "Welzijn Dijkerveen" in page
    for value in RESIDENT.values():
        assert value not in page
    assert not ReadEvent.objects.using("audit").exists()
