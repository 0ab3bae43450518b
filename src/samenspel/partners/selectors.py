"""Reads of partner data that several pages share."""

from __future__ import annotations

from django.db.models import QuerySet

from samenspel.core.queries import related_count
from samenspel.core.tenancy import MembershipLike
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


def partners_with_counts(membership: MembershipLike) -> QuerySet[Partner]:
    """The partner list: one query, with the number of contacts and open conversations."""
    return with_counts(Partner.objects.visible_to(membership))


def with_counts(partners: QuerySet[Partner]) -> QuerySet[Partner]:
    return partners.annotate(
        contact_count=related_count(ContactPerson.objects.correlated(), "partner"),
        open_conversations=related_count(
            PartnerEvent.objects.correlated().needing_conversation(), "partner"
        ),
    )
