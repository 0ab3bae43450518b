"""iCalendar feeds: the meetings of a person's coalitions and the due dates of their open actions.

Calendar apps cannot log in: a feed is found by the digest of its secret.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from samenspel.accounts.models import Membership, User
from samenspel.core.icalendar import (
    DEFAULT_DURATION,
    UID_DOMAIN,
    add_text,
    calendar_file,
    one_line,
)
from samenspel.meetings.models import ActionItem, AgendaItem, CalendarFeed, Meeting, feed_digest


def feed_user(raw: str) -> User | None:
    feed = CalendarFeed.objects.select_related("user").filter(digest=feed_digest(raw)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


def feed_memberships(user: User, coalition: UUID | None = None) -> list[Membership]:
    memberships = Membership.objects.across_coalitions().for_user(user)
    if coalition is not None:
        memberships = memberships.filter(coalition__uuid=coalition)
    return list(memberships)


def feed_meetings(memberships: list[Membership]) -> QuerySet[Meeting]:
    return (
        Meeting.objects.visible_across(memberships)
        .select_related("coalition", "body")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.visible_across(memberships).order_by("order"),
            )
        )
        .order_by("starts_at", "pk")
    )


def feed_actions(user: User, memberships: list[Membership]) -> QuerySet[ActionItem]:
    """Open actions that are the person's: of the partner they represent, or under their name."""
    partners = [m.partner_id for m in memberships if m.partner_id]
    mine = Q(owner_partner__in=partners) if partners else Q(pk__in=[])
    if user.full_name.strip():
        mine |= Q(owner_name__iexact=user.full_name.strip())
    return (
        ActionItem.objects.visible_across(memberships)
        .open()
        .filter(mine)
        .exclude(due_on=None)
        .select_related("meeting__coalition")
        .order_by("due_on", "pk")
    )


def _meeting_event(meeting: Meeting, stamp: datetime.datetime, zone: ZoneInfo) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.uuid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    starts = timezone.localtime(meeting.starts_at, zone)
    ends = timezone.localtime(meeting.ends_at or meeting.starts_at + DEFAULT_DURATION, zone)
    event.add("dtstart", starts)
    event.add("dtend", ends)
    add_text(event, "summary", f"{meeting.title} ({meeting.coalition.name})")
    if meeting.location:
        add_text(event, "location", meeting.location)
    agenda = [one_line(item.title) for item in meeting.agenda_items.all()]
    if agenda:
        add_text(
            event,
            "description",
            _("Agenda:") + "\n" + "\n".join(f"{n}. {t}" for n, t in enumerate(agenda, 1)),
        )
    return event


def _action_event(action: ActionItem, stamp: datetime.datetime) -> Event:
    assert action.due_on is not None
    event = Event()
    event.add("uid", f"action-{action.uuid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", action.due_on)
    event.add("dtend", action.due_on + datetime.timedelta(days=1))
    add_text(event, "summary", _("Actie: %(text)s") % {"text": action.text[:120]})
    add_text(event, "description", f"{action.meeting.title} ({action.meeting.coalition.name})")
    return event


def build_calendar(
    name: str, meetings: Iterable[Meeting], actions: Iterable[ActionItem] = ()
) -> bytes:
    zone = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()
    events = [_meeting_event(meeting, stamp, zone) for meeting in meetings]
    events += [_action_event(action, stamp) for action in actions]
    return calendar_file(name, "Overleg", events)
