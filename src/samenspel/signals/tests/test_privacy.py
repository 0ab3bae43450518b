"""Nobody but the holding organisation's members ever receives a resident's personal field: every
signal page and API route as every role, the e-mails, the audit trail, the read log, the logs
and the caches. And the pages take a fixed number of queries."""

import datetime
import logging

import pytest
from django.core import mail
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, reverse

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core.models import AuditEvent, ReadEvent
from samenspel.signals import services
from samenspel.signals.api.urls import urlpatterns as api_routes
from samenspel.signals.models import ConsentMethod, Purpose
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    api_client_with_second_factor,
    record_consents,
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


# Planted besides the resident's data: the reason of a declined handover (a personal field of
# the handover) and the date of birth as the API and the pages write it.
DECLINE_REASON = "Geen plek bij Zonnebloemgroep Oostermeer-43"
PLANTED = [*RESIDENT.values(), DECLINE_REASON, "1941-03-09", "9 maart 1941"]
# API routes of one signal whose POST with an empty body changes the signal (not walked by POST
# for the holder, who may do that).
WRITES_WITHOUT_INPUT = {"erase", "withdraw"}


def _leaks(text: str) -> list[str]:
    return [value for value in PLANTED if value in text]


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
        declined = services.hand_over(signal, scene.other, acting_user=scene.intake_member.user)
        services.decide(
            declined, accept=False, reason=DECLINE_REASON, acting_user=scene.other_member.user
        )
        handover = services.hand_over(signal, scene.handler, acting_user=scene.intake_member.user)
        services.decide(handover, accept=True, acting_user=scene.handler_member.user)
    signal.birth_date = datetime.date(1941, 3, 9)
    signal.save(update_fields=["birth_date"])
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


def _api_urls(scene, signal) -> dict[str, str]:
    values = {
        "coalition": scene.coalition.uuid,
        "signal": signal.uuid,
        "consent": signal.consents.get().uuid,
    }
    urls = {}
    for route in api_routes:
        assert isinstance(route, URLPattern)
        kwargs = {key: values[key] for key in route.pattern.converters}
        urls[str(route.name)] = reverse(f"signals_api:{route.name}", kwargs=kwargs)
    urls["audit"] = reverse("coalitions_api:audit", args=[scene.coalition.uuid])
    return urls


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
)
def test_only_the_handling_organisation_receives_personal_fields_from_any_api_route(walked, caplog):
    """Every API route, GET and a POST without input, as every role with a token that passed a
    second factor: only the handler's signal and inzage export hold personal data, and nothing
    of it reaches the logs or a cache."""
    scene, signal = walked
    caplog.set_level(logging.DEBUG)
    for role, membership in _roles(scene).items():
        client = api_client_with_second_factor(membership.user)
        for name, url in _api_urls(scene, signal).items():
            for method in ("get", "post"):
                if role == "handler" and method == "post" and name in WRITES_WITHOUT_INPUT:
                    continue
                response = getattr(client, method)(url, {})
                body = response.content.decode()
                shows_resident = (
                    role == "handler"
                    and method == "get"
                    and name
                    in {
                        "detail",
                        "export",
                    }
                )
                assert bool(_leaks(body)) == shows_resident, f"{role}: {method} {url}"
                if role != "handler" and str(signal.uuid) in url:
                    assert response.status_code in {403, 404}, f"{role}: {method} {url}"
    signal.refresh_from_db()
    assert signal.resident_name == RESIDENT["resident_name"], "the walk changed nothing"
    assert not _leaks(caplog.text)
    for alias in ("default", "analysis"):
        # Whatever the walk left in a cache (today nothing: the routes of signals cache no data).
        stored = caches[alias]._cache  # type: ignore[attr-defined]  # LocMemCache's own store
        for key, value in stored.items():
            assert not _leaks(key + value.decode("utf-8", "replace")), alias


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
    record_consents(signal, scene.intake_member.user, 5)
    assert _queries(client, url) == few
