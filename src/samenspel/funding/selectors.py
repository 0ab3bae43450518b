"""Reads of funding data shared by the pages and the API."""

from __future__ import annotations

from samenspel.coalitions.models import Coalition
from samenspel.funding.models import FundingSource, FundingSourceQuerySet


def sources_of(coalition: Coalition) -> FundingSourceQuerySet:
    return (
        FundingSource.objects.of_coalition(coalition)
        .select_related("funder_partner")
        .order_by("start_date", "funder_name", "pk")
    )
