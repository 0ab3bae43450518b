"""API v1 for advice: the coalition's findings, and setting one aside or back.

Same policy as the findings page: VIEW_FINDINGS to read, DISMISS_FINDING to set aside or
restore; outsiders get 404 through `CoalitionEndpoint`. The findings are computed on request
from the coalition's own data (`advice.services.advice`); the writes are the service functions.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.api.base import CoalitionEndpoint
from samenspel.accounts.policy import Permission
from samenspel.advice import services
from samenspel.advice.api.serializers import (
    AdviceAnswer,
    AdviceSerializer,
    DismissalSerializer,
    DismissSerializer,
    RestoreSerializer,
)
from samenspel.advice.models import Dismissal
from samenspel.advice.rules import LABELS

TAG = "advies"


@extend_schema(
    tags=[TAG],
    summary="Bevindingen",
    description=(
        "Risico's die de handreiking noemt, gevonden in de eigen gegevens van de coalitie: elk "
        "met urgentie, de cijfers en namen als bewijs, uitleg, een link naar de gids en een "
        "volgende stap. Meest dringend eerst. Terzijde gelegde bevindingen staan apart onder "
        "`dismissed` zolang ze niet sterker worden. Niet gepagineerd: er is hooguit een handvol "
        "bevindingen per regel."
    ),
    responses=AdviceSerializer,
)
class FindingsView(CoalitionEndpoint):
    model = Dismissal
    serializer_class = AdviceSerializer
    permission = Permission.VIEW_FINDINGS
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        result = services.advice(self.coalition)
        answer = AdviceAnswer(
            findings=result.findings,
            dismissed=result.dismissed,
            can_dismiss=self.can(Permission.DISMISS_FINDING),
        )
        context = {**self.get_serializer_context(), "returned": result.returned}
        return Response(AdviceSerializer(answer, context=context).data)


class RuleScopedMixin(CoalitionEndpoint):
    """A rule that does not exist is 404, like a page that does not exist."""

    model = Dismissal
    permission = Permission.DISMISS_FINDING
    pagination_class = None
    http_method_names = ["post", "options"]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if kwargs["rule"] not in LABELS:
            raise Http404


@extend_schema(
    tags=[TAG],
    summary="Bevinding terzijde leggen",
    description=(
        "Met een reden (verplicht). De bevinding blijft weg zolang die niet sterker wordt "
        "(`magnitude`), en komt dan vanzelf terug. Een bevinding die nu niet speelt, kan niet "
        "terzijde (400)."
    ),
    request=DismissSerializer,
    responses={201: DismissalSerializer},
)
class DismissView(RuleScopedMixin):
    serializer_class = DismissSerializer

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dismissal = services.dismiss(
            self.coalition,
            kwargs["rule"],
            serializer.validated_data["subject"],
            acting_user=self.acting_user,
            reason=serializer.validated_data["reason"],
        )
        return Response(DismissalSerializer(dismissal).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=[TAG],
    summary="Terzijde gelegde bevinding terugzetten",
    description="De bevinding staat weer in de lijst (als die nog speelt). 404 als het niet terzijde ligt.",
    request=RestoreSerializer,
    responses={204: OpenApiResponse(description="Teruggezet.")},
)
class RestoreView(RuleScopedMixin):
    serializer_class = RestoreSerializer

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.restore(
                self.coalition,
                kwargs["rule"],
                serializer.validated_data["subject"],
                acting_user=self.acting_user,
            )
        except DjangoValidationError as error:  # not set aside (any more)
            raise Http404 from error
        return Response(status=status.HTTP_204_NO_CONTENT)
