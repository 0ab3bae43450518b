"""Reads of evaluation data shared by the pages, the API and the advice."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from samenspel.coalitions.models import Coalition
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus


def moments_of(coalition: Coalition) -> QuerySet[EvaluationMoment]:
    return listed_moments(EvaluationMoment.objects.of_coalition(coalition))


def listed_moments(moments: QuerySet[EvaluationMoment]) -> QuerySet[EvaluationMoment]:
    return moments.order_by("-planned_on", "-pk")


def evaluations_of(coalition: Coalition) -> QuerySet[Evaluation]:
    return listed_evaluations(Evaluation.objects.of_coalition(coalition))


def listed_evaluations(evaluations: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
    """Evaluations as lists show them: with moment, author and participants, newest first."""
    return (
        evaluations.select_related("moment", "recorded_by")
        .prefetch_related("participants")
        .order_by("-held_on", "-created_at", "-pk")
    )


def next_planned(coalition: Coalition, today: datetime.date) -> EvaluationMoment | None:
    return (
        EvaluationMoment.objects.of_coalition(coalition)
        .filter(status=MomentStatus.PLANNED, planned_on__gte=today)
        .order_by("planned_on", "pk")
        .first()
    )


def a_year_after(day: datetime.date) -> datetime.date:
    """The same day next year (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def suggested_date(
    last_held_on: datetime.date | None, today: datetime.date
) -> datetime.date | None:
    """A year after the last evaluation, or today when that has passed; None without one."""
    if last_held_on is None:
        return None
    return max(a_year_after(last_held_on), today)
