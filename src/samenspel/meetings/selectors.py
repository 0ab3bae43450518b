"""Reads of meeting data, always inside one coalition (404 for anything outside it)."""

from __future__ import annotations

from typing import TypeVar, cast
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from samenspel.coalitions.models import Coalition
from samenspel.core.queries import related_count
from samenspel.meetings.models import (
    ActionItem,
    ActionItemQuerySet,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
)

PartT = TypeVar("PartT", AgendaItem, Attendance, Decision, ActionItem)


def meeting_or_404(coalition: Coalition, meeting: UUID | str) -> Meeting:
    found = get_object_or_404(
        Meeting.objects.select_related("body"), coalition=coalition, uuid=meeting
    )
    found.coalition = coalition
    return found


def meeting_detail(coalition: Coalition, meeting: UUID | str) -> Meeting:
    """A meeting with its agenda, attendance, decisions and actions loaded."""
    found = get_object_or_404(
        with_parts(Meeting.objects.all()),
        coalition=coalition,
        uuid=meeting,
    )
    found.coalition = coalition
    return found


def with_parts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their agenda, attendance, decisions and actions loaded."""
    return meetings.select_related("body").prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.select_related("source_event__partner"),
        ),
        Prefetch("attendance", queryset=Attendance.objects.select_related("partner")),
        "decisions",
        Prefetch(
            "actions",
            queryset=ActionItem.objects.select_related("owner_partner").order_by(
                "done_on", "due_on", "pk"
            ),
        ),
    )


def open_actions(coalition: Coalition) -> QuerySet[ActionItem]:
    return listed_open_actions(ActionItem.objects.filter(meeting__coalition=coalition))


def listed_open_actions(actions: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
    """The open ones among `actions`, first deadline first."""
    return (
        cast(ActionItemQuerySet, actions)
        .open()
        .select_related("meeting", "owner_partner")
        .order_by("due_on", "meeting__starts_at", "pk")
    )


def meeting_contents(meeting: Meeting) -> dict[str, int]:
    """How many agenda items, attendance rows, decisions and actions a meeting holds, in one
    query: what goes with it when it is deleted."""
    return (
        Meeting.objects.filter(pk=meeting.pk)
        .annotate(
            agenda_item_count=related_count(AgendaItem.objects.all(), "meeting"),
            attendance_count=related_count(Attendance.objects.all(), "meeting"),
            decision_count=related_count(Decision.objects.all(), "meeting"),
            action_count=related_count(ActionItem.objects.all(), "meeting"),
        )
        .values("agenda_item_count", "attendance_count", "decision_count", "action_count")
        .get()
    )


def _part_or_404(parts: QuerySet[PartT], meeting: Meeting, uuid: UUID | str) -> PartT:
    """One part of a meeting already found inside the coalition; a part of another meeting
    (of any coalition) is a 404."""
    found = get_object_or_404(parts, meeting=meeting, uuid=uuid)
    found.meeting = meeting
    return found


def agenda_item_or_404(meeting: Meeting, item: UUID | str) -> AgendaItem:
    return _part_or_404(AgendaItem.objects.all(), meeting, item)


def attendance_or_404(meeting: Meeting, attendance: UUID | str) -> Attendance:
    return _part_or_404(Attendance.objects.select_related("partner"), meeting, attendance)


def decision_or_404(meeting: Meeting, decision: UUID | str) -> Decision:
    return _part_or_404(Decision.objects.all(), meeting, decision)


def action_or_404(meeting: Meeting, action: UUID | str) -> ActionItem:
    return _part_or_404(ActionItem.objects.select_related("owner_partner"), meeting, action)
