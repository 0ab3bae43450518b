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

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.funding import services
from samenspel.funding.api.serializers import (
    FundingOverviewSerializer,
    FundingSourceSerializer,
)
from samenspel.funding.models import FundingSource, FundingSourceQuerySet
from samenspel.funding.overview import build_overview
from samenspel.funding.selectors import listed_sources

TAG = "funding"
WRITES = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.EDIT_COALITION)


class SourceEndpoint(CoalitionEndpoint):
    model = FundingSource
    serializer_class = FundingSourceSerializer
    permission_by_method = WRITES

    def scope(self, queryset: QuerySet[FundingSource]) -> QuerySet[FundingSource]:
        return listed_sources(cast(FundingSourceQuerySet, queryset))


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Financieringsbronnen van de coalitie"),
    post=extend_schema(tags=[TAG], summary="Financieringsbron toevoegen"),
)
class SourceListCreate(SourceEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.create_source(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Financieringsbron bekijken"),
    patch=extend_schema(tags=[TAG], summary="Financieringsbron wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Financieringsbron verwijderen"),
)
class SourceDetail(SourceEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView):
    lookup_url_kwarg = "source"

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
class OverviewView(SourceEndpoint):
    serializer_class = FundingOverviewSerializer  # type: ignore[assignment]
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        overview = build_overview(self.rows(), timezone.localdate())
        return Response(self.get_serializer(overview).data)
