"""Reads of funding data shared by the pages and the API."""

from __future__ import annotations

from samenspel.coalitions.models import Coalition
from samenspel.funding.models import FundingSource, FundingSourceQuerySet


def sources_of(coalition: Coalition) -> FundingSourceQuerySet:
    return listed_sources(FundingSource.objects.of_coalition(coalition))


def listed_sources(sources: FundingSourceQuerySet) -> FundingSourceQuerySet:
    """Sources as lists show them: with their funder, oldest first."""
    return sources.select_related("funder_partner").order_by("start_date", "funder_name", "pk")
