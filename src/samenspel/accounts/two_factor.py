"""Two-factor login (django-otp): a time-based code from an authenticator app (TOTP), with ten
single-use recovery codes for when the phone is lost.

Required for every page and API token that shows residents' personal data (signals): such a
request must come from a session verified with a second factor (`require_second_factor`), or a
token issued with a valid code (`accounts.api`). A person sets it up once, on the page the gate
sends them to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from django_otp.models import Device

    from samenspel.accounts.models import User

RECOVERY_CODES = 10
APP_DEVICE = "Authenticator-app"
RECOVERY_DEVICE = "Herstelcodes"


def is_verified(request: HttpRequest) -> bool:
    verified = getattr(request.user, "is_verified", None)
    return bool(verified and verified())


def require_second_factor(request: HttpRequest) -> HttpResponseRedirect | None:
    """None when the session passed a second factor; otherwise a redirect to check one (or to
    set one up first), coming back to this page afterwards."""
    if is_verified(request):
        return None
    name = "accounts:two_factor_verify"
    if not user_has_device(request.user):
        name = "accounts:two_factor_setup"
    query = urlencode({"volgende": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(name)}?{query}")


def pending_app_device(user: User) -> TOTPDevice:
    """The person's authenticator app still to be confirmed (made once, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


@transaction.atomic
def confirm_app_device(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app with a first code; the new recovery codes, or None for a wrong code."""
    if not device.verify_token(token.strip()):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


def new_recovery_codes(user: User) -> list[str]:
    """Ten fresh recovery codes; earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE)
    codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def device_for_code(user: User, token: str) -> Device | None:
    """The confirmed device that accepts `token` (an app code or a recovery code), or None."""
    return match_token(user, token.strip().replace(" ", ""))
