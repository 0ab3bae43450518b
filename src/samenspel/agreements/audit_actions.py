"""Audit actions of agreements: ambition, agreements, process steps and the covenant."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class AgreementAction(AuditAction):
    AMBITION_RECORDED = "ambition.recorded", _("Nieuwe versie van de ambitie vastgelegd")
    AGREEMENT_CREATED = "agreement.created", _("Afspraken met een partner vastgelegd")
    AGREEMENT_UPDATED = "agreement.updated", _("Afspraken met een partner gewijzigd")
    AGREEMENT_DELETED = "agreement.deleted", _("Afspraken met een partner verwijderd")
    PROCESS_STEP_CREATED = "process_step.created", _("Processtap toegevoegd")
    PROCESS_STEP_UPDATED = "process_step.updated", _("Processtap gewijzigd")
    PROCESS_STEP_DELETED = "process_step.deleted", _("Processtap verwijderd")
    COVENANT_SAVED = "covenant.saved", _("Intentieverklaring of convenant gewijzigd")
    COVENANT_SIGNED = "covenant.signed", _("Intentieverklaring of convenant getekend")
    SIGNATORY_ADDED = "signatory.added", _("Ondertekenaar toegevoegd")
    SIGNATORY_REMOVED = "signatory.removed", _("Ondertekenaar verwijderd")
