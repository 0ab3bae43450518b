"""The agreements records that show a phase's activity on 'Waar staan we?' (coalitions.evidence)."""

from django.db.models import QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    CovenantStatus,
    PartnerAgreement,
    ProcessStep,
)
from samenspel.coalitions.evidence import MARKER_PREFIX, RecordSource, register
from samenspel.coalitions.models import Coalition, Phase
from samenspel.partners.models import CoalitionRole


def _later_ambitions(coalition: Coalition) -> QuerySet[AmbitionVersion]:
    """Every version after the first: the ambition was dusted off (§1.2.5)."""
    versions = AmbitionVersion.objects.of_coalition(coalition)
    first = versions.order_by("created_at", "pk").values("created_at")[:1]
    return versions.filter(created_at__gt=Subquery(first))


register(
    RecordSource(
        "agreements.ambition",
        "explore-shared-ambition",
        _("vastgelegde gedeelde ambitie"),
        AmbitionVersion.objects.of_coalition,
    )
)
register(
    RecordSource(
        "agreements.ambition_refreshed",
        "sustain-refresh-ambition",
        _("nieuwe versie van de ambitie"),
        _later_ambitions,
    )
)
register(
    RecordSource(
        "agreements.partner_agreements",
        "establish-roles-agreements",
        _("afspraken per partner"),
        PartnerAgreement.objects.of_coalition,
    )
)
register(
    RecordSource(
        "agreements.process_lead",
        "establish-process-direction",
        _("afspraak over de procesregie"),
        lambda c: PartnerAgreement.objects.of_coalition(c).filter(role=CoalitionRole.PROCESS_LEAD),
    )
)
register(
    RecordSource(
        "agreements.process_steps",
        "establish-process-design",
        _("processtappen"),
        ProcessStep.objects.of_coalition,
    )
)
register(
    RecordSource(
        "agreements.covenant",
        MARKER_PREFIX + Phase.ESTABLISH,
        _("getekende intentieverklaring of convenant"),
        lambda c: Covenant.objects.of_coalition(c).filter(status=CovenantStatus.SIGNED),
        date_field="signed_on",
    )
)
