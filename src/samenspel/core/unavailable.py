"""When the database cannot be reached (a restart, a fail-over): 503 with Retry-After, not 500.

A person sees a short page that says to try again in a moment; nginx may hand out a stored copy
of a public page instead (`proxy_cache_use_stale http_503`). The API answers the same as a
problem (core/api/problems.py).
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
logger = logging.getLogger(__name__)


def unavailable_page() -> HttpResponse:
    """Rendered without the request: its context processors would ask the database again."""
    html = render_to_string("core/unavailable.html", {"language": translation.get_language()})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500, called while the exception is being handled (from any middleware or
    view): a database that cannot be reached is a 503, everything else Django's own 500."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        logger.warning("Database unreachable: %s", type(sys.exc_info()[1]).__name__)
        return unavailable_page()
    return defaults.server_error(request)
