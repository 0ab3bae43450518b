"""How long the advice takes, for the benchmark (`make bench`), not for the test suite."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from samenspel.advice.services import current_findings

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


def time_advice(coalition: Coalition, repeat: int = 20) -> float:
    """Median wall-clock time of `current_findings(coalition)` in milliseconds (queries, scoring,
    rules and dismissals included), over `repeat` runs after one warm-up run."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    current_findings(coalition)  # warm-up: guide and instrument files are read once, then cached
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        current_findings(coalition)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)
