from typing import Any

from django.http import HttpRequest

from samenspel.accounts.models import Membership


def memberships(request: HttpRequest) -> dict[str, Any]:
    """The coalitions the person can switch between, for the header; one query, evaluated lazily."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_memberships": Membership.objects.for_user(user).order_by("coalition__name")}
