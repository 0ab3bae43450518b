"""API v1 for coalitions: the same capabilities as the pages, under the same policy.

Every view below `coalitions/<uuid:coalition>/` goes through `CoalitionEndpoint` (404 for
outsiders, 403 for members without the right); every write is one call to a service function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.models import Membership, Role
from samenspel.accounts.policy import Permission
from samenspel.coalitions import services
from samenspel.coalitions.api.serializers import (
    ActivityStateSerializer,
    AuditEventSerializer,
    ChecklistUpdateSerializer,
    CoalitionSerializer,
    DashboardSerializer,
    MunicipalityRolesSerializer,
    PhaseChangeSerializer,
    SuggestionSerializer,
)
from samenspel.coalitions.dashboard import build_dashboard
from samenspel.coalitions.models import ChecklistItem, Coalition, PhaseChange
from samenspel.coalitions.progress import (
    ActivityState,
    PhaseSuggestion,
    checklist_progress,
    phase_since,
    suggest_phase,
)
from samenspel.core.api.views import ApiEndpoint
from samenspel.core.models import AuditEvent

TAG = "coalities"


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Mijn coalities", description="Alleen coalities waar u lid van bent."
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Coalitie aanmaken",
        description="Iedere ingelogde gebruiker kan een coalitie aanmaken en wordt er de coördinator van.",
    ),
)
class CoalitionListCreate(ApiEndpoint, generics.ListCreateAPIView):
    serializer_class = CoalitionSerializer

    model = Coalition

    def rows(self) -> QuerySet[Coalition]:
        role = (
            Membership.objects.correlated()
            .filter(user=self.acting_user, coalition=OuterRef("pk"))
            .values("role")[:1]
        )
        coalitions = Coalition.objects.for_user(self.acting_user)
        return coalitions.annotate(my_role=Subquery(role)).order_by("name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        coalition = services.create_coalition(
            acting_user=self.acting_user, **serializer.validated_data
        )
        coalition.my_role = Role.COORDINATOR  # type: ignore[attr-defined]
        serializer.instance = coalition


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Coalitie bekijken"),
    patch=extend_schema(tags=[TAG], summary="Coalitiegegevens wijzigen"),
)
class CoalitionDetail(CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView):
    model = Coalition
    serializer_class = CoalitionSerializer
    lookup_url_kwarg = "coalition"
    permission_by_method = {"PATCH": Permission.EDIT_COALITION}

    def find_object(self) -> Coalition:
        if self.request.method in {"GET", "HEAD"}:
            return self.coalition  # read by the tenancy gate, with its municipality
        return cast(Coalition, super().find_object())

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_coalition(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Fasewissels", description="De geschiedenis, nieuwste eerst."
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Fasewissel vastleggen",
        description="Wijzigt de levensfase van de coalitie en bewaart waarom. Terug naar een eerdere fase mag.",
    ),
)
class PhaseChangeListCreate(CoalitionEndpoint, generics.ListCreateAPIView):
    model = PhaseChange
    serializer_class = PhaseChangeSerializer
    permission_by_method = {"POST": Permission.CHANGE_PHASE}

    def scope(self, queryset: QuerySet[PhaseChange]) -> QuerySet[PhaseChange]:
        return queryset.select_related("recorded_by").order_by("-date", "-created_at", "-pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        serializer.instance = services.change_phase(
            self.coalition,
            acting_user=self.acting_user,
            to_phase=data["to_phase"],
            date=data["date"],
            reason=data["reason"],
            tipping_point=data.get("tipping_point", "other"),
        )


def _states(coalition: Coalition, key: str | None = None) -> list[ActivityState]:
    """Every activity of the guide, phase by phase, with the coalition's status (one query)."""
    items = ChecklistItem.objects.of_coalition(coalition).only("activity_key", "status", "note")
    return [
        state
        for progress in checklist_progress(items)
        for state in progress.activities
        if key is None or state.activity.key == key
    ]


@extend_schema(
    tags=[TAG],
    summary="Checklist",
    description="Alle typische activiteiten uit de gids, per fase, met de status en notitie van deze coalitie.",
    responses=ActivityStateSerializer(many=True),
)
class ChecklistList(CoalitionEndpoint):
    model = ChecklistItem
    serializer_class = ActivityStateSerializer

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(_states(self.coalition))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Checklistactiviteit bekijken", responses=ActivityStateSerializer
    ),
    put=extend_schema(
        tags=[TAG],
        summary="Status van een activiteit zetten",
        request=ChecklistUpdateSerializer,
        responses=ActivityStateSerializer,
    ),
)
class ChecklistItemDetail(CoalitionEndpoint):
    model = ChecklistItem
    serializer_class = ActivityStateSerializer
    permission_by_method = {"PUT": Permission.EDIT_CHECKLIST}
    http_method_names = ["get", "put", "head", "options"]

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        return (
            ChecklistUpdateSerializer if self.request.method == "PUT" else ActivityStateSerializer
        )

    def get_object(self) -> ActivityState:
        """The activity from the guide with this coalition's status; 404 outside the guide."""
        states = _states(self.coalition, self.kwargs["activity"])
        if not states:
            raise Http404
        return states[0]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.get_object()  # an activity outside the guide does not exist: 404 before validation
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.set_checklist_status(
            self.coalition,
            self.kwargs["activity"],
            acting_user=self.acting_user,
            **serializer.validated_data,
        )
        state = self.get_object()
        return Response(ActivityStateSerializer(state, context=self.get_serializer_context()).data)


@dataclass(frozen=True)
class WhereAreWe:
    suggestion: PhaseSuggestion
    phase_since: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.suggestion, name)


@extend_schema(
    tags=[TAG],
    summary="Waar staan we?",
    description=(
        "Welke levensfase past volgens de checklist het best, met de redenen, het percentage per fase "
        "en de volgende stappen. Een suggestie, geen oordeel (Handreiking §1.2)."
    ),
    responses=SuggestionSerializer,
)
class WhereAreWeView(CoalitionEndpoint):
    model = Coalition
    serializer_class = SuggestionSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        history = list(self.coalition.phase_changes.all())
        data = WhereAreWe(
            suggestion=suggest_phase(self.coalition, history),
            phase_since=phase_since(self.coalition, history),
        )
        return Response(self.get_serializer(data).data)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Rol van de gemeente"),
    put=extend_schema(
        tags=[TAG],
        summary="Rol van de gemeente vastleggen",
        description=(
            "Welke rollen de gemeente in deze coalitie speelt (Handreiking §2.10, tip 1). Een "
            "gelijkwaardige partner voert geen regie en is geen opdrachtgever (§3.2.5)."
        ),
    ),
)
class MunicipalityRolesView(CoalitionEndpoint):
    model = Coalition
    serializer_class = MunicipalityRolesSerializer
    pagination_class = None
    permission_by_method = {"PUT": Permission.EDIT_COALITION}
    http_method_names = ["get", "put", "head", "options"]

    def get_object(self) -> Coalition:
        """The coalition itself, read by the tenancy gate (its roles are three of its fields)."""
        return self.coalition

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        coalition = services.update_municipality_roles(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(self.get_serializer(coalition).data)


@extend_schema(
    tags=[TAG],
    summary="Dashboard",
    description=(
        "Fase, partners per cirkel en soort, ontbrekende soorten partners, openstaande gesprekken en "
        "recente wijzigingen. Wie de wijzigingen deed, ziet alleen wie het auditlog mag zien."
    ),
    responses=DashboardSerializer,
)
class DashboardView(CoalitionEndpoint):
    model = Coalition
    serializer_class = DashboardSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        context = {**self.get_serializer_context(), "show_actor": self.can(Permission.VIEW_AUDIT)}
        dashboard = build_dashboard(self.coalition)
        return Response(DashboardSerializer(dashboard, context=context).data)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Auditlog",
        description="Wie wijzigde wat in deze coalitie, nieuwste eerst.",
    )
)
class AuditList(CoalitionEndpoint, generics.ListAPIView):
    model = AuditEvent
    serializer_class = AuditEventSerializer
    permission = Permission.VIEW_AUDIT

    def scope(self, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        return queryset.for_coalition(self.coalition)  # type: ignore[attr-defined]
