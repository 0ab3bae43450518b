"""Nobody but the holding organisation's members ever receives a resident's personal field: every
signal page as every role, the e-mails, the audit trail and the read log. And the pages take a
fixed number of queries."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core.models import AuditEvent, ReadEvent
from samenspel.signals import services
from samenspel.signals.models import ConsentMethod, Purpose
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    setup_signals,
    verified_client_for,
)

pytestmark = pytest.mark.django_db(databases=["default", "audit"])

PAGES = ("home", "figures", "settings", "record")
SIGNAL_PAGES = (
    "detail",
    "handover",
    "decide",
    "move",
    "refer",
    "consent",
    "reads",
    "export",
    "erase",
)


def _leaks(text: str) -> list[str]:
    return [value for value in RESIDENT.values() if value in text]


@pytest.fixture
def walked(django_capture_on_commit_callbacks):
    """A signal recorded through the service, handed over and accepted: the data has been
    through every write path, mail and audit record once."""
    scene = setup_signals()
    with django_capture_on_commit_callbacks(execute=True):
        signal = services.record_signal(
            scene.other_member,
            acting_user=scene.other_member.user,
            awareness="agrees",
            consent_purposes=[Purpose.HANDOVER],
            consent_method=ConsentMethod.PHONE,
            **RESIDENT,
        )
        handover = services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
        services.decide(handover, accept=True, acting_user=scene.handler_member.user)
    return scene, signal


def _roles(scene):
    coalition = scene.coalition
    return {
        "coordinator": scene.coordinator,
        "municipality": MembershipFactory(coalition=coalition, municipality=True),
        "advisor": MembershipFactory(coalition=coalition, advisor=True),
        "read_only": MembershipFactory(coalition=coalition, read_only=True),
        "signaller": scene.other_member,
        "intake after handover": scene.intake_member,
        "handler": scene.handler_member,
    }


def test_only_the_handling_organisation_receives_personal_fields_on_any_page(walked):
    scene, signal = walked
    for role, membership in _roles(scene).items():
        client = verified_client_for(membership.user)
        urls = [reverse(f"signals:{name}", args=[scene.coalition.uuid]) for name in PAGES]
        urls += [
            reverse(f"signals:{name}", args=[scene.coalition.uuid, signal.uuid])
            for name in SIGNAL_PAGES
        ]
        urls.append(reverse("coalitions:audit", args=[scene.coalition.uuid]))
        for url in urls:
            response = client.get(url)
            body = response.content.decode()
            if role == "handler":
                shows_resident = url.endswith((f"{signal.uuid}/", "/export/"))
                assert bool(_leaks(body)) == shows_resident, url
            else:
                assert not _leaks(body), f"{role} received personal data on {url}"
            if role != "handler" and str(signal.uuid) in url:
                assert response.status_code in {403, 404}, f"{role}: {url}"


def test_no_personal_field_in_mails_audit_records_or_read_log(walked):
    scene, _signal = walked
    assert mail.outbox, "the signaller was told"
    for message in mail.outbox:
        assert not _leaks(message.subject + message.body)
    for event in AuditEvent.objects.all():
        assert not _leaks(repr(event.changes) + event.object_label)
    verified_client_for(scene.handler_member.user).get(
        reverse("signals:detail", args=[scene.coalition.uuid, _signal.uuid])
    )
    for event in ReadEvent.objects.using("audit").all():
        assert not _leaks(repr(event.__dict__))


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["home", "figures"])
def test_list_and_figures_take_a_fixed_number_of_queries(name):
    scene = setup_signals()
    client = verified_client_for(scene.intake_member.user)
    url = reverse(f"signals:{name}", args=[scene.coalition.uuid])
    SignalFactory(coalition=scene.coalition, intake=scene.intake)
    few = _queries(client, url)
    for _n in range(30):
        SignalFactory(coalition=scene.coalition, intake=scene.intake)
    assert _queries(client, url) == few


def test_the_signal_page_takes_a_fixed_number_of_queries():
    scene = setup_signals()
    client = verified_client_for(scene.intake_member.user)
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    url = reverse("signals:detail", args=[scene.coalition.uuid, signal.uuid])
    few = _queries(client, url)
    for _n in range(5):
        services.record_consent(
            signal,
            acting_user=scene.intake_member.user,
            purpose=Purpose.VISIT,
            method=ConsentMethod.PHONE,
            given_on=datetime.date(2026, 1, 5),
        )
    assert _queries(client, url) == few
