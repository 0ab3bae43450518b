"""Scores of scan answers: pure functions, no database and no Django.

One response gives one score per subscale: the mean of its answered items, with negatively
worded items reversed and 'don't know' left out. Many responses give an `Aggregate` per subscale
(or per item): the mean *and* how far people are apart, because in a coalition a middling mean
can hide two camps, and that disagreement is worth a conversation (see docs/scans.md).
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from samenspel.scans.instruments import Instrument, Item, Scale

# Disagreement. On a 1–5 scale a (population) standard deviation of 1 means that respondents
# typically sit a whole answer apart from the mean, e.g. half say "oneens" and half "eens":
# they do not share one picture. A polarised group can stay below that SD when many answer in
# the middle, so two camps of at least a quarter each (one at "oneens" or lower, one at "eens"
# or higher) count as disagreement too. With fewer than three respondents any difference is one
# person against another, not a pattern, and would point at individuals: no flag.
DISAGREEMENT_SD = 1.0
POLARISATION_SHARE = 0.25
DISAGREEMENT_MIN_N = 3

# Small groups. A breakdown (per partner kind, per circle, ...) never shows a group of fewer than
# three respondents: with one or two, a coordinator could tell who answered what.
MIN_GROUP = 3

Label = TypeVar("Label")


@dataclass(frozen=True)
class Aggregate:
    n: int
    mean: float
    sd: float  # population standard deviation: the respondents are the whole group, not a sample
    distribution: dict[int, int]  # scale point -> number of scores rounded (half up) to it
    share_low: float  # share of scores at the low end (rounded to 1 or 2 on a 1–5 scale)
    share_high: float  # share of scores at the high end (rounded to 4 or 5 on a 1–5 scale)
    disagreement: bool


def _check(scale: Scale, value: float) -> None:
    if not (scale.min <= value <= scale.max):  # also rejects NaN
        raise ValueError(f"{value!r} is outside scale {scale.key!r} ({scale.min}–{scale.max})")


def item_score(item: Item, scale: Scale, value: float | None) -> float | None:
    """The score of one answer: None for 'don't know', mirrored for a reverse-worded item."""
    if value is None:
        return None
    _check(scale, value)
    if item.reverse:
        return float(scale.min + scale.max - value)
    return float(value)


def subscale_scores(
    instrument: Instrument, answers: Mapping[str, int | None]
) -> dict[str, float | None]:
    """Per subscale, the mean score of the answered items of ONE response (None when the
    respondent answered none of them, or only 'don't know'). Unknown keys are ignored."""
    scores: dict[str, float | None] = {}
    for subscale in instrument.subscales:
        found = [
            item_score(item, instrument.scale, answers.get(item.key))
            for item in instrument.items_by_subscale[subscale.key]
        ]
        answered = [score for score in found if score is not None]
        scores[subscale.key] = math.fsum(answered) / len(answered) if answered else None
    return scores


def nearest_point(scale: Scale, value: float) -> int:
    """Round half up to a point of the scale: 2.5 -> 3, 2.49 -> 2."""
    _check(scale, value)
    return _nearest(scale, value)


def _nearest(scale: Scale, value: float) -> int:
    # Round away float noise first, so that e.g. a mean of 2.4999999999999996 counts as 2.5.
    return min(scale.max, max(scale.min, math.floor(round(value, 9) + 0.5)))


def _mean_and_sd(values: Sequence[float]) -> tuple[float, float]:
    """Mean and population SD in floating point (fast; results pages aggregate thousands of
    scores). Identical scores give exactly that mean and an SD of exactly 0."""
    lowest, highest = min(values), max(values)
    if lowest == highest:
        return float(lowest), 0.0
    n = len(values)
    mean = min(highest, max(lowest, math.fsum(values) / n))
    return mean, math.sqrt(math.fsum((value - mean) ** 2 for value in values) / n)


def is_disagreement(n: int, sd: float, share_low: float, share_high: float) -> bool:
    if n < DISAGREEMENT_MIN_N:
        return False
    polarised = share_low >= POLARISATION_SHARE and share_high >= POLARISATION_SHARE
    return sd >= DISAGREEMENT_SD or polarised


def aggregate(values: Sequence[float], scale: Scale) -> Aggregate | None:
    """Mean, spread and distribution of scores on `scale`; None when there are none.

    Identical scores give exactly that mean and an SD of exactly 0."""
    return _summarise(values, scale) if values else None


def _summarise(values: Sequence[float], scale: Scale) -> Aggregate:
    for value in values:
        _check(scale, value)
    n = len(values)
    distribution = dict.fromkeys(scale.values, 0)
    for value in values:
        distribution[_nearest(scale, value)] += 1
    low = sum(count for point, count in distribution.items() if point <= scale.min + 1)
    high = sum(count for point, count in distribution.items() if point >= scale.max - 1)
    mean, sd = _mean_and_sd(values)
    return Aggregate(
        n=n,
        mean=mean,
        sd=sd,
        distribution=distribution,
        share_low=low / n,
        share_high=high / n,
        disagreement=is_disagreement(n, sd, low / n, high / n),
    )


def subscale_aggregates(
    instrument: Instrument, responses: Sequence[Mapping[str, int | None]]
) -> dict[str, Aggregate | None]:
    """Per subscale, the aggregate of the subscale scores of many responses (a respondent who
    answered none of a subscale's items does not count for that subscale)."""
    per_response = [subscale_scores(instrument, answers) for answers in responses]
    return {
        key: aggregate(
            [score for scores in per_response if (score := scores[key]) is not None],
            instrument.scale,
        )
        for key in instrument.subscale_keys
    }


def breakdown(
    groups: Mapping[str, Sequence[float]],
    scale: Scale,
    *,
    min_group: int = MIN_GROUP,
    other_key: str = "other",
) -> dict[str, Aggregate]:
    """An aggregate per group, without small groups.

    Groups with fewer than `min_group` scores are folded into `other_key` (merged with a group
    of that name, if there is one). If even that group stays below `min_group`, it is left out,
    so a small group never shows on its own. Large groups keep their order; `other` comes
    last."""
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    result: dict[str, Aggregate] = {}
    other: list[float] = list(groups.get(other_key, ()))
    for key, values in groups.items():
        if key == other_key:
            continue
        if len(values) >= min_group:
            result[key] = _summarise(values, scale)
        else:
            other.extend(values)
    if len(other) >= min_group:
        result[other_key] = _summarise(other, scale)
    return result


def compare(current: Aggregate | None, previous: Aggregate | None) -> float | None:
    """The change in mean since the previous round; None when either round has no scores."""
    if current is None or previous is None:
        return None
    return current.mean - previous.mean


def trend(
    points: Sequence[tuple[Label, Aggregate | None]],
) -> list[tuple[Label, float | None, int]]:
    """(label, mean, n) per round, in the given order; a round without scores gives (label,
    None, 0), so a chart shows the gap instead of joining the neighbours."""
    return [
        (label, None, 0) if result is None else (label, result.mean, result.n)
        for label, result in points
    ]
