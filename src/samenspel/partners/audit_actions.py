"""Audit actions of partners: partners, contact persons and partner events."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class PartnerAction(AuditAction):
    PARTNER_CREATED = "partner.created", _("Partner toegevoegd")
    PARTNER_UPDATED = "partner.updated", _("Partner gewijzigd")
    PARTNER_EVENT_RECORDED = "partner.event_recorded", _("Verandering bij partner vastgelegd")
    PARTNER_EVENT_UPDATED = "partner.event_updated", _("Gesprek over verandering bijgewerkt")
    CONTACT_CREATED = "contact.created", _("Contactpersoon toegevoegd")
    CONTACT_UPDATED = "contact.updated", _("Contactpersoon gewijzigd")
    CONTACT_DELETED = "contact.deleted", _("Contactpersoon verwijderd")
