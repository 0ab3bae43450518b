"""Write paths for bodies, meetings and what happens in them, and for calendar feeds.

Every function is atomic, takes the acting person as a keyword and writes the audit trail in the
same transaction. Rules are checked here (Dutch messages at the field they concern), so a form
and the API refuse the same things and nothing is half-saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.core import audit
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    CalendarFeed,
    Decision,
    Meeting,
)

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner, PartnerEvent

audit.register_actions(
    {
        "body.created": _lazy("Overlegorgaan toegevoegd"),
        "body.updated": _lazy("Overlegorgaan gewijzigd"),
        "meeting.created": _lazy("Overleg gepland"),
        "meeting.updated": _lazy("Overleg gewijzigd"),
        "meeting.deleted": _lazy("Overleg verwijderd"),
        "meeting.agenda_item_added": _lazy("Agendapunt toegevoegd"),
        "meeting.agenda_item_updated": _lazy("Agendapunt gewijzigd"),
        "meeting.agenda_item_deleted": _lazy("Agendapunt verwijderd"),
        "meeting.attendance_set": _lazy("Aanwezigheid vastgelegd"),
        "meeting.attendance_removed": _lazy("Aanwezigheid verwijderd"),
        "meeting.decision_recorded": _lazy("Besluit vastgelegd"),
        "meeting.decision_updated": _lazy("Besluit gewijzigd"),
        "meeting.decision_deleted": _lazy("Besluit verwijderd"),
        "meeting.action_added": _lazy("Actiepunt vastgelegd"),
        "meeting.action_updated": _lazy("Actiepunt gewijzigd"),
        "meeting.action_deleted": _lazy("Actiepunt verwijderd"),
        "meeting.action_done": _lazy("Actiepunt afgerond"),
        "calendar_feed.issued": _lazy("Agenda-abonnement (opnieuw) aangemaakt"),
    }
)

BODY_FIELDS = ("name", "kind", "purpose", "decides")
MEETING_FIELDS = ("body", "title", "starts_at", "ends_at", "location", "minutes")
AGENDA_ITEM_FIELDS = ("title", "notes")
ACTION_FIELDS = ("text", "owner_partner", "owner_name", "due_on", "done_on")


def _other_coalition(partner: Partner | None, coalition: Coalition) -> bool:
    return partner is not None and partner.coalition_id != coalition.pk


# --- bodies ---------------------------------------------------------------------------------


@transaction.atomic
def save_body(
    coalition: Coalition,
    *,
    acting_user: User,
    body: Body | None = None,
    members: Iterable[Partner] = (),
    **fields: Any,
) -> Body:
    members = list(members)
    if any(_other_coalition(partner, coalition) for partner in members):
        raise ValidationError(
            {"members": _("Kies alleen partners van deze coalitie.")}, code="other_coalition"
        )
    action = "body.updated" if body else "body.created"
    body = body or Body(coalition=coalition)
    before = audit.snapshot(body, BODY_FIELDS) if body.pk else {}
    before_members = sorted(str(p.uuid) for p in body.members.all()) if body.pk else []
    for name, value in fields.items():
        setattr(body, name, value)
    body.full_clean(exclude=["coalition"])
    body.save()
    body.members.set(members)
    changes = audit.diff(before, audit.snapshot(body, BODY_FIELDS))
    after_members = sorted(str(p.uuid) for p in members)
    if after_members != before_members:
        changes["members"] = [before_members, after_members]
    audit.record(action, body, acting_user=acting_user, coalition=coalition, changes=changes)
    return body


# --- meetings -------------------------------------------------------------------------------


def validate_meeting(meeting: Meeting) -> None:
    errors: dict[str, Any] = {}
    if meeting.starts_at is None:
        errors["starts_at"] = _("Vul de datum en begintijd van het overleg in.")
    elif meeting.ends_at is not None and meeting.ends_at <= meeting.starts_at:
        errors["ends_at"] = _("Het overleg moet eindigen na het begin.")
    if meeting.body is not None and meeting.body.coalition_id != meeting.coalition_id:
        errors["body"] = _("Kies een overlegorgaan van deze coalitie.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_meeting(
    coalition: Coalition, *, acting_user: User, meeting: Meeting | None = None, **fields: Any
) -> Meeting:
    action = "meeting.updated" if meeting else "meeting.created"
    meeting = meeting or Meeting(coalition=coalition)
    before = audit.snapshot(meeting, MEETING_FIELDS) if meeting.pk else {}
    for name, value in fields.items():
        setattr(meeting, name, value)
    validate_meeting(meeting)
    meeting.full_clean(exclude=["coalition"])
    meeting.save()
    changes = audit.diff(before, audit.snapshot(meeting, MEETING_FIELDS))
    audit.record(action, meeting, acting_user=acting_user, coalition=coalition, changes=changes)
    return meeting


@transaction.atomic
def delete_meeting(meeting: Meeting, *, acting_user: User) -> None:
    """Deletes the meeting with its agenda, attendance, decisions and actions; the audit record
    keeps the meeting's fields and how many of each went with it."""
    from samenspel.meetings.selectors import meeting_contents

    changes = {**audit.snapshot(meeting, MEETING_FIELDS), **meeting_contents(meeting)}
    audit.record(
        "meeting.deleted",
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        changes=changes,
    )
    meeting.delete()


def _next_order(meeting: Meeting) -> int:
    current = meeting.agenda_items.aggregate(highest=Max("order"))["highest"]
    return (current or 0) + 1


@transaction.atomic
def add_agenda_item(
    meeting: Meeting,
    *,
    acting_user: User,
    title: str = "",
    notes: str = "",
    source_event: PartnerEvent | None = None,
    finding_rule: str = "",
    finding_subject: str = "",
) -> AgendaItem:
    """An agenda item, written by hand or put on the agenda from a change at a partner or from
    one of the advice engine's findings (which then gives the title)."""
    coalition = meeting.coalition
    if source_event is not None:
        if source_event.partner.coalition_id != coalition.pk:
            raise ValidationError(
                {"source_event": _("Deze verandering hoort niet bij deze coalitie.")}
            )
        title = title or _("Verandering bij %(partner)s: %(kind)s") % {
            "partner": source_event.partner.name,
            "kind": source_event.get_kind_display(),
        }
        notes = notes or source_event.description
    if finding_rule:
        from samenspel.advice.services import current_findings

        finding = next(
            (
                f
                for f in current_findings(coalition)
                if f.rule == finding_rule and f.subject == finding_subject
            ),
            None,
        )
        if finding is None:
            raise ValidationError(
                {"finding_rule": _("Dit signaal speelt nu niet in deze coalitie.")}
            )
        title = title or finding.title
        notes = notes or finding.next_step
    item = AgendaItem(
        meeting=meeting,
        title=title,
        notes=notes,
        order=_next_order(meeting),
        source_event=source_event,
        finding_rule=finding_rule,
        finding_subject=finding_subject if finding_rule else "",
    )
    item.full_clean(exclude=["meeting", "source_event"])
    item.save()
    audit.record(
        "meeting.agenda_item_added",
        meeting,
        acting_user=acting_user,
        coalition=coalition,
        changes={"title": item.title},
    )
    return item


@transaction.atomic
def update_agenda_item(
    item: AgendaItem,
    *,
    acting_user: User,
    title: str | None = None,
    notes: str | None = None,
) -> AgendaItem:
    """Corrects an item's subject or explanation (None leaves a value as it is); where it came
    from (a partner change, a finding) stays."""
    before = audit.snapshot(item, AGENDA_ITEM_FIELDS)
    if title is not None:
        item.title = title.strip()
    if notes is not None:
        item.notes = notes.strip()
    item.full_clean(exclude=["meeting", "source_event"])
    item.save(update_fields=list(AGENDA_ITEM_FIELDS))
    changes = audit.diff(before, audit.snapshot(item, AGENDA_ITEM_FIELDS))
    if changes:
        _record_part(
            "meeting.agenda_item_updated", item.meeting, acting_user, item=item, changes=changes
        )
    return item


@transaction.atomic
def delete_agenda_item(item: AgendaItem, *, acting_user: User) -> None:
    _record_part(
        "meeting.agenda_item_deleted",
        item.meeting,
        acting_user,
        item=item,
        changes=audit.snapshot(item, AGENDA_ITEM_FIELDS),
    )
    item.delete()


def _record_part(
    action: str,
    meeting: Meeting,
    acting_user: User,
    *,
    item: AgendaItem | Attendance | Decision | ActionItem,
    changes: dict[str, Any],
) -> None:
    """A change to one part of a meeting is recorded on the meeting, naming the part."""
    audit.record(
        action,
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        changes={PART_KEYS[type(item)]: str(item.uuid), **changes},
    )


# The key naming the part in the audit record, as in the URLs.
PART_KEYS: dict[type, str] = {
    AgendaItem: "item",
    Attendance: "attendance",
    Decision: "decision",
    ActionItem: "action",
}


@transaction.atomic
def set_attendance(
    meeting: Meeting, *, acting_user: User, partner: Partner, status: str
) -> Attendance:
    if _other_coalition(partner, meeting.coalition):
        raise ValidationError({"partner": _("Kies een partner van deze coalitie.")})
    attendance = Attendance.objects.filter(meeting=meeting, partner=partner).first()
    attendance = attendance or Attendance(meeting=meeting, partner=partner)
    attendance.status = status
    attendance.full_clean(exclude=["meeting", "partner"], validate_constraints=False)
    attendance.save()
    audit.record(
        "meeting.attendance_set",
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        changes={"partner": str(partner.uuid), "status": status},
    )
    return attendance


@transaction.atomic
def change_attendance(attendance: Attendance, *, acting_user: User, status: str) -> Attendance:
    """A new status for a row already recorded (the partner stays; remove the row instead)."""
    before = attendance.status
    attendance.status = status
    attendance.full_clean(exclude=["meeting", "partner"], validate_constraints=False)
    attendance.save(update_fields=["status"])
    if before != status:
        _record_part(
            "meeting.attendance_set",
            attendance.meeting,
            acting_user,
            item=attendance,
            changes={"partner": str(attendance.partner.uuid), "status": [before, status]},
        )
    return attendance


@transaction.atomic
def remove_attendance(attendance: Attendance, *, acting_user: User) -> None:
    _record_part(
        "meeting.attendance_removed",
        attendance.meeting,
        acting_user,
        item=attendance,
        changes={"partner": str(attendance.partner.uuid), "status": attendance.status},
    )
    attendance.delete()


@transaction.atomic
def record_decision(meeting: Meeting, *, acting_user: User, text: str) -> Decision:
    # Lock the meeting so two decisions recorded at once do not get the same number.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    highest = meeting.decisions.aggregate(highest=Max("number"))["highest"]
    decision = Decision(meeting=meeting, number=(highest or 0) + 1, text=text)
    decision.full_clean(exclude=["meeting"], validate_constraints=False)
    decision.save()
    audit.record(
        "meeting.decision_recorded",
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        changes={"number": decision.number, "text": text},
    )
    return decision


@transaction.atomic
def update_decision(decision: Decision, *, acting_user: User, text: str) -> Decision:
    before = decision.text
    decision.text = text.strip()
    decision.full_clean(exclude=["meeting"], validate_constraints=False)
    decision.save(update_fields=["text"])
    if before != decision.text:
        _record_part(
            "meeting.decision_updated",
            decision.meeting,
            acting_user,
            item=decision,
            changes={"number": decision.number, "text": [before, decision.text]},
        )
    return decision


@transaction.atomic
def delete_decision(decision: Decision, *, acting_user: User) -> None:
    """The other decisions keep their numbers: minutes and later meetings refer to them."""
    _record_part(
        "meeting.decision_deleted",
        decision.meeting,
        acting_user,
        item=decision,
        changes={"number": decision.number, "text": decision.text},
    )
    decision.delete()


def _check_action(action: ActionItem, coalition: Coalition) -> None:
    """The same rules for a new action and a corrected one."""
    if _other_coalition(action.owner_partner, coalition):
        raise ValidationError({"owner_partner": _("Kies een partner van deze coalitie.")})
    if action.owner_partner is None and not action.owner_name.strip():
        raise ValidationError(
            {"owner_name": _("Geef aan wie de actie oppakt: een partner of een naam.")}
        )
    if action.done_on is not None and action.done_on > timezone.localdate():
        raise ValidationError(
            {"done_on": _("Een actie kan niet in de toekomst zijn afgerond. Laat het veld leeg.")}
        )
    action.full_clean(exclude=["meeting", "owner_partner"])


@transaction.atomic
def add_action(
    meeting: Meeting,
    *,
    acting_user: User,
    text: str,
    owner_partner: Partner | None = None,
    owner_name: str = "",
    due_on: datetime.date | None = None,
) -> ActionItem:
    action = ActionItem(
        meeting=meeting,
        text=text,
        owner_partner=owner_partner,
        owner_name=owner_name.strip(),
        due_on=due_on,
    )
    _check_action(action, meeting.coalition)
    action.save()
    audit.record(
        "meeting.action_added",
        meeting,
        acting_user=acting_user,
        coalition=meeting.coalition,
        changes=audit.snapshot(action, ("text", "owner_partner", "owner_name", "due_on")),
    )
    return action


_UNCHANGED: Any = object()


@transaction.atomic
def update_action(
    action: ActionItem,
    *,
    acting_user: User,
    text: str | None = None,
    owner_partner: Partner | None = _UNCHANGED,
    owner_name: str | None = None,
    due_on: datetime.date | None = _UNCHANGED,
    done_on: datetime.date | None = _UNCHANGED,
) -> ActionItem:
    """Corrects an action. A value not given stays; for the owner partner and the dates, None
    clears it (an empty `done_on` opens a finished action again)."""
    before = audit.snapshot(action, ACTION_FIELDS)
    if text is not None:
        action.text = text
    if owner_name is not None:
        action.owner_name = owner_name.strip()
    for name, value in (("owner_partner", owner_partner), ("due_on", due_on), ("done_on", done_on)):
        if value is not _UNCHANGED:
            setattr(action, name, value)
    _check_action(action, action.meeting.coalition)
    action.save()
    changes = audit.diff(before, audit.snapshot(action, ACTION_FIELDS))
    if changes:
        _record_part(
            "meeting.action_updated", action.meeting, acting_user, item=action, changes=changes
        )
    return action


@transaction.atomic
def delete_action(action: ActionItem, *, acting_user: User) -> None:
    _record_part(
        "meeting.action_deleted",
        action.meeting,
        acting_user,
        item=action,
        changes=audit.snapshot(action, ACTION_FIELDS),
    )
    action.delete()


@transaction.atomic
def complete_action(
    action: ActionItem, *, acting_user: User, done_on: datetime.date | None = None
) -> ActionItem:
    if action.done_on is None:
        action.done_on = done_on or timezone.localdate()
        action.save(update_fields=["done_on"])
        audit.record(
            "meeting.action_done",
            action.meeting,
            acting_user=acting_user,
            coalition=action.meeting.coalition,
            changes={"action": str(action.uuid), "done_on": str(action.done_on)},
        )
    return action


# --- calendar feeds -------------------------------------------------------------------------


@transaction.atomic
def issue_calendar_feed(*, acting_user: User) -> str:
    """A new secret calendar address for the person; the previous one stops working. Returns the
    raw secret, which is not stored."""
    raw, digest = CalendarFeed.new_secret()
    CalendarFeed.objects.update_or_create(
        user=acting_user, defaults={"digest": digest, "created_at": timezone.now()}
    )
    audit.record(
        "calendar_feed.issued",
        acting_user,
        acting_user=acting_user,
        coalition=None,
        label=str(_("Agenda-abonnement")),
    )
    return raw
