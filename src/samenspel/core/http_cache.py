"""HTTP caching: answers that are the same for everyone may be kept by a shared cache (the proxy
in front of the app servers, a browser); every other answer is private and not stored.

A shared answer carries an ETag made from the version of the data it shows (`version_tag`), and
`Cache-Control: public, max-age=60, stale-while-revalidate=30`: a proxy serves it for a minute,
then for half a minute more while it asks again in the background. Asking again costs the server
the query that gives the version, and nothing else when nothing changed (304 Not Modified). The
ETag also holds the day (what has ended drops off at midnight) and the release (templates change
with it).

Such views are open to everyone and must not read the session: a page that reads it varies on
the Cookie header, and a shared cache could not keep it. `LoginRequiredMiddleware` below lets
them through before the session is read; they are always in Dutch, whatever language cookie the
visitor has, so the cookie does not change the answer either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import metadata
from typing import Any

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control

from samenspel.core.drafts import kept_draft_page, typed_values

MAX_AGE = 60
STALE_WHILE_REVALIDATE = 30
RELEASE = metadata.version("samenspel")


def version_tag(*parts: object) -> str:
    """A strong ETag for the data `parts` (values that change whenever the answer does)."""
    seed = "|".join(str(part) for part in (RELEASE, timezone.localdate(), *parts))
    return f'"{hashlib.sha256(seed.encode()).hexdigest()[:32]}"'


def same_for_everyone(request: HttpRequest) -> None:
    """Answer in the site's language: the language cookie must not change a shared answer."""
    translation.activate(settings.LANGUAGE_CODE)
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE


def shared_answer(
    request: HttpRequest, etag: str, answer: Callable[[], HttpResponseBase]
) -> HttpResponseBase:
    """`answer()`, or 304 Not Modified when the client already holds this version; either way
    marked for shared caches. Errors (a 404) are left as they are."""
    same_for_everyone(request)
    response = get_conditional_response(request, etag=etag) or answer()
    if response.status_code in {200, 304}:
        response.headers.setdefault("ETag", etag)
        response.headers["Content-Language"] = settings.LANGUAGE_CODE
        patch_cache_control(
            response,
            public=True,
            max_age=MAX_AGE,
            stale_while_revalidate=STALE_WHILE_REVALIDATE,
        )
    return response


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, except that a view open to everyone passes before the session is read (Django
    first asks whether the person is logged in, which reads the session and so makes every
    answer vary on the Cookie header)."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponseBase | None:
        if not getattr(view_func, "login_required", True):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(  # type: ignore[override]  # a page, not always a redirect
        self, request: HttpRequest, view_func: Callable[..., Any]
    ) -> HttpResponseBase:
        """A form sent after the session expired: what was typed is shown to copy
        (`core.drafts`), not lost in a redirect to the login page."""
        if request.method == "POST" and typed_values(request.path_info, request.POST):
            return kept_draft_page(request, logged_out=True)
        return super().handle_no_permission(request, view_func)


class PrivateByDefaultMiddleware:
    """Every answer that does not say how it may be cached gets `private, no-store`: pages
    behind the login are personal, and neither a proxy nor the browser should keep them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" not in response.headers:
            patch_cache_control(response, private=True, no_store=True)
        return response
