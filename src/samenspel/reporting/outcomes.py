"""Outcome measures at group level: the De Jong Gierveld loneliness scale per activity.

The scale (J. de Jong Gierveld and Th. van Tilburg) has eleven items and a score from 0 to 11;
the bands are the ones the GGD health monitor reports: 0–2 not lonely, 3–8 moderately, 9–10
severely, 11 very severely lonely. An activity records how many of its participants fell in each
band before and after; Samenspel never holds a score of a person.

A group of fewer than `MIN_GROUP` participants is not shown at all (its bands could point at
people), and a comparison of before and after needs both groups to be shown.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from samenspel.reporting.models import Moment, OutcomeMeasurement

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from samenspel.coalitions.models import Coalition

MIN_GROUP = 10

BANDS: tuple[tuple[str, Promise], ...] = (
    ("not_lonely", _("niet eenzaam")),
    ("moderately", _("matig eenzaam")),
    ("severely", _("ernstig eenzaam")),
    ("very_severely", _("zeer ernstig eenzaam")),
)


@dataclass(frozen=True)
class Band:
    key: str
    label: str
    count: int

    def share(self, total: int) -> float:
        return self.count / total if total else 0.0


@dataclass(frozen=True)
class Group:
    moment: str
    measured_on: datetime.date
    n: int
    bands: tuple[Band, ...] | None  # None: fewer than MIN_GROUP participants, not shown

    @property
    def suppressed(self) -> bool:
        return self.bands is None

    @property
    def lonely_share(self) -> float | None:
        """Moderately to very severely lonely, as a share of the group; None when suppressed."""
        if self.bands is None:
            return None
        return sum(b.count for b in self.bands[1:]) / self.n

    @property
    def lonely_percent(self) -> float | None:
        share = self.lonely_share
        return None if share is None else share * 100


@dataclass(frozen=True)
class BandRow:
    """One band across the before and after groups: (count, percent) or None where not shown."""

    label: str
    cells: tuple[tuple[int, float] | None, ...]


def group(measurement: OutcomeMeasurement) -> Group:
    n = sum(measurement.counts)
    bands = (
        tuple(Band(key, str(label), getattr(measurement, key)) for key, label in BANDS)
        if n >= MIN_GROUP
        else None
    )
    return Group(measurement.moment, measurement.measured_on, n, bands)


@dataclass(frozen=True)
class ActivityOutcome:
    title: str
    before: Group | None  # the latest measurement before
    after: Group | None  # the latest measurement after

    @property
    def groups(self) -> tuple[Group | None, Group | None]:
        return (self.before, self.after)

    @property
    def rows(self) -> list[BandRow]:
        return [
            BandRow(
                str(label),
                tuple(
                    None
                    if g is None or g.bands is None
                    else (g.bands[i].count, g.bands[i].share(g.n) * 100)
                    for g in self.groups
                ),
            )
            for i, (_key, label) in enumerate(BANDS)
        ]

    @property
    def change(self) -> float | None:
        """Change in the share of lonely participants, after minus before; only when both
        groups are shown."""
        if self.before is None or self.after is None:
            return None
        if self.before.lonely_share is None or self.after.lonely_share is None:
            return None
        return self.after.lonely_share - self.before.lonely_share


def outcomes_of(coalition: Coalition) -> list[ActivityOutcome]:
    """Per activity with measurements, its latest before and after group; one query."""
    latest: dict[tuple[str, str], dict[str, Group]] = defaultdict(dict)
    for measurement in (
        OutcomeMeasurement.objects.of_coalition(coalition)
        .select_related("activity")
        .order_by("activity__title", "activity_id", "measured_on")
    ):
        key = (measurement.activity.title, str(measurement.activity.uuid))
        latest[key][measurement.moment] = group(measurement)
    return [
        ActivityOutcome(title, groups.get(Moment.BEFORE), groups.get(Moment.AFTER))
        for (title, _uuid), groups in latest.items()
    ]
