"""Write paths for activities, their reach and the coalition's public finder.

Each function checks the rules with a Dutch message at the field that is wrong, saves in one
transaction (an activity with its target groups and time slots, a reach record with its counts per
group) and writes its audit record in the same transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.activities.audit_actions import ActivityAction
from samenspel.activities.finder_addresses import address_taken, suggest_slug
from samenspel.activities.models import (
    FINDER_SLUG,
    TIME_END_BEFORE_START,
    Activity,
    ActivityTargetGroup,
    Finder,
    ReachByGroup,
    ReachRecord,
    TargetGroup,
    TimeSlot,
    Weekday,
)
from samenspel.core import audit
from samenspel.core.tenancy import of_other_coalition

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner

ACTIVITY_FIELDS = (
    "title",
    "description",
    "kind",
    "organiser",
    "neighbourhood",
    "location_name",
    "street_address",
    "postal_code",
    "city",
    "frequency",
    "month_week",
    "schedule_note",
    "starts_on",
    "ends_on",
    "cost",
    "cost_note",
    "wheelchair_accessible",
    "accessibility",
    "capacity",
    "how_to_join",
    "contact_phone",
    "contact_email",
    "website",
    "week_against_loneliness",
    "status",
    "is_published",
)
TEXT_FIELDS = tuple(
    name
    for name in ACTIVITY_FIELDS
    if name
    not in {
        "neighbourhood",
        "frequency",
        "month_week",
        "starts_on",
        "ends_on",
        "cost",
        "wheelchair_accessible",
        "capacity",
        "week_against_loneliness",
        "status",
        "is_published",
        "kind",
    }
)

FOREIGN_PARTNER = _("Deze partner hoort niet bij deze coalitie.")
PARTNER_LEFT = _("%(name)s is geen partner meer en kan geen nieuwe aanbieder zijn.")
OWN_PARTNER_REQUIRED = _(
    "Uw eigen organisatie moet een van de aanbieders blijven; anders kunt u de activiteit niet "
    "meer bijhouden."
)
ONLY_OWN_PARTNER = _(
    "Alleen uw eigen organisatie kunt u als aanbieder toevoegen of weghalen; andere aanbieders "
    "past de coördinator aan."
)
UNKNOWN_GROUP = _("Onbekende doelgroep: %(group)s.")
TIME_EQUAL = _("De eindtijd is gelijk aan de begintijd.")
WEEKDAY_REQUIRED = _("Kies een dag.")
START_REQUIRED = _("Vul de begintijd in.")
SLOT_ROW = _("Tijdstip %(row)s: %(message)s")
PERIOD_TAKEN = _("Voor deze periode is het bereik al vastgelegd.")
GROUPS_EXCEED_TOTAL = _(
    "De aantallen per doelgroep (samen %(groups)s) zijn meer dan het totaal (%(total)s)."
)
SLUG_TAKEN = _("Dit adres is al in gebruik door een andere coalitie. Kies een ander adres.")


@dataclass(frozen=True)
class Slot:
    """One time slot as a form or the API gives it."""

    weekday: int
    start_time: datetime.time
    end_time: datetime.time | None = None

    def __str__(self) -> str:
        end = f"–{self.end_time:%H:%M}" if self.end_time else ""
        return f"{self.weekday} {self.start_time:%H:%M}{end}"


def slot_problems(
    weekday: int | None, start: datetime.time | None, end: datetime.time | None
) -> dict[str, StrOrPromise]:
    """What is wrong with one time slot, per field; shared by the form (at the row) and the
    service (for the API)."""
    problems: dict[str, StrOrPromise] = {}
    if weekday is None or weekday not in Weekday.values:
        problems["weekday"] = WEEKDAY_REQUIRED
    if start is None:
        problems["start_time"] = START_REQUIRED
    elif end is not None and end < start:
        problems["end_time"] = TIME_END_BEFORE_START
    elif end is not None and end == start:
        problems["end_time"] = TIME_EQUAL
    return problems


# --- activities -----------------------------------------------------------------------------


def _part_values(activity: Activity) -> dict[str, list[str]]:
    """Target groups and time slots as the audit trail holds them; a new activity has none."""
    if activity.pk is None:
        return {"target_groups": [], "time_slots": []}
    return {
        "target_groups": sorted(g.group for g in activity.target_groups.all()),
        # Language-neutral ("3 10:00–12:00"): the audit trail is read in either language.
        "time_slots": [
            str(Slot(slot.weekday, slot.start_time, slot.end_time))
            for slot in activity.time_slots.all()
        ],
    }


def _parts(
    activity: Activity, groups: list[str] | None, slots: Sequence[Slot] | None
) -> dict[str, tuple[Any, Any]]:
    before = _part_values(activity)
    after = {
        "target_groups": sorted(groups) if groups is not None else before["target_groups"],
        "time_slots": [str(slot) for slot in slots] if slots is not None else before["time_slots"],
    }
    return {name: (before[name], after[name]) for name in before}


def _check_providers(
    coalition: Coalition,
    providers: Iterable[Partner],
    current: set[int],
    own_partner: Partner | None,
) -> list[Partner]:
    chosen = list(dict.fromkeys(providers))
    errors: list[ValidationError] = []
    for partner in chosen:
        if of_other_coalition(partner, coalition.pk):
            errors.append(ValidationError(FOREIGN_PARTNER))
        elif partner.left_on is not None and partner.pk not in current:
            errors.append(ValidationError(PARTNER_LEFT, params={"name": partner.name}))
    if own_partner is not None:
        # A partner member answers for their own organisation only: the other providers (whose
        # reach the activity's figures count for) stay as they were.
        if own_partner not in chosen:
            errors.append(ValidationError(OWN_PARTNER_REQUIRED))
        if {p.pk for p in chosen} - {own_partner.pk} != current - {own_partner.pk}:
            errors.append(ValidationError(ONLY_OWN_PARTNER))
    if errors:
        raise ValidationError({"providers": errors})
    return chosen


def _check_groups(groups: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(groups))
    unknown = [group for group in chosen if group not in TargetGroup.values]
    if unknown:
        raise ValidationError(
            {
                "target_groups": [
                    ValidationError(UNKNOWN_GROUP, params={"group": g}) for g in unknown
                ]
            }
        )
    return chosen


def _check_slots(slots: Sequence[Slot]) -> None:
    errors = []
    for row, slot in enumerate(slots, start=1):
        for message in slot_problems(slot.weekday, slot.start_time, slot.end_time).values():
            errors.append(ValidationError(SLOT_ROW, params={"row": row, "message": message}))
    if errors:
        raise ValidationError({"time_slots": errors})


def _known(fields: Mapping[str, Any]) -> Mapping[str, Any]:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Not activity fields: {sorted(unknown)}")
    return fields


def _check_activity(activity: Activity) -> None:
    for name in TEXT_FIELDS:
        setattr(activity, name, (getattr(activity, name) or "").strip())
    activity.full_clean(exclude=["coalition"], validate_constraints=False)


def _write_parts(
    activity: Activity,
    groups: list[str] | None,
    slots: Sequence[Slot] | None,
) -> None:
    if groups is not None:
        activity.target_groups.all().delete()
        ActivityTargetGroup.objects.bulk_create(
            ActivityTargetGroup(activity=activity, group=group) for group in groups
        )
    if slots is not None:
        activity.time_slots.all().delete()
        TimeSlot.objects.bulk_create(
            TimeSlot(
                activity=activity,
                weekday=slot.weekday,
                start_time=slot.start_time,
                end_time=slot.end_time,
            )
            for slot in slots
        )


def _refresh(activity: Activity) -> Activity:
    """The saved activity with its parts read again (the prefetch cache is stale after a set)."""
    for name in ("providers", "target_groups", "time_slots"):
        getattr(activity, "_prefetched_objects_cache", {}).pop(name, None)
    return activity


@transaction.atomic
def create_activity(
    coalition: Coalition,
    *,
    acting_user: User,
    providers: Iterable[Partner] = (),
    target_groups: Iterable[str] = (),
    time_slots: Sequence[Slot] = (),
    own_partner: Partner | None = None,
    today: datetime.date | None = None,
    **fields: Any,
) -> Activity:
    """A new activity; `own_partner` is the organisation a partner member acts for, which is
    always among the providers of what they create. Creating counts as a check."""
    chosen = list(providers)
    if own_partner is not None and own_partner not in chosen:
        chosen.append(own_partner)
    chosen = _check_providers(coalition, chosen, set(), own_partner)
    groups = _check_groups(target_groups)
    _check_slots(time_slots)
    activity = Activity(
        coalition=coalition,
        checked_on=today or timezone.localdate(),
        checked_by=acting_user,
        **_known(fields),
    )
    audit.create(
        activity,
        action=ActivityAction.ACTIVITY_CREATED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_activity,
        many={"providers": chosen},
        parts=_parts(activity, groups, time_slots),
    )
    _write_parts(activity, groups, time_slots)
    return _refresh(activity)


@transaction.atomic
def update_activity(
    activity: Activity,
    *,
    acting_user: User,
    providers: Iterable[Partner] | None = None,
    target_groups: Iterable[str] | None = None,
    time_slots: Sequence[Slot] | None = None,
    own_partner: Partner | None = None,
    today: datetime.date | None = None,
    **fields: Any,
) -> Activity:
    """Changes what is given (parts left as None stay as they are). Whoever saves an activity
    has looked at it, so saving counts as a check."""
    activity = (
        Activity.objects.of_coalition(activity.coalition_id).select_for_update().get(pk=activity.pk)
    )
    values: dict[str, Any] = {
        **_known(fields),
        "checked_on": today or timezone.localdate(),
        "checked_by": acting_user,
    }
    if providers is not None:
        current = {p.pk for p in activity.providers.all()}
        values["providers"] = _check_providers(activity.coalition, providers, current, own_partner)
    elif own_partner is not None:
        current = {p.pk for p in activity.providers.all()}
        _check_providers(activity.coalition, activity.providers.all(), current, own_partner)
    groups = None if target_groups is None else _check_groups(target_groups)
    if time_slots is not None:
        _check_slots(time_slots)
    audit.update(
        activity,
        values,
        action=ActivityAction.ACTIVITY_UPDATED,
        acting_user=acting_user,
        coalition=activity.coalition,
        check=_check_activity,
        parts=_parts(activity, groups, time_slots),
    )
    _write_parts(activity, groups, time_slots)
    return _refresh(activity)


@transaction.atomic
def delete_activity(activity: Activity, *, acting_user: User) -> None:
    parts = _part_values(activity)
    audit.delete(
        activity,
        action=ActivityAction.ACTIVITY_DELETED,
        acting_user=acting_user,
        coalition=activity.coalition,
        context=parts,
    )


@transaction.atomic
def mark_checked(
    activity: Activity, *, acting_user: User, today: datetime.date | None = None
) -> Activity:
    """'Gecontroleerd': someone confirmed that the details are still right."""
    return audit.update(
        activity,
        {"checked_on": today or timezone.localdate(), "checked_by": acting_user},
        action=ActivityAction.ACTIVITY_CHECKED,
        acting_user=acting_user,
        coalition=activity.coalition,
        check=None,  # a date and a person: nothing to check
    )


# --- reach ----------------------------------------------------------------------------------

RECORD_FIELDS = (
    "period_start",
    "period_end",
    "new_participants",
    "returning_participants",
    "note",
)


def _counts(record: ReachRecord) -> dict[str, int]:
    if record.pk is None:
        return {}
    return {row.group: row.participants for row in record.by_group.all()}


def _check_record(record: ReachRecord, by_group: Mapping[str, int]) -> dict[str, int]:
    record.note = (record.note or "").strip()
    record.full_clean(exclude=["activity"], validate_constraints=False)
    taken = (
        ReachRecord.objects.of_coalition(record.activity.coalition_id)
        .filter(
            activity=record.activity_id,
            period_start=record.period_start,
            period_end=record.period_end,
        )
        .exclude(pk=record.pk)
        .exists()
    )
    if taken:
        raise ValidationError({"period_start": PERIOD_TAKEN})
    _check_groups(by_group)
    counts = {group: int(n) for group, n in by_group.items() if n}
    if any(n < 0 for n in counts.values()):
        raise ValidationError({"by_group": _("Een aantal kan niet negatief zijn.")})
    if sum(counts.values()) > record.total:
        raise ValidationError(
            {
                "by_group": ValidationError(
                    GROUPS_EXCEED_TOTAL,
                    params={"groups": sum(counts.values()), "total": record.total},
                )
            }
        )
    return counts


def _write_groups(record: ReachRecord, counts: dict[str, int]) -> None:
    record.by_group.all().delete()
    ReachByGroup.objects.bulk_create(
        ReachByGroup(record=record, group=group, participants=n) for group, n in counts.items()
    )
    getattr(record, "_prefetched_objects_cache", {}).pop("by_group", None)


@transaction.atomic
def create_reach(
    activity: Activity,
    *,
    acting_user: User,
    by_group: Mapping[str, int] | None = None,
    **fields: Any,
) -> ReachRecord:
    """Counts of one period; never names or other personal data."""
    record = ReachRecord(activity=activity, recorded_by=acting_user, **fields)
    counts = _check_record(record, by_group or {})
    audit.create(
        record,
        action=ActivityAction.REACH_CREATED,
        acting_user=acting_user,
        coalition=activity.coalition,
        check=None,  # _check_record above, which also gives the counts
        parts={"by_group": ({}, counts)},
    )
    _write_groups(record, counts)
    return record


@transaction.atomic
def update_reach(
    record: ReachRecord,
    *,
    acting_user: User,
    by_group: Mapping[str, int] | None = None,
    **fields: Any,
) -> ReachRecord:
    """Changes the given fields; `by_group` None keeps the counts per group."""
    unknown = set(fields) - set(RECORD_FIELDS)
    if unknown:
        raise TypeError(f"Not reach fields: {sorted(unknown)}")
    activity = record.activity
    current = _counts(record)
    counts: dict[str, int] = {}

    def check(locked: ReachRecord) -> None:
        counts.update(_check_record(locked, current if by_group is None else by_group))

    audit.update(
        record,
        fields,
        action=ActivityAction.REACH_UPDATED,
        acting_user=acting_user,
        coalition=activity.coalition,
        check=check,
        parts={"by_group": (current, counts)},
    )
    _write_groups(record, counts)
    return record


@transaction.atomic
def delete_reach(record: ReachRecord, *, acting_user: User) -> None:
    audit.delete(
        record,
        action=ActivityAction.REACH_DELETED,
        acting_user=acting_user,
        coalition=record.activity.coalition,
        context={"by_group": _counts(record)},
    )


# --- the public finder ----------------------------------------------------------------------

FINDER_FIELDS = ("slug", "is_published", "title", "introduction", "contact")


def finder_of(coalition: Coalition) -> Finder:
    """The saved finder, or an unsaved one with the defaults and a suggested address."""
    finder = Finder.objects.of_coalition(coalition).first()
    if finder is None:
        finder = Finder(coalition=coalition, slug=suggest_slug(coalition))
    return finder


@transaction.atomic
def save_finder(coalition: Coalition, *, acting_user: User, **fields: Any) -> Finder:
    unknown = set(fields) - set(FINDER_FIELDS)
    if unknown:
        raise TypeError(f"Not finder fields: {sorted(unknown)}")
    finder = Finder.objects.of_coalition(coalition).select_for_update().first()
    return audit.save(
        finder or Finder(coalition=coalition, slug=suggest_slug(coalition)),
        {
            name: value.strip() if isinstance(value, str) else value
            for name, value in fields.items()
        },
        created=ActivityAction.FINDER_SAVED,
        updated=ActivityAction.FINDER_SAVED,
        acting_user=acting_user,
        coalition=coalition,
        check=_check_finder,
    )


def _check_finder(finder: Finder) -> None:
    finder.slug = finder.slug.lower()
    try:  # before Django's own slug check, whose message does not say what is allowed
        FINDER_SLUG(finder.slug)
    except ValidationError as error:
        raise ValidationError({"slug": error.messages}) from error
    finder.full_clean(exclude=["coalition"], validate_unique=False)
    if address_taken(finder.slug, by_other_than=finder.coalition_id):
        raise ValidationError({"slug": SLUG_TAKEN})
