"""What a person typed survives a submit that cannot be accepted.

- A form refused by its validation or by `StaleFormMixin` comes back with the submitted values
  (Django's bound form; the stale check keeps them and only renews the version).
- A submit that fails the CSRF check (a form open for long, a login in another tab) or arrives
  after the session expired cannot be saved: that would let another site post in the person's
  name, or post without a login. Nothing is saved; a page says so and shows what was typed, in
  read-only boxes to copy, with a link to open the form again (after logging in, if needed).
  Passwords, codes and the form's own hidden values are never shown back, and nothing is shown
  back for a post that another site sent (its text would otherwise appear on our pages).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render, resolve_url
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

# Never shown back: secrets, and values the form itself carries rather than the person.
SECRET_WORDS = ("password", "token", "otp", "code", "csrf")
TECHNICAL = ("version", "next", "TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


@dataclass(frozen=True)
class TypedValue:
    label: str
    value: str


def _labels(path: str) -> dict[str, Any]:
    """The labels of the fields of the form that the posted page shows, where the view names
    a form class; a field it does not know is numbered instead."""
    try:
        view = resolve(path).func
    except Resolver404:
        return {}
    form_class = getattr(getattr(view, "view_class", None), "form_class", None)
    fields = getattr(form_class, "base_fields", {})
    return {name: field.label for name, field in fields.items() if field.label}


def _kept(name: str) -> bool:
    lowered = name.lower()
    return not any(word in lowered for word in SECRET_WORDS) and not name.endswith(TECHNICAL)


def typed_values(path: str, data: QueryDict) -> list[TypedValue]:
    """What the person typed or chose, in the order of the form, labelled where possible."""
    labels = _labels(path)

    def values() -> Iterator[TypedValue]:
        for number, (name, items) in enumerate(data.lists(), start=1):
            text = "\n".join(item for item in items if item.strip())
            if text and _kept(name):
                bare = name.rsplit("-", 1)[-1]  # a prefixed or formset field
                label = labels.get(bare) or _("Veld %(number)d") % {"number": number}
                yield TypedValue(str(label), text)

    return list(values())


def sent_from_here(request: HttpRequest) -> bool:
    """Whether the browser says the post came from one of our own pages (Origin, or Referer
    where a browser sends no Origin)."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return bool(source) and url_has_allowed_host_and_scheme(
        source, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def kept_draft_page(request: HttpRequest, *, logged_out: bool) -> HttpResponse:
    """403: nothing saved; what was typed, to copy; the way back to the form."""
    typed = typed_values(request.path_info, request.POST) if sent_from_here(request) else []
    again = request.get_full_path()
    if logged_out:
        again = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': again})}"
    context = {
        "typed": typed,
        "again": again,
        "logged_out": logged_out,
    }
    return render(request, "core/draft_kept.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """`CSRF_FAILURE_VIEW`: the submit is refused, the text is not lost."""
    logged_out = not request.user.is_authenticated
    return kept_draft_page(request, logged_out=logged_out)
