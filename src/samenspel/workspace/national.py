"""Figures over all coalitions for the national programme and the public: counts only, small
numbers hidden (`workspace.suppression`), and a coalition named only when it chose to publish.

Every figure is an aggregate query over the current data (a fixed number of queries, whatever the
number of coalitions), so it is never staler than the data. Per phase, per kind of partner and
per circle are tables with their total; the offer and the reach are sums over coalitions, shown
when at least ten coalitions contribute and the sum is at least ten.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from samenspel.activities.models import Activity, ActivityStatus, ReachRecord
from samenspel.coalitions.models import Coalition, Phase
from samenspel.core.choices import label
from samenspel.partners.models import Circle, Partner, PartnerKind
from samenspel.workspace.suppression import MIN_COUNT, Table, shown, suppress

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: int | None  # None: hidden


@dataclass(frozen=True)
class Labelled:
    rows: list[Row]
    total: int | None


@dataclass(frozen=True)
class PublishedCoalition:
    name: str
    municipality: str
    phase: str
    partners: int
    activities: int
    reach: int | None  # last twelve months; hidden below MIN_COUNT


@dataclass(frozen=True)
class NationalFigures:
    per_phase: Labelled
    per_kind: Labelled
    per_circle: Labelled
    activities: int | None
    reach: int | None
    published: list[PublishedCoalition]


def _labelled(choices: Any, table: Table) -> Labelled:
    return Labelled(
        [Row(key, label(choices, key), value) for key, value in table.cells.items()], table.total
    )


def _table(choices: Any, counted: Iterable[tuple[str, int]]) -> Labelled:
    found = dict(counted)
    return _labelled(choices, suppress({value: found.get(value, 0) for value in choices.values}))


def _current_partners() -> Any:
    return Partner.objects.across_coalitions().filter(left_on__isnull=True).order_by()


def _offer(since: datetime.date) -> tuple[int | None, int | None]:
    """Active activities and participants reached since `since`, each summed over all
    coalitions and shown only when at least MIN_COUNT coalitions contribute."""
    offer = (
        Activity.objects.across_coalitions()
        .filter(status=ActivityStatus.ACTIVE)
        .aggregate(n=Count("pk"), coalitions=Count("coalition", distinct=True))
    )
    reach = (
        ReachRecord.objects.across_coalitions()
        .filter(period_end__gte=since)
        .aggregate(
            n=Sum(F("new_participants") + F("returning_participants")),
            coalitions=Count("activity__coalition", distinct=True),
        )
    )

    def among_enough(total: int | None, coalitions: int) -> int | None:
        return shown(total or 0) if coalitions >= MIN_COUNT else None

    return among_enough(offer["n"], offer["coalitions"]), among_enough(
        reach["n"], reach["coalitions"]
    )


def _published(since: datetime.date) -> list[PublishedCoalition]:
    rows = (
        Coalition.objects.across_coalitions()
        .filter(publication__publish=True)
        .select_related("municipality")
        .annotate(
            n_partners=Count("partners", filter=Q(partners__left_on__isnull=True), distinct=True),
            n_activities=Count(
                "activities", filter=Q(activities__status=ActivityStatus.ACTIVE), distinct=True
            ),
        )
        .order_by("name")
    )
    reach = dict(
        ReachRecord.objects.across_coalitions()
        .filter(period_end__gte=since, activity__coalition__publication__publish=True)
        .order_by()
        .values_list("activity__coalition_id")
        .annotate(n=Sum(F("new_participants") + F("returning_participants")))
    )
    return [
        PublishedCoalition(
            name=c.name,
            municipality=c.municipality.name,
            phase=label(Phase, c.phase),
            partners=c.n_partners,  # type: ignore[attr-defined]
            activities=c.n_activities,  # type: ignore[attr-defined]
            reach=shown(reach.get(c.pk) or 0),
        )
        for c in rows
    ]


def national_figures(today: datetime.date | None = None) -> NationalFigures:
    """Seven queries, whatever the number of coalitions."""
    since = (today or timezone.localdate()) - YEAR
    activities, reach = _offer(since)
    return NationalFigures(
        per_phase=_table(
            Phase,
            Coalition.objects.across_coalitions()
            .order_by()
            .values_list("phase")
            .annotate(n=Count("pk")),
        ),
        per_kind=_table(
            PartnerKind, _current_partners().values_list("kind").annotate(n=Count("pk"))
        ),
        per_circle=_table(
            Circle, _current_partners().values_list("circle").annotate(n=Count("pk"))
        ),
        activities=activities,
        reach=reach,
        published=_published(since),
    )


def open_data(figures: NationalFigures) -> dict[str, Any]:
    """The published figures as plain data; hidden cells are null."""

    def table(labelled: Labelled) -> dict[str, Any]:
        return {"total": labelled.total, "cells": {row.key: row.value for row in labelled.rows}}

    return {
        "suppression": {"minimum": MIN_COUNT},
        "coalitions_per_phase": table(figures.per_phase),
        "partners_per_kind": table(figures.per_kind),
        "partners_per_circle": table(figures.per_circle),
        "active_activities": figures.activities,
        "participants_last_twelve_months": figures.reach,
        "published_coalitions": [
            {
                "name": c.name,
                "municipality": c.municipality,
                "phase": c.phase,
                "partners": c.partners,
                "active_activities": c.activities,
                "participants_last_twelve_months": c.reach,
            }
            for c in figures.published
        ],
    }


def open_data_rows(figures: NationalFigures) -> tuple[list[str], list[list[Any]]]:
    """One row per published figure: what it counts, which part, the value (empty: hidden)."""
    rows: list[list[Any]] = []
    for name, labelled in (
        ("coalitions_per_phase", figures.per_phase),
        ("partners_per_kind", figures.per_kind),
        ("partners_per_circle", figures.per_circle),
    ):
        rows += [[name, row.key, row.value] for row in labelled.rows]
        rows.append([name, "total", labelled.total])
    rows.append(["active_activities", "total", figures.activities])
    rows.append(["participants_last_twelve_months", "total", figures.reach])
    for c in figures.published:
        rows.append(["coalition_partners", c.name, c.partners])
        rows.append(["coalition_active_activities", c.name, c.activities])
        rows.append(["coalition_participants_last_twelve_months", c.name, c.reach])
    return ["figure", "part", "value"], rows
