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

from samenspel.core.models import AuditEvent

if TYPE_CHECKING:
    from samenspel.core.tenancy import MembershipLike

T = TypeVar("T")
ManyPart = Callable[[Sequence["MembershipLike"]], Mapping[int, object]]

# Changes that write no audit record (e.g. answers submitted through a personal link) add a part.
VERSION_PARTS: list[Callable[[int], object]] = []
# The same part for all coalitions of a portfolio at once (a value for every coalition).
MANY_VERSION_PARTS: dict[Callable[[int], object], ManyPart] = {}


def version_part(part: Callable[[int], object]) -> Callable[[int], object]:
    if part not in VERSION_PARTS:
        VERSION_PARTS.append(part)
    return part


def many_version_part(part: Callable[[int], object]) -> Callable[[ManyPart], ManyPart]:
    """Registers the form of `part` that answers for the coalitions of many memberships."""

    def register(many: ManyPart) -> ManyPart:
        MANY_VERSION_PARTS[part] = many
        return many

    return register


def coalition_data_version(coalition_id: int) -> str:
    """A version of everything a coalition's analysis is computed from: every change to
    coalition, partner, round, agreement or membership data writes an audit record."""
    last_change = AuditEvent.objects.of_coalition(coalition_id).aggregate(m=Max("id"))["m"]
    parts = [str(part(coalition_id)) for part in VERSION_PARTS]
    return "-".join([str(coalition_id), str(last_change), *parts])


@dataclass(frozen=True)
class DataVersion:
    key: str  # as `coalition_data_version`
    last_change: datetime.datetime | None  # when the coalition's data last changed (audited)


def coalition_data_versions(memberships: Sequence[MembershipLike]) -> dict[int, DataVersion]:
    """`coalition_data_version` of each coalition of these memberships, with the moment of its
    last audited change, in one query plus one per version part: a page over a portfolio finds
    its cached rows without a query per coalition."""
    last = {
        row["coalition_id"]: row
        for row in AuditEvent.objects.visible_across(memberships)
        .order_by()
        .values("coalition_id")
        .annotate(id=Max("id"), at=Max("created_at"))
    }
    parts = [MANY_VERSION_PARTS[part](memberships) for part in VERSION_PARTS]
    versions = {}
    for m in memberships:
        row = last.get(m.coalition_id, {})
        key = [str(m.coalition_id), str(row.get("id"))] + [str(p[m.coalition_id]) for p in parts]
        versions[m.coalition_id] = DataVersion("-".join(key), row.get("at"))
    return versions


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
