"""Reads of monitoring data shared by the pages, the API and the advice."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.core.queries import related_count
from samenspel.monitoring.models import ALL_ADULTS, LonelinessEstimate, Region


def neighbourhoods_of(coalition: Coalition) -> QuerySet[Neighbourhood]:
    """The coalition's wijken and kernen, each with the number of activities there (any status)."""
    return listed_neighbourhoods(Neighbourhood.objects.of_coalition(coalition))


def listed_neighbourhoods(neighbourhoods: QuerySet[Neighbourhood]) -> QuerySet[Neighbourhood]:
    """Scoped wijken and kernen, each with the number of activities there, any status."""
    return neighbourhoods.annotate(
        activity_count=related_count(Activity.objects.correlated(), "neighbourhood")
    ).order_by("name", "pk")


def latest_estimates(codes: Iterable[str]) -> dict[str, LonelinessEstimate]:
    """Per region code, the most recent estimate for all adults (one query). An estimate of the
    table with an age dimension ('18 jaar of ouder') wins over one without for the same year."""
    latest: dict[str, LonelinessEstimate] = {}
    rows = (
        LonelinessEstimate.objects.filter(region__code__in=list(codes), age_group__in=ALL_ADULTS)
        .select_related("region")
        .order_by("region__code", "-period", "-age_group")
    )
    for estimate in rows:
        latest.setdefault(estimate.region.code, estimate)
    return latest


def regions_of_municipality(municipality_code: str) -> QuerySet[Region]:
    return Region.objects.filter(municipality_code=municipality_code).order_by("code")
