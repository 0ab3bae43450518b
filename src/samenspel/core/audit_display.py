"""The audit trail as people read it: Dutch field names and readable values.

The trail stores values (choice keys, ISO dates, uuid and label of a related object); they are
translated here, at the edge, so a record reads in the language of whoever looks at it. Rows
written before the current layout (bare values, or `[old, new]` pairs) are shown too.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenspel.core.models import AuditEvent

EMPTY = "–"

# Names of the parts and facts that are not fields of the model itself.
EXTRA_LABELS: dict[str, Any] = {
    "target_groups": _("doelgroepen"),
    "time_slots": _("tijden"),
    "by_group": _("bereik per doelgroep"),
    "reason": _("reden"),
    "rule": _("bevinding"),
    "subject": _("onderwerp"),
    "tipping_point": _("kantelmoment"),
    "date": _("datum"),
    "activity": _("activiteit"),
    "invited": _("uitgenodigd"),
    "respondents": _("respondenten"),
    "invitation": _("uitnodiging"),
    "from": _("bron"),
    "file_name": _("bestand"),
    "number": _("nummer"),
    "partner": _("partner"),
    "agenda_item_count": _("agendapunten"),
    "attendance_count": _("aanwezigheden"),
    "decision_count": _("besluiten"),
    "action_count": _("actiepunten"),
    "table": _("tabel"),
    "source": _("bron"),
    "rows": _("rijen"),
    "regions": _("gebieden"),
    "estimates": _("schattingen"),
}


@dataclass(frozen=True)
class ChangeLine:
    label: str
    old: str
    new: str
    personal: bool = False  # only that it changed: the values are personal data


@cache
def models_by_name() -> dict[str, type[models.Model]]:
    return {model._meta.model_name or "": model for model in apps.get_models()}


def _model_of(event: AuditEvent) -> type[models.Model] | None:
    label = event.changes.get("model") if isinstance(event.changes, dict) else None
    if label:
        try:
            return apps.get_model(label)
        except (LookupError, ValueError):
            return None
    return models_by_name().get(event.object_type)


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    """The model's own field of that name; None for a reverse relation (a record may list the
    rows a deleted object took with it, such as a meeting's agenda items) or a vanished field."""
    try:
        field = model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    label = getattr(field, "verbose_name", None) or EXTRA_LABELS.get(name) or name
    return str(label)


def readable(value: Any, field: models.Field | None = None) -> str:
    """One stored value as text: a choice's label, a related object's label, a Dutch date."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, dict) and "uuid" in value:
        return str(value.get("label") or EMPTY)
    if isinstance(value, list):
        return ", ".join(readable(item, field) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {readable(item)}" for key, item in value.items())
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    if value in choices:
        return str(choices[value])
    return _date(value, field) or str(value)


def _date(value: Any, field: models.Field | None) -> str | None:
    if not isinstance(value, str) or not isinstance(field, models.DateField):
        return None
    try:
        if isinstance(field, models.DateTimeField):
            return date_format(datetime.datetime.fromisoformat(value), "j F Y H:i")
        return date_format(datetime.date.fromisoformat(value), "j F Y")
    except ValueError:
        return None


def _line(model: type[models.Model] | None, name: str, change: Any) -> ChangeLine:
    label = field_label(model, name)
    field = _field(model, name)
    if isinstance(change, dict) and change.get("changed"):
        return ChangeLine(label, "", "", personal=True)
    if isinstance(change, dict) and ("old" in change or "new" in change):
        return ChangeLine(
            label, readable(change.get("old"), field), readable(change.get("new"), field)
        )
    if isinstance(change, list) and len(change) == 2:  # before the current layout: [old, new]
        return ChangeLine(label, readable(change[0], field), readable(change[1], field))
    return ChangeLine(label, "", readable(change, field))


def describe(event: AuditEvent) -> list[ChangeLine]:
    """What changed, one line per field, followed by the record's context."""
    changes = event.changes if isinstance(event.changes, dict) else {}
    model = _model_of(event)
    if "layout" not in changes:
        if isinstance(changes.get("fields"), list):  # contacts before the current layout
            return [
                ChangeLine(field_label(model, n), "", "", personal=True) for n in changes["fields"]
            ]
        return [_line(model, name, change) for name, change in changes.items()]
    lines = [_line(model, name, change) for name, change in changes["fields"].items()]
    for name, value in changes.get("context", {}).items():
        if not _is_uuid(value):  # which part of a meeting: for the API, not for reading
            lines.append(ChangeLine(field_label(None, name), "", readable(value)))
    return lines


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)
