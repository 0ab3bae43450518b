"""Property tests: no published figure comes from fewer than 10, and no hidden cell can be
recovered from the published cells and the total."""

from hypothesis import given
from hypothesis import strategies as st

from samenspel.workspace.suppression import MIN_COUNT, shown, suppress

COUNTS = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e", "f"]), st.integers(min_value=0, max_value=60)
)


@given(COUNTS)
def test_no_published_cell_or_total_comes_from_fewer_than_ten(counts):
    table = suppress(counts)
    for value in table.cells.values():
        assert value is None or value == 0 or value >= MIN_COUNT
    assert table.total is None or table.total >= MIN_COUNT


@given(COUNTS)
def test_no_hidden_cell_is_recoverable_from_the_total(counts):
    table = suppress(counts)
    if table.total is None:
        assert all(value is None for value in table.cells.values())
        return
    hidden = [key for key, value in table.cells.items() if value is None]
    if not hidden:
        return
    # What a reader can work out: the hidden cells are each at least 1 and together the total
    # minus the shown cells. A cell is recoverable when that leaves it one possible value.
    remainder = table.total - sum(v for v in table.cells.values() if v is not None)
    assert remainder == sum(counts[key] for key in hidden)
    assert all(counts[key] > 0 for key in hidden)
    largest_possible = remainder - (len(hidden) - 1)  # when all the others are 1
    assert largest_possible > 1  # each hidden cell: more than one value fits
    assert len(hidden) >= 2
    assert remainder >= MIN_COUNT


@given(COUNTS)
def test_what_is_shown_is_the_true_count(counts):
    table = suppress(counts)
    for key, value in table.cells.items():
        assert value is None or value == counts[key]


def test_a_single_figure():
    assert shown(9) is None
    assert shown(10) == 10
