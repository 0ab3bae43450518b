"""The response for a locked-out login (django-axes): the Dutch page for people, a problem
document for API clients.

To use it for the API as well, set in settings:
    AXES_LOCKOUT_CALLABLE = "samenspel.accounts.lockout.lockout_response"
Without it, axes renders AXES_LOCKOUT_TEMPLATE (the same page) for every request.
"""

from typing import Any

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from samenspel.core.api.problems import PROBLEM_CONTENT_TYPE

STATUS = 429


def lockout_response(
    request: HttpRequest, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    cool_off = get_cool_off(request)
    if request.path.startswith("/api/"):
        problem = {
            "type": "about:blank",
            "title": _("Te veel mislukte pogingen"),
            "status": STATUS,
            "detail": _(
                "Dit account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. "
                "Probeer het over "
                "een uur opnieuw, of stel een nieuw wachtwoord in via ‘Wachtwoord vergeten’."
            ),
            "instance": request.get_full_path(),
        }
        response = JsonResponse(problem, status=STATUS, content_type=PROBLEM_CONTENT_TYPE)
        if cool_off:
            response["Retry-After"] = str(int(cool_off.total_seconds()))
        return response
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
    }
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=STATUS)
