"""Audit actions of signals: every step of a signal's follow-up is one of these."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class SignalAction(AuditAction):
    SETTINGS_SAVED = "signal.settings_saved", _("Instellingen signalen opgeslagen")
    SIGNAL_RECORDED = "signal.recorded", _("Signaal vastgelegd")
    SIGNAL_MOVED = "signal.moved", _("Status van een signaal gewijzigd")
    SIGNAL_HANDED_OVER = "signal.handed_over", _("Signaal overgedragen")
    HANDOVER_DECIDED = "signal.handover_decided", _("Besluit over een overdracht")
    SIGNAL_REFERRED = "signal.referred", _("Signaal doorverwezen naar een activiteit")
    CONSENT_RECORDED = "signal.consent_recorded", _("Toestemming vastgelegd")
    CONSENT_WITHDRAWN = "signal.consent_withdrawn", _("Toestemming ingetrokken")
    SIGNAL_ANONYMISED = "signal.anonymised", _("Signaal geanonimiseerd")
