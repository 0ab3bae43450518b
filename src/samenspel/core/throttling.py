"""A throttle that holds across app instances: never more than N requests in any 60 seconds.

DRF's own throttle reads a list of times, appends and writes it back; two instances (or two
threads) that read at the same moment both let a request through. Here a request must take one
of N numbered slots with an atomic `cache.add` (SET NX in Redis), and a slot is held for the
whole period: two requests on one slot are at least a period apart, so no window of one period
holds more than N. When the shared cache is unreachable the request is let through (and logged):
a broken cache must not lock every respondent out.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from samenspel.core.cache import CacheUnavailable

logger = logging.getLogger(__name__)


class SlotRateThrottle(SimpleRateThrottle):
    """Per client address unless a subclass keys it otherwise."""

    num_requests: int  # set from `rate` by SimpleRateThrottle
    duration: int

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        try:
            return self._take_slot()
        except CacheUnavailable:
            logger.warning("Throttle %s not applied: the shared cache is unreachable", self.scope)
            return True

    def _slot_keys(self) -> list[str]:
        return [f"{self.key}:{slot}" for slot in range(self.num_requests)]

    def _take_slot(self) -> bool:
        keys = self._slot_keys()
        taken = self.cache.get_many(keys)
        self.now = time.time()
        for key in keys:
            if key not in taken and self.cache.add(key, self.now, self.duration):
                return True
        self.taken_at = [float(value) for value in self.cache.get_many(keys).values()]
        return False

    def wait(self) -> float | None:
        taken_at = getattr(self, "taken_at", [])
        if not taken_at:
            return None
        return max(0.0, min(taken_at) + self.duration - self.now)
