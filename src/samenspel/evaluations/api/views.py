"""API v1 for evaluation moments and evaluations.

Both are found only inside the coalition resolved for the requester (404 otherwise); reading
needs VIEW_COALITION, writing EDIT_COALITION. Every write is one call to a service function.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.evaluations import services
from samenspel.evaluations.api.serializers import EvaluationSerializer, MomentSerializer
from samenspel.evaluations.models import Evaluation, EvaluationMoment
from samenspel.evaluations.selectors import listed_evaluations, listed_moments

TAG = "evaluations"
WRITES = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.EDIT_COALITION)


class MomentEndpoint(CoalitionEndpoint):
    model = EvaluationMoment
    serializer_class = MomentSerializer
    permission_by_method = WRITES

    def scope(self, queryset: QuerySet[EvaluationMoment]) -> QuerySet[EvaluationMoment]:
        return listed_moments(queryset)


class EvaluationEndpoint(CoalitionEndpoint):
    model = Evaluation
    serializer_class = EvaluationSerializer
    permission_by_method = WRITES

    def scope(self, queryset: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
        return listed_evaluations(queryset)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Evaluatiemomenten", description="Nieuwste eerst."),
    post=extend_schema(
        tags=[TAG],
        summary="Evaluatiemoment plannen",
        description="Eén gepland moment per coalitie per kalenderjaar (Handreiking §1.2.4).",
    ),
)
class MomentListCreate(MomentEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.plan_moment(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Evaluatiemoment bekijken"),
    patch=extend_schema(
        tags=[TAG], summary="Evaluatiemoment verzetten, of als gehouden of afgelast markeren"
    ),
    delete=extend_schema(tags=[TAG], summary="Evaluatiemoment verwijderen"),
)
class MomentDetail(MomentEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView):
    lookup_url_kwarg = "moment"

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_moment(
            cast(EvaluationMoment, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: EvaluationMoment) -> None:
        services.delete_moment(instance, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Evaluaties", description="Nieuwste eerst."),
    post=extend_schema(tags=[TAG], summary="Evaluatie vastleggen"),
)
class EvaluationListCreate(EvaluationEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.record_evaluation(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Evaluatie bekijken"),
    patch=extend_schema(tags=[TAG], summary="Evaluatie wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Evaluatie verwijderen"),
)
class EvaluationDetail(
    EvaluationEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    lookup_url_kwarg = "evaluation"

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_evaluation(
            cast(Evaluation, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: Evaluation) -> None:
        services.delete_evaluation(instance, acting_user=self.acting_user)
