"""Reads of meeting data, always inside one coalition (404 for anything outside it)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from samenspel.coalitions.models import Coalition
from samenspel.meetings.models import ActionItem, AgendaItem, Attendance, Meeting


def meeting_or_404(coalition: Coalition, meeting: UUID | str) -> Meeting:
    found = get_object_or_404(
        Meeting.objects.select_related("body"), coalition=coalition, uuid=meeting
    )
    found.coalition = coalition
    return found


def meeting_detail(coalition: Coalition, meeting: UUID | str) -> Meeting:
    """A meeting with its agenda, attendance, decisions and actions loaded."""
    found = get_object_or_404(
        Meeting.objects.select_related("body").prefetch_related(
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
        ),
        coalition=coalition,
        uuid=meeting,
    )
    found.coalition = coalition
    return found


def open_actions(coalition: Coalition) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.open()
        .filter(meeting__coalition=coalition)
        .select_related("meeting", "owner_partner")
        .order_by("due_on", "meeting__starts_at", "pk")
    )
