"""From samples to figures: throughput, percentiles, failures per window of the run."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from samenspel.bench.loadtest.driver import Sample


def failed(sample: Sample) -> bool:
    """A broken connection or a server error; a 429 is the throttle doing its work."""
    return sample.status == 0 or sample.status >= 500


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def summary(samples: Iterable[Sample], seconds: float) -> dict[str, Any]:
    samples = list(samples)
    if not samples:
        return {"requests": 0}
    times = [sample.seconds * 1000 for sample in samples]
    return {
        "requests": len(samples),
        "per_second": round(len(samples) / seconds, 1),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "failed": sum(1 for sample in samples if failed(sample)),
        "from_proxy_cache": sum(1 for sample in samples if sample.from_proxy_cache),
        "statuses": dict(sorted(Counter(str(sample.status) for sample in samples).items())),
    }


def by_kind(samples: list[Sample], seconds: float) -> dict[str, Any]:
    kinds = sorted({sample.kind for sample in samples})
    return {kind: summary((s for s in samples if s.kind == kind), seconds) for kind in kinds}


def failures_in(samples: list[Sample], start: float, end: float) -> int:
    """Failed requests that were in flight at some moment between start and end."""
    return sum(
        1 for s in samples if failed(s) and s.started <= end and s.started + s.seconds >= start
    )


def first_success_after(samples: list[Sample], moment: float) -> float | None:
    """When the first request that started after `moment` succeeded (2xx)."""
    finished = [
        s.started + s.seconds for s in samples if s.started >= moment and 200 <= s.status < 300
    ]
    return min(finished) if finished else None


def most_in_one_period(moments: list[float], period: float) -> int:
    """The largest number of moments inside any window of `period` seconds."""
    ordered = sorted(moments)
    most, first = 0, 0
    for last, moment in enumerate(ordered):
        while moment - ordered[first] >= period:
            first += 1
        most = max(most, last - first + 1)
    return most


def missed(results: dict[str, Any]) -> list[str]:
    """What the issue requires of a run and this one did not do (empty: everything held).
    Failures while an app instance is stopped are reported, not judged here: those in flight on
    it are allowed, and the figures cannot tell them apart."""
    problems = []
    mixed = results["mixed_load_with_faults"]
    if mixed["failed_outside_fault_windows"]:
        problems.append(f"{mixed['failed_outside_fault_windows']} failed outside the faults")
    database = mixed["faults"]["postgresql restarted"]
    if database["failed_after_up"] or database["recovered_after_up_s"] > 10:
        problems.append("no recovery within 10 s after PostgreSQL was up again")
    for kind, row in results["lost_or_duplicated"].items():
        if row.get("lost") or row.get("duplicated") or row.get("titles_in_database_twice"):
            problems.append(f"{kind}: lost or duplicated")
        if row.get("never_arrived") or row.get("arrived_more_than_once"):
            problems.append(f"{kind}: not every queued e-mail arrived exactly once")
    throttle = results["throttle_across_instances"]
    if throttle["most_in_one_minute"] > throttle["limit_per_minute"]:
        problems.append("the throttle let more than its limit through in a minute")
    finder, open_data = results["side_by_side"]["finder"], results["side_by_side"]["open data"]
    if not finder["from_proxy_cache"]:
        problems.append("no repeat visit of the finder came from the proxy cache")
    if finder["throughput_share_of_trivial"] < 0.5:
        problems.append("finder throughput under half of the trivial page's")
    if open_data["p50_ratio_to_trivial"] > 2:
        problems.append("open data slower than twice the trivial page")
    return problems
