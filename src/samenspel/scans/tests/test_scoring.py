import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.scans.instruments import SCALES, Instrument, Item, Scale, Subscale
from samenspel.scans.scoring import (
    DISAGREEMENT_MIN_N,
    DISAGREEMENT_SD,
    POLARISATION_SHARE,
    Aggregate,
    aggregate,
    breakdown,
    compare,
    item_score,
    nearest_point,
    subscale_aggregates,
    subscale_scores,
    trend,
)

AGREEMENT = SCALES["agreement5"]
FORWARD = Item(key="forward", subscale="a", text="Gewoon.")
REVERSE = Item(key="reverse", subscale="a", text="Omgekeerd.", reverse=True)

# No example database of failing examples in the checkout (a failure prints its example anyway).
# Statistics works with exact fractions, so a long list can take longer than the default deadline.
SETTINGS = settings(deadline=None, database=None)

scales = st.sampled_from(list(SCALES.values()))


def scores(scale: Scale, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[list[float]]:
    """Scores as aggregate() gets them: whole answers, or subscale means in between."""
    point = st.integers(scale.min, scale.max).map(float)
    between = st.floats(scale.min, scale.max, allow_nan=False)
    return st.lists(st.one_of(point, between), min_size=min_size, max_size=max_size)


def _agg(*values: float) -> Aggregate:
    result = aggregate(values, AGREEMENT)
    assert result is not None
    return result


# Properties


@SETTINGS
@given(st.data(), scales)
def test_mean_stays_within_the_scale(data: st.DataObject, scale: Scale) -> None:
    result = aggregate(data.draw(scores(scale, min_size=1)), scale)
    assert result is not None
    assert scale.min <= result.mean <= scale.max


@SETTINGS
@given(st.data(), scales, st.integers(1, 50))
def test_agreeing_respondents_have_no_spread_and_no_disagreement(
    data: st.DataObject, scale: Scale, n: int
) -> None:
    value = data.draw(st.floats(scale.min, scale.max, allow_nan=False))
    result = aggregate([value] * n, scale)
    assert result is not None
    assert result.sd == 0
    assert result.mean == value
    assert result.disagreement is False


@SETTINGS
@given(st.data(), scales)
def test_distribution_counts_sum_to_n(data: st.DataObject, scale: Scale) -> None:
    values = data.draw(scores(scale, min_size=1))
    result = aggregate(values, scale)
    assert result is not None
    assert list(result.distribution) == scale.values
    assert sum(result.distribution.values()) == result.n == len(values)
    assert 0 <= result.share_low + result.share_high <= 1


@SETTINGS
@given(st.data(), scales)
def test_disagreement_follows_the_rule(data: st.DataObject, scale: Scale) -> None:
    result = aggregate(data.draw(scores(scale, min_size=1)), scale)
    assert result is not None
    polarised = result.share_low >= POLARISATION_SHARE and result.share_high >= POLARISATION_SHARE
    expected = result.n >= DISAGREEMENT_MIN_N and (result.sd >= DISAGREEMENT_SD or polarised)
    assert result.disagreement is expected


@SETTINGS
@given(st.data(), scales)
def test_reverse_scoring_is_an_involution(data: st.DataObject, scale: Scale) -> None:
    value = data.draw(st.integers(scale.min, scale.max))
    once = item_score(REVERSE, scale, value)
    assert once is not None
    assert scale.min <= once <= scale.max
    assert item_score(REVERSE, scale, once) == value
    assert item_score(FORWARD, scale, value) == value
    assert item_score(REVERSE, scale, None) is None


@SETTINGS
@given(
    st.data(),
    scales,
    st.dictionaries(st.sampled_from(["a", "b", "c", "d", "other"]), st.integers(0, 6)),
    st.integers(1, 5),
)
def test_breakdown_never_shows_a_small_group(
    data: st.DataObject, scale: Scale, sizes: dict[str, int], min_group: int
) -> None:
    groups = {
        key: data.draw(scores(scale, min_size=size, max_size=size)) for key, size in sizes.items()
    }
    result = breakdown(groups, scale, min_group=min_group)
    assert all(group.n >= min_group for group in result.values())
    total_in, total_out = sum(sizes.values()), sum(group.n for group in result.values())
    assert total_out <= total_in
    small = [key for key, size in sizes.items() if size < min_group and key != "other"]
    folded = sum(sizes[key] for key in small) + sizes.get("other", 0)
    dropped = 0 < folded < min_group
    assert (total_out == total_in) is not dropped
    assert not set(small) & set(result)


@SETTINGS
@given(st.data(), scales)
def test_subscale_score_is_within_the_scale_or_none(data: st.DataObject, scale: Scale) -> None:
    instrument = _instrument(scale)
    answers = data.draw(
        st.dictionaries(
            st.sampled_from(instrument.item_keys),
            st.none() | st.integers(scale.min, scale.max),
        )
    )
    for key, score in subscale_scores(instrument, answers).items():
        answered = [i for i in instrument.items_of(key) if answers.get(i.key) is not None]
        if answered:
            assert score is not None
            assert scale.min <= score <= scale.max
        else:
            assert score is None


# Examples


def _instrument(scale: Scale = AGREEMENT) -> Instrument:
    return Instrument(
        key="demo",
        version=1,
        title="Demo",
        intro="Demo.",
        audience="partners",
        scale=scale,
        subscales=(
            Subscale("a", "A", "A.", "conditions", "ambition"),
            Subscale("b", "B", "B.", "conditions", "process"),
        ),
        items=(
            Item("a1", "a", "Een."),
            Item("a2", "a", "Twee.", reverse=True),
            Item("a3", "a", "Drie."),
            Item("b1", "b", "Vier."),
        ),
    )


def test_subscale_scores_reverse_items_and_skip_dont_know() -> None:
    # a1 = 4, a2 = 2 reversed to 4, a3 = don't know; b1 not answered
    scores = subscale_scores(_instrument(), {"a1": 4, "a2": 2, "a3": None})
    assert scores == {"a": 4.0, "b": None}
    assert subscale_scores(_instrument(), {"a1": 5, "a2": 5, "b1": None}) == {"a": 3.0, "b": None}


def test_subscale_aggregates_count_only_respondents_who_answered() -> None:
    responses: list[dict[str, int | None]] = [{"a1": 5, "b1": 1}, {"a1": 4}, {"a1": 3, "a2": None}]
    result = subscale_aggregates(_instrument(), responses)
    assert result["a"] is not None
    assert (result["a"].n, result["a"].mean) == (3, 4.0)
    assert result["b"] is not None
    assert (result["b"].n, result["b"].mean) == (1, 1.0)


def test_item_score_rejects_a_value_outside_the_scale() -> None:
    with pytest.raises(ValueError, match="outside scale"):
        item_score(FORWARD, AGREEMENT, 6)
    with pytest.raises(ValueError, match="outside scale"):
        aggregate([0.5], AGREEMENT)
    with pytest.raises(ValueError, match="outside scale"):
        aggregate([math.nan], AGREEMENT)


def test_aggregate_of_nothing_is_none() -> None:
    assert aggregate([], AGREEMENT) is None


def test_aggregate_example() -> None:
    result = _agg(1, 2, 2, 4, 5, 2.5, 3.49)
    assert result.n == 7
    assert result.distribution == {1: 1, 2: 2, 3: 2, 4: 1, 5: 1}
    assert result.share_low == pytest.approx(3 / 7)
    assert result.share_high == pytest.approx(2 / 7)
    assert result.mean == pytest.approx(19.99 / 7)


@pytest.mark.parametrize(
    ("value", "point"),
    [(1.0, 1), (1.49, 1), (1.5, 2), (2.5, 3), (2.4999999999999996, 3), (3.5, 4), (4.5, 5), (5, 5)],
)
def test_nearest_point_rounds_half_up(value: float, point: int) -> None:
    assert nearest_point(AGREEMENT, value) == point


@pytest.mark.parametrize(
    ("values", "sd", "disagreement"),
    [
        # SD exactly at the threshold, one camp only: disagreement by spread
        ((1, 1, 3, 3), 1.0, True),
        # SD just below it, still one camp: no disagreement
        ((1, 1, 3, 3, 3), math.sqrt(0.96), False),
        # Two camps of exactly a quarter each with modest SD: polarised
        ((2, 3, 3, 4), math.sqrt(0.5), True),
        # Two camps of a fifth each: below the polarisation threshold
        ((2, 3, 3, 3, 4), math.sqrt(0.4), False),
        # A quarter low but nobody high: not polarised
        ((2, 3, 3, 3), math.sqrt(0.1875), False),
        # Three people far apart: the smallest group that can disagree
        ((1, 3, 5), math.sqrt(8 / 3), True),
        # Two people far apart: one against the other, never flagged
        ((1, 5), 2.0, False),
        ((3, 3, 3), 0.0, False),
    ],
)
def test_disagreement_at_its_thresholds(
    values: tuple[float, ...], sd: float, disagreement: bool
) -> None:
    result = _agg(*values)
    assert result.sd == pytest.approx(sd)
    assert result.disagreement is disagreement


def test_breakdown_folds_small_groups_into_other() -> None:
    result = breakdown(
        {"welzijn": [4, 4, 5, 3], "zorg": [2], "sport": [1, 2], "bibliotheek": [5, 5, 5]},
        AGREEMENT,
    )
    assert list(result) == ["welzijn", "bibliotheek", "other"]
    assert result["other"].n == 3
    assert result["other"].mean == pytest.approx(5 / 3)


def test_breakdown_leaves_out_an_other_group_that_stays_small() -> None:
    result = breakdown({"welzijn": [4, 4, 5], "zorg": [2], "sport": [1]}, AGREEMENT)
    assert list(result) == ["welzijn"]


def test_breakdown_merges_small_groups_with_a_group_called_other() -> None:
    result = breakdown({"other": [1, 2], "zorg": [5], "welzijn": [3, 3, 3]}, AGREEMENT)
    assert list(result) == ["welzijn", "other"]
    assert result["other"].n == 3
    assert breakdown({"other": [1, 2, 3]}, AGREEMENT)["other"].n == 3
    assert (
        breakdown({"overig": [1], "zorg": [2, 2]}, AGREEMENT, other_key="overig")["overig"].n == 3
    )


def test_breakdown_with_another_minimum() -> None:
    groups = {"a": [1, 2], "b": [3]}
    assert set(breakdown(groups, AGREEMENT, min_group=2)) == {"a"}
    assert set(breakdown(groups, AGREEMENT, min_group=1)) == {"a", "b"}
    with pytest.raises(ValueError, match="min_group"):
        breakdown(groups, AGREEMENT, min_group=0)


def test_compare() -> None:
    assert compare(_agg(4, 4, 4), _agg(3, 3, 2)) == pytest.approx(4 - 8 / 3)
    assert compare(_agg(3), None) is None
    assert compare(None, _agg(3)) is None


def test_trend_keeps_rounds_without_scores_as_gaps() -> None:
    points = [("2025-1", _agg(2, 3, 4)), ("2025-2", None), ("2026-1", _agg(4, 4, 5, 5))]
    assert trend(points) == [("2025-1", 3.0, 3), ("2025-2", None, 0), ("2026-1", 4.5, 4)]
