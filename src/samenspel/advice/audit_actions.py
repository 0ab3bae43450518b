"""Audit actions of advice: findings of the advice engine."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class AdviceAction(AuditAction):
    FINDING_DISMISSED = "finding.dismissed", _("Bevinding terzijde gelegd")
    FINDING_RESTORED = "finding.restored", _("Terzijde gelegde bevinding teruggezet")
