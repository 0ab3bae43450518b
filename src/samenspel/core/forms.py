"""Edit forms that notice when someone else saved the object after the form was opened.

The form carries a hidden `version`: a short fingerprint of each field's value when the form was
opened. On submit it compares three states per field: as opened, as now saved, as submitted.

- A field only the person changed, or only someone else: fine. The service receives only the
  person's changes (`service_fields()`), so someone else's change to another field is kept.
- A field both changed, to different values: nothing is saved; the form comes back naming those
  fields with their new values, and with a fresh version, so that saving again overwrites
  knowingly.

A form posted without a version (a script, an old page) counts every field that differs from
the saved object as the person's change, as before.
"""

from __future__ import annotations

import decimal
import hashlib
import json
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.core.amounts import parse_amount
from samenspel.core.audit import plain
from samenspel.core.audit_display import readable
from samenspel.core.widgets import AmountInput

VERSION = "version"
SALT = "samenspel.core.forms.version"

BOTH_CHANGED = _(
    "Iemand anders heeft dit intussen ook gewijzigd: %(fields)s. Er is niets opgeslagen. "
    "Bekijk de nieuwe waarde en sla opnieuw op als u de uwe wilt bewaren."
)
FIELD_CHANGED = _("Intussen gewijzigd door iemand anders in: %(value)s")


def fingerprint(value: Any) -> str:
    """A short digest of a value as a model holds it or a form cleans it, equal for both."""
    if isinstance(value, models.Model):
        value = value.pk
    elif isinstance(value, models.QuerySet | list | tuple | set):
        items = [item.pk if isinstance(item, models.Model) else item for item in value]
        value = sorted(items, key=str)
    elif isinstance(value, decimal.Decimal):
        value = format(value.normalize(), "f")
    text = json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


class StaleFormMixin:
    """For ModelForms; mix in before `forms.ModelForm`."""

    fields: dict[str, forms.Field]
    instance: Any  # the ModelForm's instance, typed by each form
    cleaned_data: dict[str, Any]
    data: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read now: by the time the form is cleaned, ModelForm has put the submitted values on
        # `instance`.
        self.saved_values = self._saved_values() if self.instance.pk else {}
        self._saved = {name: fingerprint(value) for name, value in self.saved_values.items()}
        self.own_changes: set[str] = set()
        self.fields[VERSION] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=self._version(self._saved)
        )

    def _tracked(self) -> list[str]:
        names = {field.name for field in self.instance._meta.get_fields() if field.concrete}
        return [name for name in self.fields if name in names]

    def _value(self, name: str) -> Any:
        field = self.instance._meta.get_field(name)
        if field.many_to_many:
            return list(getattr(self.instance, name).all())
        return getattr(self.instance, name)

    def _saved_values(self) -> dict[str, Any]:
        return {**{name: self._value(name) for name in self._tracked()}, **self.saved_related()}

    def saved_related(self) -> dict[str, Any]:
        """Saved values of form fields kept beside the object (related rows, a code that names
        another object), by form field name; compared like the object's own fields."""
        return {}

    def changed_here(self, name: str) -> bool:
        """Whether this submit sets the field: always for a new object, else if the person
        changed it."""
        return not self._saved or name in self.own_changes

    @staticmethod
    def _version(prints: dict[str, str]) -> str:
        return signing.dumps(prints, salt=SALT, compress=True) if prints else ""

    def _opened(self) -> dict[str, str] | None:
        try:
            return signing.loads(self.data.get(VERSION) or "", salt=SALT)
        except signing.BadSignature:
            return None

    def full_clean(self) -> None:
        """After the form's own cleaning (whatever its `clean` does), compare the versions."""
        super().full_clean()  # type: ignore[misc]
        if self._saved and hasattr(self, "cleaned_data"):
            self._compare(self.cleaned_data)

    def _compare(self, data: dict[str, Any]) -> None:
        opened = self._opened() or self._saved
        submitted = {name: fingerprint(data[name]) for name in self._saved if name in data}
        was = {name: opened.get(name, self._saved[name]) for name in submitted}
        self.own_changes = {name for name, mark in submitted.items() if mark != was[name]}
        clashes = [
            name
            for name in self.own_changes
            if self._saved[name] != was[name] and submitted[name] != self._saved[name]
        ]
        if clashes:
            self._refuse(clashes)

    def _refuse(self, clashes: list[str]) -> None:
        """Name what someone else saved; the next submit knows about it."""
        self.data = self.data.copy()
        self.data[VERSION] = self._version(self._saved)
        described = []
        for name in clashes:
            field = self._model_field(name)
            value = readable(plain(self.saved_values[name]), field)
            described.append(f"{self.fields[name].label} ({value})")
            self.add_error(name, FIELD_CHANGED % {"value": value})  # type: ignore[attr-defined]
        self.add_error(None, BOTH_CHANGED % {"fields": "; ".join(described)})  # type: ignore[attr-defined]

    def _model_field(self, name: str) -> models.Field[Any, Any] | None:
        try:
            field = self.instance._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return field if isinstance(field, models.Field) else None

    def field_values(self) -> dict[str, Any]:
        """The cleaned values as the service takes them; forms that rename fields override it."""
        return {name: value for name, value in self.cleaned_data.items() if name != VERSION}

    def merged_values(self) -> dict[str, Any]:
        """Every value, for services that take them all: what this person changed, and for the
        rest what is saved now (so someone else's change stays)."""
        return {
            name: value if self.changed_here(name) else self.saved_values.get(name, value)
            for name, value in self.field_values().items()
        }

    def service_fields(self) -> dict[str, Any]:
        """For a new object every value; for an existing one only what this person changed
        (values of fields the form does not map onto the model always go along)."""
        values = self.field_values()
        return {
            name: value
            for name, value in values.items()
            if name not in self._saved or self.changed_here(name)
        }


class AmountField(forms.DecimalField):
    """An amount in euro, typed the way of the interface language (`core.amounts`): the one
    form field for money. Use it in a ModelForm with `field_classes = {"money": AmountField}`."""

    widget = AmountInput

    def to_python(self, value: Any) -> decimal.Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        return parse_amount(str(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No `step`/`min`/`max`: they belong to number boxes, which this is not.
        return forms.Field.widget_attrs(self, widget)
