"""Reminders of meetings and actions: a day ahead, to the partners' contact persons."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.dates import long_date
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.meetings.models import ActionItem, AttendanceStatus, Meeting
from samenspel.partners.models import ContactPerson


def _primary_emails(partner_ids: set[int]) -> dict[int, str]:
    """Each partner's first contact with an e-mail address (primary contacts first)."""
    emails: dict[int, str] = {}
    contacts = (
        ContactPerson.objects.across_coalitions().filter(partner__in=partner_ids).exclude(email="")
    )
    for contact in contacts.order_by("-is_primary", "name", "pk"):
        emails.setdefault(contact.partner_id, contact.email)
    return emails


@reminder_source
def actions_due_tomorrow(today: datetime.date) -> Iterator[Reminder]:
    tomorrow = today + datetime.timedelta(days=1)
    actions = list(
        ActionItem.objects.across_coalitions()
        .open()
        .filter(due_on=tomorrow, owner_partner__isnull=False)
        .select_related("meeting__coalition", "owner_partner")
    )
    emails = _primary_emails({a.owner_partner_id for a in actions if a.owner_partner_id})
    for action in actions:
        address = emails.get(action.owner_partner_id or 0)
        if not address:
            continue
        yield Reminder(
            key=f"meeting-action:{action.uuid}:{tomorrow.isoformat()}",
            to=(address,),
            coalition=action.meeting.coalition,
            subject=_("Herinnering: actiepunt uiterlijk morgen klaar"),
            body=_(
                "Morgen (%(date)s) moet dit actiepunt uit '%(meeting)s' van %(coalition)s klaar "
                "zijn:\n\n%(text)s\n"
            )
            % {
                "date": long_date(tomorrow),
                "meeting": action.meeting.title,
                "coalition": action.meeting.coalition.name,
                "text": action.text,
            },
        )


@reminder_source
def meetings_tomorrow(today: datetime.date) -> Iterator[Reminder]:
    """To the contacts of the partners expected at the meeting: those marked present (or whose
    attendance is not known yet) among the members of its body and the recorded attendees."""
    tomorrow = today + datetime.timedelta(days=1)
    zone = timezone.get_default_timezone()
    start = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=zone)
    end = start + datetime.timedelta(days=1)
    meetings = list(
        Meeting.objects.across_coalitions()
        .filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("coalition", "body")
        .prefetch_related("attendance", "body__members")
    )
    expected: dict[int, set[int]] = {}
    for meeting in meetings:
        statuses = {a.partner_id: a.status for a in meeting.attendance.all()}
        members = {p.pk for p in meeting.body.members.all()} if meeting.body else set()
        expected[meeting.pk] = {
            partner
            for partner in members | set(statuses)
            if statuses.get(partner, AttendanceStatus.PRESENT) == AttendanceStatus.PRESENT
        }
    emails = _primary_emails(set().union(*expected.values()) if expected else set())
    for meeting in meetings:
        to = tuple(sorted({emails[p] for p in expected[meeting.pk] if p in emails}))
        if not to:
            continue
        starts = timezone.localtime(meeting.starts_at, zone)
        yield Reminder(
            key=f"meeting:{meeting.uuid}:{tomorrow.isoformat()}",
            to=to,
            coalition=meeting.coalition,
            subject=_("Herinnering: morgen overleg '%(title)s'") % {"title": meeting.title},
            body=_("Morgen om %(time)s is het overleg '%(title)s' van %(coalition)s%(where)s.\n")
            % {
                "time": starts.strftime("%H:%M"),
                "title": meeting.title,
                "coalition": meeting.coalition.name,
                "where": _(" in %(location)s") % {"location": meeting.location}
                if meeting.location
                else "",
            },
        )
