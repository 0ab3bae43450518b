"""Standing bodies show the work and meeting structure on 'Waar staan we?' (coalitions.evidence)."""

from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.evidence import RecordSource, register
from samenspel.meetings.models import Body

register(
    RecordSource(
        "meetings.bodies",
        "establish-work-structure",
        _("vaste overleggen"),
        Body.objects.of_coalition,
    )
)
