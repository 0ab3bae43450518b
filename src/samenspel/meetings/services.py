"""Write paths for bodies, meetings and what happens in them, and for calendar feeds.

Every function is atomic, takes the acting person as a keyword and writes the audit trail in the
same transaction. Rules are checked here (Dutch messages at the field they concern), so a form
and the API refuse the same things and nothing is half-saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core import audit
from samenspel.core.tenancy import of_other_coalition
from samenspel.meetings.audit_actions import MeetingAction
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
    if any(of_other_coalition(partner, coalition.pk) for partner in members):
        raise ValidationError(
            {"members": _("Kies alleen partners van deze coalitie.")}, code="other_coalition"
        )
    return audit.save(
        body or Body(coalition=coalition),
        {**fields, "members": members},
        created=MeetingAction.BODY_CREATED,
        updated=MeetingAction.BODY_UPDATED,
        acting_user=acting_user,
        coalition=coalition,
        check=partial(_full_clean, exclude=["coalition"]),
    )


def _full_clean(instance: Any, *, exclude: list[str]) -> None:
    instance.full_clean(exclude=exclude)


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
    return audit.save(
        meeting or Meeting(coalition=coalition),
        fields,
        created=MeetingAction.MEETING_CREATED,
        updated=MeetingAction.MEETING_UPDATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_meeting,
    )


def _check_meeting(meeting: Meeting) -> None:
    validate_meeting(meeting)
    meeting.full_clean(exclude=["coalition"])


@transaction.atomic
def delete_meeting(meeting: Meeting, *, acting_user: User) -> None:
    """Deletes the meeting with its agenda, attendance, decisions and actions; the audit record
    keeps the meeting's fields and how many of each went with it."""
    from samenspel.meetings.selectors import meeting_contents

    audit.delete(
        meeting,
        action=MeetingAction.MEETING_DELETED,
        acting_user=acting_user,
        coalition=meeting.coalition,
        context=meeting_contents(meeting),
    )


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
                {"finding_rule": _("Deze bevinding speelt nu niet in deze coalitie.")}
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
    audit.create(
        item,
        action=MeetingAction.MEETING_AGENDA_ITEM_ADDED,
        acting_user=acting_user,
        check=_check_item,
        **_on_meeting(item),
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
    values = {
        name: value.strip()
        for name, value in (("title", title), ("notes", notes))
        if value is not None
    }
    audit.update(
        item,
        values,
        action=MeetingAction.MEETING_AGENDA_ITEM_UPDATED,
        acting_user=acting_user,
        check=_check_item,
        **_on_meeting(item),
    )
    return item


@transaction.atomic
def delete_agenda_item(item: AgendaItem, *, acting_user: User) -> None:
    audit.delete(
        item,
        action=MeetingAction.MEETING_AGENDA_ITEM_DELETED,
        acting_user=acting_user,
        **_on_meeting(item),
    )


def _check_item(item: AgendaItem) -> None:
    item.full_clean(exclude=["meeting", "source_event"])


def _on_meeting(part: AgendaItem | Attendance | Decision | ActionItem, **context: Any) -> Any:
    """A change to one part of a meeting is recorded on the meeting, naming the part."""
    return {
        "coalition": part.meeting.coalition,
        "subject": part.meeting,
        "context": {PART_KEYS[type(part)]: part.uuid, **context},
    }


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
    if of_other_coalition(partner, meeting.coalition_id):
        raise ValidationError({"partner": _("Kies een partner van deze coalitie.")})
    attendance = (
        Attendance.objects.of_coalition(meeting.coalition_id)
        .filter(meeting=meeting, partner=partner)
        .first()
    ) or Attendance(meeting=meeting, partner=partner)
    return _save_attendance(attendance, acting_user=acting_user, status=status)


def attendance_key(partner: Partner) -> str:
    """The name of a partner's choice in the attendance form, and the key of its errors."""
    return f"partner-{partner.uuid}"


@transaction.atomic
def record_attendance(
    meeting: Meeting,
    *,
    acting_user: User,
    chosen: Mapping[Partner, str],
    opened: Mapping[Partner, str],
) -> int:
    """The attendance of several partners at once: `chosen` holds each changed partner's new
    status ('' clears it), `opened` what the form showed. Someone else's change to the same
    partner in between is refused at that partner, and then nothing is saved. Returns the
    number of partners changed."""
    rows = {
        row.partner_id: row
        for row in Attendance.objects.of_coalition(meeting.coalition_id)
        .select_for_update()
        .filter(meeting=meeting)
        .select_related("partner")
    }
    clashes = {
        attendance_key(partner): _clash(partner, rows.get(partner.pk))
        for partner, status in chosen.items()
        if _now(rows.get(partner.pk)) not in (opened.get(partner, ""), status)
    }
    foreign = [p for p in chosen if of_other_coalition(p, meeting.coalition_id)]
    if foreign or clashes:
        raise ValidationError(
            clashes or {attendance_key(foreign[0]): _("Kies een partner van deze coalitie.")}
        )
    for partner, status in chosen.items():
        row = rows.get(partner.pk)
        if status:
            row = row or Attendance(meeting=meeting, partner=partner)
            _save_attendance(row, acting_user=acting_user, status=status)
        elif row is not None:
            remove_attendance(row, acting_user=acting_user)
    return len(chosen)


def _now(row: Attendance | None) -> str:
    return row.status if row else ""


def _clash(partner: Partner, row: Attendance | None) -> str:
    status = row.get_status_display().lower() if row else _("niets")
    return _(
        "Intussen legde iemand anders '%(status)s' vast voor %(partner)s. Kijk of uw keuze "
        "nog klopt en sla opnieuw op."
    ) % {"status": status, "partner": partner.name}


@transaction.atomic
def change_attendance(attendance: Attendance, *, acting_user: User, status: str) -> Attendance:
    """A new status for a row already recorded (the partner stays; remove the row instead)."""
    return _save_attendance(attendance, acting_user=acting_user, status=status)


def _save_attendance(attendance: Attendance, *, acting_user: User, status: str) -> Attendance:
    return audit.save(
        attendance,
        {"status": status},
        created=MeetingAction.MEETING_ATTENDANCE_SET,
        updated=MeetingAction.MEETING_ATTENDANCE_SET,
        acting_user=acting_user,
        check=_check_attendance,
        **_on_meeting(attendance, partner=attendance.partner),
    )


def _check_attendance(attendance: Attendance) -> None:
    attendance.full_clean(exclude=["meeting", "partner"], validate_constraints=False)


@transaction.atomic
def remove_attendance(attendance: Attendance, *, acting_user: User) -> None:
    audit.delete(
        attendance,
        action=MeetingAction.MEETING_ATTENDANCE_REMOVED,
        acting_user=acting_user,
        **_on_meeting(attendance),
    )


@transaction.atomic
def record_decision(meeting: Meeting, *, acting_user: User, text: str) -> Decision:
    # Lock the meeting so two decisions recorded at once do not get the same number.
    Meeting.objects.of_coalition(meeting.coalition_id).select_for_update().filter(
        pk=meeting.pk
    ).first()
    highest = meeting.decisions.aggregate(highest=Max("number"))["highest"]
    decision = Decision(meeting=meeting, number=(highest or 0) + 1, text=text)
    return audit.create(
        decision,
        action=MeetingAction.MEETING_DECISION_RECORDED,
        acting_user=acting_user,
        check=_check_decision,
        **_on_meeting(decision),
    )


@transaction.atomic
def update_decision(decision: Decision, *, acting_user: User, text: str) -> Decision:
    return audit.update(
        decision,
        {"text": text.strip()},
        action=MeetingAction.MEETING_DECISION_UPDATED,
        acting_user=acting_user,
        check=_check_decision,
        **_on_meeting(decision, number=decision.number),
    )


def _check_decision(decision: Decision) -> None:
    decision.full_clean(exclude=["meeting"], validate_constraints=False)


@transaction.atomic
def delete_decision(decision: Decision, *, acting_user: User) -> None:
    """The other decisions keep their numbers: minutes and later meetings refer to them."""
    audit.delete(
        decision,
        action=MeetingAction.MEETING_DECISION_DELETED,
        acting_user=acting_user,
        **_on_meeting(decision),
    )


def _check_action(action: ActionItem) -> None:
    """The same rules for a new action and a corrected one."""
    if of_other_coalition(action.owner_partner, action.meeting.coalition_id):
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
    return audit.create(
        action,
        action=MeetingAction.MEETING_ACTION_ADDED,
        acting_user=acting_user,
        check=_check_action,
        **_on_meeting(action),
    )


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
    given = {
        "text": text,
        "owner_name": owner_name.strip() if owner_name is not None else None,
        "owner_partner": owner_partner,
        "due_on": due_on,
        "done_on": done_on,
    }
    return _save_action(
        action,
        {
            name: value
            for name, value in given.items()
            if value is not _UNCHANGED and (value is not None or name in NULLABLE)
        },
        MeetingAction.MEETING_ACTION_UPDATED,
        acting_user=acting_user,
    )


# None clears these when given; for the others None means "not given".
NULLABLE = {"owner_partner", "due_on", "done_on"}


def _save_action(
    action: ActionItem, values: dict[str, Any], kind: str, *, acting_user: User
) -> ActionItem:
    return audit.update(
        action,
        values,
        action=kind,
        acting_user=acting_user,
        check=_check_action,
        **_on_meeting(action),
    )


@transaction.atomic
def delete_action(action: ActionItem, *, acting_user: User) -> None:
    audit.delete(
        action,
        action=MeetingAction.MEETING_ACTION_DELETED,
        acting_user=acting_user,
        **_on_meeting(action),
    )


@transaction.atomic
def complete_action(
    action: ActionItem, *, acting_user: User, done_on: datetime.date | None = None
) -> ActionItem:
    if action.done_on is not None:
        return action
    return _save_action(
        action,
        {"done_on": done_on or timezone.localdate()},
        MeetingAction.MEETING_ACTION_DONE,
        acting_user=acting_user,
    )


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
        MeetingAction.CALENDAR_FEED_ISSUED,
        acting_user,
        acting_user=acting_user,
        coalition=None,
        label=str(_("Agenda-abonnement")),
    )
    return raw
