"""Audit actions of reporting: the coalition's comments on its indicators, the advisor's note."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class ReportingAction(AuditAction):
    INDICATOR_NOTE_SAVED = "indicator_note.saved", _("Toelichting bij indicator opgeslagen")
    INDICATOR_NOTE_UPDATED = "indicator_note.updated", _("Toelichting bij indicator gewijzigd")
    ADVISOR_NOTE_SAVED = "advisor_note.saved", _("Notitie van de adviseur opgeslagen")
    ADVISOR_NOTE_UPDATED = "advisor_note.updated", _("Notitie van de adviseur gewijzigd")
    REPORT_SECTION_SAVED = "report_section.saved", _("Hoofdstuk van het jaarverslag opgeslagen")
    REPORT_SECTION_UPDATED = "report_section.updated", _("Hoofdstuk van het jaarverslag gewijzigd")
    PUBLICATION_CHANGED = "publication.changed", _("Openbaarheid van de cijfers gewijzigd")
    OUTCOME_RECORDED = "outcome.recorded", _("Uitkomstmeting vastgelegd")
