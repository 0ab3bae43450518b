"""Read-only API over the guide. Permissions: the project default (IsAuthenticated)."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.http import Http404
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.core.api.pagination import Pagination
from samenspel.core.api.views import ApiEndpoint
from samenspel.guide.api.serializers import (
    ItemSerializer,
    SearchHitSerializer,
    SearchQuerySerializer,
    SectionDetailSerializer,
    SectionSerializer,
)
from samenspel.guide.content import get_guide, get_item, get_section, search

T = TypeVar("T")
TAGS = ["gids"]
ERRORS = {
    400: OpenApiResponse(description=gettext_lazy("Ongeldige invoer (application/problem+json).")),
    401: OpenApiResponse(description=gettext_lazy("Niet ingelogd of ongeldig token.")),
    404: OpenApiResponse(description=gettext_lazy("Dit onderdeel van de gids bestaat niet.")),
}


def _responses(serializer: Any, *codes: int) -> dict[int, Any]:
    return {200: serializer, 401: ERRORS[401]} | {code: ERRORS[code] for code in codes}


def _or_404(lookup: Callable[..., T], *keys: str) -> T:
    try:
        return lookup(*keys)
    except KeyError as error:
        raise Http404 from error


class _GuideView(ApiEndpoint):
    """Content comes from YAML, not from the database: no queryset."""

    pagination_class: type[BasePagination] | None = None


class _GuideListView(_GuideView):
    pagination_class = Pagination

    def paginated(self, objects: Sequence[Any]) -> Response:
        page = self.paginate_queryset(objects)
        assert page is not None  # a pagination class is set
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class SectionListView(_GuideListView):
    serializer_class = SectionSerializer

    @extend_schema(
        tags=TAGS,
        summary="Onderdelen van de gids",
        responses=_responses(SectionSerializer(many=True)),
    )
    def get(self, request: Request) -> Response:
        return self.paginated(get_guide().sections)


class SectionDetailView(_GuideView):
    serializer_class = SectionDetailSerializer

    @extend_schema(
        tags=TAGS,
        summary="Eén onderdeel van de gids, met alle onderwerpen",
        responses=_responses(SectionDetailSerializer, 404),
    )
    def get(self, request: Request, section: str) -> Response:
        return Response(self.get_serializer(_or_404(get_section, section)).data)


class ItemDetailView(_GuideView):
    serializer_class = ItemSerializer

    @extend_schema(
        tags=TAGS, summary="Eén onderwerp uit de gids", responses=_responses(ItemSerializer, 404)
    )
    def get(self, request: Request, section: str, item: str) -> Response:
        return Response(self.get_serializer(_or_404(get_item, section, item)).data)


class SearchView(_GuideListView):
    serializer_class = SearchHitSerializer

    @extend_schema(
        tags=TAGS,
        summary="Zoeken in de gids",
        parameters=[SearchQuerySerializer],
        responses=_responses(SearchHitSerializer(many=True), 400),
    )
    def get(self, request: Request) -> Response:
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return self.paginated(search(query.validated_data["q"]))
