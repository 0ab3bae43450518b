"""Audit actions of evaluations: evaluation moments and evaluations."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class EvaluationAction(AuditAction):
    EVALUATION_MOMENT_PLANNED = "evaluation_moment.planned", _("Evaluatiemoment gepland")
    EVALUATION_MOMENT_UPDATED = "evaluation_moment.updated", _("Evaluatiemoment gewijzigd")
    EVALUATION_MOMENT_DELETED = "evaluation_moment.deleted", _("Evaluatiemoment verwijderd")
    EVALUATION_RECORDED = "evaluation.recorded", _("Evaluatie vastgelegd")
    EVALUATION_UPDATED = "evaluation.updated", _("Evaluatie gewijzigd")
    EVALUATION_DELETED = "evaluation.deleted", _("Evaluatie verwijderd")
