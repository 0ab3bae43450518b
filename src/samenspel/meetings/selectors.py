"""Reads of meeting data, always inside one coalition (404 for anything outside it)."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from django.db.models import Prefetch, QuerySet

from samenspel.coalitions.models import Coalition
from samenspel.core.queries import related_count
from samenspel.core.tenancy import lookup_or_404
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Decision, Meeting

PartT = TypeVar("PartT", AgendaItem, Attendance, Decision, ActionItem)


def meeting_or_404(coalition: Coalition, meeting: UUID | str) -> Meeting:
    found = lookup_or_404(Meeting.objects.of_coalition(coalition).select_related("body"), meeting)
    found.coalition = coalition
    return found


def meeting_detail(coalition: Coalition, meeting: UUID | str) -> Meeting:
    """A meeting with its agenda, attendance, decisions and actions loaded."""
    found = lookup_or_404(
        Meeting.objects.of_coalition(coalition)
        .select_related("body")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.of_coalition(coalition).select_related(
                    "source_event__partner"
                ),
            ),
            Prefetch(
                "attendance",
                queryset=Attendance.objects.of_coalition(coalition).select_related("partner"),
            ),
            "decisions",
            Prefetch(
                "actions",
                queryset=ActionItem.objects.of_coalition(coalition)
                .select_related("owner_partner")
                .order_by("done_on", "due_on", "pk"),
            ),
        ),
        meeting,
    )
    found.coalition = coalition
    return found


def open_actions(coalition: Coalition) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.of_coalition(coalition)
        .open()
        .select_related("meeting", "owner_partner")
        .order_by("due_on", "meeting__starts_at", "pk")
    )


def meeting_contents(meeting: Meeting) -> dict[str, int]:
    """How many agenda items, attendance rows, decisions and actions a meeting holds, in one
    query: what goes with it when it is deleted."""
    coalition = meeting.coalition_id
    return (
        Meeting.objects.of_coalition(coalition)
        .filter(pk=meeting.pk)
        .annotate(
            agenda_item_count=related_count(AgendaItem.objects.of_coalition(coalition), "meeting"),
            attendance_count=related_count(Attendance.objects.of_coalition(coalition), "meeting"),
            decision_count=related_count(Decision.objects.of_coalition(coalition), "meeting"),
            action_count=related_count(ActionItem.objects.of_coalition(coalition), "meeting"),
        )
        .values("agenda_item_count", "attendance_count", "decision_count", "action_count")
        .get()
    )


def _part_or_404(parts: QuerySet[PartT], meeting: Meeting, uuid: UUID | str) -> PartT:
    """One part of a meeting already found inside the coalition; a part of another meeting
    (of any coalition) is a 404."""
    found = lookup_or_404(parts.filter(meeting=meeting), uuid)
    found.meeting = meeting
    return found


def agenda_item_or_404(meeting: Meeting, item: UUID | str) -> AgendaItem:
    return _part_or_404(AgendaItem.objects.of_coalition(meeting.coalition_id), meeting, item)


def attendance_or_404(meeting: Meeting, attendance: UUID | str) -> Attendance:
    attendances = Attendance.objects.of_coalition(meeting.coalition_id).select_related("partner")
    return _part_or_404(attendances, meeting, attendance)


def decision_or_404(meeting: Meeting, decision: UUID | str) -> Decision:
    return _part_or_404(Decision.objects.of_coalition(meeting.coalition_id), meeting, decision)


def action_or_404(meeting: Meeting, action: UUID | str) -> ActionItem:
    actions = ActionItem.objects.of_coalition(meeting.coalition_id).select_related("owner_partner")
    return _part_or_404(actions, meeting, action)
