"""The shared cache of several app instances: Django's Redis backend that survives Redis going away.

What is cached (analysis results) can always be computed again, so a read that cannot reach Redis
is a miss and a write is dropped: pages stay up, only slower. Coordination (`add`, `incr`: the
throttles) cannot be guessed, so there the caller is told with `CacheUnavailable` and decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class CacheUnavailable(RuntimeError):
    """The shared cache cannot be reached for an operation whose answer cannot be guessed."""


@contextmanager
def _unreachable_is_logged() -> Iterator[None]:
    try:
        yield
    except UNREACHABLE as error:
        logger.warning("Shared cache unreachable: %s", type(error).__name__)
        raise


class SharedCache(RedisCache):
    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            with _unreachable_is_logged():
                return super().get(key, default, version)
        except UNREACHABLE:
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            with _unreachable_is_logged():
                return super().get_many(keys, version)
        except UNREACHABLE:
            return {}

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        try:
            with _unreachable_is_logged():
                super().set(key, value, timeout, version)
        except UNREACHABLE:
            return

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        try:
            with _unreachable_is_logged():
                return super().set_many(data, timeout, version)
        except UNREACHABLE:
            return list(data)  # none was kept

    def get_or_set(
        self, key: Any, default: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> Any:
        try:
            with _unreachable_is_logged():
                return super().get_or_set(key, default, timeout, version)
        except (*UNREACHABLE, CacheUnavailable):
            return default() if callable(default) else default

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._coordinate(super().add, key, value, timeout, version)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self._coordinate(super().incr, key, delta, version)

    @staticmethod
    def _coordinate(operation: Callable[..., Any], *arguments: Any) -> Any:
        try:
            with _unreachable_is_logged():
                return operation(*arguments)
        except UNREACHABLE as error:
            raise CacheUnavailable(str(error)) from error
