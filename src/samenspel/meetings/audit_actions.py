"""Audit actions of meetings: bodies, meetings and calendar feeds."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class MeetingAction(AuditAction):
    BODY_CREATED = "body.created", _("Overlegorgaan toegevoegd")
    BODY_UPDATED = "body.updated", _("Overlegorgaan gewijzigd")
    MEETING_CREATED = "meeting.created", _("Overleg gepland")
    MEETING_UPDATED = "meeting.updated", _("Overleg gewijzigd")
    MEETING_DELETED = "meeting.deleted", _("Overleg verwijderd")
    MEETING_AGENDA_ITEM_ADDED = "meeting.agenda_item_added", _("Agendapunt toegevoegd")
    MEETING_AGENDA_ITEM_UPDATED = "meeting.agenda_item_updated", _("Agendapunt gewijzigd")
    MEETING_AGENDA_ITEM_DELETED = "meeting.agenda_item_deleted", _("Agendapunt verwijderd")
    MEETING_ATTENDANCE_SET = "meeting.attendance_set", _("Aanwezigheid vastgelegd")
    MEETING_ATTENDANCE_REMOVED = "meeting.attendance_removed", _("Aanwezigheid verwijderd")
    MEETING_DECISION_RECORDED = "meeting.decision_recorded", _("Besluit vastgelegd")
    MEETING_DECISION_UPDATED = "meeting.decision_updated", _("Besluit gewijzigd")
    MEETING_DECISION_DELETED = "meeting.decision_deleted", _("Besluit verwijderd")
    MEETING_ACTION_ADDED = "meeting.action_added", _("Actiepunt vastgelegd")
    MEETING_ACTION_UPDATED = "meeting.action_updated", _("Actiepunt gewijzigd")
    MEETING_ACTION_DELETED = "meeting.action_deleted", _("Actiepunt verwijderd")
    MEETING_ACTION_DONE = "meeting.action_done", _("Actiepunt afgerond")
    MEETING_DOCUMENT_SENT = "meeting.document_sent", _("Agenda of verslag gemaild")
    CALENDAR_FEED_ISSUED = "calendar_feed.issued", _("Agenda-abonnement (opnieuw) aangemaakt")
