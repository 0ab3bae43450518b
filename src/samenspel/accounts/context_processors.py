from typing import Any

from django.http import HttpRequest

from samenspel.accounts.policy import memberships_of


def memberships(request: HttpRequest) -> dict[str, Any]:
    """The coalitions the person can switch between, for the header."""
    if not hasattr(request, "user"):
        return {}
    return {"my_memberships": memberships_of(request)}
