"""Caching of computed analysis (dashboard, scan results, advice) under a version of its data.

The key holds everything the result depends on, so entries never need invalidating: when the data
changes, the key changes and the old entry simply ages out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from django.core.cache import caches
from django.db.models import Max
from django.utils.translation import get_language

from samenspel.core.models import AuditEvent, DataVersion

if TYPE_CHECKING:
    from samenspel.core.tenancy import MembershipLike

T = TypeVar("T")


def coalition_data_version(coalition_id: int) -> str:
    """A version of everything a coalition's analysis is computed from (`core.DataVersion`)."""
    number = DataVersion.objects.of_coalition(coalition_id).values_list("number", flat=True).first()
    return _key(coalition_id, number or 0)


def _key(coalition_id: int, number: int) -> str:
    return f"{coalition_id}v{number}"


@dataclass(frozen=True)
class Version:
    key: str  # as `coalition_data_version`
    last_change: datetime.datetime | None  # when the coalition's data last changed


def coalition_data_versions(memberships: Sequence[MembershipLike]) -> dict[int, Version]:
    """`coalition_data_version` of each coalition of these memberships, with the moment of its
    last change, in one query: a page over a portfolio finds its cached rows without a query
    per coalition."""
    stored = {
        cid: (number, at)
        for cid, number, at in DataVersion.objects.visible_across(memberships).values_list(
            "coalition_id", "number", "changed_at"
        )
    }
    return {
        m.coalition_id: version(m.coalition_id, *stored.get(m.coalition_id, (None, None)))
        for m in memberships
    }


def version(coalition_id: int, number: int | None, changed_at: datetime.datetime | None) -> Version:
    """The version of a coalition from its `DataVersion` row (none: its data never changed)."""
    return Version(_key(coalition_id, number or 0), changed_at)


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


def cached_many(
    namespace: str, versions: Mapping[int, str], compute: Callable[[int], T]
) -> dict[int, T]:
    """`cached` for many coalitions at once: one read of the cache, and `compute(coalition_id)`
    only for the coalitions whose current version is not there yet."""
    language = get_language()
    keys = {cid: f"{namespace}:{version}:{language}" for cid, version in versions.items()}
    cache = caches["analysis"]
    found = cache.get_many(list(keys.values()))
    for cid, key in keys.items():
        if key not in found:
            # Kept one by one: a request that is cut off (a worker's timeout) still leaves what
            # it computed for the next one.
            found[key] = compute(cid)
            cache.set(key, found[key])
    return {cid: cast(T, found[key]) for cid, key in keys.items()}


def cached(namespace: str, version: str, compute: Callable[[], T]) -> T:
    # Results hold translated labels, so the language is part of the key.
    key = f"{namespace}:{version}:{get_language()}"
    return cast(T, caches["analysis"].get_or_set(key, compute))
