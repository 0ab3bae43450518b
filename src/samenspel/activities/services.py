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
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

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

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner

audit.register_actions(
    {
        "activity.created": _("Activiteit toegevoegd"),
        "activity.updated": _("Activiteit gewijzigd"),
        "activity.deleted": _("Activiteit verwijderd"),
        "activity.checked": _("Activiteit gecontroleerd"),
        "reach.created": _("Bereik vastgelegd"),
        "reach.updated": _("Bereik gewijzigd"),
        "reach.deleted": _("Bereik verwijderd"),
        "finder.saved": _("Instellingen openbare zoeker opgeslagen"),
    }
)

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


def _audit_snapshot(activity: Activity) -> dict[str, Any]:
    values = audit.snapshot(activity, ACTIVITY_FIELDS)
    values["cost"] = None if activity.cost is None else str(activity.cost)
    values["providers"] = sorted(str(p.uuid) for p in activity.providers.all())
    values["target_groups"] = sorted(g.group for g in activity.target_groups.all())
    # Language-neutral ("3 10:00–12:00"): the audit trail is read in either language.
    values["time_slots"] = [
        str(Slot(slot.weekday, slot.start_time, slot.end_time))
        for slot in activity.time_slots.all()
    ]
    return values


def _check_providers(
    coalition: Coalition,
    providers: Iterable[Partner],
    current: set[int],
    own_partner: Partner | None,
) -> list[Partner]:
    chosen = list(dict.fromkeys(providers))
    errors: list[ValidationError] = []
    for partner in chosen:
        if partner.coalition_id != coalition.pk:
            errors.append(ValidationError(FOREIGN_PARTNER))
        elif partner.left_on is not None and partner.pk not in current:
            errors.append(ValidationError(PARTNER_LEFT, params={"name": partner.name}))
    if own_partner is not None and own_partner not in chosen:
        errors.append(ValidationError(OWN_PARTNER_REQUIRED))
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


def _apply(activity: Activity, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        if name not in ACTIVITY_FIELDS:
            raise TypeError(f"Not an activity field: {name}")
        setattr(activity, name, value)
    for name in TEXT_FIELDS:
        setattr(activity, name, (getattr(activity, name) or "").strip())
    activity.full_clean(exclude=["coalition"], validate_constraints=False)


def _write_parts(
    activity: Activity,
    providers: list[Partner] | None,
    groups: list[str] | None,
    slots: Sequence[Slot] | None,
) -> None:
    if providers is not None:
        activity.providers.set(providers)
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
    activity = Activity(coalition=coalition)
    _apply(activity, fields)
    chosen = _check_providers(coalition, chosen, set(), own_partner)
    groups = _check_groups(target_groups)
    _check_slots(time_slots)
    activity.checked_on = today or timezone.localdate()
    activity.checked_by = acting_user
    activity.save()
    _write_parts(activity, chosen, groups, time_slots)
    _refresh(activity)
    audit.record(
        "activity.created",
        activity,
        acting_user=acting_user,
        coalition=coalition,
        changes=_audit_snapshot(activity),
    )
    return activity


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
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    before = _audit_snapshot(activity)
    _apply(activity, fields)
    current = {p.pk for p in activity.providers.all()}
    chosen = _check_providers(
        activity.coalition,
        activity.providers.all() if providers is None else providers,
        current,
        own_partner,
    )
    groups = None if target_groups is None else _check_groups(target_groups)
    if time_slots is not None:
        _check_slots(time_slots)
    activity.checked_on = today or timezone.localdate()
    activity.checked_by = acting_user
    activity.save()
    _write_parts(activity, None if providers is None else chosen, groups, time_slots)
    _refresh(activity)
    audit.record_update(
        "activity.updated",
        activity,
        before,
        _audit_snapshot(activity),
        acting_user=acting_user,
        coalition=activity.coalition,
    )
    return activity


@transaction.atomic
def delete_activity(activity: Activity, *, acting_user: User) -> None:
    audit.record(
        "activity.deleted",
        activity,
        acting_user=acting_user,
        coalition=activity.coalition,
        changes=_audit_snapshot(activity),
    )
    activity.delete()


@transaction.atomic
def mark_checked(
    activity: Activity, *, acting_user: User, today: datetime.date | None = None
) -> Activity:
    """'Gecontroleerd': someone confirmed that the details are still right."""
    day = today or timezone.localdate()
    before = activity.checked_on
    Activity.objects.filter(pk=activity.pk).update(checked_on=day, checked_by=acting_user)
    activity.checked_on, activity.checked_by = day, acting_user
    audit.record(
        "activity.checked",
        activity,
        acting_user=acting_user,
        coalition=activity.coalition,
        changes={"checked_on": [before and str(before), str(day)]},
    )
    return activity


# --- reach ----------------------------------------------------------------------------------

RECORD_FIELDS = (
    "period_start",
    "period_end",
    "new_participants",
    "returning_participants",
    "note",
)


def _record_snapshot(record: ReachRecord) -> dict[str, Any]:
    values = audit.snapshot(record, RECORD_FIELDS)
    values["by_group"] = {row.group: row.participants for row in record.by_group.all()}
    return values


def _check_record(record: ReachRecord, by_group: Mapping[str, int]) -> dict[str, int]:
    record.note = (record.note or "").strip()
    record.full_clean(exclude=["activity"], validate_constraints=False)
    taken = (
        ReachRecord.objects.filter(
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
    record.save()
    _write_groups(record, counts)
    audit.record(
        "reach.created",
        record,
        acting_user=acting_user,
        coalition=activity.coalition,
        changes=_record_snapshot(record),
    )
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
    activity = record.activity
    record = ReachRecord.objects.select_for_update().get(pk=record.pk)
    record.activity = activity
    before = _record_snapshot(record)
    for name, value in fields.items():
        if name not in RECORD_FIELDS:
            raise TypeError(f"Not a reach field: {name}")
        setattr(record, name, value)
    current = {row.group: row.participants for row in record.by_group.all()}
    counts = _check_record(record, current if by_group is None else by_group)
    record.save()
    _write_groups(record, counts)
    audit.record_update(
        "reach.updated",
        record,
        before,
        _record_snapshot(record),
        acting_user=acting_user,
        coalition=activity.coalition,
    )
    return record


@transaction.atomic
def delete_reach(record: ReachRecord, *, acting_user: User) -> None:
    audit.record(
        "reach.deleted",
        record,
        acting_user=acting_user,
        coalition=record.activity.coalition,
        changes=_record_snapshot(record),
    )
    record.delete()


# --- the public finder ----------------------------------------------------------------------

FINDER_FIELDS = ("slug", "is_published", "title", "introduction", "contact")


def suggest_slug(coalition: Coalition) -> str:
    """An address from the coalition's name that no other finder uses yet."""
    base = slugify(coalition.name).replace("_", "-").strip("-")[:50].strip("-") or "coalitie"
    base = "-".join(part for part in base.split("-") if part)
    taken = set(
        Finder.objects.filter(slug__startswith=base)
        .exclude(coalition=coalition)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def finder_of(coalition: Coalition) -> Finder:
    """The saved finder, or an unsaved one with the defaults and a suggested address."""
    finder = Finder.objects.filter(coalition=coalition).first()
    if finder is None:
        finder = Finder(coalition=coalition, slug=suggest_slug(coalition))
    return finder


@transaction.atomic
def save_finder(coalition: Coalition, *, acting_user: User, **fields: Any) -> Finder:
    finder = Finder.objects.select_for_update().filter(coalition=coalition).first()
    before = audit.snapshot(finder, FINDER_FIELDS) if finder else {}
    finder = finder or Finder(coalition=coalition, slug=suggest_slug(coalition))
    for name, value in fields.items():
        if name not in FINDER_FIELDS:
            raise TypeError(f"Not a finder field: {name}")
        setattr(finder, name, value.strip() if isinstance(value, str) else value)
    finder.slug = finder.slug.lower()
    try:  # before Django's own slug check, whose message does not say what is allowed
        FINDER_SLUG(finder.slug)
    except ValidationError as error:
        raise ValidationError({"slug": error.messages}) from error
    finder.full_clean(exclude=["coalition"], validate_unique=False)
    if Finder.objects.filter(slug=finder.slug).exclude(coalition=coalition).exists():
        raise ValidationError({"slug": SLUG_TAKEN})
    finder.save()
    changes = audit.diff(before, audit.snapshot(finder, FINDER_FIELDS))
    if changes:
        audit.record(
            "finder.saved", finder, acting_user=acting_user, coalition=coalition, changes=changes
        )
    return finder
