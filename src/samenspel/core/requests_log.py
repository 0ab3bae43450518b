"""One id per request, in every log line and in the response, and one structured access line.

The proxy's X-Request-ID is kept when it looks like an id (so a line in nginx's log and the app's
lines can be matched); otherwise the app makes one. The health probes are left out of the access
log: a load balancer asks every few seconds and would drown the lines that matter.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
QUIET_PATHS = frozenset({"/healthz", "/readyz"})
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._-]{8,64}")
current_request_id: ContextVar[str] = ContextVar("request_id", default="-")
access_log = logging.getLogger("samenspel.access")


def request_id_of(request: HttpRequest) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if _ACCEPTABLE.fullmatch(offered) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record (`-` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request_id.set(request_id_of(request))
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = current_request_id.get()
            if request.path not in QUIET_PATHS:
                access_log.info(
                    "request",
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            current_request_id.reset(token)
