"""Who gets a reminder: the e-mail addresses of active members, per coalition or per partner,
each in one query for a whole batch of reminders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from django.db.models import Q

from samenspel.accounts.models import Membership, Role

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


def coordinator_addresses(coalition_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The active coordinators' e-mail addresses per coalition."""
    return _addresses("coalition_id", coalition_ids, Role.COORDINATOR)


def partner_member_addresses(partner_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """The e-mail addresses of the active members who act for each partner."""
    return _addresses("partner_id", partner_ids, Role.PARTNER_MEMBER)


def participant_addresses(
    coalition: Coalition, partner_ids: Collection[int] | None
) -> tuple[str, ...]:
    """Who takes part in a meeting: with `partner_ids` (the partners at a body's table) the
    coordinators and the members acting for those partners; without, every active member."""
    members = Membership.objects.of_coalition(coalition).filter(user__is_active=True)
    if partner_ids is not None:
        members = members.filter(Q(role=Role.COORDINATOR) | Q(partner_id__in=partner_ids))
    addresses = members.order_by("user__email").values_list("user__email", flat=True)
    return tuple(dict.fromkeys(addresses))


def _addresses(key: str, ids: Iterable[int], role: str) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = (
        Membership.objects.across_coalitions()
        .filter(**{f"{key}__in": set(ids)}, role=role, user__is_active=True)
        .order_by("user__email")
        .values_list(key, "user__email")
    )
    for owner, email in rows:
        found[owner].append(email)
    return {owner: tuple(emails) for owner, emails in found.items()}
