"""API v1 for the coalition's meeting structure, meetings and their agenda, attendance,
decisions and actions. Reading needs VIEW_COALITION, writing EDIT_COALITION; everything is found
inside the coalition resolved for the requester (404 otherwise). Every write is a service call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.permissions import CoalitionScopedMixin
from samenspel.accounts.policy import Permission
from samenspel.core.api.views import ApiViewMixin
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
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Body, Decision, Meeting
from samenspel.meetings.selectors import (
    action_or_404,
    agenda_item_or_404,
    attendance_or_404,
    decision_or_404,
    meeting_detail,
    meeting_or_404,
    open_actions,
)

TAG = "meetings"
WRITE = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.EDIT_COALITION)


class MeetingsApiMixin(ApiViewMixin, CoalitionScopedMixin, generics.GenericAPIView):
    permission = Permission.VIEW_COALITION
    permission_by_method = WRITE
    filter_backends = []


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Overlegstructuur van de coalitie"),
    post=extend_schema(tags=[TAG], summary="Overlegorgaan toevoegen"),
)
class BodyListCreate(MeetingsApiMixin, generics.ListCreateAPIView):
    serializer_class = BodySerializer

    def get_queryset(self) -> QuerySet[Body]:
        if getattr(self, "swagger_fake_view", False):
            return Body.objects.none()
        return (
            Body.objects.filter(coalition=self.coalition)
            .prefetch_related("members")
            .order_by("name", "pk")
        )

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
class BodyDetail(MeetingsApiMixin, generics.RetrieveUpdateAPIView):
    serializer_class = BodySerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Body:
        return get_object_or_404(Body, coalition=self.coalition, uuid=self.kwargs["body"])

    def get_queryset(self) -> QuerySet[Body]:
        return Body.objects.none()  # objects come from get_object, scoped to the coalition

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
    serializer_class = MeetingSerializer

    def get_queryset(self) -> QuerySet[Meeting]:
        if getattr(self, "swagger_fake_view", False):
            return Meeting.objects.none()
        return (
            Meeting.objects.filter(coalition=self.coalition)
            .select_related("body")
            .with_counts()
            .order_by("-starts_at", "-pk")
        )

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
class MeetingDetail(MeetingsApiMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = MeetingDetailSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_object(self) -> Meeting:
        return meeting_detail(self.coalition, self.kwargs["meeting"])

    def get_queryset(self) -> QuerySet[Meeting]:
        return Meeting.objects.none()  # objects come from get_object, scoped to the coalition

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        meeting = services.save_meeting(
            self.coalition,
            acting_user=self.acting_user,
            meeting=cast(Meeting, serializer.instance),
            **serializer.validated_data,
        )
        serializer.instance = meeting_detail(self.coalition, meeting.uuid)

    def perform_destroy(self, instance: Meeting) -> None:
        services.delete_meeting(instance, acting_user=self.acting_user)


class MeetingPartCreate(MeetingsApiMixin, generics.CreateAPIView):
    """POST one part of a meeting; the service checks it belongs to this coalition."""

    permission = Permission.EDIT_COALITION

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        meeting = meeting_or_404(self.coalition, self.kwargs["meeting"])
        serializer.instance = self.write(meeting, dict(serializer.validated_data))

    write: Callable[[Meeting, dict[str, Any]], Any]  # each part names its service call


@extend_schema_view(
    post=extend_schema(
        tags=[TAG],
        summary="Agendapunt toevoegen",
        description=(
            "Met een eigen onderwerp, of vanuit een verandering bij een partner (`source_event`) "
            "of een signaal (`finding_rule` en `finding_subject`)."
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


class MeetingPartDetail(MeetingsApiMixin, generics.RetrieveUpdateDestroyAPIView):
    """GET, PATCH or DELETE one part of a meeting, found inside the meeting of the URL (a part
    of any other meeting is a 404)."""

    http_method_names = ["get", "patch", "delete", "head", "options"]
    model: type[AgendaItem | Attendance | Decision | ActionItem]

    # Each part names its selector and its service calls.
    find_part: Callable[[Meeting, Any], Any]
    save_part: Callable[[Any, dict[str, Any]], Any]
    delete_part: Callable[[Any], None]

    def get_object(self) -> Any:
        meeting = meeting_or_404(self.coalition, self.kwargs["meeting"])
        return self.find_part(meeting, self.kwargs[self.lookup_url_kwarg or ""])

    def get_queryset(self) -> QuerySet[Any]:
        return self.model.objects.none()  # objects come from get_object, scoped to the meeting

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = self.save_part(serializer.instance, dict(serializer.validated_data))

    def perform_destroy(self, instance: Any) -> None:
        self.delete_part(instance)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Agendapunt bekijken"),
    patch=extend_schema(
        tags=[TAG],
        summary="Agendapunt wijzigen",
        description="Onderwerp en toelichting; de herkomst (verandering of signaal) blijft.",
    ),
    delete=extend_schema(tags=[TAG], summary="Agendapunt verwijderen"),
)
class AgendaItemDetail(MeetingPartDetail):
    serializer_class = AgendaItemUpdateSerializer
    model = AgendaItem
    lookup_url_kwarg = "agenda_item"

    def find_part(self, meeting: Meeting, uuid: Any) -> AgendaItem:
        return agenda_item_or_404(meeting, uuid)

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

    def find_part(self, meeting: Meeting, uuid: Any) -> Attendance:
        return attendance_or_404(meeting, uuid)

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

    def find_part(self, meeting: Meeting, uuid: Any) -> Decision:
        return decision_or_404(meeting, uuid)

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

    def find_part(self, meeting: Meeting, uuid: Any) -> ActionItem:
        return action_or_404(meeting, uuid)

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
    serializer_class = ActionItemSerializer

    def get_queryset(self) -> QuerySet[ActionItem]:
        if getattr(self, "swagger_fake_view", False):
            return ActionItem.objects.none()
        return open_actions(self.coalition)


@extend_schema(
    tags=[TAG],
    summary="Actiepunt afronden",
    request=CompleteActionSerializer,
    responses=ActionItemSerializer,
)
class ActionComplete(MeetingsApiMixin):
    serializer_class = CompleteActionSerializer
    permission = Permission.EDIT_COALITION

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        action = get_object_or_404(
            ActionItem.objects.select_related("meeting__coalition", "owner_partner"),
            meeting__coalition=self.coalition,
            uuid=kwargs["action"],
        )
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        action = services.complete_action(
            action, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(ActionItemSerializer(action).data, status=status.HTTP_200_OK)
