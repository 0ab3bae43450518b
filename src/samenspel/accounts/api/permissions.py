"""The tenancy gate for API views (the base classes in `base.py` use it).

- `CoalitionScopedMixin`: for views under `coalitions/<uuid:coalition>/…`. Resolves
  `self.membership` and `self.coalition` through the tenancy gate (404 for outsiders) and checks
  the policy (403 for members without the right): `permission`, or `permission_by_method[method]`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework.request import Request

from samenspel.accounts import policy
from samenspel.accounts.models import Membership
from samenspel.core.api.views import LoginExemptAPIMixin

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


class CoalitionScopedMixin(LoginExemptAPIMixin):
    permission: policy.Permission = policy.Permission.VIEW_COALITION
    permission_by_method: dict[str, policy.Permission] = {}
    coalition_url_kwarg = "coalition"
    membership: Membership
    coalition: Coalition

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]  # authentication → 401 first
        self.membership = policy.membership_or_404(request.user, kwargs[self.coalition_url_kwarg])
        self.coalition = self.membership.coalition
        policy.require(self.membership, self.get_required_permission(request))

    def get_required_permission(self, request: Request) -> policy.Permission:
        method = request.method or "GET"
        if method in {"HEAD", "OPTIONS"}:
            method = "GET"
        return self.permission_by_method.get(method, self.permission)

    def can(self, permission: policy.Permission | str, partner: Any = None) -> bool:
        return policy.can(self.membership, permission, partner)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()  # type: ignore[misc]
        if hasattr(self, "membership"):
            context.update(membership=self.membership, coalition=self.coalition)
        return context
