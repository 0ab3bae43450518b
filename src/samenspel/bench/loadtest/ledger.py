"""After the load: is every accepted write in the database once, every e-mail delivered once?

Writes are looked up by the markers the driver kept for each accepted request (201/200); the
e-mails by comparing each row of the outbox with what arrived at the local mail server.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import psycopg

from samenspel.bench.loadtest.driver import Recorder
from samenspel.bench.loadtest.sink import Sink
from samenspel.bench.loadtest.topology import DATABASE, Topology


def _rows(topology: Topology, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    address = f"postgresql://postgres@127.0.0.1:{topology.ports.postgres}/{DATABASE}"
    with psycopg.connect(address) as connection:
        return connection.execute(sql, parameters).fetchall()


def _compare(accepted: list[str], found: Counter[str]) -> dict[str, int]:
    return {
        "accepted": len(accepted),
        "in_database": sum(1 for marker in accepted if found[marker] >= 1),
        "lost": sum(1 for marker in accepted if found[marker] == 0),
        "duplicated": sum(1 for marker in accepted if found[marker] > 1),
    }


def drain_outbox(topology: Topology, timeout: float) -> float:
    """Let the worker send what is queued (the sweep once, for tasks lost with the killed
    worker); the seconds it took."""
    started = time.monotonic()
    topology.samenspel("send_queued_mail")
    while _rows(topology, "SELECT count(*) FROM mail_outgoingmail WHERE status = 'queued'")[0][0]:
        if time.monotonic() - started > timeout:
            break
        time.sleep(1)
    return round(time.monotonic() - started, 1)


def count(
    topology: Topology, sink: Sink, actors: dict[str, Any], recorder: Recorder
) -> dict[str, Any]:
    drained = drain_outbox(topology, timeout=120)
    run = actors["run"]
    invitations = Counter(
        email
        for (email,) in _rows(
            topology, "SELECT email FROM accounts_invitation WHERE email LIKE %s", f"lt-{run}-%"
        )
    )
    answered = Counter(
        uuid.hex
        for (uuid,) in _rows(
            topology,
            "SELECT re.uuid FROM scans_response r JOIN scans_respondent re"
            " ON r.respondent_id = re.id WHERE r.status = 'submitted'",
        )
    )
    committed = Counter(
        str(batch)
        for (batch,) in _rows(
            topology, "SELECT uuid FROM activities_activityimport WHERE status = 'committed'"
        )
    )
    titles = Counter(
        title
        for (title,) in _rows(
            topology,
            "SELECT title FROM activities_activity WHERE title LIKE %s",
            f"lt-{run}-import-%",
        )
    )
    return {
        "invitations": _compare(recorder.accepted.get("invitation", []), invitations),
        "scan answers": _compare(
            [token[:32] for token in recorder.accepted.get("scan answer", [])], answered
        ),
        "imports": _compare(recorder.accepted.get("import", []), committed),
        "imported activities": {
            "rows_in_database": sum(titles.values()),
            "titles_in_database_twice": sum(1 for n in titles.values() if n > 1),
        },
        "e-mails": _mail_figures(topology, sink, drained),
    }


def _mail_figures(topology: Topology, sink: Sink, drained: float) -> dict[str, Any]:
    """Compared per recipient: the mail server counts what arrives per address, and one address
    may rightly have several messages in the outbox (an invitation and a scan, reminders)."""
    rows = _rows(topology, "SELECT lower(recipient), status FROM mail_outgoingmail")
    queued = Counter(recipient for recipient, _status in rows)
    arrived = {recipient: sink.arrived[recipient] for recipient in queued}
    return {
        "queued_in_outbox": len(rows),
        "by_status": dict(Counter(status for _recipient, status in rows)),
        "arrived_once": sum(min(n, arrived[r]) for r, n in queued.items()),
        "never_arrived": sum(max(0, n - arrived[r]) for r, n in queued.items()),
        "arrived_more_than_once": sum(max(0, arrived[r] - n) for r, n in queued.items()),
        "recipients_with_several_messages": sum(1 for n in queued.values() if n > 1),
        "seconds_to_empty_the_queue": drained,
    }
