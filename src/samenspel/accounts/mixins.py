"""View mixins that put the tenancy gate and the policy in front of every coalition page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponseBase

from samenspel.accounts import policy

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership
    from samenspel.coalitions.models import Coalition


class CoalitionMixin:
    """Resolves `coalition` from the URL through the person's membership (404 for outsiders) and
    checks `permission` (403 for members without the right)."""

    permission: policy.Permission = policy.Permission.VIEW_COALITION
    membership: Membership
    coalition: Coalition

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.membership = policy.request_membership_or_404(request, kwargs["coalition"])
        self.coalition = self.membership.coalition
        policy.require(self.membership, self.permission)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(coalition=self.coalition, membership=self.membership)
        return context
