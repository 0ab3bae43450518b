"""The load: simulated people, each a thread with one keep-alive connection to the proxy.

Every request is kept as a sample (when it started, how long it took, what it was, the status;
0 for a broken connection), so the report can count per page and per fault window. Writes carry
a marker of the run, so that afterwards each accepted write can be looked up in the database.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sample:
    started: float
    seconds: float
    kind: str
    status: int
    from_proxy_cache: bool = False


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    accepted: dict[str, list[str]] = field(default_factory=dict)  # kind of write -> markers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def accept(self, kind: str, marker: str) -> None:
        with self.lock:
            self.accepted.setdefault(kind, []).append(marker)


class Connection:
    """One person's connection to the proxy; opened again after a failure."""

    def __init__(self, port: int, recorder: Recorder, headers: dict[str, str]) -> None:
        self.port = port
        self.recorder = recorder
        self.headers = {"Host": "localhost", **headers}
        self.http: http.client.HTTPConnection | None = None

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        started = time.monotonic()
        status, content, cached = 0, b"", False
        try:
            if self.http is None:
                self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.http.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            response = self.http.getresponse()
            status, content = response.status, response.read()
            cached = response.getheader("X-Cache") == "HIT"
        except (OSError, http.client.HTTPException):
            self.close()
        seconds = time.monotonic() - started
        self.recorder.samples.append(Sample(started, seconds, kind, status, cached))
        return status, content

    def close(self) -> None:
        if self.http is not None:
            self.http.close()
        self.http = None


def json_body(data: Any) -> tuple[bytes, dict[str, str]]:
    return json.dumps(data).encode(), {"Content-Type": "application/json"}


def repeat(action: Callable[[], None], stop: threading.Event, pause: float = 0.0) -> None:
    while not stop.is_set():
        action()
        if pause:
            stop.wait(pause)


def resident(
    connection: Connection, urls: dict[str, str], rng: random.Random
) -> Callable[[], None]:
    pages = ["finder", "finder", "open data", "trivial"]

    def visit() -> None:
        kind = rng.choice(pages)
        status, _ = connection.request(kind, "GET", urls[kind])
        if status == 0 or status >= 500:
            time.sleep(0.5)  # a person waits a moment before trying again

    return visit


def coordinator_reading(connection: Connection, urls: dict[str, str]) -> Callable[[], None]:
    def read() -> None:
        connection.request("dashboard", "GET", urls["dashboard"])

    return read


def coordinator_inviting(connection: Connection, actors: dict[str, Any]) -> Callable[[], None]:
    counter = iter(range(1_000_000))

    def invite() -> None:
        marker = f"lt-{actors['run']}-{next(counter)}@loadtest.example"
        body, headers = json_body({"email": marker, "role": "read_only"})
        status, _ = connection.request(
            "invitation (write)", "POST", actors["urls"]["invitations"], body, headers
        )
        if status == 201:
            connection.recorder.accept("invitation", marker)

    return invite


def respondents(connection: Connection, actors: dict[str, Any]) -> Callable[[], None]:
    """Partners answering the scan: each token once, submitted; waits when throttled."""
    tokens = iter(actors["respondents"])
    current: list[str] = []

    def answer() -> None:
        if not current:
            token = next(tokens, None)
            if token is None:
                time.sleep(1)
                return
            current.append(token)
        body, headers = json_body(
            {
                "answers": actors["answers"],
                "instrument_version": actors["instrument_version"],
                "submit": True,
            }
        )
        path = actors["urls"]["respond"].replace("TOKEN", current[0])
        status, _ = connection.request("scan answer (write)", "POST", path, body, headers)
        if status == 200:
            connection.recorder.accept("scan answer", current.pop())
        elif status == 429:
            time.sleep(2)

    return answer


def import_csv(run: str, rows: int) -> bytes:
    lines = ["titel;omschrijving;soort"]
    lines += [
        f"lt-{run}-import-{n};Samen koken en eten in de buurt;Ontmoetingsplek" for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def importing(connection: Connection, actors: dict[str, Any], rows: int) -> None:
    """One spreadsheet import through the API: upload, then commit the preview."""
    boundary = "loadtestboundary"
    upload = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="aanbod.csv"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + import_csv(actors["run"], rows)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, content = connection.request(
        "import (write)",
        "POST",
        actors["urls"]["import"],
        upload,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    if status != 201:
        return
    batch = json.loads(content)["uuid"]
    commit = f"{actors['urls']['import']}{batch}/commit/"
    status, _ = connection.request("import (write)", "POST", commit)
    if status == 200:
        connection.recorder.accept("import", batch)
