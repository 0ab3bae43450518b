"""The parts of `make loadtest` that can be checked without running it, and the shipped configs."""

import os
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

from samenspel.bench.loadtest import figures, ledger
from samenspel.bench.loadtest.driver import Sample, import_csv
from samenspel.bench.loadtest.sink import Sink
from samenspel.bench.loadtest.topology import BROTLI_MODULE, Ports, Topology

ROOT = Path(__file__).resolve().parents[4]


def sample(started: float, status: int, seconds: float = 0.1) -> Sample:
    return Sample(started, seconds, "page", status)


def test_percentiles_and_failures():
    samples = [sample(n, 200, seconds=n / 1000) for n in range(1, 101)]
    samples += [sample(200, 502), sample(201, 0), sample(202, 429)]
    samples.append(Sample(203, 0.001, "page", 200, from_proxy_cache=True))
    result = figures.summary(samples, seconds=10)
    assert result["requests"] == 104
    assert result["per_second"] == 10.4
    assert result["p50_ms"] == 51
    assert result["failed"] == 2
    assert result["from_proxy_cache"] == 1
    assert result["statuses"] == {"0": 1, "200": 101, "429": 1, "502": 1}


def test_failures_are_counted_in_the_window_they_were_in_flight():
    samples = [sample(9.5, 0, seconds=1), sample(12, 500), sample(30, 502), sample(11, 200)]
    assert figures.failures_in(samples, 10, 15) == 2
    assert figures.first_success_after(samples, 10.5) == pytest.approx(11.1)
    assert figures.first_success_after(samples, 20) is None


def test_the_most_in_one_minute_slides():
    assert figures.most_in_one_period([0, 10, 20, 50, 65, 200], 60) == 4
    assert figures.most_in_one_period([0, 60, 120], 60) == 1
    assert figures.most_in_one_period([], 60) == 0


def test_the_import_file_carries_the_run_marker():
    lines = import_csv("ab12", 3).decode().splitlines()
    assert lines[0] == "titel;omschrijving;soort"
    assert [line.split(";")[0] for line in lines[1:]] == [f"lt-ab12-import-{n}" for n in range(3)]


def test_gunicorn_config_uses_every_core_recycles_and_preloads(monkeypatch):
    monkeypatch.delenv("SAMENSPEL_WORKERS", raising=False)
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["workers"] == os.cpu_count()
    assert config["worker_class"] == "sync"
    assert config["preload_app"] is True
    assert config["max_requests"] > 0
    assert config["max_requests_jitter"] > 0
    assert callable(config["pre_fork"])


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed")
def test_the_shipped_proxy_config_is_valid_nginx(tmp_path):
    if not Path(BROTLI_MODULE).exists():
        pytest.skip("the brotli module is not installed")
    topology = Topology(ROOT, Ports())
    topology.var = tmp_path
    conf = tmp_path / "nginx.conf"
    conf.write_text(topology.nginx_conf())
    for directory in ["nginx/body", "nginx/proxy", "nginx/cache"]:
        (tmp_path / directory).mkdir(parents=True)
    checked = subprocess.run(  # noqa: S603
        ["nginx", "-t", "-c", str(conf), "-p", str(tmp_path / "nginx")],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert str(ROOT / "deploy" / "nginx" / "samenspel-proxy.conf") in conf.read_text()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is missing")
def test_the_shipped_systemd_units_parse(tmp_path):
    for unit in (ROOT / "deploy" / "systemd").iterdir():
        shutil.copy(unit, tmp_path / unit.name.replace("@.", "@8001."))
    units = sorted(str(path) for path in tmp_path.iterdir())
    checked = subprocess.run(  # noqa: S603
        ["systemd-analyze", "verify", "--man=no", *units],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    # Only the program paths of a server's checkout (/srv/samenspel) are missing here.
    problems = [
        line
        for line in checked.stderr.splitlines()
        if line and "/srv/samenspel/.venv/bin/" not in line
    ]
    assert problems == []
    assert len(units) == 7


def test_e_mails_are_compared_per_recipient(monkeypatch):
    """One address may have several messages in the outbox; only arrivals beyond them are
    duplicates, and only missing ones are lost."""
    outbox = [("a@example.nl", "sent"), ("a@example.nl", "sent"), ("b@example.nl", "sent")]
    monkeypatch.setattr(ledger, "_rows", lambda topology, sql: outbox)
    sink = Sink(pause=0)
    sink.arrived.update({"a@example.nl": 2, "b@example.nl": 1})
    assert ledger._mail_figures(None, sink, 1.0)["arrived_more_than_once"] == 0
    sink.arrived.update({"a@example.nl": 1})
    counted = ledger._mail_figures(None, sink, 1.0)
    assert (counted["arrived_once"], counted["arrived_more_than_once"]) == (3, 1)
    sink.arrived.subtract({"b@example.nl": 1})
    assert ledger._mail_figures(None, sink, 1.0)["never_arrived"] == 1


def held_results() -> dict:
    return {
        "side_by_side": {
            "finder": {"from_proxy_cache": 10, "throughput_share_of_trivial": 0.6},
            "open data": {"p50_ratio_to_trivial": 1.5},
        },
        "throttle_across_instances": {"most_in_one_minute": 60, "limit_per_minute": 60},
        "mixed_load_with_faults": {
            "failed_outside_fault_windows": 0,
            "faults": {"postgresql restarted": {"failed_after_up": 0, "recovered_after_up_s": 2}},
        },
        "lost_or_duplicated": {
            "invitations": {"lost": 0, "duplicated": 0},
            "e-mails": {"never_arrived": 0, "arrived_more_than_once": 0},
        },
    }


def test_a_run_that_held_misses_nothing_and_each_miss_is_named():
    assert figures.missed(held_results()) == []
    results = held_results()
    results["lost_or_duplicated"]["invitations"]["duplicated"] = 1
    results["side_by_side"]["open data"]["p50_ratio_to_trivial"] = 2.5
    results["mixed_load_with_faults"]["faults"]["postgresql restarted"]["failed_after_up"] = 3
    assert figures.missed(results) == [
        "no recovery within 10 s after PostgreSQL was up again",
        "invitations: lost or duplicated",
        "open data slower than twice the trivial page",
    ]
