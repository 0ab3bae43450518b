from functools import partial
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from samenspel.accounts.policy import memberships_of

# The header's switcher lists at most this many coalitions; a person with more (an advisor, the
# national programme) gets a link to the list of all of them instead of a menu too long to use.
SWITCHER_SIZE = 12


def memberships(request: HttpRequest) -> dict[str, Any]:
    """The coalitions the person can switch between, for the header. Read only when a template
    shows them: the public pages (the finder) never do."""
    if not hasattr(request, "user"):
        return {}
    return {
        "my_memberships": SimpleLazyObject(partial(memberships_of, request)),
        "switcher_size": SWITCHER_SIZE,
    }
