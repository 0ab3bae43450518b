"""Activities and reach as .xlsx and CSV (written by `core.spreadsheets`), in the columns the
import reads, so an export can be read back in (the import takes off the apostrophe that guards
text a spreadsheet would take for a formula).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from samenspel.activities.importing.columns import COLUMNS, EXAMPLE
from samenspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Frequency,
    ReachRecord,
    TargetGroup,
    TimeSlot,
    Weekday,
)
from samenspel.core.spreadsheets import yes_no

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition

CHUNK = 2000


def _label(choices: Any, code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


def _days(slots: list[TimeSlot]) -> tuple[str, datetime.time | None, datetime.time | None]:
    """The days, with the begin and end time in their own columns when all days share them;
    otherwise each day carries its own times ('ma 09:30-11:00, wo 14:00')."""
    if not slots:
        return "", None, None
    times = {(slot.start_time, slot.end_time) for slot in slots}
    if len(times) == 1:
        start, end = times.pop()
        return ", ".join(str(Weekday(slot.weekday).label) for slot in slots), start, end
    parts = []
    for slot in slots:
        until = f"-{slot.end_time:%H:%M}" if slot.end_time else ""
        parts.append(f"{Weekday(slot.weekday).label} {slot.start_time:%H:%M}{until}")
    return ", ".join(parts), None, None


def activities_for_export(coalition: Coalition) -> QuerySet[Activity]:
    return (
        Activity.objects.of_coalition(coalition)
        .select_related("neighbourhood")
        .prefetch_related("providers", "target_groups", "time_slots")  # by weekday, start time
        .order_by("title", "pk")
    )


def activity_row(activity: Activity) -> dict[str, Any]:
    """One activity as typed values per column key."""
    days, start, end = _days(list(activity.time_slots.all()))
    return {
        "title": activity.title,
        "description": activity.description,
        "kind": _label(ActivityKind, activity.kind),
        "groups": ", ".join(
            _label(TargetGroup, group.group) for group in activity.target_groups.all()
        ),
        "neighbourhood": activity.neighbourhood.name if activity.neighbourhood else "",
        "location_name": activity.location_name,
        "street_address": activity.street_address,
        "postal_code": activity.postal_code,
        "city": activity.city,
        "days": days,
        "start_time": start,
        "end_time": end,
        "frequency": _label(Frequency, activity.frequency),
        "schedule_note": activity.schedule_note,
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "cost": activity.cost,
        "cost_note": activity.cost_note,
        "wheelchair_accessible": yes_no(activity.wheelchair_accessible),
        "accessibility": activity.accessibility,
        "capacity": activity.capacity,
        "how_to_join": activity.how_to_join,
        "contact_phone": activity.contact_phone,
        "contact_email": activity.contact_email,
        "website": activity.website,
        "week_against_loneliness": yes_no(activity.week_against_loneliness),
        "status": _label(ActivityStatus, activity.status),
        "providers": ", ".join(partner.name for partner in activity.providers.all()),
        "organiser": activity.organiser,
        "is_published": yes_no(activity.is_published),
    }


def activity_table(coalition: Coalition) -> tuple[list[str], Iterator[list[Any]]]:
    keys = [column.key for column in COLUMNS]
    rows = (
        [row[key] for key in keys]
        for row in map(activity_row, activities_for_export(coalition).iterator(CHUNK))
    )
    return [column.header for column in COLUMNS], rows


def template_table() -> tuple[list[str], Iterator[list[Any]]]:
    typed = (int, Decimal, datetime.time)  # lazy translations become plain text
    example = [EXAMPLE.get(column.key, "") for column in COLUMNS]
    row = [value if isinstance(value, typed) else str(value) for value in example]
    return [column.header for column in COLUMNS], iter([row])


REACH_HEADERS = [
    "activiteit",
    "wijk",
    "aanbieder(s)",
    "periode van",
    "periode tot en met",
    "nieuwe deelnemers",
    "terugkerende deelnemers",
    "totaal",
]


def reach_table(coalition: Coalition) -> tuple[list[str], Iterator[list[Any]]]:
    """Per activity per period the counts (never names), with a column per target group."""
    groups = list(TargetGroup)
    headers = [
        *REACH_HEADERS,
        *(_("deelnemers: %(group)s") % {"group": group.label} for group in groups),
        "toelichting",
    ]
    records = (
        ReachRecord.objects.of_coalition(coalition)
        .select_related("activity__neighbourhood")
        .prefetch_related("activity__providers", "by_group")
        .order_by("activity__title", "activity_id", "period_start", "pk")
    )

    def rows() -> Iterator[list[Any]]:
        for record in records.iterator(CHUNK):
            activity = record.activity
            by_group = {part.group: part.participants for part in record.by_group.all()}
            yield [
                activity.title,
                activity.neighbourhood.name if activity.neighbourhood else "",
                ", ".join(partner.name for partner in activity.providers.all()),
                record.period_start,
                record.period_end,
                record.new_participants,
                record.returning_participants,
                record.total,
                *(by_group.get(group.value) for group in groups),
                record.note,
            ]

    return headers, rows()


def template_explanation(coalition: Coalition) -> list[list[str]]:
    """A second sheet: per column what goes in it. The import reads only the first sheet."""
    from samenspel.coalitions.models import Neighbourhood
    from samenspel.partners.models import Partner

    def labels(choices: Any) -> str:
        return ", ".join(str(label) for _code, label in choices.choices)

    allowed = {
        "kind": labels(ActivityKind),
        "groups": _("een of meer, met komma's ertussen: %(options)s")
        % {"options": labels(TargetGroup)},
        "neighbourhood": ", ".join(
            Neighbourhood.objects.of_coalition(coalition).values_list("name", flat=True)
        ),
        "days": _("bijvoorbeeld: maandag, woensdag; of met eigen tijden: ma 09:30-11:00, wo 14:00"),
        "start_time": _("uu:mm, bijvoorbeeld 09:30"),
        "end_time": _("uu:mm, bijvoorbeeld 11:00"),
        "frequency": labels(Frequency),
        "starts_on": _("dd-mm-jjjj"),
        "ends_on": _("dd-mm-jjjj"),
        "cost": _("in euro, bijvoorbeeld 2,50; 0 is gratis"),
        "wheelchair_accessible": _("ja, nee of leeg als het niet bekend is"),
        "capacity": _("een heel getal; leeg als er geen maximum is"),
        "week_against_loneliness": _("ja of nee"),
        "status": labels(ActivityStatus),
        "providers": ", ".join(
            Partner.objects.of_coalition(coalition).values_list("name", flat=True)
        ),
        "is_published": _("ja of nee; leeg is ja"),
    }
    lines = [[_("kolom"), _("verplicht"), _("wat erin mag")]]
    for column in COLUMNS:
        lines.append(
            [column.header, _("ja") if column.required else _("nee"), allowed.get(column.key, "")]
        )
    return lines
