"""Open data: the published offer of a coalition's finder, in the style of Open Referral HSDS 3.
No token needed; like the finder itself it only exists while the finder is published."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.activities import hsds
from samenspel.activities.api.public_serializers import ServiceSerializer
from samenspel.activities.models import Activity, Finder
from samenspel.activities.public_selectors import (
    finder_version,
    open_data_activities,
    published_finder_or_404,
)
from samenspel.core.api.pagination import Pagination
from samenspel.core.api.problems import PROBLEM_CONTENT_TYPE
from samenspel.core.api.schema import ProblemSerializer
from samenspel.core.api.views import ApiEndpoint
from samenspel.core.http_cache import shared_answer
from samenspel.core.throttling import SlotRateThrottle

TAG = "open data"


class OpenDataThrottle(SlotRateThrottle):
    """At most 60 requests a minute per client address."""

    scope = "open_data"
    rate = "60/min"


class HSDSPagination(Pagination):
    """HSDS's page envelope (`contents` plus page facts). `per_page` up to 100 (a larger one is
    refused): a large offer is read page by page."""

    page_size = 100
    page_size_query_param = "per_page"
    max_page_size = 100

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        return Response(
            {
                "total_items": self.page.paginator.count,
                "total_pages": self.page.paginator.num_pages,
                "page_number": self.page.number,
                "size": len(data),
                "first_page": not self.page.has_previous(),
                "last_page": not self.page.has_next(),
                "empty": not data,
                "contents": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        integer, boolean = {"type": "integer"}, {"type": "boolean"}
        return {
            "type": "object",
            "required": ["total_items", "total_pages", "page_number", "size", "contents"],
            "properties": {
                "total_items": integer,
                "total_pages": integer,
                "page_number": integer,
                "size": integer,
                "first_page": boolean,
                "last_page": boolean,
                "empty": boolean,
                "contents": schema,
            },
        }


@extend_schema(
    tags=[TAG],
    summary="Het openbare aanbod van een coalitie (Open Referral HSDS 3)",
    description=(
        "Alle gepubliceerde activiteiten uit de openbare zoeker van een coalitie, als HSDS-"
        "services met organisatie, locatie, tijden (iCalendar-regels), kosten en indeling "
        "(soort en doelgroep). Zonder token; bevat geen persoonsgegevens."
    ),
    auth=[],
    responses={
        200: ServiceSerializer(many=True),
        (404, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            ProblemSerializer,
            description="Deze zoeker bestaat niet of is niet openbaar.",
        ),
    },
)
class ServiceList(ApiEndpoint, generics.ListAPIView):
    authentication_classes: list[type] = []  # anonymous: no session, no token, no CSRF
    permission_classes = [AllowAny]
    # Per client address (the proxy's X-Forwarded-For when SAMENSPEL_TRUSTED_PROXIES is set).
    throttle_classes = [OpenDataThrottle]
    model = Activity
    pagination_class = HSDSPagination
    serializer_class = ServiceSerializer
    finder: Finder

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.finder = published_finder_or_404(kwargs["finder"])

    def rows(self) -> QuerySet[Activity]:
        return open_data_activities(self.finder)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        # The same for everyone: a proxy may keep it, and asks again with the ETag.
        return shared_answer(request, finder_version(self.finder), self.page)

    def page(self) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        # One reverse() per page; each activity's address is the finder's plus its uuid.
        base = self.request.build_absolute_uri(reverse("finder:index", args=[self.finder.slug]))
        today = timezone.localdate()
        texts = hsds.Texts.now()  # translated once for the page
        # Built once, as sent: no second pass through the serializers (see hsds.py).
        return self.get_paginated_response(
            [hsds.service(a, url=f"{base}{a.uuid}/", today=today, texts=texts) for a in page]
        )
