"""Audit actions of monitoring: neighbourhoods and their figures."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class MonitoringAction(AuditAction):
    FIGURES_IMPORTED = "figures.imported", _("Cijfers over eenzaamheid geïmporteerd")
    NEIGHBOURHOOD_CREATED = "neighbourhood.created", _("Wijk of kern toegevoegd")
    NEIGHBOURHOOD_UPDATED = "neighbourhood.updated", _("Wijk of kern gewijzigd")
    NEIGHBOURHOOD_DELETED = "neighbourhood.deleted", _("Wijk of kern verwijderd")
