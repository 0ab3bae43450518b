"""Audit actions of funding: funding sources."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class FundingAction(AuditAction):
    FUNDING_CREATED = "funding.created", _("Financieringsbron toegevoegd")
    FUNDING_UPDATED = "funding.updated", _("Financieringsbron gewijzigd")
    FUNDING_DELETED = "funding.deleted", _("Financieringsbron verwijderd")
