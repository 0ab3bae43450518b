"""API messages that say what to do: the serializer twin of `core.forms.FieldMessagesMixin`.

Django REST framework's own messages ("Dit veld is vereist.", "Not a valid string.", "Date heeft
het verkeerde formaat") name no field and are partly English. Each field of a serializer with
`FieldMessagesSerializerMixin` gets the messages the HTML forms give for the same kind of field
(drawn from the tables in `core.forms`), naming the field by its label (its Dutch verbose name,
or its JSON name when it has none). A few situations only an API has (text that is not a
string, a list that is not a list) have their own sentence here. A message a serializer sets
itself (`error_messages=`) is kept.
"""

from __future__ import annotations

import copy
from typing import Any

from django import forms as django_forms
from django.core import validators
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework import relations, serializers
from rest_framework.utils.formatting import lazy_format

from samenspel.core import forms

TEXT = _("Vul bij ‘{label}’ tekst in.")
BOOLEAN = _("Vul bij ‘{label}’ true of false in.")
UUID = _("Vul bij ‘{label}’ een UUID in, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e.")
LIST = _("Geef bij ‘{label}’ een lijst.")
OBJECT = _("Geef bij ‘{label}’ een object met velden.")
JSON = _("Geef bij ‘{label}’ geldige JSON.")
AT_LEAST_ONE = _("Geef bij ‘{label}’ minstens één onderdeel.")

# The kind of form field whose messages (core.forms) fit a serializer field; first match wins.
EQUIVALENT: list[tuple[type[serializers.Field], django_forms.Field]] = [
    (serializers.BooleanField, django_forms.BooleanField()),
    (serializers.MultipleChoiceField, django_forms.MultipleChoiceField()),
    (serializers.ChoiceField, django_forms.ChoiceField()),
    (relations.ManyRelatedField, django_forms.ModelMultipleChoiceField(queryset=None)),
    (serializers.ListField, django_forms.MultipleChoiceField()),
    (relations.RelatedField, django_forms.ModelChoiceField(queryset=None)),
    (serializers.DateTimeField, django_forms.DateTimeField()),
    (serializers.DateField, django_forms.DateField()),
    (serializers.TimeField, django_forms.TimeField()),
    (serializers.DecimalField, django_forms.DecimalField()),
    (serializers.FloatField, django_forms.FloatField()),
    (serializers.IntegerField, django_forms.IntegerField()),
    (serializers.EmailField, django_forms.EmailField()),
    (serializers.URLField, django_forms.URLField(assume_scheme="https")),
    (serializers.FileField, django_forms.FileField()),
    (serializers.Field, django_forms.CharField()),
]
# Limits that DRF checks with a validator, which formats its message the Django way (%).
VALIDATOR_CODES: list[tuple[type[validators.BaseValidator], str]] = [
    (validators.MaxLengthValidator, "max_length"),
    (validators.MinLengthValidator, "min_length"),
    (validators.MaxValueValidator, "max_value"),
    (validators.MinValueValidator, "min_value"),
]
# Decimal limits that DRF formats itself, with str.format and names of its own.
DECIMAL_LIMITS = {
    "max_digits": "max_digits",
    "max_decimal_places": "max_decimal_places",
    "max_whole_digits": "max_whole_digits",
}


def _braced(message: Any, name: str) -> str:
    return str(message).replace("%(max)s", "{" + name + "}")


_braced_lazy = lazy(_braced, str)


def drf_messages(field: serializers.Field) -> dict[str, Any]:
    """The messages that replace DRF's for this kind of field, before the label goes in."""
    equivalent = next(form for kind, form in EQUIVALENT if isinstance(field, kind))
    found = forms.field_messages(equivalent)
    required = found["required"]
    messages: dict[str, Any] = {"required": required, "null": required}
    shape = found.get("invalid")
    if isinstance(field, serializers.BooleanField):
        messages["invalid"] = BOOLEAN
    elif isinstance(field, serializers.CharField) and shape is None:
        messages["invalid"] = TEXT
    elif isinstance(field, serializers.UUIDField):
        messages["invalid"] = UUID
    elif isinstance(field, serializers.JSONField):
        messages["invalid"] = JSON
    elif isinstance(field, serializers.DictField):
        messages |= {"not_a_dict": OBJECT, "empty": required}
    elif shape is not None:
        messages |= dict.fromkeys(
            ["invalid", "date", "datetime", "make_aware", "overflow", "max_string_length"], shape
        )
    if isinstance(field, serializers.CharField):
        messages["blank"] = required
    for key in ("invalid_choice", "invalid_list", "invalid_pk_value"):
        if key in found:
            messages[key] = found[key]
    if isinstance(
        field, serializers.MultipleChoiceField | serializers.ListField | relations.ManyRelatedField
    ):
        messages |= {"not_a_list": LIST, "empty": required}
    if isinstance(field, relations.RelatedField):
        messages |= dict.fromkeys(
            ["invalid", "incorrect_type", "does_not_exist"], found["invalid_choice"]
        )
    return messages


def _drf_defaults(field: serializers.Field) -> dict[str, Any]:
    """The messages DRF gives this field when a serializer names none (as `Field.__init__`)."""
    defaults: dict[str, Any] = {}
    for kind in reversed(type(field).__mro__):
        defaults.update(getattr(kind, "default_error_messages", {}))
    return defaults


def replace_drf_messages(field: serializers.Field, label: Any) -> None:
    """Give `field` (and the items of a list field) the project's messages."""
    if isinstance(field, serializers.ListSerializer):
        _replace(field, {"not_a_list": LIST, "empty": AT_LEAST_ONE}, label)
        _replace(field.child, {"invalid": OBJECT}, label)
        return
    if isinstance(field, serializers.BaseSerializer):
        _replace(field, {"invalid": OBJECT}, label)  # its own fields: its own mixin
        return
    if isinstance(field, relations.ManyRelatedField):
        replace_drf_messages(field.child_relation, label)
    elif isinstance(field, serializers.ListField | serializers.DictField):
        replace_drf_messages(field.child, label)
    _replace_validator_messages(field, label)  # first: it asks which messages are DRF's
    if isinstance(field, serializers.DecimalField):
        for key, name in DECIMAL_LIMITS.items():
            if _is_default(field, key):
                filled = format_lazy(forms.LIMITS[key], label=label)
                field.error_messages[key] = _braced_lazy(filled, name)
    _replace(field, drf_messages(field), label)


def _is_default(field: serializers.Field, key: str) -> bool:
    current = field.error_messages.get(key)
    return current is None or current is _drf_defaults(field).get(key)


def _replace(field: Any, messages: dict[str, Any], label: Any) -> None:
    for key, message in messages.items():
        if _is_default(field, key):
            field.error_messages[key] = format_lazy(message, label=label)


def _replace_validator_messages(field: serializers.Field, label: Any) -> None:
    """DRF builds validators for limits and e-mail and web addresses with its own message; a
    copy of each gets ours (the validator may be the model field's own, shared by all)."""
    doubled = forms.percent_doubled(label)
    shape = drf_messages(field).get("invalid")
    replaced = []
    for validator in field.validators:
        message = None
        for kind, code in VALIDATOR_CODES:
            if isinstance(validator, kind) and _generic(validator, field, code):
                message = forms.LIMITS[code]
        if isinstance(validator, validators.EmailValidator | validators.URLValidator) and (
            _generic(validator, field, "invalid") and shape is not None
        ):
            message = shape
        if message is not None:
            own: Any = copy.copy(validator)
            own.message = format_lazy(message, label=doubled)
            validator = own
        replaced.append(validator)
    field.validators = replaced


def _generic(validator: Any, field: serializers.Field, code: str) -> bool:
    """DRF's message for the limit or shape (built from the field's default message), or
    Django's own."""
    message = getattr(validator, "message", None)
    if isinstance(message, lazy_format):
        return _is_default(field, code)
    return message is getattr(type(validator), "message", None) or (
        message is _drf_defaults(field).get(code) and _is_default(field, code)
    )


class FieldMessagesSerializerMixin:
    """For every serializer that reads input; mix in before the serializer class."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return with_field_messages(super().get_fields())  # type: ignore[misc]


def with_field_messages(fields: dict[str, serializers.Field]) -> dict[str, serializers.Field]:
    """The fields with the project's messages. A field loses them when deep-copied: DRF copies
    a field by constructing it again from its arguments."""
    for name, field in fields.items():
        if not field.read_only:
            replace_drf_messages(field, field.label or name)
    return fields


class InputSerializer(FieldMessagesSerializerMixin, serializers.Serializer):
    """DRF's Serializer for what a request sends, with the project's messages. (A
    ModelSerializer of `core.api.fields` has them already.)"""
