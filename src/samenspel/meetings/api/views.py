"""API v1 for the coalition's meeting structure, meetings and their agenda, attendance,
decisions and actions. Reading needs VIEW_COALITION, writing EDIT_COALITION; everything is found
inside the coalition resolved for the requester (404 otherwise). Every write is a service call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.core.tenancy import lookup_or_404
from samenspel.meetings import services
from samenspel.meetings.api.serializers import (
    ActionItemSerializer,
    ActionItemUpdateSerializer,
    AgendaItemSerializer,
    AgendaItemUpdateSerializer,
    AttendanceSerializer,
    AttendanceUpdateSerializer,
    BodySerializer,
    CompleteActionSerializer,
    DecisionSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
)
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingQuerySet,
)
from samenspel.meetings.selectors import listed_open_actions, with_parts

TAG = "meetings"
WRITE = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.EDIT_COALITION)


class MeetingsApiMixin(CoalitionEndpoint):
    permission = Permission.VIEW_COALITION
    permission_by_method = WRITE

    def meeting(self) -> Meeting:
        """The meeting of the URL, inside the coalition (404 otherwise)."""
        return lookup_or_404(self.visible(Meeting).select_related("body"), self.kwargs["meeting"])


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Overlegstructuur van de coalitie"),
    post=extend_schema(tags=[TAG], summary="Overlegorgaan toevoegen"),
)
class BodyListCreate(MeetingsApiMixin, generics.ListCreateAPIView):
    model = Body
    serializer_class = BodySerializer

    def scope(self, queryset: QuerySet[Body]) -> QuerySet[Body]:
        return queryset.prefetch_related("members").order_by("name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = services.save_body(
            self.coalition,
            acting_user=self.acting_user,
            members=data.pop("members", []),
            **data,
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Overlegorgaan bekijken"),
    patch=extend_schema(tags=[TAG], summary="Overlegorgaan wijzigen"),
)
class BodyDetail(MeetingsApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView):
    model = Body
    serializer_class = BodySerializer
    lookup_url_kwarg = "body"

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        body = cast(Body, serializer.instance)
        data = dict(serializer.validated_data)
        members = data.pop("members", None)
        serializer.instance = services.save_body(
            self.coalition,
            acting_user=self.acting_user,
            body=body,
            members=list(body.members.all()) if members is None else members,
            **data,
        )


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Overleggen van de coalitie",
        description="Nieuwste eerst, met het aantal besluiten en open acties.",
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Overleg plannen",
        description="Een overleg heeft een begintijd; een eindtijd ligt na de begintijd.",
    ),
)
class MeetingListCreate(MeetingsApiMixin, generics.ListCreateAPIView):
    model = Meeting
    serializer_class = MeetingSerializer

    def scope(self, queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
        meetings = cast(MeetingQuerySet, queryset.select_related("body"))
        return meetings.with_counts().order_by("-starts_at", "-pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_meeting(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Overleg met agenda, aanwezigheid, besluiten en acties"),
    patch=extend_schema(tags=[TAG], summary="Overleg of verslag wijzigen"),
    delete=extend_schema(
        tags=[TAG],
        summary="Overleg verwijderen",
        description="Met zijn agenda, aanwezigheid, besluiten en actiepunten.",
    ),
)
class MeetingDetail(
    MeetingsApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    model = Meeting
    serializer_class = MeetingDetailSerializer
    lookup_url_kwarg = "meeting"

    def scope(self, queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
        return with_parts(queryset)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        services.save_meeting(
            self.coalition,
            acting_user=self.acting_user,
            meeting=cast(Meeting, serializer.instance),
            **serializer.validated_data,
        )
        serializer.instance = self.find_object()  # with its parts as they are now

    def perform_destroy(self, instance: Meeting) -> None:
        services.delete_meeting(instance, acting_user=self.acting_user)


class MeetingPartCreate(MeetingsApiMixin, generics.CreateAPIView):
    """POST one part of a meeting; the service checks it belongs to this coalition."""

    permission = Permission.EDIT_COALITION

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = self.write(self.meeting(), dict(serializer.validated_data))

    write: Callable[[Meeting, dict[str, Any]], Any]  # each part names its service call


@extend_schema_view(
    post=extend_schema(
        tags=[TAG],
        summary="Agendapunt toevoegen",
        description=(
            "Met een eigen onderwerp, of vanuit een verandering bij een partner (`source_event`) "
            "of een bevinding (`finding_rule` en `finding_subject`)."
        ),
    )
)
class AgendaItemCreate(MeetingPartCreate):
    serializer_class = AgendaItemSerializer

    def write(self, meeting: Meeting, data: dict[str, Any]) -> Any:
        return services.add_agenda_item(meeting, acting_user=self.acting_user, **data)


@extend_schema_view(
    post=extend_schema(
        tags=[TAG],
        summary="Aanwezigheid vastleggen",
        description="Een tweede keer voor dezelfde partner vervangt de eerdere stand.",
    )
)
class AttendanceCreate(MeetingPartCreate):
    serializer_class = AttendanceSerializer

    def write(self, meeting: Meeting, data: dict[str, Any]) -> Any:
        return services.set_attendance(meeting, acting_user=self.acting_user, **data)


@extend_schema_view(post=extend_schema(tags=[TAG], summary="Besluit vastleggen"))
class DecisionCreate(MeetingPartCreate):
    serializer_class = DecisionSerializer

    def write(self, meeting: Meeting, data: dict[str, Any]) -> Any:
        return services.record_decision(meeting, acting_user=self.acting_user, **data)


@extend_schema_view(post=extend_schema(tags=[TAG], summary="Actiepunt vastleggen"))
class ActionCreate(MeetingPartCreate):
    serializer_class = ActionItemSerializer

    def write(self, meeting: Meeting, data: dict[str, Any]) -> Any:
        return services.add_action(meeting, acting_user=self.acting_user, **data)


class MeetingPartDetail(
    MeetingsApiMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    """GET, PATCH or DELETE one part of a meeting, found inside the meeting of the URL (a part
    of any other meeting is a 404)."""

    related: tuple[str, ...] = ()  # what the part's serializer shows of other objects

    # Each part names its service calls.
    save_part: Callable[[Any, dict[str, Any]], Any]
    delete_part: Callable[[Any], None]

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(meeting=self.meeting()).select_related("meeting", *self.related)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = self.save_part(serializer.instance, dict(serializer.validated_data))

    def perform_destroy(self, instance: Any) -> None:
        self.delete_part(instance)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Agendapunt bekijken"),
    patch=extend_schema(
        tags=[TAG],
        summary="Agendapunt wijzigen",
        description="Onderwerp en toelichting; de herkomst (verandering of bevinding) blijft.",
    ),
    delete=extend_schema(tags=[TAG], summary="Agendapunt verwijderen"),
)
class AgendaItemDetail(MeetingPartDetail):
    serializer_class = AgendaItemUpdateSerializer
    model = AgendaItem
    lookup_url_kwarg = "agenda_item"

    def save_part(self, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
        return services.update_agenda_item(item, acting_user=self.acting_user, **data)

    def delete_part(self, item: AgendaItem) -> None:
        services.delete_agenda_item(item, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Aanwezigheid van een partner bekijken"),
    patch=extend_schema(tags=[TAG], summary="Aanwezigheid van een partner wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Partner van de aanwezigheidslijst halen"),
)
class AttendanceDetail(MeetingPartDetail):
    serializer_class = AttendanceUpdateSerializer
    model = Attendance
    lookup_url_kwarg = "attendance"
    related = ("partner",)

    def save_part(self, attendance: Attendance, data: dict[str, Any]) -> Attendance:
        return services.change_attendance(
            attendance,
            acting_user=self.acting_user,
            status=data.get("status", attendance.status),
        )

    def delete_part(self, attendance: Attendance) -> None:
        services.remove_attendance(attendance, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Besluit bekijken"),
    patch=extend_schema(tags=[TAG], summary="Besluit wijzigen"),
    delete=extend_schema(
        tags=[TAG],
        summary="Besluit verwijderen",
        description="De andere besluiten van het overleg houden hun nummer.",
    ),
)
class DecisionDetail(MeetingPartDetail):
    serializer_class = DecisionSerializer
    model = Decision
    lookup_url_kwarg = "decision"

    def save_part(self, decision: Decision, data: dict[str, Any]) -> Decision:
        return services.update_decision(
            decision, acting_user=self.acting_user, text=data.get("text", decision.text)
        )

    def delete_part(self, decision: Decision) -> None:
        services.delete_decision(decision, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Actiepunt bekijken"),
    patch=extend_schema(
        tags=[TAG],
        summary="Actiepunt wijzigen",
        description="`done_on` op null zet een afgeronde actie weer open.",
    ),
    delete=extend_schema(tags=[TAG], summary="Actiepunt verwijderen"),
)
class ActionDetail(MeetingPartDetail):
    serializer_class = ActionItemUpdateSerializer
    model = ActionItem
    lookup_url_kwarg = "action"
    related = ("owner_partner",)

    def save_part(self, action: ActionItem, data: dict[str, Any]) -> ActionItem:
        return services.update_action(action, acting_user=self.acting_user, **data)

    def delete_part(self, action: ActionItem) -> None:
        services.delete_action(action, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Open acties",
        description="Over alle overleggen, eerste deadline eerst.",
    )
)
class OpenActionList(MeetingsApiMixin, generics.ListAPIView):
    model = ActionItem
    serializer_class = ActionItemSerializer

    def scope(self, queryset: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
        return listed_open_actions(queryset)


@extend_schema(
    tags=[TAG],
    summary="Actiepunt afronden",
    request=CompleteActionSerializer,
    responses=ActionItemSerializer,
)
class ActionComplete(MeetingsApiMixin, CoalitionObjectEndpoint):
    model = ActionItem
    serializer_class = CompleteActionSerializer
    permission = Permission.EDIT_COALITION
    lookup_url_kwarg = "action"

    def scope(self, queryset: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
        return queryset.select_related("meeting__coalition", "owner_partner")

    def representation(self, obj: Any) -> Any:
        return ActionItemSerializer(obj).data

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        action = services.complete_action(
            action, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(ActionItemSerializer(action).data, status=status.HTTP_200_OK)
