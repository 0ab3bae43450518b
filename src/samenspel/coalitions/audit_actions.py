"""Audit actions of coalitions: the coalition, its phases and checklist."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class CoalitionAction(AuditAction):
    COALITION_CREATED = "coalition.created", _("Coalitie aangemaakt")
    COALITION_UPDATED = "coalition.updated", _("Coalitiegegevens gewijzigd")
    COALITION_PHASE_CHANGED = "coalition.phase_changed", _("Fase gewijzigd")
    CHECKLIST_UPDATED = "checklist.updated", _("Checklist bijgewerkt")
    MUNICIPALITY_ROLES_UPDATED = "coalition.municipality_roles", _("Rol van de gemeente vastgelegd")
