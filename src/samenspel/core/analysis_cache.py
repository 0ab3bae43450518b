"""Caching of computed analysis (scan results, advice) under a version of its input data.

The key holds everything the result depends on, so entries never need invalidating: when the data
changes, the key changes and the old entry simply ages out.
"""

from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import caches
from django.utils.translation import get_language

T = TypeVar("T")


def cached(namespace: str, version: str, compute: Callable[[], T]) -> T:
    # Results hold translated labels, so the language is part of the key.
    key = f"{namespace}:{version}:{get_language()}"
    return cast(T, caches["analysis"].get_or_set(key, compute))
