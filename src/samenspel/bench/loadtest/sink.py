"""A local mail server that keeps what arrives: who got how many e-mails.

It answers DATA only after a short pause, as a real server that queues or scans the message
does; the message counts as arrived before that pause. While `hold` is set, the next message is
not answered until `hold` is cleared (`held` says one is waiting): the load test kills the
worker at that moment, when the message has arrived but the worker does not know it yet.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Any

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, pause: float) -> None:
        self.pause = pause
        self.arrived: Counter[str] = Counter()
        self.hold = threading.Event()
        self.held = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for recipient in envelope.rcpt_tos:
            self.arrived[recipient.lower()] += 1
        if self.hold.is_set():
            self.held.set()
            while self.hold.is_set():
                await asyncio.sleep(0.05)
            self.held.clear()
        await asyncio.sleep(self.pause)
        return "250 Message accepted for delivery"


def start_sink(port: int, pause: float) -> tuple[Sink, Controller]:
    sink = Sink(pause)
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return sink, controller
