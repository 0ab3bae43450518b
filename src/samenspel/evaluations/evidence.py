"""Recorded evaluations show that the coalition learns from what works, on 'Waar staan we?'
(coalitions.evidence): the handbook's monitoring activity of phase 4 (§1.2.5)."""

from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.evidence import RecordSource, register
from samenspel.evaluations.models import Evaluation

register(
    RecordSource(
        "evaluations.evaluations",
        "sustain-monitoring",
        _("vastgelegde evaluaties"),
        Evaluation.objects.of_coalition,
        date_field="held_on",
    )
)
