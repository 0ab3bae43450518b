"""Audit actions of scans: scan rounds."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class ScanAction(AuditAction):
    SCAN_ROUND_CREATED = "scan_round.created", _("Scanronde aangemaakt")
    SCAN_ROUND_OPENED = "scan_round.opened", _("Scanronde geopend en uitnodigingen verstuurd")
    SCAN_ROUND_CLOSED = "scan_round.closed", _("Scanronde gesloten")
    SCAN_ROUND_REMINDED = "scan_round.reminded", _("Herinneringen verstuurd")
