"""The gap view: per wijk, the estimated loneliness next to the offer there.

Per wijk or kern of the coalition: the latest estimate for all adults (share lonely and strongly
lonely, with the 95% interval), the number of active activities, their total capacity, the reach
of the last twelve months (new + returning participants of every period that ended in those
months) and the partners that provide the active activities. Activities without a wijk (for the
whole municipality) form a separate line.

The gap score (docs/monitoring.md). CBS publishes shares, not numbers of residents, so the need
of a wijk is its share of strongly lonely adults and the comparison is between wijken:

    need share  = strongly lonely % of the wijk / the sum of it over the wijken with figures
    offer share = active activities in the wijk / active activities in those wijken
    gap         = need share − offer share              (percentage points)

A wijk with a positive gap has less of the offer than its share of the loneliness; the largest
gaps come first. Activities for the whole municipality count for every wijk alike, so they do not
change the comparison and stay out of it. Wijken without a published figure (no CBS code, no
figures imported, or suppressed by CBS because the area is small) are listed after the others,
with the reason.

Queries, whatever the number of wijken and activities: the wijken (1), the active activities
grouped by wijk (1), the reach grouped by wijk (1), the estimates (1) and the partners (1). The
grouped queries include the activities without a wijk, which make the whole-municipality line.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samenspel.activities.models import Activity, ActivityStatus, ReachRecord
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.core.analysis_cache import cached, coalition_data_version
from samenspel.monitoring.models import LonelinessEstimate
from samenspel.monitoring.selectors import latest_estimates

REACH_DAYS = 365


@dataclass(frozen=True)
class Figure:
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None


@dataclass(frozen=True)
class Offer:
    activities: int = 0
    capacity: int = 0  # the sum of the activities that have a maximum
    without_capacity: int = 0  # activities without a maximum (or not filled in)
    reach: int = 0
    partners: tuple[tuple[str, str], ...] = ()  # (uuid, name)


@dataclass
class GapRow:
    neighbourhood: Neighbourhood
    offer: Offer
    estimate: LonelinessEstimate | None = None
    need_share: float | None = None
    offer_share: float | None = None
    gap: float | None = None
    reason: str = ""  # why there is no score

    @property
    def lonely(self) -> Figure | None:
        e = self.estimate
        return Figure(e.lonely, e.lonely_lower, e.lonely_upper) if e else None

    @property
    def strongly_lonely(self) -> Figure | None:
        e = self.estimate
        return (
            Figure(e.strongly_lonely, e.strongly_lonely_lower, e.strongly_lonely_upper)
            if e
            else None
        )


@dataclass
class Chart:
    width: int
    height: int
    left: int
    plot_width: int
    scale_max: float
    bars: list[dict[str, object]] = field(default_factory=list)
    ticks: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Gap:
    today: datetime.date
    reach_since: datetime.date
    rows: list[GapRow]  # with a score, largest gap first
    without_figures: list[GapRow]
    whole_municipality: Offer
    municipality: LonelinessEstimate | None
    chart: Chart | None = None

    @property
    def all_rows(self) -> list[GapRow]:
        return self.rows + self.without_figures


def offers_by_wijk(
    coalition: Coalition, since: datetime.date, today: datetime.date
) -> dict[int | None, Offer]:
    """The offer per wijk id (None: activities for the whole municipality), without partners:
    one grouped query over the active activities, one over the reach records."""
    active = (
        Activity.objects.of_coalition(coalition)
        .filter(status=ActivityStatus.ACTIVE)
        .order_by()
        .values_list("neighbourhood_id")
        .annotate(
            n=Count("pk"),
            places=Sum("capacity"),
            unlimited=Count("pk", filter=Q(capacity__isnull=True)),
        )
    )
    reach = dict(
        ReachRecord.objects.of_coalition(coalition)
        .filter(period_end__gte=since, period_end__lte=today)
        .order_by()
        .values_list("activity__neighbourhood_id")
        .annotate(total=Sum(F("new_participants") + F("returning_participants")))
    )
    offers = {
        wijk_id: Offer(
            activities=n,
            capacity=places or 0,
            without_capacity=unlimited,
            reach=reach.get(wijk_id) or 0,
        )
        for wijk_id, n, places, unlimited in active
    }
    for wijk_id, total in reach.items():
        offers.setdefault(wijk_id, Offer(reach=total or 0))
    return offers


def providers_by_wijk(coalition: Coalition) -> dict[int | None, tuple[tuple[str, str], ...]]:
    """(uuid, name) of the partners providing active activities, per wijk id (None: the whole
    municipality)."""
    through = Activity.providers.through
    found: dict[int | None, dict[str, str]] = defaultdict(dict)
    for row in (
        through.objects.filter(
            activity__coalition=coalition, activity__status=ActivityStatus.ACTIVE
        )
        .values_list("activity__neighbourhood_id", "partner__uuid", "partner__name")
        .order_by("partner__name")
        .distinct()
    ):
        found[row[0]][str(row[1])] = row[2]
    return {
        key: tuple(sorted(names.items(), key=lambda item: item[1])) for key, names in found.items()
    }


Partners = dict[int | None, tuple[tuple[str, str], ...]]


def wijk_rows(
    coalition: Coalition, today: datetime.date, *, partners: Partners | None = None
) -> tuple[list[GapRow], list[GapRow], LonelinessEstimate | None, Offer]:
    """Scored rows (largest gap first), rows without figures, the municipality's estimate and the
    offer for the whole municipality (activities without a wijk).
    `partners` (from `providers_by_wijk`) names the providers; the advice does without."""
    since = today - datetime.timedelta(days=REACH_DAYS)
    neighbourhoods = list(Neighbourhood.objects.of_coalition(coalition).order_by("name", "pk"))
    offers = offers_by_wijk(coalition, since, today)
    municipality_code = coalition.municipality.code
    estimates = latest_estimates(
        [n.cbs_code for n in neighbourhoods if n.cbs_code] + [municipality_code]
    )
    partners = partners or {}
    rows = []
    for n in neighbourhoods:
        n.coalition = coalition
        offer = replace(offers.get(n.pk, Offer()), partners=partners.get(n.pk, ()))
        row = GapRow(neighbourhood=n, offer=offer, estimate=estimates.get(n.cbs_code))
        if not n.cbs_code:
            row.reason = _(
                "Geen CBS-code: voor een kern zonder eigen wijkcode zijn er geen cijfers."
            )
        elif row.estimate is None:
            row.reason = _("Nog geen cijfers geïmporteerd voor %(code)s.") % {"code": n.cbs_code}
        elif row.estimate.strongly_lonely is None:
            row.reason = _(
                "Het CBS publiceert voor dit gebied geen schatting van ernstige eenzaamheid "
                "(te weinig inwoners of te onzeker)."
            )
        rows.append(row)
    needs = {
        id(row): float(row.estimate.strongly_lonely)
        for row in rows
        if row.estimate is not None and row.estimate.strongly_lonely is not None and not row.reason
    }
    scored = [row for row in rows if id(row) in needs]
    total_need = sum(needs.values())
    total_offer = sum(row.offer.activities for row in scored)
    for row in scored:
        need_share = round(100 * needs[id(row)] / total_need, 1) if total_need else 0.0
        offer_share = round(100 * row.offer.activities / total_offer, 1) if total_offer else 0.0
        row.need_share, row.offer_share = need_share, offer_share
        row.gap = round(need_share - offer_share, 1)
    scored.sort(key=lambda row: (-(row.gap or 0.0), -needs[id(row)], row.neighbourhood.name))
    without = [row for row in rows if id(row) not in needs]
    whole = replace(offers.get(None, Offer()), partners=partners.get(None, ()))
    return scored, without, estimates.get(municipality_code), whole


def _chart(rows: list[GapRow]) -> Chart | None:
    if not rows:
        return None
    left, plot_width, row_height = 180, 330, 56
    scale_max = max(
        [row.need_share or 0.0 for row in rows] + [row.offer_share or 0.0 for row in rows] + [10.0]
    )
    scale_max = float(int(scale_max / 10) + 1) * 10 if scale_max % 10 else scale_max
    chart = Chart(
        width=640,
        height=40 + row_height * len(rows),
        left=left,
        plot_width=plot_width,
        scale_max=scale_max,
    )
    for step in range(0, int(scale_max) + 1, 10):
        chart.ticks.append(
            {"x": round(left + plot_width * step / scale_max, 1), "label": f"{step}%"}
        )
    for index, row in enumerate(rows):
        top = 30 + index * row_height
        need = row.need_share or 0.0
        offer = row.offer_share or 0.0
        chart.bars.append(
            {
                "row": row,
                "label_y": top + 14,
                "need_y": top + 4,
                "offer_y": top + 24,
                "need_width": round(plot_width * need / scale_max, 1),
                "offer_width": round(plot_width * offer / scale_max, 1),
                "need_text_x": round(left + plot_width * need / scale_max + 6, 1),
                "offer_text_x": round(left + plot_width * offer / scale_max + 6, 1),
                "need_label": number_format(need, decimal_pos=1),
                "offer_label": number_format(offer, decimal_pos=1),
                "need_text_y": top + 16,
                "offer_text_y": top + 36,
            }
        )
    return chart


def build_gap(coalition: Coalition, today: datetime.date) -> Gap:
    partners = providers_by_wijk(coalition)
    rows, without, municipality, whole = wijk_rows(coalition, today, partners=partners)
    return Gap(
        today=today,
        reach_since=today - datetime.timedelta(days=REACH_DAYS),
        rows=rows,
        without_figures=without,
        whole_municipality=whole,
        municipality=municipality,
        chart=_chart(rows),
    )


def gap_of(coalition: Coalition, today: datetime.date) -> Gap:
    """`build_gap`, kept in the analysis cache under the version of the coalition's data and the
    day: every change to its wijken, activities, reach and partners, and every import of figures
    for its municipality, writes an audit record in the coalition (the advice, which reads the
    same rows, relies on that too)."""
    version = f"{coalition_data_version(coalition.pk)}-{today.isoformat()}"
    return cached("gap", version, lambda: build_gap(coalition, today))
