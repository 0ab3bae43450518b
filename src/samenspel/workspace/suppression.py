"""Small numbers hidden from published figures, so that no figure points at a few people or a few
coalitions.

A count below `MIN_COUNT` (but not zero: a count of nobody points at nobody) is hidden. When a
table publishes its total, the hidden cells together are the total minus the shown ones: one
hidden cell could be recovered that way, and so could several whose sum leaves them no room
(two cells that add up to 2 are both 1). So more cells are hidden, the smallest non-zero ones
first (the complementary suppression statistical offices use), until at least two are hidden,
their sum is at least `MIN_COUNT`, and it is larger than their number. When that cannot be
reached, or the total itself is below `MIN_COUNT`, the whole table is hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MIN_COUNT = 10


@dataclass(frozen=True)
class Table:
    cells: dict[str, int | None]  # None: hidden
    total: int | None

    @property
    def hidden(self) -> int:
        return sum(1 for value in self.cells.values() if value is None)


def shown(count: int) -> int | None:
    """One figure on its own: hidden when it is built from fewer than `MIN_COUNT`."""
    return count if count >= MIN_COUNT else None


def suppress(counts: Mapping[str, int]) -> Table:
    total = sum(counts.values())
    if total < MIN_COUNT:
        return Table(dict.fromkeys(counts), None)
    hidden = {key for key, n in counts.items() if 0 < n < MIN_COUNT}
    candidates = sorted((n, key) for key, n in counts.items() if n >= MIN_COUNT)
    while hidden and not _safe(hidden, counts):
        if not candidates:
            return Table(dict.fromkeys(counts), None)
        hidden.add(candidates.pop(0)[1])
    return Table({key: None if key in hidden else n for key, n in counts.items()}, total)


def _safe(hidden: set[str], counts: Mapping[str, int]) -> bool:
    """Whether the hidden cells' sum (which the total reveals) leaves each of them uncertain."""
    remainder = sum(counts[key] for key in hidden)
    return len(hidden) >= 2 and remainder >= MIN_COUNT and remainder > len(hidden)
