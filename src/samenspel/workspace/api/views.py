"""API v1 for the pages across coalitions: the portfolio and the municipality's view, for the
coalitions in which the person may read findings (`Permission.VIEW_FINDINGS`, as the pages;
404 when there are none). The rows are the pages' own (`workspace.portfolio.portfolio_rows`),
so they are as fresh and as cheap as the pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts import policy
from samenspel.coalitions.models import Coalition
from samenspel.core.api.views import ApiEndpoint
from samenspel.workspace.api.serializers import MunicipalityRowSerializer, PortfolioRowSerializer
from samenspel.workspace.forms import PortfolioFilterForm
from samenspel.workspace.portfolio import Row, by_first_end, portfolio_rows, with_details

TAG = "portefeuille"


@extend_schema(tags=[TAG])
class PortfolioEndpoint(ApiEndpoint, generics.ListAPIView):
    model = Coalition

    def portfolio(self) -> list[Row]:
        memberships = policy.portfolio_coalitions(self.acting_user, policy.Permission.VIEW_FINDINGS)
        if not memberships:
            raise NotFound
        return portfolio_rows(memberships)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.ordered(self.portfolio()))
        with_details(page or [])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def ordered(self, rows: Sequence[Row]) -> Sequence[Row]:
        return rows


FILTERS = [
    OpenApiParameter("fase", description="alleen coalities in deze fase (waarde van Phase)"),
    OpenApiParameter("toestand", description="'stil': die stilvallen; 'geld': geld loopt af"),
    OpenApiParameter("zoek", description="deel van de naam van de coalitie of de gemeente"),
]


@extend_schema(
    summary="Portefeuille: de coalities naast elkaar, die stilvallen eerst", parameters=FILTERS
)
class PortfolioView(PortfolioEndpoint):
    serializer_class = PortfolioRowSerializer

    def ordered(self, rows: Sequence[Row]) -> Sequence[Row]:
        form = PortfolioFilterForm(self.request.query_params or None)
        if form.is_bound and not form.is_valid():
            raise ValidationError(
                {
                    field: [str(message) for message in errors]
                    for field, errors in form.errors.items()
                }
            )
        return form.apply(rows)


@extend_schema(
    summary="Voortgang en geld per coalitie (gemeente), het eerst aflopende geld bovenaan"
)
class MunicipalityView(PortfolioEndpoint):
    serializer_class = MunicipalityRowSerializer

    def ordered(self, rows: Sequence[Row]) -> Sequence[Row]:
        return sorted(rows, key=by_first_end)
