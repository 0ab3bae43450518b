"""Errors as RFC 9457 problem details (`application/problem+json`).

Every answer of /api/v1/ that is not documented JSON is one of these: DRF's errors, unexpected
exceptions in a view (500) and paths that match no endpoint (404, `NotFoundEndpoint`).
"""

import logging
from typing import Any, cast

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView, exception_handler

from samenspel.core.unavailable import DATABASE_DOWN, RETRY_AFTER_SECONDS

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    status.HTTP_400_BAD_REQUEST: "Ongeldige invoer",
    status.HTTP_401_UNAUTHORIZED: "Niet ingelogd",
    status.HTTP_403_FORBIDDEN: "Geen toegang",
    status.HTTP_404_NOT_FOUND: "Niet gevonden",
    status.HTTP_405_METHOD_NOT_ALLOWED: "Methode niet toegestaan",
    status.HTTP_406_NOT_ACCEPTABLE: "Formaat niet beschikbaar",
    status.HTTP_412_PRECONDITION_FAILED: "Versie verouderd",
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: "Formaat niet ondersteund",
    status.HTTP_429_TOO_MANY_REQUESTS: "Te veel verzoeken",
    status.HTTP_500_INTERNAL_SERVER_ERROR: "Serverfout",
    status.HTTP_503_SERVICE_UNAVAILABLE: "Tijdelijk niet beschikbaar",
}
# Django's own logger for failed requests, so that the usual error reporting still sees them.
request_logger = logging.getLogger("django.request")


class ServerError(exceptions.APIException):
    default_detail = _lazy("Er ging op de server iets mis. Probeer het later opnieuw.")


class DatabaseUnavailable(exceptions.APIException):
    """The database cannot be reached for a moment (core/unavailable.py)."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _lazy("De gegevens zijn even niet bereikbaar. Probeer het zo opnieuw.")
    wait = RETRY_AFTER_SECONDS  # DRF sends it as Retry-After


def as_drf_validation_error(error: DjangoValidationError) -> exceptions.ValidationError:
    """A service's ValidationError (Dutch messages per model field) as a DRF 400 at those fields."""
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {
                (
                    api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field
                ): messages
                for field, messages in error.message_dict.items()
            }
        )
    return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError; the write was rolled back by their transaction.
        exc = as_drf_validation_error(exc)
    if isinstance(exc, DATABASE_DOWN):
        exc = DatabaseUnavailable()
    response = exception_handler(exc, context)
    if response is None:
        request_logger.error("API error: %s", exc, exc_info=exc)
        exc = ServerError()
        response = cast(Response, exception_handler(exc, context))
    problem: dict[str, Any] = {
        "type": "about:blank",
        "title": _(TITLES.get(response.status_code, "Fout")),
        "status": response.status_code,
    }
    if isinstance(exc, exceptions.ValidationError):
        problem["detail"] = _("Een of meer velden zijn niet goed ingevuld.")
        problem["invalid_params"] = _invalid_params(response.data)
    elif isinstance(exc, Http404):
        problem["detail"] = _("Dit object bestaat niet of u heeft er geen toegang toe.")
    elif isinstance(response.data, dict) and "detail" in response.data:
        problem["detail"] = str(response.data["detail"])
    request = context.get("request")
    if request is not None:
        problem["instance"] = request.get_full_path()
    response.data = problem
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def _invalid_params(data: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error structure into [{name, reason}]."""
    params: list[dict[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_invalid_params(value, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                params.extend(_invalid_params(value, f"{prefix}[{index}]"))
            else:
                params.append({"name": prefix or "non_field_errors", "reason": str(value)})
    else:
        params.append({"name": prefix or "non_field_errors", "reason": str(data)})
    return params


class NotFoundEndpoint(APIView):
    """The last route of /api/v1/: a path that matches no endpoint is a 404 problem, not HTML."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    schema = None  # not an operation

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        raise exceptions.NotFound


not_found_endpoint = login_not_required(NotFoundEndpoint.as_view())
