"""Statistical disclosure control for the coalition's figures about signals.

A table of counts (rows by columns) is published with its row totals, column totals and grand
total. Two rules protect the residents behind the numbers:

1. *Primary suppression*: every cell or total under `THRESHOLD` (10, zero included) is hidden.
2. *Secondary suppression*: no hidden value may be recomputed from what is published. A hidden
   cell is recoverable when its value follows from the sums that hold between cells and totals
   (each row adds up to its total, each column to its total, the totals to the grand total): in
   linear-algebra terms, when its unit vector lies in the row space of those equations restricted
   to the hidden values. Such a cell gets a hidden neighbour (the smallest published cell in its
   row or column) until none is recoverable. Counts are never negative, so a line whose hidden
   values add up to less than `THRESHOLD` would narrow them to a small range (to exactly zero
   when they add up to zero): such a line hides one more value as well.

Hiding only ever adds cells, so the loop ends; the last resort is hiding everything. Pure
functions over plain lists, property-tested in `tests/test_suppression.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

THRESHOLD = 10

# A position in the table with margins: (row, column); row == R is the column totals, column
# == C the row totals, (R, C) the grand total.
Position = tuple[int, int]


@dataclass(frozen=True)
class Grid:
    """Counts with their margins: `values[r][c]` for r <= R and c <= C."""

    values: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, counts: Sequence[Sequence[int]]) -> Grid:
        rows = [list(row) for row in counts]
        width = len(rows[0]) if rows else 0
        full = [[*row, sum(row)] for row in rows]
        totals = [sum(row[c] for row in rows) for c in range(width)]
        full.append([*totals, sum(totals)])
        return cls(tuple(tuple(row) for row in full))

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.values) - 1, len(self.values[0]) - 1

    def positions(self) -> list[Position]:
        rows, columns = self.shape
        return [(r, c) for r in range(rows + 1) for c in range(columns + 1)]

    def lines(self) -> list[tuple[list[Position], Position]]:
        """Every sum in the table: (the parts, their total)."""
        rows, columns = self.shape
        found = [([(r, c) for c in range(columns)], (r, columns)) for r in range(rows + 1)]
        found += [([(r, c) for r in range(rows)], (rows, c)) for c in range(columns + 1)]
        return found


def recoverable(grid: Grid, hidden: set[Position]) -> set[Position]:
    """The hidden positions whose value follows from the published ones by the table's sums."""
    unknowns = sorted(hidden)
    index = {position: i for i, position in enumerate(unknowns)}
    equations = []
    for parts, total in grid.lines():
        row = [Fraction(0)] * len(unknowns)
        for position in parts:
            if position in index:
                row[index[position]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            equations.append(row)
    basis = _echelon(equations)
    return {p for p in unknowns if _in_span(basis, _unit(len(unknowns), index[p]))}


def _unit(size: int, at: int) -> list[Fraction]:
    vector = [Fraction(0)] * size
    vector[at] = Fraction(1)
    return vector


def _echelon(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """A reduced basis of the rows' span, as (pivot column, row) pairs."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        reduced = _reduce(basis, row)
        pivot = next((i for i, value in enumerate(reduced) if value), None)
        if pivot is None:
            continue
        reduced = [value / reduced[pivot] for value in reduced]
        basis = [(p, _eliminate(b, reduced, pivot)) for p, b in basis]
        basis.append((pivot, reduced))
    return basis


def _eliminate(row: list[Fraction], by: list[Fraction], pivot: int) -> list[Fraction]:
    factor = row[pivot]
    return [a - factor * b for a, b in zip(row, by, strict=True)] if factor else row


def _reduce(basis: list[tuple[int, list[Fraction]]], row: list[Fraction]) -> list[Fraction]:
    for pivot, base in basis:
        row = _eliminate(row, base, pivot)
    return row


def _in_span(basis: list[tuple[int, list[Fraction]]], vector: list[Fraction]) -> bool:
    return not any(_reduce(basis, vector))


def _narrow_lines(grid: Grid, hidden: set[Position]) -> list[list[Position]]:
    """Lines with a published total whose hidden values add up to less than the threshold."""
    found = []
    for parts, total in grid.lines():
        if total in hidden:
            continue
        secret = [p for p in parts if p in hidden]
        if secret and sum(grid.values[r][c] for r, c in secret) < THRESHOLD:
            found.append([*parts, total])
    return found


def _neighbour(grid: Grid, position: Position, hidden: set[Position]) -> Position | None:
    """The smallest published value in the position's row or column (totals included)."""
    r, c = position
    rows, columns = grid.shape
    around = [(r, j) for j in range(columns + 1)] + [(i, c) for i in range(rows + 1)]
    candidates = [p for p in around if p not in hidden]
    return _smallest(grid, candidates) if candidates else None


def _smallest(grid: Grid, positions: Iterable[Position]) -> Position:
    return min(positions, key=lambda p: (grid.values[p[0]][p[1]], p))


def suppress(grid: Grid) -> set[Position]:
    """The positions to hide: primary suppression, then secondary until nothing is recoverable
    and no line narrows its hidden values below the threshold."""
    hidden = {(r, c) for r, c in grid.positions() if grid.values[r][c] < THRESHOLD}
    while True:
        extra = _one_more(grid, hidden)
        if extra is None:
            return hidden
        hidden.add(extra)


def _one_more(grid: Grid, hidden: set[Position]) -> Position | None:
    for line in _narrow_lines(grid, hidden):
        return _smallest(grid, [p for p in line if p not in hidden])
    for position in sorted(recoverable(grid, hidden)):
        neighbour = _neighbour(grid, position, hidden)
        if neighbour is not None:
            return neighbour
    leftover = recoverable(grid, hidden)
    if leftover:
        # Nothing around a recoverable cell is left to hide: hide the smallest published value.
        return _smallest(grid, set(grid.positions()) - hidden)
    return None
