"""View mixins that put the tenancy gate and the policy in front of every coalition page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase

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


class PortfolioMixin:
    """For pages across a person's coalitions: `memberships` are those in which the person holds
    `permission` (404 when there are none, as for a coalition they are not a member of)."""

    permission: policy.Permission = policy.Permission.VIEW_COALITION
    memberships: list[policy.PortfolioCoalition]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.memberships = policy.portfolio_coalitions(request.user, self.permission)
        if not self.memberships:
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class NationalMixin:
    """For the national programme's pages: figures over all coalitions (403 for anyone else)."""

    national_permission = policy.NationalPermission.VIEW_NATIONAL_FIGURES

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not policy.can_nationally(request.user, self.national_permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
