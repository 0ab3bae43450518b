"""Building blocks for API views of every app.

- `LoginExemptAPIMixin`: API views authenticate inside DRF (personal tokens, sessions), so Django's
  LoginRequiredMiddleware must let them through; DRF's permission classes then answer 401/403.
- `CoalitionScopedMixin`: for views under `coalitions/<uuid:coalition>/…`. Resolves
  `self.membership` and `self.coalition` through the tenancy gate (404 for outsiders) and checks
  the policy (403 for members without the right):

      class PartnerList(CoalitionScopedMixin, generics.ListCreateAPIView):
          permission = Permission.VIEW_PARTNERS
          permission_by_method = {"POST": Permission.ADD_PARTNER}

          def get_queryset(self):
              if getattr(self, "swagger_fake_view", False):   # schema generation: no request
                  return Partner.objects.none()
              return Partner.objects.filter(coalition=self.coalition)
"""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from rest_framework.request import Request

from samenspel.accounts import policy
from samenspel.accounts.models import Membership
from samenspel.coalitions.models import Coalition


class LoginExemptAPIMixin:
    @classmethod
    def as_view(cls, *args: Any, **kwargs: Any) -> Any:
        return login_not_required(super().as_view(*args, **kwargs))  # type: ignore[misc]


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
