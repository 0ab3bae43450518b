"""Figures over all coalitions for the national programme and the public: counts only, small
numbers hidden (`workspace.suppression`), and a coalition named only when it chose to publish.

Every figure is an aggregate query over the data (a fixed number of queries, whatever the number
of coalitions). Per phase, per kind of partner and
per circle are tables with their total; the offer and the reach are sums over coalitions, shown
when at least ten coalitions contribute and the sum is at least ten. Signals of loneliness of the
last twelve months, per outcome and per time to the first contact, are tables of counts (values
read, never a row with personal data), shown only when at least ten coalitions contribute.

The scan scores per pillar need each coalition's scan results (`scans.results`, scored in
Python): they are computed per coalition once per version of its data and kept in the analysis
cache (`cached_many`, as the portfolio does). A pillar's national score is the mean of the
coalitions' means, shown when at least ten coalitions and ten respondents contribute.

The whole set of figures is kept in the analysis cache too, under a digest of the data versions
of all coalitions and the day: every change a coalition's figures depend on (phase, partners,
offer, reach, signals, publication, scan answers) changes its version, so the page reads the
coalitions and their versions (three queries) and computes nothing until something changed.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.activities.models import Activity, ActivityStatus, ReachRecord
from samenspel.coalitions.models import Coalition, Phase
from samenspel.core.analysis_cache import (
    Version,
    cached,
    cached_many,
    version,
    versions_key,
)
from samenspel.core.choices import label
from samenspel.guide.content import get_section
from samenspel.partners.models import Circle, Partner, PartnerKind
from samenspel.scans.results import latest_results
from samenspel.signals.figures import OPEN, WAITS
from samenspel.signals.models import Signal
from samenspel.signals.workflow import Outcome
from samenspel.workspace.suppression import MIN_COUNT, Table, shown, suppress

# The scan whose subscales are the five pillars (`scans/instruments/`).
PILLARS_SCAN = "pillars"

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
class PillarScore:
    key: str
    label: str
    mean: float | None  # the mean of the coalitions' means; None: hidden
    coalitions: int
    respondents: int


@dataclass(frozen=True)
class NationalFigures:
    per_phase: Labelled
    per_kind: Labelled
    per_circle: Labelled
    activities: int | None
    reach: int | None
    published: list[PublishedCoalition]
    signals_per_outcome: Labelled
    signals_per_wait: Labelled
    scan_scores: list[PillarScore]


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


def _among_enough(labelled: Labelled, coalitions: int) -> Labelled:
    """A table shown only when at least MIN_COUNT coalitions contribute to it."""
    if coalitions >= MIN_COUNT:
        return labelled
    return Labelled([Row(row.key, row.label, None) for row in labelled.rows], None)


def _signals(since: datetime.date) -> tuple[Labelled, Labelled]:
    """Signals received since `since` per outcome and per time to the first contact (the
    signals app's own categories); two queries."""
    received = Signal.objects.across_coalitions().filter(received_at__date__gte=since).order_by()
    outcomes = Counter[str]()
    for outcome, n in received.values_list("outcome").annotate(n=Count("pk")):
        outcomes[outcome or OPEN] += n
    wait = ExpressionWrapper(F("first_contact_at") - F("received_at"), output_field=DurationField())
    week, fortnight = datetime.timedelta(days=7), datetime.timedelta(days=14)
    waits = received.alias(wait_time=wait).aggregate(
        week=Count("pk", filter=Q(wait_time__lte=week)),
        fortnight=Count("pk", filter=Q(wait_time__gt=week, wait_time__lte=fortnight)),
        longer=Count("pk", filter=Q(wait_time__gt=fortnight)),
        none=Count("pk", filter=Q(first_contact_at__isnull=True)),
        coalitions=Count("coalition", distinct=True),
    )

    def table(columns: list[tuple[str, Any]], counts: dict[str, int]) -> Labelled:
        hidden = suppress({key: counts.get(key, 0) for key, _label in columns})
        rows = [Row(key, str(name), hidden.cells[key]) for key, name in columns]
        return _among_enough(Labelled(rows, hidden.total), waits["coalitions"])

    return (
        table([*Outcome.choices, (OPEN, _("nog open"))], outcomes),
        table(list(WAITS), waits),
    )


def _pillar_means(coalition: Coalition, today: datetime.date) -> dict[str, tuple[float, int]]:
    """Per pillar the mean and respondents of the coalition's latest closed pillar scan."""
    results = latest_results(coalition).get(PILLARS_SCAN)
    if results is None or results.round.closes_on > today:
        return {}
    return {
        r.subscale.key: (r.aggregate.mean, r.aggregate.n) for r in results.subscales if r.aggregate
    }


def _scan_scores(today: datetime.date, versions: dict[int, Version]) -> list[PillarScore]:
    """Cached per coalition under its data version: one cache read."""
    means = cached_many(
        "national-pillars",
        {pk: f"{version.key}-{today.isoformat()}" for pk, version in versions.items()},
        lambda pk: _pillar_means(Coalition.objects.across_coalitions().get(pk=pk), today),
    )
    scores = []
    for item in get_section("pillars").items:
        found = [m[item.key] for m in means.values() if item.key in m]
        respondents = sum(n for _mean, n in found)
        enough = len(found) >= MIN_COUNT and respondents >= MIN_COUNT
        scores.append(
            PillarScore(
                key=item.key,
                label=item.title,
                mean=fmean(mean for mean, _n in found) if enough else None,
                coalitions=len(found),
                respondents=respondents,
            )
        )
    return scores


def national_figures(today: datetime.date | None = None) -> NationalFigures:
    """Every coalition with its data version (one query), then one cache read; when anything
    changed, nine aggregate queries and one more cache read (a coalition whose data changed has
    its scan scores computed again)."""
    today = today or timezone.localdate()
    versions = every_data_version()
    return cached("national", versions_key(versions, today), lambda: _compute(today, versions))


def every_data_version() -> dict[int, Version]:
    """The data version of every coalition in the country, in one query."""
    return {
        pk: version(pk, number, changed_at)
        for pk, number, changed_at in Coalition.objects.across_coalitions().values_list(
            "pk", "data_version__number", "data_version__changed_at"
        )
    }


def _compute(today: datetime.date, versions: dict[int, Version]) -> NationalFigures:
    since = today - YEAR
    activities, reach = _offer(since)
    signals_per_outcome, signals_per_wait = _signals(since)
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
        signals_per_outcome=signals_per_outcome,
        signals_per_wait=signals_per_wait,
        scan_scores=_scan_scores(today, versions),
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
        "signals_per_outcome_last_twelve_months": table(figures.signals_per_outcome),
        "signals_per_time_to_first_contact_last_twelve_months": table(figures.signals_per_wait),
        "scan_score_per_pillar": {
            score.key: None if score.mean is None else round(score.mean, 2)
            for score in figures.scan_scores
        },
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
        ("signals_per_outcome_last_twelve_months", figures.signals_per_outcome),
        ("signals_per_time_to_first_contact_last_twelve_months", figures.signals_per_wait),
    ):
        rows += [[name, row.key, row.value] for row in labelled.rows]
        rows.append([name, "total", labelled.total])
    rows += [
        ["scan_score_per_pillar", s.key, None if s.mean is None else round(s.mean, 2)]
        for s in figures.scan_scores
    ]
    rows.append(["active_activities", "total", figures.activities])
    rows.append(["participants_last_twelve_months", "total", figures.reach])
    for c in figures.published:
        rows.append(["coalition_partners", c.name, c.partners])
        rows.append(["coalition_active_activities", c.name, c.activities])
        rows.append(["coalition_participants_last_twelve_months", c.name, c.reach])
    return ["figure", "part", "value"], rows
