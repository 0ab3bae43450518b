"""The import's write paths: read and check a file into a preview, then commit it all at once
(bulk inserts in one transaction) or discard it."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.activities.audit_actions import ActivityAction
from samenspel.activities.importing.reading import ImportRefused, open_table, read_bytes
from samenspel.activities.importing.rows import Lookups, RowChecker, map_header, row_message
from samenspel.activities.models import (
    Activity,
    ActivityImport,
    ActivityTargetGroup,
    ImportStatus,
    TimeSlot,
)
from samenspel.coalitions.models import Neighbourhood
from samenspel.core import audit
from samenspel.partners.models import Partner

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

BATCH_SIZE = 1000
FILE_NAME_LENGTH = 255


def preview_import(
    coalition: Coalition,
    upload: bytes | IO[bytes],
    filename: str,
    *,
    acting_user: User | None,
) -> ActivityImport:
    """Reads and checks the file and keeps the result as a preview; nothing else is stored.

    Raises ImportRefused (a ValidationError) when the file as a whole cannot be used.
    """
    table = open_table(read_bytes(upload))
    header = map_header(table.header)
    checker = RowChecker(header, Lookups.of(coalition))
    rows = [checker.check(number, cells, table.separator) for number, cells in table.rows]
    if not rows:
        raise ImportRefused(_("Het bestand heeft alleen een kopregel en geen activiteiten."))
    notes = list(table.notes)
    if header.ignored:
        notes.append(
            _("Deze kolommen zijn niet herkend en worden overgeslagen: %(columns)s.")
            % {"columns": ", ".join(f"'{name}'" for name in header.ignored)}
        )
    return ActivityImport.objects.create(
        coalition=coalition,
        uploaded_by=acting_user,
        file_name=(filename or "").rsplit("/", 1)[-1][:FILE_NAME_LENGTH],
        rows=rows,
        notes=notes,
        row_count=len(rows),
        error_count=sum(1 for row in rows if row["errors"]),
    )


def error_messages(batch: ActivityImport) -> list[str]:
    """Every error as one Dutch sentence: "Rij 7, kolom 'kosten': 'twee euro' is geen bedrag…"."""
    return [row_message(row["row"], error) for row in batch.rows for error in row["errors"]]


def _still_open(batch: ActivityImport) -> None:
    if batch.status == ImportStatus.COMMITTED:
        raise ValidationError(_("Dit bestand is al ingelezen."), code="import_done")
    if batch.status == ImportStatus.DISCARDED:
        raise ValidationError(_("Dit bestand is weggegooid; laad het opnieuw."), code="import_done")


def _activity(coalition: Coalition, values: dict[str, Any], user: User | None) -> Activity:
    today = timezone.localdate()
    cost = values["cost"]
    return Activity(
        coalition=coalition,
        title=values["title"],
        description=values["description"],
        kind=values["kind"],
        organiser=values["organiser"],
        neighbourhood_id=values["neighbourhood"],
        location_name=values["location_name"],
        street_address=values["street_address"],
        postal_code=values["postal_code"],
        city=values["city"],
        frequency=values["frequency"],
        schedule_note=values["schedule_note"],
        starts_on=datetime.date.fromisoformat(values["starts_on"]) if values["starts_on"] else None,
        ends_on=datetime.date.fromisoformat(values["ends_on"]) if values["ends_on"] else None,
        cost=Decimal(cost) if cost is not None else None,
        cost_note=values["cost_note"],
        wheelchair_accessible=values["wheelchair_accessible"],
        accessibility=values["accessibility"],
        capacity=values["capacity"],
        how_to_join=values["how_to_join"],
        contact_phone=values["contact_phone"],
        contact_email=values["contact_email"],
        website=values["website"],
        week_against_loneliness=values["week_against_loneliness"],
        status=values["status"],
        is_published=values["is_published"],
        # The importer vouches for the data as of today, as someone checking it by hand would.
        checked_on=today,
        checked_by=user,
    )


def _check_references(coalition: Coalition, rows: list[dict[str, Any]]) -> None:
    """A wijk or partner deleted since the preview would break the commit: say so instead."""
    wanted_places = {row["values"]["neighbourhood"] for row in rows} - {None}
    wanted_partners = {pk for row in rows for pk in row["values"]["providers"]}
    places = set(
        Neighbourhood.objects.of_coalition(coalition)
        .filter(pk__in=wanted_places)
        .values_list("pk", flat=True)
    )
    partners = set(
        Partner.objects.of_coalition(coalition)
        .filter(pk__in=wanted_partners)
        .values_list("pk", flat=True)
    )
    if places != wanted_places or partners != wanted_partners:
        raise ValidationError(
            _(
                "Sinds het voorbeeld is een wijk of partner uit het bestand verwijderd. Laad het "
                "bestand opnieuw."
            ),
            code="import_stale",
        )


@transaction.atomic
def commit_import(batch: ActivityImport, *, acting_user: User | None) -> ActivityImport:
    """Creates every activity of a preview without errors, or none at all."""
    batch = _locked(batch)
    if batch.error_count:
        raise ValidationError(
            _(
                "%(count)s rij(en) hebben nog fouten. Verbeter het bestand en laad het opnieuw; "
                "er is niets ingelezen."
            )
            % {"count": batch.error_count},
            code="import_errors",
        )
    coalition = batch.coalition
    rows = batch.rows
    _check_references(coalition, rows)
    activities = [_activity(coalition, row["values"], acting_user) for row in rows]
    Activity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
    groups: list[ActivityTargetGroup] = []
    slots: list[TimeSlot] = []
    Provider = Activity.providers.through
    providers: list[Any] = []
    for activity, row in zip(activities, rows, strict=True):
        values = row["values"]
        groups.extend(
            ActivityTargetGroup(activity_id=activity.pk, group=g) for g in values["groups"]
        )
        slots.extend(
            TimeSlot(
                activity_id=activity.pk,
                weekday=day,
                start_time=datetime.time.fromisoformat(start),
                end_time=datetime.time.fromisoformat(end) if end else None,
            )
            for day, start, end in values["slots"]
        )
        providers.extend(
            Provider(activity_id=activity.pk, partner_id=pk) for pk in values["providers"]
        )
    ActivityTargetGroup.objects.bulk_create(groups, batch_size=BATCH_SIZE)
    TimeSlot.objects.bulk_create(slots, batch_size=BATCH_SIZE)
    Provider.objects.bulk_create(providers, batch_size=BATCH_SIZE)
    return _finish(
        batch,
        # The activities themselves now hold the data.
        {"status": ImportStatus.COMMITTED, "created_count": len(activities)},
        ActivityAction.ACTIVITIES_IMPORTED,
        acting_user=acting_user,
    )


@transaction.atomic
def discard_import(batch: ActivityImport, *, acting_user: User | None) -> ActivityImport:
    return _finish(
        _locked(batch),
        {"status": ImportStatus.DISCARDED},
        ActivityAction.ACTIVITIES_IMPORT_DISCARDED,
        acting_user=acting_user,
    )


def _locked(batch: ActivityImport) -> ActivityImport:
    """The batch as saved, locked: a second click finds it committed or discarded."""
    batch = (
        ActivityImport.objects.of_coalition(batch.coalition_id)
        .select_for_update()
        .select_related("coalition")
        .get(pk=batch.pk)
    )
    _still_open(batch)
    return batch


def _finish(
    batch: ActivityImport, values: dict[str, Any], action: str, *, acting_user: User | None
) -> ActivityImport:
    """Close the batch and clear its rows: parsed rows are kept only until then."""
    return audit.update(
        batch,
        {**values, "finished_at": timezone.now(), "rows": []},
        action=action,
        acting_user=acting_user,
        coalition=batch.coalition,
        check=None,
    )


@transaction.atomic
def import_activities(
    coalition: Coalition, upload: bytes | IO[bytes], filename: str, user: User | None
) -> ActivityImport:
    """Preview and commit in one go, for scripts and the benchmark: all rows or nothing.

    Raises ValidationError with every row's message when any row is wrong."""
    batch = preview_import(coalition, upload, filename, acting_user=user)
    if batch.error_count:
        raise ValidationError(error_messages(batch), code="import_errors")
    return commit_import(batch, acting_user=user)


# Reads for the pages and the API


def batches_of(coalition: Coalition) -> Any:
    return ActivityImport.objects.of_coalition(coalition).select_related("uploaded_by")


def batch_or_404(coalition: Coalition, batch_uuid: Any) -> ActivityImport:
    """An import of this coalition only: another coalition's import does not exist here."""
    batch = get_object_or_404(batches_of(coalition), uuid=batch_uuid)
    batch.coalition = coalition
    return batch


def row_errors(batch: ActivityImport) -> list[dict[str, Any]]:
    """Every error as {row, column, message, text}, in file order."""
    return [
        {**error, "row": row["row"], "text": row_message(row["row"], error)}
        for row in batch.rows
        for error in row["errors"]
    ]
