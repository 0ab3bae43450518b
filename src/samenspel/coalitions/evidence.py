"""What the coalition has recorded, as evidence for 'Waar staan we?', read in one query.

The checklist is the coalition's own account of the handbook's typical activities. Its other
records show the same work: a shared ambition written down shows that it was formulated, process
steps show a process design, a standing body shows a work structure. Apps above `coalitions`
register those records here (in their `AppConfig.ready`), so this module never imports them:

    register(RecordSource("agreements.process_steps", "establish-process-design",
                          gettext_lazy("processtappen"), lambda c: ProcessStep.objects.of_coalition(c),
                          date_field="created_at"))

`gather(coalition)` reads the checklist and every registered record in **one** UNION query, each
row reduced to (key, status or source, day, note). A source may also be a *marker*: a record that marks
the end of a phase without being one of its activities (the handbook's tip of a letter of intent
or covenant, §1.2.4). Markers are optional: their absence never counts against a phase.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import CharField, DateField, F, QuerySet, Value
from django.db.models.functions import Cast

from samenspel.coalitions.models import ChecklistItem

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition


@dataclass(frozen=True)
class RecordSource:
    """One kind of record and the activity (or phase marker) it shows."""

    key: str  # unique, "app.what"
    shows: str  # an activity key of the guide, or MARKER_PREFIX + a phase
    label: Any  # lazy Dutch noun phrase: "processtappen"
    rows: Callable[[Coalition], QuerySet[Any]]  # through a tenancy door
    date_field: str = "created_at"


MARKER_PREFIX = "marker:"
CHECKLIST = "checklist"
SOURCES: dict[str, RecordSource] = {}


def register(source: RecordSource) -> None:
    SOURCES[source.key] = source


@dataclass(frozen=True)
class Record:
    source: str
    day: datetime.date


@dataclass(frozen=True)
class ChecklistRow:
    status: str
    day: datetime.date | None  # last change; None when not read
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    """The checklist rows and the dated records of one coalition."""

    checklist: dict[str, ChecklistRow] = field(default_factory=dict)  # activity key -> row
    records: dict[str, list[Record]] = field(default_factory=dict)  # shown key -> records

    def of(self, key: str, since: datetime.date | None = None) -> list[Record]:
        return [r for r in self.records.get(key, []) if since is None or r.day >= since]


def _columns(queryset: QuerySet[Any], key: Any, status: Any, day: Any, note: Any) -> QuerySet[Any]:
    return (
        queryset.order_by()
        .annotate(
            evidence_key=Cast(key, CharField()),
            evidence_status=Cast(status, CharField()),
            evidence_day=Cast(day, DateField()),
            evidence_note=Cast(note, CharField()),
        )
        .values_list("evidence_key", "evidence_status", "evidence_day", "evidence_note")
    )


def gather(coalition: Coalition) -> Evidence:
    queries = [
        _columns(
            ChecklistItem.objects.of_coalition(coalition),
            F("activity_key"),
            F("status"),
            F("updated_at"),
            F("note"),
        )
    ]
    queries += [
        _columns(
            source.rows(coalition), Value(source.shows), Value(key), F(source.date_field), Value("")
        )
        for key, source in sorted(SOURCES.items())
    ]
    first, *rest = queries
    evidence = Evidence()
    for key, status, day, note in first.union(*rest, all=True) if rest else first:
        if status in SOURCES:
            evidence.records.setdefault(key, []).append(Record(status, day))
        else:
            evidence.checklist[key] = ChecklistRow(status, day, note)
    return evidence
