"""API v1 for the coalition's monitor and yearly report: read-only, for everyone who may see the
coalition (VIEW_COALITION), the same figures as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.api.base import CoalitionEndpoint
from samenspel.coalitions.models import Coalition
from samenspel.reporting.api.serializers import (
    ActivityOutcomeSerializer,
    MonitorSerializer,
    YearReportSerializer,
)
from samenspel.reporting.monitor import monitor_of
from samenspel.reporting.outcomes import outcomes_of
from samenspel.reporting.yearly import report_json, report_of, sections_of, years_of

TAG = "monitoring"


@extend_schema(
    tags=[TAG],
    summary="Monitor: indicatoren per pijler en de elf monitorvragen",
    responses=MonitorSerializer,
)
class MonitorView(CoalitionEndpoint):
    model = Coalition
    serializer_class = MonitorSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(MonitorSerializer(monitor_of(self.coalition)).data)


@extend_schema(
    tags=[TAG],
    summary="Jaarverslag per pijler",
    description="Van het startjaar van de coalitie tot en met dit jaar; een ander jaar: 404.",
    responses=YearReportSerializer,
)
class YearReportView(CoalitionEndpoint):
    model = Coalition
    serializer_class = YearReportSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        year = int(kwargs["year"])
        if year not in years_of(self.coalition):
            raise Http404
        data = report_json(
            report_of(self.coalition, year), self.coalition, sections_of(self.coalition, year)
        )
        return Response(YearReportSerializer(data).data)


@extend_schema(
    tags=[TAG],
    summary="Uitkomsten per activiteit: deelnemers per band van de De Jong Gierveld-schaal",
    description=(
        "Voor en na, alleen aantallen per groep; een groep onder de 10 deelnemers wordt niet "
        "getoond. De schaal is geen diagnose voor één persoon."
    ),
    responses=ActivityOutcomeSerializer(many=True),
)
class OutcomesView(CoalitionEndpoint):
    model = Coalition
    serializer_class = ActivityOutcomeSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(ActivityOutcomeSerializer(outcomes_of(self.coalition), many=True).data)
