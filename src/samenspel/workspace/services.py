"""The workspace's one write: remembering when a person last looked at 'Mijn werk'.

Not audited: it records a person's own page view, not a change to the coalition's data."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from samenspel.workspace.models import WorkVisit

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership


def last_visits(memberships: Sequence[Membership]) -> dict[int, datetime.datetime]:
    """coalition id -> when the person last opened 'Mijn werk' as that member (one query)."""
    rows = WorkVisit.objects.visible_across(memberships).filter(membership__in=memberships)
    return dict(rows.values_list("membership__coalition_id", "seen_at"))


def record_visit(memberships: Sequence[Membership], now: datetime.datetime) -> None:
    """One statement for all memberships, safe when two tabs do it at once (an upsert)."""
    WorkVisit.objects.bulk_create(
        [WorkVisit(membership=membership, seen_at=now) for membership in memberships],
        update_conflicts=True,
        unique_fields=["membership"],
        update_fields=["seen_at"],
    )
