"""The public meldpunt: a worry reported without an account reaches the intake organisation; the
receipt code shows the status only; bots, wrong answers and too many attempts are stopped."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from samenspel.core import audit
from samenspel.signals import abuse
from samenspel.signals.models import Signal, SourceKind
from samenspel.signals.tests.factories import RESIDENT, setup_signals
from samenspel.signals.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def _answer(page: str) -> tuple[str, int]:
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    return token, sum(abuse.numbers_of(token))


def _report(client, scene, **overrides):
    url = reverse("meldpunt:form", args=[scene.coalition.uuid])
    token, answer = _answer(client.get(url).content.decode())
    data = {
        "resident_name": RESIDENT["resident_name"],
        "address": RESIDENT["address"],
        "situation": RESIDENT["situation"],
        "signs": ["stays_inside"],
        "awareness": "unaware",
        "token": token,
        "answer": answer,
        **overrides,
    }
    return client.post(url, data)


def _code(response) -> str:
    return re.search(r'class="samenspel-receipt">([A-Z0-9]+)<', response.content.decode()).group(1)


def test_a_resident_reports_and_sees_only_the_status_with_the_receipt_code():
    scene = setup_signals()
    client = Client()
    response = _report(client, scene)
    code = _code(response)
    signal = Signal.objects.visible_to(scene.intake_member).get()
    assert (signal.source_kind, signal.recorded_by, signal.status) == (
        SourceKind.RESIDENT,
        None,
        Status.RECEIVED,
    )
    status_url = reverse("meldpunt:status", args=[scene.coalition.uuid])
    page = client.post(status_url, {"code": code.lower()}).content.decode()
    assert "Uw melding is ontvangen." in page
    for value in RESIDENT.values():
        assert value not in page


def test_a_tampered_receipt_code_gets_a_dutch_message_and_shows_nothing():
    scene = setup_signals()
    client = Client()
    code = _code(_report(client, scene))
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    page = client.post(
        reverse("meldpunt:status", args=[scene.coalition.uuid]), {"code": tampered}
    ).content.decode()
    assert "Deze code kennen wij niet" in page
    assert "Uw melding is" not in page


def test_a_wrong_answer_or_a_forged_token_saves_nothing():
    scene = setup_signals()
    client = Client()
    response = _report(client, scene, answer=99)
    assert "Dit antwoord klopt niet" in response.content.decode()
    forged = abuse.new_challenge()[0][:-2] + "xx"
    response = _report(client, scene, token=forged)
    assert "Dit antwoord klopt niet" in response.content.decode()
    assert not Signal.objects.correlated().exists()


def test_the_honeypot_thanks_a_bot_and_drops_its_report():
    scene = setup_signals()
    response = _report(Client(), scene, website="http://spam.example")
    assert "Bedankt voor uw melding" in response.content.decode()
    assert "samenspel-receipt" not in response.content.decode()
    assert not Signal.objects.correlated().exists()


def test_too_many_reports_from_one_address_are_refused():
    scene = setup_signals()
    client = Client()
    for _n in range(abuse.LIMITS["report"]):
        assert _report(client, scene).status_code == 200
    response = _report(client, scene)
    assert response.status_code == 429
    assert "te vaak geprobeerd" in response.content.decode()
    assert Signal.objects.correlated().count() == abuse.LIMITS["report"]


def test_a_closed_meldpunt_does_not_exist():
    scene = setup_signals()
    scene.coalition.signal_settings.meldpunt_open = False
    scene.coalition.signal_settings.save()
    assert Client().get(reverse("meldpunt:form", args=[scene.coalition.uuid])).status_code == 404


def test_the_form_shows_where_to_go_in_acute_danger():
    scene = setup_signals()
    setup = scene.coalition.signal_settings
    audit.update(
        setup,
        {"urgent_help": "Meldpunt Zorg en Veiligheid: 14 0123"},
        action="x",
        acting_user=None,
        coalition=scene.coalition,
    )
    page = Client().get(reverse("meldpunt:form", args=[scene.coalition.uuid])).content.decode()
    assert "112" in page
    assert "14 0123" in page
