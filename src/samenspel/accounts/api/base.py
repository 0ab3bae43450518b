"""Base classes for API endpoints inside one coalition (`coalitions/<uuid:coalition>/…`).

An endpoint states only what differs: the tenant model (or `scope()` to narrow its rows), the
serializer, the permission(s) and the handlers it offers:

    class PartnerListCreate(CoalitionEndpoint, generics.ListCreateAPIView):
        model = Partner
        serializer_class = PartnerSerializer
        permission_by_method = {"POST": Permission.ADD_PARTNER}

    class PartnerDetail(CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView):
        model = Partner
        lookup_url_kwarg = "partner"
        ...

The base holds the rest: the tenancy gate (membership from the URL, 404 for outsiders, 403 without
the right), rows read only through `visible_to(membership)`, one object through `lookup_or_404`
by uuid, ETag and If-Match (`ObjectEndpoint`), and the problem+json documentation.
"""

from __future__ import annotations

from typing import Any, cast

from django.db import models

from samenspel.accounts.api.permissions import CoalitionScopedMixin
from samenspel.core.api.views import ApiEndpoint, ObjectEndpoint
from samenspel.core.tenancy import MembershipLike, TenantQuerySet


class CoalitionEndpoint(CoalitionScopedMixin, ApiEndpoint):
    def visible(self, model: type[models.Model]) -> TenantQuerySet[Any]:
        """The rows of a tenant model this person may see in this coalition."""
        rows = cast(TenantQuerySet[Any], model._default_manager.all())
        return rows.visible_to(cast("MembershipLike", self.membership))

    def visible_rows(self) -> TenantQuerySet[Any]:
        return self.visible(self.model)

    def scope(self, queryset: TenantQuerySet[Any]) -> models.QuerySet[Any]:
        """Narrow, annotate or order the visible rows; the default keeps them all."""
        return queryset

    def rows(self) -> models.QuerySet[Any]:
        return self.scope(self.visible_rows())


class CoalitionObjectEndpoint(CoalitionEndpoint, ObjectEndpoint):
    """One object of the coalition, found by the uuid in `lookup_url_kwarg`."""

    def lockable_rows(self) -> models.QuerySet[Any]:
        # The plain rows, not scope(): PostgreSQL refuses FOR UPDATE with aggregates or with the
        # nullable side of an outer join.
        return self.visible_rows()
