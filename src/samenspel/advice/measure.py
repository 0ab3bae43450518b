"""How long the advice takes, for the benchmark (`make bench`), not for the test suite."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from samenspel.advice.services import evaluate
from samenspel.advice.snapshot import build_snapshot

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


def time_advice(coalition: Coalition, repeat: int = 20) -> float:
    """Median wall-clock time of computing the advice from scratch, in milliseconds: the snapshot
    (queries, scoring of all rounds) and every rule, without the analysis cache the pages use;
    over `repeat` runs after one warm-up run."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    evaluate(
        build_snapshot(coalition)
    )  # warm-up: guide and instrument files are read once, then cached
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        evaluate(build_snapshot(coalition))
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)
