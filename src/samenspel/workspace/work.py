"""'Mijn werk': what asks for one person's attention, over all their memberships, and what
changed in each coalition since their last visit.

Every kind of work is one small function in `WORK_SOURCES` that reads its items for all the
person's memberships in ONE query (`visible_across`, with a condition per membership), so the
page costs the same number of queries for one coalition or fifteen. Signals handed to the
person's organisation, once they exist, become one more function in that tuple.

Whose work is what:
- open actions: those held by the person's own partner organisation, or by their name;
- agreement reviews due within a month (or overdue): their own partner's agreement, and for a
  coordinator every agreement of the coalition;
- scans to answer: open rounds that invited the person's e-mail address and got no answer yet;
- activities to check (not checked for six months): their own organisation's, and for someone
  who manages all activities every one of the coalition.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.policy import Permission, can
from samenspel.activities.models import Activity
from samenspel.activities.selectors import stale_q
from samenspel.agreements.models import PartnerAgreement
from samenspel.meetings.models import ActionItem, Decision, Meeting
from samenspel.partners.models import Partner
from samenspel.scans.models import Respondent, RoundStatus
from samenspel.scans.services import respondent_url

if TYPE_CHECKING:
    from samenspel.accounts.models import Membership, User

REVIEW_AHEAD = datetime.timedelta(days=31)


@dataclass(frozen=True)
class WorkItem:
    coalition_id: int
    title: str
    url: str
    due: datetime.date | None = None


@dataclass(frozen=True)
class WorkKind:
    key: str
    label: str
    items: list[WorkItem]


def _per_membership(memberships: Sequence[Membership], condition: Callable[..., Q | None]) -> Q:
    """One condition per membership, each limited to its coalition; a membership for which the
    condition is None adds nothing."""
    combined = Q(pk__in=[])
    for membership in memberships:
        own = condition(membership)
        if own is not None:
            combined |= own
    return combined


def _all_or_own(membership: Membership, permission: Permission, partner: str) -> Q | None:
    """All of the coalition for who holds `permission` there; otherwise what the person's own
    organisation (`partner`: the lookup to it) has, or nothing without one."""
    coalition = Q(coalition_id=membership.coalition_id)
    if can(membership, permission):
        return coalition
    return coalition & Q(**{partner: membership.partner_id}) if membership.partner_id else None


def _actions(memberships: Sequence[Membership], user: User, today: datetime.date) -> list[WorkItem]:
    def mine(m: Membership) -> Q | None:
        held = Q(owner_partner_id=m.partner_id) if m.partner_id else Q(pk__in=[])
        if user.full_name:
            held |= Q(owner_name__iexact=user.full_name)
        return Q(meeting__coalition_id=m.coalition_id) & held

    rows = (
        ActionItem.objects.visible_across(memberships)
        .open()
        .filter(_per_membership(memberships, mine))
        .values_list("meeting__coalition_id", "meeting__coalition__uuid", "text", "due_on")
        .order_by("due_on", "pk")
    )
    return [
        WorkItem(coalition, text[:120], reverse("meetings:actions", args=[uuid]), due)
        for coalition, uuid, text, due in rows
    ]


def _reviews(memberships: Sequence[Membership], user: User, today: datetime.date) -> list[WorkItem]:
    def mine(m: Membership) -> Q | None:
        return _all_or_own(m, Permission.EDIT_COALITION, "partner_id")

    rows = (
        PartnerAgreement.objects.visible_across(memberships)
        .filter(_per_membership(memberships, mine), review_date__lte=today + REVIEW_AHEAD)
        .values_list("coalition_id", "coalition__uuid", "partner__name", "review_date")
        .order_by("review_date", "pk")
    )
    return [
        WorkItem(coalition, str(name), reverse("agreements:list", args=[uuid]), due)
        for coalition, uuid, name, due in rows
    ]


def _scans(memberships: Sequence[Membership], user: User, today: datetime.date) -> list[WorkItem]:
    respondents = (
        Respondent.objects.visible_across(memberships)
        .filter(email__iexact=user.email, responded=False, round__status=RoundStatus.OPEN)
        .select_related("round")
        .order_by("round__closes_on", "pk")
    )
    return [
        WorkItem(r.round.coalition_id, r.round.title, respondent_url(r), r.round.closes_on)
        for r in respondents
    ]


def _activities(
    memberships: Sequence[Membership], user: User, today: datetime.date
) -> list[WorkItem]:
    def mine(m: Membership) -> Q | None:
        return _all_or_own(m, Permission.MANAGE_ACTIVITIES, "providers")

    rows = (
        Activity.objects.visible_across(memberships)
        .filter(_per_membership(memberships, mine))
        .filter(stale_q(today))
        .values_list("coalition_id", "coalition__uuid", "uuid", "title", "checked_on")
        .distinct()
        .order_by("checked_on", "title")
    )
    return [
        WorkItem(coalition, title, reverse("activities:detail", args=[c_uuid, uuid]), checked)
        for coalition, c_uuid, uuid, title, checked in rows
    ]


WorkSource = Callable[[Sequence["Membership"], "User", datetime.date], list[WorkItem]]
WORK_SOURCES: tuple[tuple[str, object, WorkSource], ...] = (
    ("actions", _("Mijn open actiepunten"), _actions),
    ("reviews", _("Afspraken om te herzien"), _reviews),
    ("scans", _("Vragenlijsten om in te vullen"), _scans),
    ("activities", _("Activiteiten om na te kijken"), _activities),
)


def my_work(memberships: Sequence[Membership], user: User, today: datetime.date) -> list[WorkKind]:
    return [
        WorkKind(key, str(label), source(memberships, user, today))
        for key, label, source in WORK_SOURCES
    ]


# --- what changed since the last visit ----------------------------------------------------------


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    counts: dict[int, int]  # coalition id -> how many


def _since(visits: dict[int, datetime.datetime], coalition: str, stamp: str) -> Q:
    combined = Q(pk__in=[])
    for coalition_id, seen_at in visits.items():
        combined |= Q(**{coalition: coalition_id, f"{stamp}__gt": seen_at})
    return combined


CHANGE_SOURCES = (
    ("partners", _("nieuwe partners"), Partner, "coalition_id", "created_at"),
    ("activities", _("gewijzigde activiteiten"), Activity, "coalition_id", "updated_at"),
    ("meetings", _("nieuwe overleggen"), Meeting, "coalition_id", "created_at"),
    ("decisions", _("nieuwe besluiten"), Decision, "meeting__coalition_id", "created_at"),
)


def changes_since(
    memberships: Sequence[Membership], visits: dict[int, datetime.datetime]
) -> list[Change]:
    """Per kind, how many rows each coalition got (or changed) since the person's last visit to
    'Mijn werk' in that coalition (`visits`: coalition id -> then); one query per kind."""
    if not visits:
        return []
    changes = []
    for key, label, model, coalition, stamp in CHANGE_SOURCES:
        rows = (
            model.objects.visible_across(memberships)
            .filter(_since(visits, coalition, stamp))
            .values(coalition)
            .annotate(n=Count("pk"))
            .values_list(coalition, "n")
            .order_by()
        )
        changes.append(Change(key, str(label), dict(rows)))
    return changes


@dataclass(frozen=True)
class CoalitionWork:
    """One membership's part of the page."""

    membership: Membership
    seen_at: datetime.datetime | None
    kinds: list[WorkKind]  # only the kinds with items in this coalition
    changes: list[tuple[str, int]]  # (label, count) of what changed, leaving out nothing new


def per_coalition(
    memberships: Sequence[Membership],
    kinds: list[WorkKind],
    changes: list[Change],
    visits: dict[int, datetime.datetime],
) -> list[CoalitionWork]:
    rows = []
    for membership in memberships:
        here = membership.coalition_id
        own = [
            WorkKind(kind.key, kind.label, [i for i in kind.items if i.coalition_id == here])
            for kind in kinds
        ]
        rows.append(
            CoalitionWork(
                membership,
                visits.get(here),
                [kind for kind in own if kind.items],
                [(c.label, c.counts[here]) for c in changes if c.counts.get(here)],
            )
        )
    return rows
