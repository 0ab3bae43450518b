"""Property tests of the figures' disclosure control: no published value under 10, and no hidden
value that can be worked out from the published cells and totals.

The second property is checked independently of `suppression.recoverable` (which uses linear
algebra): for every hidden value the test searches for another table with the same published
values, counts not negative, in which that value differs. Such a table exists exactly when the
published figures cannot tell the two apart."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.signals.suppression import THRESHOLD, Grid, recoverable, suppress

counts = st.integers(min_value=0, max_value=40)
tables = st.integers(min_value=1, max_value=3).flatmap(
    lambda rows: st.integers(min_value=1, max_value=3).flatmap(
        lambda columns: st.lists(
            st.lists(counts, min_size=columns, max_size=columns), min_size=rows, max_size=rows
        )
    )
)


@given(tables)
@settings(max_examples=300, deadline=None)
def test_no_published_value_is_under_the_threshold(table):
    grid = Grid.of(table)
    hidden = suppress(grid)
    for r, c in grid.positions():
        if (r, c) not in hidden:
            assert grid.values[r][c] >= THRESHOLD


def _alternatives(grid, hidden):
    """Every table that differs from `grid` only in hidden places by steps of -1, 0 or +1 per
    cell, agrees on all published values, and has no negative count."""
    rows, columns = grid.shape
    interior = [(r, c) for r in range(rows) for c in range(columns) if (r, c) in hidden]
    for steps in itertools.product((-1, 0, 1), repeat=len(interior)):
        if not any(steps):
            continue
        change = [[0] * columns for _ in range(rows)]
        for (r, c), step in zip(interior, steps, strict=True):
            change[r][c] = step
        other = Grid.of(
            [[grid.values[r][c] + change[r][c] for c in range(columns)] for r in range(rows)]
        )
        published_same = all(
            other.values[r][c] == grid.values[r][c]
            for r, c in grid.positions()
            if (r, c) not in hidden
        )
        if published_same and min(min(row) for row in other.values) >= 0:
            yield other


@given(tables)
@settings(max_examples=150, deadline=None)
def test_no_hidden_value_can_be_worked_out_from_the_published_ones(table):
    grid = Grid.of(table)
    hidden = suppress(grid)
    assert not recoverable(grid, hidden)
    uncertain = set()
    for other in _alternatives(grid, hidden):
        uncertain |= {p for p in hidden if other.values[p[0]][p[1]] != grid.values[p[0]][p[1]]}
    assert uncertain == hidden


def test_one_small_cell_takes_a_second_one_with_it():
    grid = Grid.of([[25, 3, 40], [30, 22, 17]])
    hidden = suppress(grid)
    assert (0, 1) in hidden
    assert len([p for p in hidden if p[0] == 0]) >= 2
    assert len([p for p in hidden if p[1] == 1]) >= 2


def test_a_table_of_large_counts_hides_nothing():
    assert suppress(Grid.of([[12, 30], [45, 11]])) == set()
