"""Geometry of the scan charts, drawn as inline SVG by the `_chart_*.html` templates.

Three charts: the mean per subscale with its spread (a bar from the bottom of the scale to the
mean, a whisker from mean − sd to mean + sd), the distribution of scores per subscale (a
stacked bar per subscale) and the trend over rounds (a line per subscale).

Accessibility, the same for every chart: the SVG has role="img" with a title and a description
that states the main finding in words; the figure holds a table with every number the chart
shows; series and categories differ by pattern, dash or marker shape and carry a label, never
by colour alone; colours are set as SVG attributes (no inline CSS, which the CSP forbids) and
have at least 3:1 contrast against white where they carry meaning. No JavaScript.

Coordinates are plain floats rounded to one decimal; templates print them inside
`{% localize off %}` so that a Dutch decimal comma never ends up in an SVG attribute. Numbers
meant for people (`*_label`) are formatted here, in the active language.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.core.dates import short_date
from samenspel.scans.instruments import Scale
from samenspel.scans.models import Round
from samenspel.scans.results import SubscaleResult, Trend, decimal

WIDTH = 640
FONT_SIZE = 13
ROW_LABEL_HEIGHT = 20  # a line of text above each bar
BAR_HEIGHT = 20
ROW_GAP = 14
AXIS_HEIGHT = 34
VALUE_COLUMN = 116  # right-hand column with the numbers next to each bar

ACCENT = "#00557a"
INK = "#1a1a1a"
GRID = "#b8c4cc"

# Distribution: a diverging palette from the low to the high end of the scale, each point also
# with its own pattern (the `pattern` keys are drawn in _chart_defs.html).
POINT_STYLES = (
    ("#8a2b0e", "hatch-dense", "#ffffff"),
    ("#d98b6f", "hatch", INK),
    ("#c4c4c4", "dots", INK),
    ("#7eb0cf", "hatch-back", INK),
    ("#00557a", "hatch-back-dense", "#ffffff"),
)
# Trend lines: colour, dash pattern and marker shape per subscale.
SERIES_STYLES = (
    ("#00557a", "", "circle"),
    ("#8a2b0e", "8 4", "square"),
    ("#1b6e3a", "2 3", "triangle"),
    ("#6a3d9a", "10 3 2 3", "diamond"),
    ("#9c3d00", "4 4", "cross"),
    ("#0b6e6e", "1 2", "circle-open"),
    ("#a3004c", "12 4", "square-open"),
)


def _r(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class HorizontalAxis:
    """The shared x axis of the bar charts: one tick per point of the scale."""

    left: float
    right: float
    scale_min: int
    scale_max: int

    def x(self, value: float) -> float:
        span = self.scale_max - self.scale_min
        return _r(self.left + (value - self.scale_min) / span * (self.right - self.left))

    def ticks(self, scale: Scale) -> list[Tick]:
        return [Tick(self.x(point.value), str(point.value)) for point in scale.points]


# Mean and spread per subscale


@dataclass(frozen=True)
class MeanRow:
    key: str
    label: str
    label_y: float
    bar_y: float
    centre_y: float
    bar_width: float  # 0 when there is no score
    whisker_left: float
    whisker_right: float
    value_label: str  # "3,4 ± 0,8"
    value_y: float
    result: SubscaleResult
    flagged: bool  # disagreement: drawn hatched and labelled "verdeeld"

    @property
    def has_score(self) -> bool:
        return self.result.aggregate is not None


@dataclass(frozen=True)
class MeanChart:
    id: str
    title: str
    description: str
    width: int
    height: float
    left: float
    right: float
    plot_top: float
    plot_bottom: float
    value_x: float
    axis_label_y: float
    ticks: list[Tick]
    rows: list[MeanRow]
    scale: Scale

    @property
    def flag_pattern_id(self) -> str:
        return f"{self.id}-verdeeld"


def _rows_top(index: int) -> float:
    return 8 + index * (ROW_LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)


def mean_chart(
    results: Sequence[SubscaleResult], scale: Scale, *, chart_id: str, title: str
) -> MeanChart:
    left, right = 8.0, float(WIDTH - VALUE_COLUMN)
    axis = HorizontalAxis(left, right, scale.min, scale.max)
    rows = []
    for index, result in enumerate(results):
        top = _rows_top(index)
        bar_y = top + ROW_LABEL_HEIGHT
        centre = bar_y + BAR_HEIGHT / 2
        aggregate = result.aggregate
        label = result.subscale.title
        if aggregate is None:
            rows.append(
                MeanRow(
                    key=result.subscale.key,
                    label=label,
                    label_y=_r(top + FONT_SIZE),
                    bar_y=_r(bar_y),
                    centre_y=_r(centre),
                    bar_width=0,
                    whisker_left=left,
                    whisker_right=left,
                    value_label=_("geen score"),
                    value_y=_r(centre + FONT_SIZE / 3),
                    result=result,
                    flagged=False,
                )
            )
            continue
        rows.append(
            MeanRow(
                key=result.subscale.key,
                label=label,
                label_y=_r(top + FONT_SIZE),
                bar_y=_r(bar_y),
                centre_y=_r(centre),
                bar_width=_r(axis.x(aggregate.mean) - left),
                whisker_left=axis.x(max(scale.min, aggregate.mean - aggregate.sd)),
                whisker_right=axis.x(min(scale.max, aggregate.mean + aggregate.sd)),
                value_label=f"{decimal(aggregate.mean)} ± {decimal(aggregate.sd)}",
                value_y=_r(centre + FONT_SIZE / 3),
                result=result,
                flagged=aggregate.disagreement,
            )
        )
    plot_bottom = _rows_top(len(rows)) - ROW_GAP / 2
    return MeanChart(
        id=chart_id,
        title=title,
        description=_describe_means(results, scale),
        width=WIDTH,
        height=_r(plot_bottom + AXIS_HEIGHT),
        left=left,
        right=right,
        plot_top=4,
        plot_bottom=_r(plot_bottom),
        value_x=right + 12,
        axis_label_y=_r(plot_bottom + 18),
        ticks=axis.ticks(scale),
        rows=rows,
        scale=scale,
    )


def _describe_means(results: Sequence[SubscaleResult], scale: Scale) -> str:
    parts = [
        _(
            "Gemiddelde score per onderdeel op een schaal van %(min)s tot %(max)s, als balk; "
            "de streep erover loopt van het gemiddelde min tot het gemiddelde plus de "
            "standaardafwijking en laat zien hoe ver de antwoorden uiteenlopen."
        )
        % {"min": scale.min, "max": scale.max}
    ]
    means = [(r.aggregate.mean, r.subscale.title) for r in results if r.aggregate is not None]
    if means:
        (high_mean, high), (low_mean, low) = max(means), min(means)
        parts.append(
            _("Hoogste: %(high)s (%(high_mean)s). Laagste: %(low)s (%(low_mean)s).")
            % {
                "high": high,
                "high_mean": decimal(high_mean),
                "low": low,
                "low_mean": decimal(low_mean),
            }
        )
    flagged = [r.subscale.title for r in results if r.disagreement]
    if flagged:
        parts.append(_("Verdeeld (gearceerd): %(names)s.") % {"names": ", ".join(flagged)})
    parts.append(_("Alle cijfers staan in de tabel bij deze figuur."))
    return " ".join(parts)


# Distribution per subscale


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    fill: str
    pattern_id: str
    point: int
    point_label: str
    count: int
    share_label: str  # "25%"


@dataclass(frozen=True)
class DistributionRow:
    key: str
    label: str
    label_y: float
    bar_y: float
    value_y: float
    n: int
    segments: list[Segment]
    counts: list[tuple[int, str]]  # per scale point: (count, share label), for the table


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: str
    pattern: str  # the kind of pattern, see _chart_pattern.html
    ink: str  # the colour of the pattern's lines or dots
    pattern_id: str  # used by the chart
    legend_pattern_id: str  # used by the legend sample (its own small SVG)


@dataclass(frozen=True)
class DistributionChart:
    id: str
    title: str
    description: str
    width: int
    height: float
    left: float
    right: float
    value_x: float
    rows: list[DistributionRow]
    legend: list[LegendEntry]
    scale: Scale

    @property
    def bar_width(self) -> float:
        return _r(self.right - self.left)


def _point_style(scale: Scale, index: int) -> tuple[str, str, str]:
    if len(scale.points) == len(POINT_STYLES):
        return POINT_STYLES[index]
    # Other scale lengths: spread the palette over the points.
    position = round(index * (len(POINT_STYLES) - 1) / max(len(scale.points) - 1, 1))
    return POINT_STYLES[position]


def percentage(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def distribution_chart(
    results: Sequence[SubscaleResult], scale: Scale, *, chart_id: str, title: str
) -> DistributionChart:
    left, right = 8.0, float(WIDTH - VALUE_COLUMN)
    legend = [
        LegendEntry(
            point.label,
            *_point_style(scale, index),
            pattern_id=f"{chart_id}-punt-{point.value}",
            legend_pattern_id=f"{chart_id}-legenda-{point.value}",
        )
        for index, point in enumerate(scale.points)
    ]
    rows = []
    for index, result in enumerate(results):
        top = _rows_top(index)
        aggregate = result.aggregate
        n = aggregate.n if aggregate else 0
        segments, counts = [], []
        x = left
        for point_index, point in enumerate(scale.points):
            count = aggregate.distribution.get(point.value, 0) if aggregate else 0
            counts.append((count, percentage(count, n)))
            if not count:
                continue
            width = (right - left) * count / n
            segments.append(
                Segment(
                    x=_r(x),
                    width=_r(width),
                    fill=legend[point_index].fill,
                    pattern_id=legend[point_index].pattern_id,
                    point=point.value,
                    point_label=point.label,
                    count=count,
                    share_label=percentage(count, n),
                )
            )
            x += width
        rows.append(
            DistributionRow(
                key=result.subscale.key,
                label=result.subscale.title,
                label_y=_r(top + FONT_SIZE),
                bar_y=_r(top + ROW_LABEL_HEIGHT),
                value_y=_r(top + ROW_LABEL_HEIGHT + BAR_HEIGHT / 2 + FONT_SIZE / 3),
                n=n,
                segments=segments,
                counts=counts,
            )
        )
    return DistributionChart(
        id=chart_id,
        title=title,
        description=_describe_distribution(results, scale),
        width=WIDTH,
        height=_r(_rows_top(len(rows))),
        left=left,
        right=right,
        value_x=right + 12,
        rows=rows,
        legend=legend,
        scale=scale,
    )


def _describe_distribution(results: Sequence[SubscaleResult], scale: Scale) -> str:
    parts = [
        _(
            "Per onderdeel een balk verdeeld naar antwoord, van '%(low)s' links tot '%(high)s' "
            "rechts; elk antwoord heeft een eigen kleur en arcering."
        )
        % {"low": scale.points[0].label, "high": scale.points[-1].label}
    ]
    for result in results:
        if result.aggregate is not None:
            parts.append(
                _("%(name)s: %(low)s laag, %(high)s hoog.")
                % {
                    "name": result.subscale.title,
                    "low": f"{round(100 * result.aggregate.share_low)}%",
                    "high": f"{round(100 * result.aggregate.share_high)}%",
                }
            )
    parts.append(_("De aantallen staan in de tabel bij deze figuur."))
    return " ".join(parts)


# Trend over rounds


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    path: str  # the marker's shape as an SVG path
    title: str  # "Ambitie van betekenis, Voorjaar 2026: 3,4 (n = 12)"


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str
    dash: str
    shape: str
    lines: list[str]  # polyline `points`, one per unbroken stretch (a gap breaks the line)
    markers: list[Marker]
    sample_path: str  # the marker in the legend sample (a 40 × 14 SVG)

    @property
    def marker_fill(self) -> str:
        """Open shapes and the cross are drawn as outlines (white inside)."""
        return "#ffffff" if self.shape.endswith("-open") or self.shape == "cross" else self.colour


@dataclass(frozen=True)
class RoundTick:
    x: float
    label: str  # the round's title, shortened
    date_label: str


@dataclass(frozen=True)
class YTick:
    y: float
    label: str


@dataclass(frozen=True)
class TrendRow:
    """One row of the table next to the trend chart."""

    title: str
    date_label: str
    submitted: int
    enough: bool
    means: list[str]  # per subscale, in series order: "3,4" or "–"


@dataclass(frozen=True)
class TrendChart:
    id: str
    title: str
    description: str
    width: int
    height: float
    left: float
    right: float
    top: float
    bottom: float
    y_ticks: list[YTick]
    x_ticks: list[RoundTick]
    series: list[Series]
    table: list[TrendRow]
    y_title_x: float
    y_title_y: float


TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 56.0, float(WIDTH - 16), 12.0, 252.0
MARKER = 5.0
MAX_X_LABELS = 6


def marker_path(shape: str, x: float, y: float, size: float = MARKER) -> str:
    """An SVG path for a marker of this shape centred on (x, y)."""
    s = size
    if shape in ("square", "square-open"):
        return f"M{_r(x - s)} {_r(y - s)}h{_r(2 * s)}v{_r(2 * s)}h{_r(-2 * s)}Z"
    if shape == "triangle":
        return f"M{_r(x)} {_r(y - s * 1.2)}L{_r(x + s * 1.1)} {_r(y + s)}L{_r(x - s * 1.1)} {_r(y + s)}Z"
    if shape == "diamond":
        return f"M{_r(x)} {_r(y - s * 1.3)}L{_r(x + s * 1.3)} {_r(y)}L{_r(x)} {_r(y + s * 1.3)}L{_r(x - s * 1.3)} {_r(y)}Z"
    if shape == "cross":
        return (
            f"M{_r(x - s)} {_r(y - s)}L{_r(x + s)} {_r(y + s)}"
            f"M{_r(x - s)} {_r(y + s)}L{_r(x + s)} {_r(y - s)}"
        )
    # circle (as two arcs, so every marker is a path)
    return f"M{_r(x - s)} {_r(y)}a{s} {s} 0 1 0 {_r(2 * s)} 0a{s} {s} 0 1 0 {_r(-2 * s)} 0Z"


def _round_tick(x: float, scan_round: Round, *, labelled: bool) -> RoundTick:
    if not labelled:
        return RoundTick(x=x, label="", date_label="")
    return RoundTick(
        x=x,
        label=Truncator(scan_round.title).chars(18),
        date_label=date_format(scan_round.closes_on, "F Y"),
    )


def trend_chart(trend: Trend, *, chart_id: str, title: str) -> TrendChart:
    instrument = trend.instrument
    scale = instrument.scale
    points = trend.points
    span = scale.max - scale.min

    def y_of(value: float) -> float:
        return _r(TREND_BOTTOM - (value - scale.min) / span * (TREND_BOTTOM - TREND_TOP))

    inner_left, inner_right = TREND_LEFT + 28, TREND_RIGHT - 28
    if len(points) == 1:
        xs = [_r((inner_left + inner_right) / 2)]
    else:
        step = (inner_right - inner_left) / max(len(points) - 1, 1)
        xs = [_r(inner_left + index * step) for index in range(len(points))]

    # With many rounds not every round gets a label under the axis (the table has them all).
    label_every = math.ceil(len(points) / MAX_X_LABELS) if points else 1
    series = []
    for index, subscale in enumerate(instrument.subscales):
        colour, dash, shape = SERIES_STYLES[index % len(SERIES_STYLES)]
        lines: list[str] = []
        stretch: list[str] = []
        markers = []
        for x, (scan_round, mean, n) in zip(xs, trend.series(subscale.key), strict=True):
            if mean is None:
                if stretch:
                    lines.append(" ".join(stretch))
                stretch = []
                continue
            y = y_of(mean)
            stretch.append(f"{x},{y}")
            markers.append(
                Marker(
                    x=x,
                    y=y,
                    path=marker_path(shape, x, y),
                    title=_("%(subscale)s, %(round)s: %(mean)s (n = %(n)s)")
                    % {
                        "subscale": subscale.title,
                        "round": scan_round.title,
                        "mean": decimal(mean),
                        "n": n,
                    },
                )
            )
        if stretch:
            lines.append(" ".join(stretch))
        series.append(
            Series(
                key=subscale.key,
                label=subscale.title,
                colour=colour,
                dash=dash,
                shape=shape,
                lines=[line for line in lines if " " in line],  # a lone point is only a marker
                markers=markers,
                sample_path=marker_path(shape, 20, 7, 4),
            )
        )
    return TrendChart(
        id=chart_id,
        title=title,
        description=_describe_trend(trend),
        width=WIDTH,
        height=TREND_BOTTOM + 48,
        left=TREND_LEFT,
        right=TREND_RIGHT,
        top=TREND_TOP,
        bottom=TREND_BOTTOM,
        y_ticks=[YTick(y_of(point.value), str(point.value)) for point in scale.points],
        x_ticks=[
            _round_tick(x, point.round, labelled=index % label_every == 0 or x == xs[-1])
            for index, (x, point) in enumerate(zip(xs, points, strict=True))
        ],
        series=series,
        table=[
            TrendRow(
                title=point.round.title,
                date_label=short_date(point.round.closes_on),
                submitted=point.submitted,
                enough=point.enough,
                means=[
                    decimal(mean) if (mean := point.means.get(s.key)) is not None else "–"
                    for s in instrument.subscales
                ],
            )
            for point in points
        ],
        y_title_x=16,
        y_title_y=_r((TREND_TOP + TREND_BOTTOM) / 2),
    )


def _describe_trend(trend: Trend) -> str:
    rounds = len(trend.points)
    parts = [
        ngettext(
            "Gemiddelde per onderdeel over %(n)s ronde, op een schaal van %(min)s tot %(max)s; "
            "elk onderdeel heeft een eigen lijnsoort en markering.",
            "Gemiddelde per onderdeel over %(n)s rondes, op een schaal van %(min)s tot %(max)s; "
            "elk onderdeel heeft een eigen lijnsoort en markering.",
            rounds,
        )
        % {"n": rounds, "min": trend.instrument.scale.min, "max": trend.instrument.scale.max}
    ]
    for subscale in trend.instrument.subscales:
        known = [(r, m) for r, m, _n in trend.series(subscale.key) if m is not None]
        if len(known) >= 2:
            (_first_round, first), (_last_round, last) = known[0], known[-1]
            parts.append(
                _("%(name)s: van %(first)s naar %(last)s.")
                % {"name": subscale.title, "first": decimal(first), "last": decimal(last)}
            )
        elif known:
            parts.append(
                _("%(name)s: %(mean)s.") % {"name": subscale.title, "mean": decimal(known[0][1])}
            )
    parts.append(_("Alle cijfers staan in de tabel bij deze figuur."))
    return " ".join(parts)
