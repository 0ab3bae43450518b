"""An account with two-factor login gets an API token only with a valid `otp`."""

import time

import pytest
from django_otp.oath import totp
from rest_framework.test import APIClient

from samenspel.accounts import two_factor
from samenspel.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
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
    assert obtain(APIClient(), user.email, DEFAULT_PASSWORD, otp=codes[0]).status_code == 201


def test_an_account_without_two_factor_login_needs_no_code():
    user = UserFactory()
    assert obtain(APIClient(), user.email, DEFAULT_PASSWORD).status_code == 201
