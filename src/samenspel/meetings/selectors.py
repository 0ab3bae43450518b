"""Reads of meeting data, always inside one coalition (404 for anything outside it)."""

from __future__ import annotations

from typing import TypeVar, cast
from uuid import UUID

from django.db.models import Prefetch, QuerySet

from samenspel.coalitions.models import Coalition
from samenspel.core.queries import related_count
from samenspel.core.tenancy import lookup_or_404
from samenspel.meetings.models import (
    ActionItem,
    ActionItemQuerySet,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
)

PartT = TypeVar("PartT", AgendaItem, Attendance, Decision, ActionItem)


def meeting_detail(coalition: Coalition, meeting: UUID | str) -> Meeting:
    """A meeting with its agenda, attendance, decisions and actions loaded."""
    found = lookup_or_404(
        with_parts(Meeting.objects.of_coalition(coalition)),
        meeting,
    )
    found.coalition = coalition
    return found


def with_parts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their agenda, attendance, decisions and actions loaded."""
    return meetings.select_related("body").prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.correlated().select_related("source_event__partner"),
        ),
        Prefetch("attendance", queryset=Attendance.objects.correlated().select_related("partner")),
        "decisions",
        Prefetch(
            "actions",
            queryset=ActionItem.objects.correlated()
            .select_related("owner_partner")
            .order_by("done_on", "due_on", "pk"),
        ),
    )


def open_actions(coalition: Coalition) -> QuerySet[ActionItem]:
    return listed_open_actions(ActionItem.objects.of_coalition(coalition))


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
