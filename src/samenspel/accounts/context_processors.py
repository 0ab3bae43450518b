from functools import partial
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from samenspel.accounts.policy import SWITCHER_SIZE, page_memberships


def memberships(request: HttpRequest) -> dict[str, Any]:
    """The coalitions the person can switch between, for the header. Read only when a template
    shows them: the public pages (the finder) never do."""
    if not hasattr(request, "user"):
        return {}
    return {
        "switcher": SimpleLazyObject(partial(page_memberships, request)),
        "switcher_size": SWITCHER_SIZE,
    }
