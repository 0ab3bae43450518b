"""`make loadtest`: start the topology, load it, break it piece by piece, count what was lost.

    python -m samenspel.bench.loadtest.run --output bench/loadtest-results.json

Phases: (1) the trivial anonymous page, the finder and the open data side by side through the
proxy; (2) a burst at the throttled respondent route over both instances; (3) mixed load
(residents, coordinators reading dashboards and inviting members, partners answering the scan,
an import) while one app instance is stopped, PostgreSQL restarted, the worker killed in the
middle of a delivery and the cache stopped; (4) the worker empties the outbox; (5) every
accepted write and every e-mail is counted in the database and at the mail server.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samenspel.bench.loadtest import driver, faults, figures, ledger
from samenspel.bench.loadtest.sink import Sink, start_sink
from samenspel.bench.loadtest.topology import Ports, Topology

COMPARED = ["trivial", "finder", "open data"]


def set_up(topology: Topology, run: str) -> dict[str, Any]:
    topology.prepare()
    topology.start_postgres()
    topology.create_database()
    topology.start_redis()
    for arguments in [
        ["migrate", "--noinput"],
        ["migrate", "--database", "audit", "--noinput"],
        ["collectstatic", "--noinput"],
        ["load_demo"],
        ["loadtest_seed", "--run", run, "--output", str(topology.var / "actors.json")],
    ]:
        topology.samenspel(*arguments)
    for port in topology.ports.apps:
        topology.start_app(port)
    topology.start_worker()
    threading.Thread(target=topology.supervise, daemon=True).start()
    topology.start_proxy()
    actors: dict[str, Any] = json.loads((topology.var / "actors.json").read_text())
    return actors


def side_by_side(port: int, actors: dict[str, Any], seconds: float, people: int) -> dict[str, Any]:
    """Each compared page alone, `people` at a time, for `seconds`, after a warm-up."""
    results = {}
    warm_up = driver.Connection(port, driver.Recorder(), {})
    for kind in COMPARED * 20:
        warm_up.request(kind, "GET", actors["urls"][kind])
    for kind in COMPARED:
        recorder = driver.Recorder()
        stop = threading.Event()
        threads = []
        for _ in range(people):
            connection = driver.Connection(port, recorder, {})
            visit = _visit(connection, kind, actors["urls"][kind])
            threads.append(threading.Thread(target=driver.repeat, args=(visit, stop)))
        _run_for(threads, stop, seconds)
        results[kind] = figures.summary(recorder.samples, seconds)
    trivial = results["trivial"]
    for kind in ["finder", "open data"]:
        results[kind]["throughput_share_of_trivial"] = round(
            results[kind]["per_second"] / trivial["per_second"], 2
        )
        results[kind]["p50_ratio_to_trivial"] = round(
            results[kind]["p50_ms"] / trivial["p50_ms"], 2
        )
    return results


def _visit(connection: driver.Connection, kind: str, url: str) -> Callable[[], None]:
    def visit() -> None:
        connection.request(kind, "GET", url)

    return visit


def _run_for(threads: list[threading.Thread], stop: threading.Event, seconds: float) -> None:
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()


def throttle_burst(port: int, actors: dict[str, Any], people: int, each: int) -> dict[str, Any]:
    """Many clients at once on the respondent route (60 a minute per address) over both
    instances: never more than the limit may get through."""
    recorder = driver.Recorder()
    path = actors["urls"]["respond"].replace("TOKEN", actors["respondents"][-1])

    def burst() -> None:
        connection = driver.Connection(port, recorder, {})
        for _ in range(each):
            connection.request("respondent route", "GET", path)

    threads = [threading.Thread(target=burst) for _ in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    passed = [s.started for s in recorder.samples if s.status == 200]
    return {
        "requests": len(recorder.samples),
        "limit_per_minute": 60,
        "let_through": len(passed),
        "most_in_one_minute": figures.most_in_one_period(passed, 60),
        "statuses": figures.summary(recorder.samples, 1)["statuses"],
    }


def people(
    port: int, actors: dict[str, Any], recorder: driver.Recorder, stop: threading.Event
) -> list[threading.Thread]:
    token = {"Authorization": f"Token {actors['token']}"}
    session = {"Cookie": f"sessionid={actors['session']}"}
    rng = random.Random(14)
    actions = [
        (driver.resident(driver.Connection(port, recorder, {}), actors["urls"], rng), 0.0)
        for _ in range(3)
    ]
    actions += [
        (
            driver.coordinator_reading(driver.Connection(port, recorder, session), actors["urls"]),
            0.2,
        ),
        (driver.coordinator_inviting(driver.Connection(port, recorder, token), actors), 0.3),
        (driver.respondents(driver.Connection(port, recorder, {}), actors), 1.0),
    ]
    return [threading.Thread(target=driver.repeat, args=(a, stop, pause)) for a, pause in actions]


def under_faults(topology: Topology, sink: Sink, actors: dict[str, Any]) -> dict[str, Any]:
    port = topology.ports.proxy
    recorder = driver.Recorder()
    stop = threading.Event()
    threads = people(port, actors, recorder, stop)
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        windows = _faults(topology, sink, actors, recorder)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    seconds = time.monotonic() - begin
    fault_figures = _fault_figures(recorder.samples, windows)  # closes the PostgreSQL window
    return {
        "seconds": round(seconds, 1),
        "recorder": recorder,
        "overall": figures.summary(recorder.samples, seconds),
        "pages": figures.by_kind(recorder.samples, seconds),
        "faults": fault_figures,
        "failed_outside_fault_windows": _outside(recorder.samples, windows),
        "worker_restarted_after_exiting": topology.children["worker"].restarts,
    }


def _faults(
    topology: Topology, sink: Sink, actors: dict[str, Any], recorder: driver.Recorder
) -> dict[str, dict[str, Any]]:
    """An import, then the faults one after another, with plain load in between; their moments."""
    time.sleep(10)
    importer = driver.Connection(
        topology.ports.proxy, recorder, {"Authorization": f"Token {actors['token']}"}
    )
    driver.importing(importer, actors, rows=20)
    windows: dict[str, dict[str, Any]] = {}
    windows["app instance stopped"] = faults.stop_app_instance(topology, topology.ports.apps[1], 10)
    time.sleep(8)
    windows["postgresql restarted"] = faults.restart_postgres(topology)
    time.sleep(10)
    windows["worker killed mid-delivery"] = faults.kill_worker_mid_task(topology, sink)
    time.sleep(8)
    windows["cache stopped"] = faults.stop_cache(topology, 12)
    time.sleep(8)
    return windows


def _fault_figures(
    samples: list[driver.Sample], windows: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    report: dict[str, Any] = {}
    for name, window in windows.items():
        end = window.get("end", window.get("up", window["start"]))
        entry = {"seconds": round(end - window["start"], 1)}
        entry["failed_requests"] = figures.failures_in(samples, window["start"], end)
        if "up" in window:
            first = figures.first_success_after(samples, window["up"])
            entry["seconds_down"] = round(window["up"] - window["start"], 1)
            entry["recovered_after_up_s"] = (
                None if first is None else round(first - window["up"], 2)
            )
            entry["failed_after_up"] = sum(
                1 for s in samples if figures.failed(s) and s.started >= window["up"]
            )
            window["end"] = first or end
            entry["failed_requests"] = figures.failures_in(samples, window["start"], window["end"])
        for detail in ["killed_during_a_delivery", "waited_for_delivery_s"]:
            if detail in window:
                entry[detail] = window[detail]
        report[name] = entry
    return report


def _outside(samples: list[driver.Sample], windows: dict[str, dict[str, Any]]) -> int:
    inside = [(w["start"], w.get("end", w["start"])) for w in windows.values()]
    return sum(
        1
        for s in samples
        if figures.failed(s)
        and not any(s.started <= end and s.started + s.seconds >= start for start, end in inside)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Samenspel load and fault test")
    parser.add_argument("--output", type=Path, default=Path("bench/loadtest-results.json"))
    parser.add_argument("--compare-seconds", type=float, default=8)
    arguments = parser.parse_args()
    root = Path.cwd()
    run = uuid.uuid4().hex[:8]
    ports = Ports()
    topology = Topology(root, ports)
    sink, controller = start_sink(ports.smtp, pause=0.1)
    try:
        actors = set_up(topology, run)
        compared = side_by_side(ports.proxy, actors, arguments.compare_seconds, people=4)
        throttled = throttle_burst(ports.proxy, actors, people=8, each=15)
        mixed = under_faults(topology, sink, actors)
        recorder = mixed.pop("recorder")
        counted = ledger.count(topology, sink, actors, recorder)
    finally:
        topology.stop_all()
        controller.stop()
    results = {
        "run": run,
        "side_by_side": compared,
        "throttle_across_instances": throttled,
        "mixed_load_with_faults": mixed,
        "lost_or_duplicated": counted,
    }
    results["missed"] = figures.missed(results)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    if results["missed"]:
        sys.exit("Load test: " + "; ".join(results["missed"]))


if __name__ == "__main__":
    main()
