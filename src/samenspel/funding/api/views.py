"""API v1 for the coalition's funding sources and the funding overview.

Sources are found only inside the coalition resolved for the requester (404 otherwise); reading
needs VIEW_COALITION, writing EDIT_COALITION. Every write is one call to a service function.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.permissions import CoalitionScopedMixin
from samenspel.accounts.policy import Permission
from samenspel.core.api.views import ApiViewMixin
from samenspel.core.tenancy import lookup_or_404
from samenspel.funding import services
from samenspel.funding.api.serializers import (
    FundingOverviewSerializer,
    FundingSourceSerializer,
    overview_data,
)
from samenspel.funding.models import FundingSource
from samenspel.funding.overview import build_overview
from samenspel.funding.selectors import sources_of

TAG = "funding"
WRITES = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.EDIT_COALITION)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Financieringsbronnen van de coalitie"),
    post=extend_schema(tags=[TAG], summary="Financieringsbron toevoegen"),
)
class SourceListCreate(ApiViewMixin, CoalitionScopedMixin, generics.ListCreateAPIView):
    serializer_class = FundingSourceSerializer
    permission_by_method = WRITES
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[FundingSource]:
        if getattr(self, "swagger_fake_view", False):
            return FundingSource.objects.none()
        return sources_of(self.coalition)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.create_source(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Financieringsbron bekijken"),
    patch=extend_schema(tags=[TAG], summary="Financieringsbron wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Financieringsbron verwijderen"),
)
class SourceDetail(ApiViewMixin, CoalitionScopedMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = FundingSourceSerializer
    permission_by_method = WRITES
    http_method_names = ["get", "patch", "delete", "head", "options"]
    filter_backends: list[Any] = []

    def get_object(self) -> FundingSource:
        return lookup_or_404(sources_of(self.coalition), self.kwargs["source"])

    def get_queryset(self) -> QuerySet[FundingSource]:
        return FundingSource.objects.none()  # objects come from get_object, scoped to the coalition

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_source(
            cast(FundingSource, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: FundingSource) -> None:
        services.delete_source(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Financieringsoverzicht",
    description=(
        "Totalen per soort en per jaar, wat wanneer afloopt (eerstvolgende eerst) en de "
        "waarschuwingen: financiering waar activiteiten van afhangen, die binnen twaalf maanden "
        "afloopt zonder plan voor daarna (Handreiking §1.3, 'Dilemma: subsidie nodig of niet?')."
    ),
    responses=FundingOverviewSerializer,
)
class OverviewView(ApiViewMixin, CoalitionScopedMixin, generics.GenericAPIView):
    serializer_class = FundingOverviewSerializer
    pagination_class = None
    filter_backends: list[Any] = []

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        overview = build_overview(sources_of(self.coalition), timezone.localdate())
        return Response(self.get_serializer(overview_data(overview)).data)
