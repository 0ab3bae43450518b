"""Caching of computed analysis (dashboard, scan results, advice) under a version of its data.

The key holds everything the result depends on, so entries never need invalidating: when the data
changes, the key changes and the old entry simply ages out.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import NamedTuple, TypeVar, cast

from django.core.cache import caches
from django.db.models import Max
from django.utils.translation import get_language

from samenspel.core.models import AuditEvent, DataVersion

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def coalition_data_version(coalition_id: int) -> str:
    """A version of everything a coalition's analysis is computed from (`core.DataVersion`)."""
    number = DataVersion.objects.of_coalition(coalition_id).values_list("number", flat=True).first()
    return _key(coalition_id, number or 0)


def _key(coalition_id: int, number: int) -> str:
    return f"{coalition_id}v{number}"


class Version(NamedTuple):  # a tuple: pages across coalitions make hundreds
    key: str  # as `coalition_data_version`
    last_change: datetime.datetime | None  # when the coalition's data last changed


def version(coalition_id: int, number: int | None, changed_at: datetime.datetime | None) -> Version:
    """The version of a coalition from its `DataVersion` row (none: its data never changed)."""
    return Version(_key(coalition_id, number or 0), changed_at)


def versions_key(versions: Mapping[int, Version], today: datetime.date) -> str:
    """One key for what is computed from many coalitions on a day (the national figures, a
    portfolio's headlines): any coalition's change, or a new day, gives a new key."""
    keys = " ".join(sorted(version.key for version in versions.values()))
    digest = hashlib.blake2b(keys.encode(), digest_size=16).hexdigest()
    return f"{digest}-{today.isoformat()}"


def refresh_data_versions(coalition_ids: Sequence[int]) -> None:
    """After data were loaded in bulk (demo, benchmark), past the save that moves a version:
    a new number for each coalition, and its last change from its audit trail."""
    last = dict(
        AuditEvent.objects.across_coalitions()
        .filter(coalition_id__in=coalition_ids)
        .order_by()
        .values_list("coalition_id")
        .annotate(at=Max("created_at"))
    )
    numbers = dict(
        DataVersion.objects.across_coalitions()
        .filter(coalition_id__in=coalition_ids)
        .values_list("coalition_id", "number")
    )
    DataVersion.objects.bulk_create(
        [
            DataVersion(coalition_id=cid, number=numbers.get(cid, 0) + 1, changed_at=last.get(cid))
            for cid in coalition_ids
        ],
        update_conflicts=True,
        unique_fields=["coalition"],
        update_fields=["number", "changed_at"],
    )


def cached_many(namespace: str, versions: Mapping[K, str], compute: Callable[[K], T]) -> dict[K, T]:
    """`cached` for many coalitions at once: one read of the cache, and `compute(coalition_id)`
    only for the coalitions whose current version is not there yet."""
    keys = _keys(namespace, versions)
    cache = caches["analysis"]
    found = cache.get_many(list(keys.values()))
    for cid, key in keys.items():
        if key not in found:
            # Kept one by one: a request that is cut off (a worker's timeout) still leaves what
            # it computed for the next one.
            found[key] = compute(cid)
            cache.set(key, found[key])
    return {cid: cast(T, found[key]) for cid, key in keys.items()}


def cached_together(
    namespace: str, versions: Mapping[K, str], compute: Callable[[list[K]], Mapping[K, T]]
) -> dict[K, T]:
    """`cached_many` for results that are cheaper computed together: `compute` gets all that are
    missing at once (and can read what they need in one query)."""
    keys = _keys(namespace, versions)
    cache = caches["analysis"]
    found = cache.get_many(list(keys.values()))
    missing = [item for item, key in keys.items() if key not in found]
    if missing:
        computed = {keys[item]: value for item, value in compute(missing).items()}
        cache.set_many(computed)
        found.update(computed)
    return {item: cast(T, found[key]) for item, key in keys.items()}


def _keys(namespace: str, versions: Mapping[K, str]) -> dict[K, str]:
    # Results hold translated labels, so the language is part of the key.
    language = get_language()
    return {item: f"{namespace}:{version}:{language}" for item, version in versions.items()}


def cached(namespace: str, version: str, compute: Callable[[], T]) -> T:
    key = f"{namespace}:{version}:{get_language()}"  # the language: as `_keys`
    return cast(T, caches["analysis"].get_or_set(key, compute))
