"""What every form of Samenspel shares: messages that say what to do (`FieldMessagesMixin`),
edit forms that notice when someone else saved the object after the form was opened
(`StaleFormMixin`), and the one field for money (`AmountField`).

Stale edits:

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
from django.core import signing, validators
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.text import format_lazy
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


# Django's messages ("Dit veld is vereist.", "Voer een geldige waarde in.") do not say which field
# or what to type. Each of these names the field by its label; `{label}` is filled in per field.
# The messages of the keys in FORMATTED are %-formatted by Django with its own values.
REQUIRED: list[tuple[type[forms.Field], Any]] = [
    (forms.BooleanField, _("Vink ‘{label}’ aan.")),
    (forms.MultipleChoiceField, _("Kies bij ‘{label}’ minstens één mogelijkheid.")),
    (forms.ModelMultipleChoiceField, _("Kies bij ‘{label}’ minstens één mogelijkheid.")),
    (forms.ChoiceField, _("Maak een keuze bij ‘{label}’.")),
    (forms.ModelChoiceField, _("Maak een keuze bij ‘{label}’.")),
    (forms.FileField, _("Kies bij ‘{label}’ een bestand.")),
    (forms.Field, _("Vul ‘{label}’ in.")),
]
# First match wins: DecimalField and FloatField are IntegerFields to Django.
SHAPE: list[tuple[type[forms.Field], Any]] = [
    (
        forms.DateTimeField,
        _("Vul bij ‘{label}’ een datum en tijd in, bijvoorbeeld 31-12-2026 19:30."),
    ),
    (forms.DateField, _("Vul bij ‘{label}’ een datum in, bijvoorbeeld 31-12-2026.")),
    (forms.TimeField, _("Vul bij ‘{label}’ een tijd in, bijvoorbeeld 19:30.")),
    (forms.DecimalField, _("Vul bij ‘{label}’ een getal in, bijvoorbeeld 2,5.")),
    (forms.FloatField, _("Vul bij ‘{label}’ een getal in, bijvoorbeeld 2,5.")),
    (forms.IntegerField, _("Vul bij ‘{label}’ een heel getal in, bijvoorbeeld 12.")),
    (forms.EmailField, _("Vul bij ‘{label}’ een e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")),
    (
        forms.URLField,
        _("Vul bij ‘{label}’ een webadres in, bijvoorbeeld https://www.voorbeeld.nl."),
    ),
    (forms.FileField, _("Kies bij ‘{label}’ een bestand van uw computer.")),
]
NOT_LISTED = _("Kies bij ‘{label}’ een van de mogelijkheden uit de lijst.")
ONLY_LISTED = _("Kies bij ‘{label}’ alleen mogelijkheden uit de lijst.")
LIMITS: dict[str, Any] = {
    "max_length": _(
        "‘{label}’ mag hoogstens %(limit_value)d tekens hebben; nu zijn het er %(show_value)d."
    ),
    "min_length": _(
        "‘{label}’ moet minstens %(limit_value)d tekens hebben; nu zijn het er %(show_value)d."
    ),
    "min_value": _("Vul bij ‘{label}’ %(limit_value)s of meer in."),
    "max_value": _("Vul bij ‘{label}’ %(limit_value)s of minder in."),
    "max_digits": _("Vul bij ‘{label}’ een getal in van hoogstens %(max)s cijfers."),
    "max_decimal_places": _("Vul bij ‘{label}’ hoogstens %(max)s cijfers achter de komma in."),
    "max_whole_digits": _("Vul bij ‘{label}’ hoogstens %(max)s cijfers voor de komma in."),
}
FILE_MESSAGES: dict[str, Any] = {
    "empty": _("Het bestand bij ‘{label}’ is leeg. Kies een bestand met inhoud."),
    "missing": _("Kies bij ‘{label}’ een bestand."),
    "max_length": _("De bestandsnaam bij ‘{label}’ mag hoogstens %(max)d tekens hebben."),
}
# Keys whose message Django formats with its own values: a % in a label must be doubled there.
FORMATTED = {"invalid_choice", "invalid_pk_value", *LIMITS}
# Validators (e-mail, web address) format their "invalid" message too.
VALIDATED_SHAPES = (forms.EmailField, forms.URLField)


def _first(table: list[tuple[type[forms.Field], Any]], field: forms.Field) -> Any:
    return next((message for kind, message in table if isinstance(field, kind)), None)


def field_messages(field: forms.Field) -> dict[str, Any]:
    """The messages that replace Django's for this kind of field, before the label goes in."""
    messages: dict[str, Any] = {"required": _first(REQUIRED, field)}
    shape = _first(SHAPE, field)
    if shape is not None:
        messages["invalid"] = shape
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        messages |= dict.fromkeys(
            ["invalid_choice", "invalid_list", "invalid_pk_value"], ONLY_LISTED
        )
    elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        messages["invalid_choice"] = NOT_LISTED
    if isinstance(field, forms.FileField):
        return messages | FILE_MESSAGES
    generic = _generic_validator_codes(field)
    if isinstance(field, VALIDATED_SHAPES) and "invalid" not in generic:
        del messages["invalid"]  # a validator with a message of its own
    return messages | {code: message for code, message in LIMITS.items() if code in generic}


def _generic_validator_codes(field: forms.Field) -> set[str]:
    """The codes of the field's validators that would give Django's own message. A validator
    with a message of its own keeps it, also when the model's validation reports it (a ModelForm
    replaces the message of a model's error by the form field's message for the same code)."""
    codes: set[str] = set()
    for validator in field.validators:
        if isinstance(validator, validators.DecimalValidator):
            codes |= set(validators.DecimalValidator.messages)
        elif getattr(validator, "message", None) is getattr(type(validator), "message", None):
            codes.add(getattr(validator, "code", ""))
    return codes


def _django_defaults(field: forms.Field) -> dict[str, Any]:
    """The messages Django gives this field when a form names none (as `Field.__init__`)."""
    defaults: dict[str, Any] = {}
    for kind in reversed(type(field).__mro__):
        defaults.update(getattr(kind, "default_error_messages", {}))
    return defaults


class FieldMessagesMixin:
    """For every Form and ModelForm; mix in before `forms.Form` or `forms.ModelForm`.

    Each field's Django message (required, wrong shape, a choice not in the list, a limit) is
    replaced by one that names the field and says what to do, with an example of the expected
    shape. A message the form sets itself (`error_messages=` on the field, or `Meta.error_messages`)
    is kept: write one where a better sentence exists ("Vul de naam van de partner in.").
    Applied when the form is cleaned, so fields added in a form's `__init__` get them too."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        for name, field in self.fields.items():
            label = field.label or pretty_name(name)
            _replace_django_messages(field, label)
        super().full_clean()  # type: ignore[misc]


def _replace_django_messages(field: forms.Field, label: Any) -> None:
    defaults = _django_defaults(field)
    validated = isinstance(field, VALIDATED_SHAPES)
    for key, message in field_messages(field).items():
        current = field.error_messages.get(key)
        if current is not None and current is not defaults.get(key):
            continue  # the form's own message
        formatted = key in FORMATTED or (validated and key == "invalid")
        field.error_messages[key] = format_lazy(
            message, label=percent_doubled(label) if formatted else label
        )


def _doubled(label: Any) -> str:
    return str(label).replace("%", "%%")


percent_doubled = lazy(_doubled, str)


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


class FilterForm(FieldMessagesMixin, forms.Form):
    """The form of a list's filters (django-filter's `FilterSet.Meta.form`)."""


class FixedChoices(list[tuple[Any, Any]]):
    """Choices that are never changed after they are made: a copy of a filter or form field
    shares them. django-filter deep-copies every filter per request, and the form deep-copies
    every field again, each time down to every (lazy) label; for a list page's filters that was
    a noticeable part of the request."""

    def __deepcopy__(self, memo: dict[int, Any]) -> FixedChoices:
        return self


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
