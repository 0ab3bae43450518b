"""Audit actions of the outbox."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class MailAction(AuditAction):
    MAIL_RETRIED = "mail.retried", _("E-mail opnieuw verstuurd")
