"""The faults of a load test, each done to one child process while the load runs on."""

from __future__ import annotations

import signal
import time
from typing import Any

from samenspel.bench.loadtest.sink import Sink
from samenspel.bench.loadtest.topology import Topology


def stop_app_instance(topology: Topology, port: int, down_for: float) -> dict[str, float]:
    """Stop one instance as systemd would (TERM: finish what is in flight), later start it."""
    stopped = time.monotonic()
    topology.children[f"app-{port}"].stop(signal.SIGTERM)
    time.sleep(max(0.0, down_for - (time.monotonic() - stopped)))
    topology.start_app(port)
    return {"start": stopped, "end": time.monotonic()}


def restart_postgres(topology: Topology) -> dict[str, float]:
    """Stop PostgreSQL at once (fast shutdown: open connections are cut) and start it again."""
    stopped = time.monotonic()
    topology.stop_postgres()
    down = time.monotonic()
    topology.start_postgres()
    return {"start": stopped, "down": down, "up": time.monotonic()}


def kill_worker_mid_task(topology: Topology, sink: Sink) -> dict[str, Any]:
    """SIGKILL the task worker while the mail server holds a message it has not answered."""
    started = time.monotonic()
    sink.hold.set()
    delivering = sink.held.wait(30)
    waited = time.monotonic() - started
    topology.children["worker"].stop(signal.SIGKILL)
    killed = time.monotonic()
    sink.hold.clear()
    time.sleep(2)
    topology.children["worker"].start()
    return {
        "start": killed,
        "end": time.monotonic(),
        "killed_during_a_delivery": delivering,
        "waited_for_delivery_s": round(waited, 2),
    }


def stop_cache(topology: Topology, down_for: float) -> dict[str, float]:
    stopped = time.monotonic()
    topology.children["redis"].stop()
    time.sleep(down_for)
    topology.start_redis()
    return {"start": stopped, "end": time.monotonic()}
