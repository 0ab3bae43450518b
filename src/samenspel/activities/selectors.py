"""Reads of the coalition's activities and reach, shared by the pages and the API, and who may
change which activity.

Every read starts from the coalition already resolved for the person (tenancy); an activity or
reach record of another coalition does not exist here (404).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple
from uuid import UUID

from django.db.models import Count, F, Prefetch, Q, QuerySet

from samenspel.accounts.models import Membership
from samenspel.accounts.policy import Permission, can
from samenspel.activities.models import (
    Activity,
    ActivityQuerySet,
    ActivityStatus,
    ActivityTargetGroup,
    ReachRecord,
    TargetGroup,
    TimeSlot,
    slot_text,
)
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.core.choices import label
from samenspel.partners.models import Partner

# An activity whose details nobody confirmed for this long is probably out of date: residents
# who turn up at a stopped activity lose trust in the whole offer.
STALE_AFTER_MONTHS = 6


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier; the last day of that month when it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def stale_before(today: datetime.date) -> datetime.date:
    """Checked before this day (or never) counts as not checked for a long time."""
    return months_before(today, STALE_AFTER_MONTHS)


def stale_q(today: datetime.date) -> Q:
    """Not checked since the threshold, never checked counts too; ended activities need no
    check."""
    return (Q(checked_on__isnull=True) | Q(checked_on__lt=stale_before(today))) & ~Q(
        status=ActivityStatus.ENDED
    )


def is_stale(activity: Activity, today: datetime.date) -> bool:
    if activity.status == ActivityStatus.ENDED:
        return False
    return activity.checked_on is None or activity.checked_on < stale_before(today)


# The columns a list page shows of an activity (descriptions and addresses stay in the database).
LIST_COLUMNS = (
    "uuid",
    "coalition_id",
    "title",
    "kind",
    "organiser",
    "frequency",
    "month_week",
    "status",
    "is_published",
    "checked_on",
    "week_against_loneliness",
)


def for_list_page(activities: ActivityQuerySet) -> ActivityQuerySet:
    """Scoped activities as a list page reads them; `activity_rows` adds the rest for one page."""
    return activities.only(*LIST_COLUMNS).with_neighbourhood_name().order_by("title", "pk")


def with_details(activities: ActivityQuerySet) -> ActivityQuerySet:
    """Scoped activities with everything a list row shows, in a fixed number of queries (one per
    related table) whatever the number of activities. Providers and time slots come in their
    models' own order: by name, and by weekday and start time."""
    return (
        activities.select_related("neighbourhood", "checked_by")
        .prefetch_related("providers", "target_groups", "time_slots")
        .order_by("title", "pk")
    )


# Where `for_api` puts an activity's related rows: plain lists, which the API serializer reads.
PROVIDER_LIST, GROUP_LIST, SLOT_LIST = "provider_list", "group_list", "slot_list"


def for_api(activities: ActivityQuerySet) -> ActivityQuerySet:
    """Scoped activities with what the API sends of them, in a fixed number of queries (one per
    related table). The related rows come as plain lists (`PROVIDER_LIST`, `GROUP_LIST`,
    `SLOT_LIST`), in their models' own order: a prefetch into the related managers builds a
    queryset per activity, which cost more than the rest of an API page. Of a provider only its
    uuid is read, and the person who checked the activity not at all (the API shows neither)."""
    return (
        activities.select_related("neighbourhood")
        .prefetch_related(
            Prefetch(
                "providers",
                queryset=Partner.objects.correlated().only("uuid"),
                to_attr=PROVIDER_LIST,
            ),
            Prefetch(
                "target_groups",
                queryset=ActivityTargetGroup.objects.correlated(),
                to_attr=GROUP_LIST,
            ),
            Prefetch("time_slots", queryset=TimeSlot.objects.correlated(), to_attr=SLOT_LIST),
        )
        .order_by("title", "pk")
    )


def for_api_list(activities: ActivityQuerySet) -> ActivityQuerySet:
    """Scoped activities for a page of the API's list: `for_api` without the prefetches; the
    page's related rows are added by `attach_api_rows` once the page is cut out."""
    return activities.select_related("neighbourhood").order_by("title", "pk")


class ProviderRef(NamedTuple):
    uuid: UUID


class GroupRow(NamedTuple):
    group: str


class SlotRow(NamedTuple):
    weekday: int
    start_time: datetime.time
    end_time: datetime.time | None


def attach_api_rows(activities: Sequence[Activity]) -> None:
    """Puts what `for_api` prefetches on one page of activities (`PROVIDER_LIST`, `GROUP_LIST`,
    `SLOT_LIST`, in the same order), as tuples of the values the API sends, in one value query
    per related table: the prefetch machinery and a model object per related row cost more than
    the page's own rows. A page shows one coalition's activities (they went through a door)."""
    ids = [activity.pk for activity in activities]
    providers: dict[int, list[ProviderRef]] = {pk: [] for pk in ids}
    groups: dict[int, list[GroupRow]] = {pk: [] for pk in ids}
    slots: dict[int, list[SlotRow]] = {pk: [] for pk in ids}
    if ids:
        links = (
            Activity.providers.through.objects.filter(activity_id__in=ids)
            .order_by("partner__name", "partner_id")
            .values_list("activity_id", "partner__uuid")
        )
        for pk, partner_uuid in links:
            providers[pk].append(ProviderRef(partner_uuid))
        for pk, group in (
            ActivityTargetGroup.objects.correlated()
            .filter(activity_id__in=ids)
            .order_by("group", "pk")
            .values_list("activity_id", "group")
        ):
            groups[pk].append(GroupRow(group))
        for pk, weekday, start, end in (
            TimeSlot.objects.correlated()
            .filter(activity_id__in=ids)
            .order_by("weekday", "start_time", "pk")
            .values_list("activity_id", "weekday", "start_time", "end_time")
        ):
            slots[pk].append(SlotRow(weekday, start, end))
    for activity in activities:
        setattr(activity, PROVIDER_LIST, providers[activity.pk])
        setattr(activity, GROUP_LIST, groups[activity.pk])
        setattr(activity, SLOT_LIST, slots[activity.pk])


def activities_of(coalition: Coalition) -> ActivityQuerySet:
    return with_details(Activity.objects.of_coalition(coalition))


def stale_activities(coalition: Coalition, today: datetime.date) -> ActivityQuerySet:
    return stale_among(Activity.objects.of_coalition(coalition), today)


def stale_among(activities: ActivityQuerySet, today: datetime.date) -> ActivityQuerySet:
    return activities.filter(stale_q(today)).order_by(
        F("checked_on").asc(nulls_first=True), "title", "pk"
    )


def list_counts(
    activities: ActivityQuerySet, shown: QuerySet[Activity] | None, today: datetime.date
) -> tuple[int, int]:
    """How many activities the list `shown` holds (the scoped `activities` after the page's
    filters; None when no filter narrows them) and how many of all `activities` need a check
    (`stale_q`), in one query."""
    everything = Count("pk")
    totals = activities.order_by().aggregate(
        shown=everything
        if shown is None
        else Count("pk", filter=Q(pk__in=shown.order_by().values("pk"))),
        stale=Count("pk", filter=stale_q(today)),
    )
    return totals["shown"], totals["stale"]


def reach_of(activity: Activity) -> QuerySet[ReachRecord]:
    """The activity's reach records, newest period first, with their counts per group."""
    return records_of(ReachRecord.objects.of_coalition(activity.coalition_id), activity)


def records_of(records: QuerySet[ReachRecord], activity: Activity) -> QuerySet[ReachRecord]:
    """Scoped reach records of one activity, newest period first, with their counts per group."""
    return (
        records.filter(activity=activity)
        .prefetch_related("by_group")
        .order_by("-period_start", "-period_end", "pk")
    )


def neighbourhoods_of(coalition: Coalition) -> QuerySet[Neighbourhood]:
    return Neighbourhood.objects.of_coalition(coalition).order_by("name", "pk")


def provider_choices(coalition: Coalition, activity: Activity | None = None) -> QuerySet[Partner]:
    """Current partners, plus a partner that left but already provides this activity (so that
    editing the activity does not silently drop it)."""
    keep = Q(left_on__isnull=True)
    if activity is not None and activity.pk:
        keep |= Q(activities=activity)
    return Partner.objects.of_coalition(coalition).filter(keep).distinct().order_by("name")


# --- who may change what --------------------------------------------------------------------


def may_manage_all(membership: Membership) -> bool:
    return can(membership, Permission.MANAGE_ACTIVITIES)


def may_create(membership: Membership) -> bool:
    """The coordinator, or a partner member on behalf of their own organisation."""
    if may_manage_all(membership):
        return True
    partner = membership.partner
    return partner is not None and can(membership, Permission.EDIT_ACTIVITY, partner=partner)


def may_edit(
    membership: Membership, activity: Activity, providers: Iterable[Partner] | None = None
) -> bool:
    """The coordinator for every activity; a partner member for those their organisation
    provides. Uses the prefetched providers unless they are given."""
    if may_manage_all(membership):
        return True
    return any(
        can(membership, Permission.EDIT_ACTIVITY, partner=partner)
        for partner in (activity.providers.all() if providers is None else providers)
    )


@dataclass(frozen=True)
class ActivityRow:
    """An activity with what a list shows of it, read as plain values."""

    activity: Activity
    schedule: list[str]  # "maandag 10:00–12:00", in weekday order
    groups: list[str]  # target group labels
    providers: list[Partner] = field(default_factory=list)


def activity_rows(
    activities: Sequence[Activity],
    *,
    groups: bool = True,
    provider_names: Mapping[int, str] | None = None,
) -> list[ActivityRow]:
    """One page of activities with their times, target groups (unless `groups` is false) and
    (given the names of the coalition's partners, by key, in the order to show them) providers:
    one query per kind for the whole page. The providers are read from the link table alone and
    named from `provider_names`, which the page has already read for its filter; a partner that
    is not among them is not shown.
    `prefetch_related` would build a related manager and a queryset per row, which costs more
    than everything else on a list page. A page shows one coalition's activities."""
    if not activities:
        return []
    ids = [activity.pk for activity in activities]
    month_weeks = {activity.pk: activity.month_week for activity in activities}
    schedules: dict[int, list[str]] = {pk: [] for pk in ids}
    labels: dict[int, list[str]] = {pk: [] for pk in ids}
    named: dict[int, list[Partner]] = {pk: [] for pk in ids}
    slots = (
        TimeSlot.objects.correlated()
        .filter(activity_id__in=ids)
        .order_by("weekday", "start_time", "pk")
    )
    for pk, weekday, start, end in slots.values_list(
        "activity_id", "weekday", "start_time", "end_time"
    ):
        schedules[pk].append(slot_text(weekday, start, end, month_weeks[pk]))
    if groups:
        rows = (
            ActivityTargetGroup.objects.correlated().filter(activity_id__in=ids).order_by("group")
        )
        for pk, group in rows.values_list("activity_id", "group"):
            labels[pk].append(label(TargetGroup, group))
    if provider_names is not None:
        position = {partner_pk: index for index, partner_pk in enumerate(provider_names)}
        links = Activity.providers.through.objects.filter(activity_id__in=ids).values_list(
            "activity_id", "partner_id"
        )
        coalition_id = activities[0].coalition_id
        partners: dict[int, Partner] = {}
        for pk, partner_pk in sorted(
            (link for link in links if link[1] in position), key=lambda link: position[link[1]]
        ):
            if partner_pk not in partners:
                partners[partner_pk] = Partner(
                    pk=partner_pk, coalition_id=coalition_id, name=provider_names[partner_pk]
                )
            named[pk].append(partners[partner_pk])
    return [ActivityRow(a, schedules[a.pk], labels[a.pk], named[a.pk]) for a in activities]


def acting_partner(membership: Membership) -> Partner | None:
    """The organisation a person acts for when they may not manage every activity: it has to
    stay among the providers of what they create or edit."""
    return None if may_manage_all(membership) else membership.partner
