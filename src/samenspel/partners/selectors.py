"""Reads of partner data that several pages share."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from samenspel.coalitions.models import Coalition
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


def _count_per_partner(queryset: QuerySet[Any]) -> Coalesce:
    """A correlated COUNT per partner row: uses the partner index, and `.count()` of the list
    (pagination) can drop it, unlike a GROUP BY over joined tables."""
    counted = queryset.filter(partner=OuterRef("pk")).order_by().values("partner")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


def partners_with_counts(coalition: Coalition) -> QuerySet[Partner]:
    """The partner list: one query, with the number of contacts and open conversations."""
    return Partner.objects.filter(coalition=coalition).annotate(
        contact_count=_count_per_partner(ContactPerson.objects.all()),
        open_conversations=_count_per_partner(PartnerEvent.objects.needing_conversation()),
    )
