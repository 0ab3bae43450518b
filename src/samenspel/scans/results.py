"""Results of scan rounds: read-only selectors over submitted answers.

Everything here reads a fixed number of queries, however many rounds and responses there are:
answers are fetched as plain values in one query and scored in Python (`scoring`).

Rules that hold for every result, on every page, in the PDF and for the advice engine:

- Only submitted responses count; drafts never do.
- A response is scored with the instrument version it was given under, and shown under the
  subscales of the round's own version (a subscale a version lacks simply gets no score from it).
- An anonymous round shows nothing until it has `MIN_ANONYMOUS_RESPONSES` submitted responses;
  below that, no aggregate is even computed, so none can leak into a page.
- Breakdowns (per partner kind, per circle) never show a group under `scoring.MIN_GROUP`:
  small groups are folded into "Overig". If even that stays small, the smallest shown group is
  folded in as well, so that nobody can work out the hidden group by subtracting the groups
  from the total (complementary suppression). This applies to named rounds too.
- Trends, comparisons and `latest_results` use closed rounds only: an open round can still
  change. The results page of a single round also works while it is open (marked provisional).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from samenspel.core.analysis_cache import (
    cached,
    coalition_data_version,
)
from samenspel.partners.models import Circle, PartnerKind
from samenspel.scans import scoring
from samenspel.scans.instruments import (
    Instrument,
    Item,
    Scale,
    Subscale,
    get_instrument,
    latest_instruments,
)
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus
from samenspel.scans.scoring import Aggregate

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition

logger = logging.getLogger(__name__)

# An anonymous round with fewer answers than this shows nothing: with one or two respondents
# everyone who knows who was invited can tell who answered what. Same threshold as breakdowns.
MIN_ANONYMOUS_RESPONSES = scoring.MIN_GROUP
# The key under which small breakdown groups are put together. Not "other": that is a real
# partner kind ("Anders"), which keeps its own row when it is large enough.
OTHER_GROUP = "__overig__"
OTHER_LABEL = _("Overig (kleine groepen samen)")
# A change in mean smaller than this shows as "gelijk": it would be displayed as 0,0 anyway.
UNCHANGED_BELOW = 0.05


# Results


@dataclass(frozen=True)
class DistributionPoint:
    value: int
    label: str
    count: int


def distribution(aggregate: Aggregate, scale: Scale) -> list[DistributionPoint]:
    """How many scores (rounded) fall on each point of the scale, low to high."""
    return [
        DistributionPoint(point.value, point.label, aggregate.distribution.get(point.value, 0))
        for point in scale.points
    ]


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    aggregate: Aggregate


@dataclass(frozen=True)
class ItemResult:
    item: Item
    aggregate: Aggregate | None
    dont_know: int  # answered 'weet ik niet'


def decimal(value: float, digits: int = 1) -> str:
    """A number for people, in the active language: 3,4 in Dutch."""
    return number_format(round(value, digits), digits)


def signed(value: float, digits: int = 1) -> str:
    """+0,4 / −0,4 / 0,0 (a real minus sign, which screen readers read as 'min')."""
    text = decimal(abs(value), digits)
    if round(value, digits) > 0:
        return f"+{text}"
    if round(value, digits) < 0:
        return f"−{text}"
    return text


def direction(delta: float | None, unchanged_below: float = UNCHANGED_BELOW) -> str:
    """'up', 'down', 'same', or '' when there is nothing to compare. A change of a mean on the
    scan's scale below UNCHANGED_BELOW is no change; a count gives its own threshold."""
    if delta is None:
        return ""
    if abs(delta) < unchanged_below:
        return "same"
    return "up" if delta > 0 else "down"


@dataclass(frozen=True)
class SubscaleResult:
    subscale: Subscale
    aggregate: Aggregate | None
    previous: Aggregate | None = None
    delta: float | None = None  # change of mean since the previous round
    by_kind: tuple[Group, ...] = ()
    by_circle: tuple[Group, ...] = ()
    items: tuple[ItemResult, ...] = ()

    @property
    def direction(self) -> str:
        return direction(self.delta)

    @property
    def delta_label(self) -> str:
        return "" if self.delta is None else signed(self.delta)

    @property
    def disagreement(self) -> bool:
        return bool(self.aggregate and self.aggregate.disagreement)

    @property
    def n(self) -> int:
        """The number of scores; 0 without an aggregate."""
        return self.aggregate.n if self.aggregate else 0


@dataclass(frozen=True)
class RoundResults:
    round: Round
    instrument: Instrument
    submitted: int
    invited: int
    enough: bool  # False: too few responses to show anything (anonymous round)
    subscales: tuple[SubscaleResult, ...] = ()
    previous_round: Round | None = None
    unscored: int = 0  # submitted responses that could not be scored (see the log)

    @property
    def response_rate(self) -> float | None:
        return self.submitted / self.invited if self.invited else None

    @property
    def disagreements(self) -> list[SubscaleResult]:
        return [result for result in self.subscales if result.disagreement]

    @property
    def disagreement_keys(self) -> list[str]:
        return [result.subscale.key for result in self.disagreements]

    @property
    def min_responses(self) -> int:
        """The number of responses an anonymous round needs before it shows anything."""
        return MIN_ANONYMOUS_RESPONSES

    @property
    def is_provisional(self) -> bool:
        return self.round.status != RoundStatus.CLOSED

    @property
    def missing_for_anonymity(self) -> int:
        return max(MIN_ANONYMOUS_RESPONSES - self.submitted, 0)

    def subscale(self, key: str) -> SubscaleResult:
        for result in self.subscales:
            if result.subscale.key == key:
                return result
        raise KeyError(f"No subscale {key!r} in these results")

    def means(self) -> dict[str, float | None]:
        return {r.subscale.key: r.aggregate.mean if r.aggregate else None for r in self.subscales}


def enough_responses(scan_round: Round, submitted: int) -> bool:
    """Whether a round has enough submitted responses to show aggregates."""
    return submitted >= (MIN_ANONYMOUS_RESPONSES if scan_round.anonymous else 1)


# Scoring the raw answers


@dataclass(frozen=True)
class _Scored:
    """One submitted response, scored with its own instrument version."""

    kind: str
    circle: str
    subscales: Mapping[str, float | None]
    items: Mapping[str, float | None]  # only the items present in the answers
    scale_key: str


_Row = tuple[int, int, Any, str, str]  # round id, version, answers, partner kind, circle


def _score(instrument_key: str, row: _Row) -> _Scored | None:
    _round_id, version, answers, kind, circle = row
    try:
        instrument = get_instrument(instrument_key, version)
    except KeyError:
        logger.warning("Cannot score a response: no version %s of %r", version, instrument_key)
        return None
    if not isinstance(answers, dict):
        logger.warning("Cannot score a response of round %s: answers are not a mapping", row[0])
        return None
    try:
        return _Scored(
            kind=kind,
            circle=circle,
            subscales=scoring.subscale_scores(instrument, answers),
            items={
                item.key: scoring.item_score(item, instrument.scale, answers[item.key])
                for item in instrument.items
                if item.key in answers
            },
            scale_key=instrument.scale.key,
        )
    except (TypeError, ValueError) as error:
        logger.warning("Cannot score a response of round %s: %s", row[0], error)
        return None


def _labels(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def safe_breakdown(
    groups: Mapping[str, Sequence[float]], scale: scoring.Scale, order: Sequence[str] = ()
) -> dict[str, Aggregate]:
    """`scoring.breakdown` plus complementary suppression.

    `scoring.breakdown` folds groups under the minimum into one "other" group and drops that
    group when it is still too small. Then the total minus the shown groups would reveal the
    dropped respondents, so the smallest shown group is folded in as well until nothing is
    dropped (at most once more: the folded group then has at least MIN_GROUP + 1 scores)."""
    ranked = sorted(groups, key=lambda key: (order.index(key) if key in order else len(order), key))
    pending: dict[str, list[float]] = {key: list(groups[key]) for key in ranked if groups[key]}
    total = sum(len(values) for values in pending.values())
    while True:
        result = scoring.breakdown(pending, scale, other_key=OTHER_GROUP)
        shown = [key for key in result if key != OTHER_GROUP]
        if sum(agg.n for agg in result.values()) == total or not shown:
            return result
        smallest = min(shown, key=lambda key: (result[key].n, ranked.index(key)))
        pending.setdefault(OTHER_GROUP, []).extend(pending.pop(smallest))


def _groups(aggregates: Mapping[str, Aggregate], labels: Mapping[str, str]) -> tuple[Group, ...]:
    return tuple(
        Group(
            key=key,
            label=str(OTHER_LABEL) if key == OTHER_GROUP else labels.get(key, key),
            aggregate=aggregate,
        )
        for key, aggregate in aggregates.items()
    )


def _subscale_aggregates(
    instrument: Instrument, scored: Sequence[_Scored]
) -> dict[str, Aggregate | None]:
    return {
        key: scoring.aggregate(
            [value for s in scored if (value := s.subscales.get(key)) is not None],
            instrument.scale,
        )
        for key in instrument.subscale_keys
    }


def _build(
    scan_round: Round,
    rows: Sequence[_Row],
    *,
    invited: int,
    previous_round: Round | None = None,
    previous_rows: Sequence[_Row] = (),
) -> RoundResults:
    instrument = get_instrument(scan_round.instrument_key, scan_round.instrument_version)
    submitted = len(rows)
    if not enough_responses(scan_round, submitted):
        return RoundResults(
            round=scan_round,
            instrument=instrument,
            submitted=submitted,
            invited=invited,
            enough=False,
        )
    scored, unscored = _score_rows(instrument, rows)
    previous: dict[str, Aggregate | None] = {}
    if previous_round is not None:
        previous_scored, _unscored = _score_rows(instrument, previous_rows)
        previous = _subscale_aggregates(instrument, previous_scored)
    current = _subscale_aggregates(instrument, scored)
    kind_labels, circle_labels = _labels(PartnerKind.choices), _labels(Circle.choices)
    subscales = []
    for subscale in instrument.subscales:
        by_kind: dict[str, list[float]] = defaultdict(list)
        by_circle: dict[str, list[float]] = defaultdict(list)
        for s in scored:
            value = s.subscales.get(subscale.key)
            if value is not None:
                by_kind[s.kind].append(value)
                by_circle[s.circle].append(value)
        aggregate = current[subscale.key]
        before = previous.get(subscale.key)
        subscales.append(
            SubscaleResult(
                subscale=subscale,
                aggregate=aggregate,
                previous=before,
                delta=scoring.compare(aggregate, before),
                by_kind=_groups(
                    safe_breakdown(by_kind, instrument.scale, PartnerKind.values), kind_labels
                ),
                by_circle=_groups(
                    safe_breakdown(by_circle, instrument.scale, Circle.values), circle_labels
                ),
                items=tuple(
                    _item_result(item, instrument, scored)
                    for item in instrument.items_of(subscale.key)
                ),
            )
        )
    return RoundResults(
        round=scan_round,
        instrument=instrument,
        submitted=submitted,
        invited=invited,
        enough=True,
        subscales=tuple(subscales),
        previous_round=previous_round if previous else None,
        unscored=unscored,
    )


def _score_rows(instrument: Instrument, rows: Sequence[_Row]) -> tuple[list[_Scored], int]:
    scored = []
    for row in rows:
        result = _score(instrument.key, row)
        if result is not None and result.scale_key != instrument.scale.key:
            logger.warning("Not scored: a response on another scale than %s", instrument)
            result = None
        if result is not None:
            scored.append(result)
    return scored, len(rows) - len(scored)


def _item_result(item: Item, instrument: Instrument, scored: Sequence[_Scored]) -> ItemResult:
    values = [s.items[item.key] for s in scored if item.key in s.items]
    return ItemResult(
        item=item,
        aggregate=scoring.aggregate([v for v in values if v is not None], instrument.scale),
        dont_know=sum(1 for v in values if v is None),
    )


# Queries


def _count(scan_round: Round, name: str) -> int:
    return int(getattr(scan_round, name, 0))


def _rows(coalition_id: int, round_ids: Iterable[int]) -> dict[int, list[_Row]]:
    """Submitted answers of these rounds of one coalition, per round id, in one query."""
    per_round: dict[int, list[_Row]] = defaultdict(list)
    ids = list(round_ids)
    if not ids:
        return per_round
    rows = (
        Response.objects.of_coalition(coalition_id)
        .filter(round_id__in=ids, status=ResponseStatus.SUBMITTED)
        .values_list("round_id", "instrument_version", "answers", "partner_kind", "circle")
    )
    for row in rows:
        per_round[row[0]].append(cast(_Row, row))
    return per_round


def _chronological(rounds: QuerySet[Round]) -> QuerySet[Round]:
    return rounds.order_by("closes_on", "created_at", "pk")


def _closed(coalition_id: int, instrument_keys: Iterable[str]) -> list[Round]:
    """Closed rounds of these instruments, oldest first, with their counts."""
    return list(
        _chronological(
            Round.objects.of_coalition(coalition_id)
            .with_counts()
            .filter(
                instrument_key__in=list(instrument_keys),
                status=RoundStatus.CLOSED,
            )
        )
    )


def _previous_with_results(scan_round: Round, candidates: Sequence[Round]) -> Round | None:
    """The latest closed round before `scan_round` that has enough responses to compare."""
    for candidate in reversed(candidates):
        if enough_responses(candidate, _count(candidate, "n_submitted")):
            return candidate
    return None


def cached_round_results(scan_round: Round) -> tuple[RoundResults, str]:
    """`round_results`, cached under the coalition's data version (also returned, so the page can
    cache its rendered report under the same key)."""
    version = f"{scan_round.pk}-{coalition_data_version(scan_round.coalition_id)}"
    return cached("scan-round-results", version, lambda: round_results(scan_round)), version


def round_results(scan_round: Round) -> RoundResults:
    """The results of one round, compared with the previous closed round of the same
    instrument in the same coalition. Three queries."""
    coalition_id = scan_round.coalition_id
    invited = Respondent.objects.of_coalition(coalition_id).filter(round=scan_round).count()
    earlier = list(
        _chronological(
            Round.objects.of_coalition(coalition_id)
            .with_counts()
            .filter(
                instrument_key=scan_round.instrument_key,
                status=RoundStatus.CLOSED,
            )
            .filter(
                Q(closes_on__lt=scan_round.closes_on)
                | Q(closes_on=scan_round.closes_on, created_at__lt=scan_round.created_at)
            )
            .exclude(pk=scan_round.pk)
        )
    )
    previous = _previous_with_results(scan_round, earlier)
    rows = _rows(coalition_id, [scan_round.pk] + ([previous.pk] if previous else []))
    return _build(
        scan_round,
        rows[scan_round.pk],
        invited=invited,
        previous_round=previous,
        previous_rows=rows[previous.pk] if previous else (),
    )


# Trends


@dataclass(frozen=True)
class TrendValue:
    subscale: str
    mean: float | None
    n: int


@dataclass(frozen=True)
class TrendPoint:
    round: Round
    submitted: int
    enough: bool
    means: Mapping[str, float | None]  # per subscale; None: no scores (or too few responses)
    ns: Mapping[str, int]

    @property
    def values(self) -> list[TrendValue]:
        """Mean and n per subscale, in the order of the instrument."""
        return [TrendValue(key, mean, self.ns.get(key, 0)) for key, mean in self.means.items()]


@dataclass(frozen=True)
class Trend:
    instrument: Instrument  # the newest version: its subscales are the lines
    points: tuple[TrendPoint, ...] = field(default=())

    def series(self, subscale_key: str) -> list[tuple[Round, float | None, int]]:
        """(round, mean, n) per round for one subscale, gaps as (round, None, 0)."""
        return [
            (point.round, point.means.get(subscale_key), point.ns.get(subscale_key, 0))
            for point in self.points
        ]

    @property
    def has_data(self) -> bool:
        return any(point.enough for point in self.points)


def _trend_point(instrument: Instrument, scan_round: Round, rows: Sequence[_Row]) -> TrendPoint:
    submitted = len(rows)
    if not enough_responses(scan_round, submitted):
        keys = instrument.subscale_keys
        return TrendPoint(scan_round, submitted, False, dict.fromkeys(keys), dict.fromkeys(keys, 0))
    scored, _unscored = _score_rows(instrument, rows)
    aggregates = _subscale_aggregates(instrument, scored)
    points = dict(
        zip(
            instrument.subscale_keys,
            scoring.trend([(key, aggregates[key]) for key in instrument.subscale_keys]),
            strict=True,
        )
    )
    return TrendPoint(
        round=scan_round,
        submitted=submitted,
        enough=True,
        means={key: mean for key, (_label, mean, _n) in points.items()},
        ns={key: n for key, (_label, _mean, n) in points.items()},
    )


def trends(coalition: Coalition, instrument_keys: Iterable[str]) -> dict[str, Trend]:
    """`trend` for several instruments at once, in two queries."""
    keys = list(instrument_keys)
    rounds = _closed(coalition.pk, keys)
    rows = _rows(coalition.pk, (r.pk for r in rounds))
    result = {}
    for key in keys:
        instrument = get_instrument(key)
        result[key] = Trend(
            instrument=instrument,
            points=tuple(
                _trend_point(instrument, r, rows[r.pk]) for r in rounds if r.instrument_key == key
            ),
        )
    return result


def trend(coalition: Coalition, instrument_key: str) -> Trend:
    """Per closed round of this instrument, oldest first: the subscale means and n. Rounds with
    too few responses to show stay in the list (as a gap). KeyError for an unknown instrument."""
    return trends(coalition, [instrument_key])[instrument_key]


# The latest results per instrument


def latest_results(coalition: Coalition) -> dict[str, RoundResults]:
    """Per instrument (by key), the results of its latest closed round that has enough
    responses, compared with the closed round before it. Instruments without such a round are
    left out. Two queries, whatever the number of rounds."""
    keys = [instrument.key for instrument in latest_instruments()]
    rounds = [r for r in _closed(coalition.pk, keys) if _known(r)]
    per_instrument: dict[str, list[Round]] = defaultdict(list)
    for scan_round in rounds:
        if enough_responses(scan_round, _count(scan_round, "n_submitted")):
            per_instrument[scan_round.instrument_key].append(scan_round)
    chosen = {
        key: (found[-1], found[-2] if len(found) > 1 else None)
        for key, found in per_instrument.items()
    }
    rows = _rows(coalition.pk, (r.pk for pair in chosen.values() for r in pair if r is not None))
    return {
        key: _build(
            latest,
            rows[latest.pk],
            invited=_count(latest, "n_invited"),
            previous_round=previous,
            previous_rows=rows[previous.pk] if previous else (),
        )
        for key, (latest, previous) in sorted(chosen.items())
    }


def _known(scan_round: Round) -> bool:
    try:
        get_instrument(scan_round.instrument_key, scan_round.instrument_version)
    except KeyError:
        logger.warning("Round %s uses an unknown instrument version", scan_round.pk)
        return False
    return True
