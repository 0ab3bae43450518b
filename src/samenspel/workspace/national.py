"""Figures over all coalitions for the national programme: counts only, no coalition named.

The first of the national figures: how many coalitions there are in each life phase. More follow
with the monitoring of the five pillars; each is an aggregate that names no coalition and no person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from samenspel.coalitions.models import Coalition, Phase


@dataclass(frozen=True)
class PhaseCount:
    phase: str
    label: str
    coalitions: int


def coalitions_per_phase() -> list[PhaseCount]:
    """Every phase in the handbook's order, also those without coalitions; one query."""
    counts = dict(
        Coalition.objects.across_coalitions()
        .order_by()
        .values_list("phase")
        .annotate(n=Count("pk"))
    )
    return [
        PhaseCount(phase.value, str(phase.label), counts.get(phase.value, 0)) for phase in Phase
    ]
