"""A local mail server that keeps what arrives: who got how many e-mails.

It answers DATA only after a short pause, as a real server that queues or scans the message
does; the message counts as arrived before that pause, so a worker killed while waiting for the
answer has still delivered it (and must not deliver it again).
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
        self.answering = threading.Event()  # a message has arrived and awaits its answer

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for recipient in envelope.rcpt_tos:
            self.arrived[recipient.lower()] += 1
        self.answering.set()
        await asyncio.sleep(self.pause)
        self.answering.clear()
        return "250 Message accepted for delivery"


def start_sink(port: int, pause: float) -> tuple[Sink, Controller]:
    sink = Sink(pause)
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return sink, controller
