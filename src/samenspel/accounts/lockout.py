"""The response for a locked-out login (django-axes): the Dutch page for people, a problem
document for API clients; and the limit per network address across accounts.

To use it for the API as well, set in settings:
    AXES_LOCKOUT_CALLABLE = "samenspel.accounts.lockout.lockout_response"
Without it, axes renders AXES_LOCKOUT_TEMPLATE (the same page) for every request.
"""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from samenspel.core.api.problems import PROBLEM_CONTENT_TYPE

STATUS = 429
ACCOUNT_DETAIL = _(
    "Dit account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. Probeer het over "
    "een uur opnieuw, of stel een nieuw wachtwoord in via ‘Wachtwoord vergeten’."
)
ADDRESS_DETAIL = _(
    "Vanaf dit netwerkadres is te vaak een verkeerd wachtwoord ingevuld, bij verschillende "
    "accounts. Inloggen vanaf dit adres kan daarom een uur lang niet."
)


class AddressLimitHandler(AxesDatabaseHandler):
    """django-axes' own handler, which locks one account from one address, plus a limit per
    network address across accounts: someone trying one password on many accounts is stopped
    after LOGIN_ADDRESS_FAILURE_LIMIT failures within the cool-off time.

    Set in settings: AXES_HANDLER = "samenspel.accounts.lockout.AddressLimitHandler"
    """

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        if address_locked(request):
            # The flag that makes axes answer with the lock-out response (lockout_response).
            request.axes_locked_out = True  # type: ignore[attr-defined]
            return True
        return super().is_locked(request, credentials)


def address_locked(request: HttpRequest) -> bool:
    """Too many failed logins from the request's address, summed over every account."""
    failures = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,  # type: ignore[attr-defined]
        attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return (failures or 0) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def lockout_response(
    request: HttpRequest, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    cool_off = get_cool_off(request)
    by_address = address_locked(request)
    if request.path.startswith("/api/"):
        problem = {
            "type": "about:blank",
            "title": _("Te veel mislukte pogingen"),
            "status": STATUS,
            "detail": ADDRESS_DETAIL if by_address else ACCOUNT_DETAIL,
            "instance": request.get_full_path(),
        }
        response = JsonResponse(problem, status=STATUS, content_type=PROBLEM_CONTENT_TYPE)
        if cool_off:
            response["Retry-After"] = str(int(cool_off.total_seconds()))
        return response
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
        "by_address": by_address,
    }
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=STATUS)
