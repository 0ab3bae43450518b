"""Audit actions of activities: the offer to residents, its reach, the public finder and imports."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class ActivityAction(AuditAction):
    ACTIVITY_CREATED = "activity.created", _("Activiteit toegevoegd")
    ACTIVITY_UPDATED = "activity.updated", _("Activiteit gewijzigd")
    ACTIVITY_DELETED = "activity.deleted", _("Activiteit verwijderd")
    ACTIVITY_CHECKED = "activity.checked", _("Activiteit gecontroleerd")
    REACH_CREATED = "reach.created", _("Bereik vastgelegd")
    REACH_UPDATED = "reach.updated", _("Bereik gewijzigd")
    REACH_DELETED = "reach.deleted", _("Bereik verwijderd")
    FINDER_SAVED = "finder.saved", _("Instellingen openbare zoeker opgeslagen")
    ACTIVITIES_IMPORTED = "activities.imported", _("Activiteiten ingelezen uit een bestand")
    ACTIVITIES_IMPORT_DISCARDED = (
        "activities.import_discarded",
        _("Import van activiteiten weggegooid"),
    )
