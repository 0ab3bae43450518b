"""Caching of computed analysis (dashboard, scan results, advice) under a version of its data.

The key holds everything the result depends on, so entries never need invalidating: when the data
changes, the key changes and the old entry simply ages out.
"""

from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import caches
from django.db.models import Max
from django.utils.translation import get_language

from samenspel.core.models import AuditEvent

T = TypeVar("T")

# Changes that write no audit record (e.g. answers submitted through a personal link) add a part.
VERSION_PARTS: list[Callable[[int], object]] = []


def version_part(part: Callable[[int], object]) -> Callable[[int], object]:
    if part not in VERSION_PARTS:
        VERSION_PARTS.append(part)
    return part


def coalition_data_version(coalition_id: int) -> str:
    """A version of everything a coalition's analysis is computed from: every change to
    coalition, partner, round, agreement or membership data writes an audit record."""
    last_change = AuditEvent.objects.of_coalition(coalition_id).aggregate(m=Max("id"))["m"]
    parts = [str(part(coalition_id)) for part in VERSION_PARTS]
    return "-".join([str(coalition_id), str(last_change), *parts])


def cached(namespace: str, version: str, compute: Callable[[], T]) -> T:
    # Results hold translated labels, so the language is part of the key.
    key = f"{namespace}:{version}:{get_language()}"
    return cast(T, caches["analysis"].get_or_set(key, compute))
