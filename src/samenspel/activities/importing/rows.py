"""Checking the header and each row of an activity spreadsheet against the coalition's data.

A checked row is a dict of plain JSON values (codes, ISO dates, primary keys of the coalition's
own neighbourhoods and partners), so it can wait in the preview and be committed later.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.activities.importing import values
from samenspel.activities.importing.columns import BY_FOLDED, BY_KEY, COLUMNS, Column, fold
from samenspel.activities.importing.reading import Cell, ImportRefused
from samenspel.activities.models import (
    END_BEFORE_START,
    TIME_END_BEFORE_START,
    ActivityKind,
    ActivityStatus,
    Frequency,
    TargetGroup,
)
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.partners.models import Partner

# What a choice is called in "'x' is geen bekende …"; lazy, as most rows never need it.
KIND = _lazy("soort")
FREQUENCY = _lazy("keuze voor hoe vaak")
STATUS = _lazy("status")
GROUP = _lazy("doelgroep")


@dataclass
class Lookups:
    """The coalition's wijken (by name and CBS code) and partners (by name), folded."""

    neighbourhoods: dict[str, int]
    partners: dict[str, int]

    @classmethod
    def of(cls, coalition: Coalition) -> Lookups:
        neighbourhoods: dict[str, int] = {}
        for pk, name, code in Neighbourhood.objects.of_coalition(coalition).values_list(
            "pk", "name", "cbs_code"
        ):
            neighbourhoods[fold(name)] = pk
            if code:
                neighbourhoods[fold(code)] = pk
        partners = {
            fold(name): pk
            for pk, name in Partner.objects.of_coalition(coalition).values_list("pk", "name")
        }
        return cls(neighbourhoods=neighbourhoods, partners=partners)


@dataclass
class HeaderMap:
    positions: dict[str, int]  # column key -> index in the row
    labels: dict[str, str]  # column key -> the header as the file writes it
    ignored: list[str] = field(default_factory=list)


def join_names(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return _("%(first)s en %(last)s") % {"first": ", ".join(quoted[:-1]), "last": quoted[-1]}


def map_header(header: list[str]) -> HeaderMap:
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for index, raw in enumerate(header):
        if not raw:
            continue
        column = BY_FOLDED.get(fold(raw))
        if column is None:
            ignored.append(raw)
            continue
        if column.key in positions:
            raise ImportRefused(
                _("De kolom '%(column)s' staat twee keer in de kopregel.") % {"column": raw}
            )
        positions[column.key] = index
        labels[column.key] = raw
    missing = [
        column.header for column in COLUMNS if column.required and column.key not in positions
    ]
    if missing:
        message = (
            _("De kolom %(columns)s ontbreekt in de kopregel.")
            if len(missing) == 1
            else _("De kolommen %(columns)s ontbreken in de kopregel.")
        )
        raise ImportRefused(
            (message % {"columns": join_names(missing)})
            + " "
            + _("Gebruik de kolomnamen uit het voorbeeldbestand.")
        )
    return HeaderMap(positions=positions, labels=labels, ignored=ignored)


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RowChecker:
    """Checks one row at a time; `check` returns {row, values, errors}."""

    def __init__(self, header: HeaderMap, lookups: Lookups) -> None:
        self.header = header
        self.lookups = lookups
        self.width = len(header.positions) and max(header.positions.values()) + 1

    def check(self, number: int, cells: list[Cell], separator: str = "") -> dict[str, Any]:
        self.values: dict[str, Any] = {}
        self.errors: list[dict[str, str]] = []
        self.cells = cells
        if separator and len(cells) == 1 and self.width > 1:
            other = next((sep for sep in ";,\t" if sep != separator and sep in str(cells[0])), "")
            if other:
                self.errors.append(
                    {
                        "column": "",
                        "message": _(
                            "de rij heeft maar één kolom; staan er andere scheidingstekens in "
                            "dan in de kopregel?"
                        ),
                    }
                )
                return {"row": number, "values": {}, "errors": self.errors}
        self._check_all()
        return {"row": number, "values": self.values, "errors": self.errors}

    def raw(self, key: str) -> Cell:
        index = self.header.positions.get(key)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def error(self, key: str, message: str) -> None:
        # The column as the file names it, or else as the template does (a column left out).
        column = self.header.labels.get(key) or BY_KEY[key].header
        self.errors.append({"column": column, "message": message})

    def field(
        self, key: str, parse: Callable[[Cell], Any], *, default: Any = None, required: bool = False
    ) -> Any:
        value = self.raw(key)
        if _blank(value):
            if required:
                self.error(key, _("dit veld is verplicht."))
            return default
        try:
            return parse(value)
        except values.CellError as error:
            self.error(key, error.message)
            return default

    def _check_all(self) -> None:
        v = self.values
        text = values.text
        max_length = {
            "title": 120,
            "description": 1000,
            "location_name": 150,
            "street_address": 150,
            "city": 80,
            "schedule_note": 200,
            "cost_note": 150,
            "accessibility": 300,
            "how_to_join": 300,
            "contact_phone": 20,
            "organiser": 150,
        }
        for key, limit in max_length.items():
            v[key] = self.field(
                key,
                partial(text, max_length=limit),
                default="",
                required=key in ("title", "description"),
            )
        v["kind"] = self.field(
            "kind", lambda c: values.choice(c, ActivityKind, KIND), required=True
        )
        v["groups"] = self.field("groups", self._groups, default=[])
        v["neighbourhood"] = self.field("neighbourhood", self._neighbourhood)
        v["providers"] = self.field("providers", self._providers, default=[])
        v["postal_code"] = self.field("postal_code", values.postal_code, default="")
        v["frequency"] = self.field(
            "frequency",
            lambda c: values.choice(c, Frequency, FREQUENCY),
            default=Frequency.WEEKLY.value,
        )
        v["status"] = self.field(
            "status",
            lambda c: values.choice(c, ActivityStatus, STATUS),
            default=ActivityStatus.ACTIVE.value,
        )
        starts_on = self.field("starts_on", values.date)
        ends_on = self.field("ends_on", values.date)
        if starts_on and ends_on and ends_on < starts_on:
            self.error("ends_on", str(END_BEFORE_START))
        v["starts_on"] = starts_on.isoformat() if starts_on else None
        v["ends_on"] = ends_on.isoformat() if ends_on else None
        cost = self.field("cost", values.amount)
        v["cost"] = str(cost) if cost is not None else None
        v["capacity"] = self.field("capacity", values.whole_number)
        v["wheelchair_accessible"] = self.field("wheelchair_accessible", values.yes_no)
        v["week_against_loneliness"] = bool(self.field("week_against_loneliness", values.yes_no))
        published = self.field("is_published", values.yes_no)
        v["is_published"] = True if published is None else published
        v["contact_email"] = self.field("contact_email", values.email, default="")
        v["website"] = self.field("website", values.website, default="")
        v["slots"] = self._slots()

    def _groups(self, cell: Cell) -> list[str]:
        groups: list[str] = []
        for part in values.split_list(cell):
            group = values.choice(part, TargetGroup, GROUP)
            if group not in groups:
                groups.append(group)
        return groups

    def _neighbourhood(self, cell: Cell) -> int:
        pk = self.lookups.neighbourhoods.get(fold(values.shown(cell)))
        if pk is None:
            raise values.CellError(
                _("'%(value)s' is geen wijk of kern van deze coalitie.")
                % {"value": values.shown(cell)}
            )
        return pk

    def _providers(self, cell: Cell) -> list[int]:
        providers: list[int] = []
        unknown: list[str] = []
        parts = values.split_list(cell)
        start = 0
        while start < len(parts):
            # A partner name may itself contain a comma ("Gemeente X, wijkregie"): the longest
            # run of parts that names a partner wins.
            for end in range(len(parts), start, -1):
                pk = self.lookups.partners.get(fold(", ".join(parts[start:end])))
                if pk is not None:
                    break
            if pk is None:
                unknown.append(parts[start])
                start += 1
                continue
            if pk not in providers:
                providers.append(pk)
            start = end
        if unknown:
            message = (
                _("%(names)s is geen partner van deze coalitie.")
                if len(unknown) == 1
                else _("%(names)s zijn geen partners van deze coalitie.")
            )
            raise values.CellError(message % {"names": join_names(unknown)})
        return providers

    def _slots(self) -> list[list[Any]]:
        days = self.field("days", values.day_items, default=[])
        start = self.field("start_time", values.time)
        end = self.field("end_time", values.time)
        if not days:
            if start is not None and not _blank(self.raw("start_time")):
                self.error("days", _("vul ook de dag of dagen in bij de begintijd."))
            return []
        slots = []
        for day, own_start, own_end in days:
            slot_start = own_start or start
            slot_end = own_end if own_start else end
            if slot_start is None:
                if not _blank(self.raw("start_time")):
                    return []  # the begintijd itself is wrong, and has its message already
                self.error(
                    "start_time",
                    _("vul een begintijd in, of zet de tijden bij de dag (ma 09:30-11:00)."),
                )
                return []
            if slot_end is not None and slot_end <= slot_start:
                self.error("end_time" if not own_start else "days", str(TIME_END_BEFORE_START))
                return []
            slots.append([day, _hhmm(slot_start), _hhmm(slot_end) if slot_end else None])
        return slots


def _hhmm(value: datetime.time) -> str:
    return f"{value:%H:%M}"


def row_message(row: int, error: dict[str, str]) -> str:
    """'Rij 7, kolom 'kosten': 'twee euro' is geen bedrag.'"""
    if error["column"]:
        return _("Rij %(row)s, kolom '%(column)s': %(message)s") % {
            "row": row,
            "column": error["column"],
            "message": error["message"],
        }
    return _("Rij %(row)s: %(message)s") % {"row": row, "message": error["message"]}


__all__ = ["Column", "HeaderMap", "Lookups", "RowChecker", "map_header", "row_message"]
