"""An account with two-factor login gets an API token only with a valid `otp`."""

import time

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from rest_framework.test import APIClient

from samenspel.accounts import two_factor
from samenspel.accounts.models import ApiToken
from samenspel.accounts.tests.factories import (
    DEFAULT_PASSWORD,
    UserFactory,
    api_client_for,
    client_for,
)
from samenspel.accounts.tests.test_tokens import obtain

pytestmark = pytest.mark.django_db


def _now(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def with_app():
    user = UserFactory()
    device = two_factor.pending_app_device(user)
    codes = two_factor.confirm_app_device(device, _now(device))
    return user, device, codes


def test_without_a_code_there_is_no_token(with_app):
    user, _device, _codes = with_app
    response = obtain(APIClient(), user.email, DEFAULT_PASSWORD)
    assert response.status_code == 400
    assert response.json()["invalid_params"][0]["name"] == "otp"


def test_a_wrong_code_gets_no_token_and_a_recovery_code_does(with_app):
    user, _device, codes = with_app
    assert obtain(APIClient(), user.email, DEFAULT_PASSWORD, otp="12345678").status_code == 400
    time.sleep(1.1)  # django-otp slows down guessing: one second after a wrong code
    response = obtain(APIClient(), user.email, DEFAULT_PASSWORD, otp=codes[0])
    assert response.status_code == 201
    assert response.json()["second_factor"] is True
    assert ApiToken.objects.get().second_factor


def test_an_account_without_two_factor_login_needs_no_code_but_its_token_has_no_second_factor():
    user = UserFactory()
    response = obtain(APIClient(), user.email, DEFAULT_PASSWORD)
    assert response.status_code == 201
    assert response.json()["second_factor"] is False
    assert not ApiToken.objects.get().second_factor


def test_a_token_made_in_a_session_has_a_second_factor_only_when_the_session_passed_one(
    with_app,
):
    user, device, _codes = with_app
    plain = api_client_for(user)
    assert plain.post("/api/v1/auth/tokens", {"name": "Script"}).json()["second_factor"] is False
    verified = client_for(user)
    session = verified.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id  # as after the code page
    session.save()
    verified.post(reverse("accounts:tokens"), {"name": "Pagina"})
    made_on_the_page = ApiToken.objects.get(name="Pagina")
    assert made_on_the_page.second_factor
