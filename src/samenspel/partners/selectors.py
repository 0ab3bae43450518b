"""Reads of partner data that several pages share."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from samenspel.coalitions.models import Coalition
from samenspel.core.queries import related_count
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent, PartnerKind

# The kinds the handbook (part 2) recommends having at the table; housing and 'other' are extras.
HANDBOOK_KINDS = [
    PartnerKind.RESIDENTS,
    PartnerKind.WELFARE,
    PartnerKind.ENTREPRENEURS,
    PartnerKind.ASSOCIATIONS,
    PartnerKind.NEIGHBOURHOOD_TEAM,
    PartnerKind.LIBRARIES_CULTURE,
    PartnerKind.CARE_PROVIDERS,
    PartnerKind.EDUCATION,
    PartnerKind.MUNICIPALITY,
]


def missing_kinds(present: set[str]) -> list[str]:
    return [kind.value for kind in HANDBOOK_KINDS if kind.value not in present]


def partner_or_404(coalition: Coalition, partner_uuid: UUID | str) -> Partner:
    """Tenancy: a partner is found only inside the coalition already resolved for this person."""
    return get_object_or_404(
        Partner.objects.select_related("coalition"), coalition=coalition, uuid=partner_uuid
    )


def partners_with_counts(coalition: Coalition) -> QuerySet[Partner]:
    """The partner list: one query, with the number of contacts and open conversations."""
    return with_counts(Partner.objects.filter(coalition=coalition))


def with_counts(partners: QuerySet[Partner]) -> QuerySet[Partner]:
    return partners.annotate(
        contact_count=related_count(ContactPerson.objects.all(), "partner"),
        open_conversations=related_count(PartnerEvent.objects.needing_conversation(), "partner"),
    )
