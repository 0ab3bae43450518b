"""Reads of funding data shared by the pages and the API."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from samenspel.coalitions.models import Coalition
from samenspel.funding.models import FundingSource, FundingSourceQuerySet


def sources_of(coalition: Coalition) -> FundingSourceQuerySet:
    return listed_sources(FundingSource.objects.filter(coalition=coalition))


def listed_sources(sources: FundingSourceQuerySet) -> FundingSourceQuerySet:
    """Sources as lists show them: with their funder, oldest first."""
    return sources.select_related("funder_partner").order_by("start_date", "funder_name", "pk")


def source_or_404(coalition: Coalition, source_uuid: UUID | str) -> FundingSource:
    """A source of this coalition only: another coalition's source does not exist here."""
    source = get_object_or_404(sources_of(coalition), uuid=source_uuid)
    source.coalition = coalition
    return source
