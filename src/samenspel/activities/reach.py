"""Reach in numbers: the coalition's totals per partner, wijk and target group for a period, and
the geometry of the reach bar charts (drawn as inline SVG by `activities/_reach_chart.html`).

Totals are summed in the database, a fixed number of queries whatever the number of activities.
A reach record belongs to the period in which it starts, so that consecutive periods never count
a record twice. An activity with two providers counts for both partners: the totals per partner
may add up to more than the coalition's total, which the page says.

Charts follow the scans charts (see `samenspel.scans.charts`): role="img" with a title and a
description in words, every number also in a table, new and returning participants told apart
by pattern and label as well as colour, coordinates printed with `{% localize off %}`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.activities.models import Activity, ReachByGroup, ReachRecord, TargetGroup
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.core.dates import period
from samenspel.partners.models import Partner

# --- totals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def last_twelve_months(cls, today: datetime.date) -> Period:
        try:
            start = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28)
        return cls(start + datetime.timedelta(days=1), today)


@dataclass(frozen=True)
class Row:
    label: str
    new: int
    returning: int
    activities: int = 0
    key: str = ""

    @property
    def total(self) -> int:
        return self.new + self.returning


@dataclass(frozen=True)
class GroupRow:
    group: str
    label: str
    participants: int


@dataclass
class CoalitionReach:
    period: Period
    total: Row
    records: int
    by_partner: list[Row] = field(default_factory=list)
    by_neighbourhood: list[Row] = field(default_factory=list)
    by_group: list[GroupRow] = field(default_factory=list)

    @property
    def known_by_group(self) -> int:
        return sum(row.participants for row in self.by_group)


def _sums(prefix: str, window: Q) -> dict[str, Coalesce]:
    return {
        "new": Coalesce(Sum(f"{prefix}new_participants", filter=window), 0),
        "returning": Coalesce(Sum(f"{prefix}returning_participants", filter=window), 0),
    }


def _window(prefix: str, period: Period) -> Q:
    return Q(
        **{
            f"{prefix}period_start__gte": period.start,
            f"{prefix}period_start__lte": period.end,
        }
    )


def coalition_reach(coalition: Coalition, period: Period) -> CoalitionReach:
    """Five queries: the total, per partner, per wijk, without wijk, per target group."""
    records = ReachRecord.objects.of_coalition(coalition).filter(_window("", period))
    total = records.aggregate(
        **_sums("", Q()),
        n=Count("pk"),
        activities=Count("activity", distinct=True),
    )
    reach = "activities__reach__"
    partners = (
        Partner.objects.of_coalition(coalition)
        .annotate(
            **_sums(reach, _window(reach, period)),
            n_activities=Count("activities", filter=_window(reach, period), distinct=True),
        )
        .order_by("name", "pk")
    )
    wijken = (
        Neighbourhood.objects.of_coalition(coalition)
        .annotate(
            **_sums(reach, _window(reach, period)),
            n_activities=Count("activities", filter=_window(reach, period), distinct=True),
        )
        .order_by("name", "pk")
    )
    whole = records.filter(activity__neighbourhood__isnull=True).aggregate(
        **_sums("", Q()), activities=Count("activity", distinct=True)
    )
    groups = dict(
        ReachByGroup.objects.of_coalition(coalition)
        .filter(record__in=records)
        .values("group")
        .annotate(n=Sum("participants"))
        .values_list("group", "n")
    )
    by_neighbourhood = [_row(w.name, w, str(w.uuid)) for w in wijken]
    if whole["new"] or whole["returning"]:
        by_neighbourhood.append(
            Row(
                _("Hele gemeente (geen wijk)"),
                whole["new"],
                whole["returning"],
                whole["activities"],
            )
        )
    return CoalitionReach(
        period=period,
        total=Row(_("Totaal"), total["new"], total["returning"], total["activities"]),
        records=total["n"],
        by_partner=[row for row in (_row(p.name, p, str(p.uuid)) for p in partners) if row.total],
        by_neighbourhood=by_neighbourhood,
        by_group=[
            GroupRow(value, str(label), groups[value])
            for value, label in TargetGroup.choices
            if groups.get(value)
        ],
    )


def _row(label: str, obj: object, key: str) -> Row:
    return Row(
        label,
        getattr(obj, "new", 0),
        getattr(obj, "returning", 0),
        getattr(obj, "n_activities", 0),
        key,
    )


# --- referrals from signals -------------------------------------------------------------------

# A signal of loneliness that refers its resident to an activity links the two
# (`Activity.referrals`). The count is a figure about residents, so it follows the rule of the
# coalition's figures about signals (signals/suppression.py): a number under 10 is not shown.
REFERRALS_SHOWN_FROM = 10


def referrals_to(activity: Activity) -> int | None:
    """How many residents a signal referred to this activity, ever (also after their signal was
    anonymised); None when that is under `REFERRALS_SHOWN_FROM`. One query."""
    # By the key of an activity that went through a door; only the number leaves the database.
    count = (
        Activity.objects.correlated().filter(pk=activity.pk).aggregate(n=Count("referrals"))["n"]
    )
    return count if count >= REFERRALS_SHOWN_FROM else None


# --- charts ---------------------------------------------------------------------------------

WIDTH = 640
LABEL_HEIGHT = 20
BAR_HEIGHT = 20
ROW_GAP = 12
VALUE_COLUMN = 150
LEFT = 8.0
NEW_COLOUR = "#00557a"
RETURNING_COLOUR = "#7eb0cf"
INK = "#1a1a1a"


def _r(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Bar:
    label: str
    label_y: float
    bar_y: float
    new_width: float
    returning_x: float
    returning_width: float
    value_y: float
    value_label: str
    row: Row


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: float
    left: float
    value_x: float
    bars: list[Bar]

    @property
    def pattern_id(self) -> str:
        return f"{self.id}-terug"


def bar_chart(rows: Sequence[Row], *, chart_id: str, title: str) -> BarChart:
    """A stacked horizontal bar per row: new participants, then returning ones."""
    right = float(WIDTH - VALUE_COLUMN)
    largest = max((row.total for row in rows), default=0) or 1
    scale = (right - LEFT) / largest
    bars = []
    for index, row in enumerate(rows):
        top = 6 + index * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
        bar_y = top + LABEL_HEIGHT
        new_width = _r(row.new * scale)
        bars.append(
            Bar(
                label=row.label,
                label_y=_r(top + 14),
                bar_y=_r(bar_y),
                new_width=new_width,
                returning_x=_r(LEFT + new_width),
                returning_width=_r(row.returning * scale),
                value_y=_r(bar_y + 14),
                value_label=_("%(new)s nieuw, %(returning)s terug")
                % {
                    "new": row.new,
                    "returning": row.returning,
                },
                row=row,
            )
        )
    height = 6 + len(rows) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
    return BarChart(
        id=chart_id,
        title=title,
        description=_describe(rows),
        width=WIDTH,
        height=_r(max(height, 40)),
        left=LEFT,
        value_x=right + 10,
        bars=bars,
    )


def _describe(rows: Sequence[Row]) -> str:
    if not rows:
        return _("Nog geen bereik vastgelegd.")
    top = max(rows, key=lambda row: row.total)
    total = sum(row.total for row in rows)
    return ngettext(
        "Eén balk; %(label)s: %(total)s deelnemers.",
        "%(count)s balken, samen %(sum)s deelnemers; het meest bij %(label)s (%(total)s).",
        len(rows),
    ) % {"count": len(rows), "sum": total, "label": top.label, "total": top.total}


def period_label(start: datetime.date, end: datetime.date) -> str:
    return period(start, end)


def record_rows(records: Sequence[ReachRecord]) -> list[Row]:
    """Chart rows of one activity's reach, oldest period first."""
    ordered = sorted(records, key=lambda r: (r.period_start, r.period_end))
    return [
        Row(
            period_label(r.period_start, r.period_end),
            r.new_participants,
            r.returning_participants,
            key=str(r.uuid),
        )
        for r in ordered
    ]
