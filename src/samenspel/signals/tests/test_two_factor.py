"""A signal's personal data needs a second factor: the gate sends an unverified holder to set up
an authenticator app (or to enter a code), and back; outsiders still get 404."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts import two_factor
from samenspel.accounts.tests.factories import client_for
from samenspel.signals.tests.factories import RESIDENT, SignalFactory, setup_signals

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


def _code(device: TOTPDevice) -> str:
    """The code the person's app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _wrong(device: TOTPDevice) -> str:
    return f"{(int(_code(device)) + 1) % 1_000_000:06d}"


def test_an_unverified_holder_sets_up_an_app_and_then_sees_the_signal():
    scene = setup_signals()
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    detail = reverse("signals:detail", args=[scene.coalition.uuid, signal.uuid])
    client = client_for(scene.intake_member.user)
    response = client.get(detail)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    setup_page = client.get(response["Location"])
    assert "sleutel" in setup_page.content.decode()
    device = TOTPDevice.objects.get(user=scene.intake_member.user, confirmed=False)
    wrong = client.post(response["Location"], {"code": _wrong(device)})
    assert "Deze code klopt niet" in wrong.content.decode()
    time.sleep(1.1)  # django-otp slows down guessing: one second after a wrong code
    done = client.post(response["Location"], {"code": _code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10
    assert RESIDENT["resident_name"] in client.get(detail).content.decode()


def test_a_recovery_code_works_once_and_outsiders_are_not_sent_to_the_code_page():
    scene = setup_signals()
    signal = SignalFactory(coalition=scene.coalition, intake=scene.intake)
    detail = reverse("signals:detail", args=[scene.coalition.uuid, signal.uuid])
    user = scene.intake_member.user
    device = two_factor.pending_app_device(user)
    codes = two_factor.confirm_app_device(device, _code(device))
    assert codes is not None
    verify = reverse("accounts:two_factor_verify") + f"?volgende={detail}"
    first = client_for(user)
    assert first.get(detail)["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert first.post(verify, {"code": codes[0]})["Location"] == detail
    assert first.get(detail).status_code == 200
    again = client_for(user)
    assert "Deze code klopt niet" in again.post(verify, {"code": codes[0]}).content.decode()
    assert client_for(scene.other_member.user).get(detail).status_code == 404
