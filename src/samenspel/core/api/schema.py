"""Schema helpers for drf-spectacular.

`EnumField` is a ChoiceField over a `TextChoices` (or `StrEnum`) class that the OpenAPI document
shows as one named component per class (`PhaseEnum`, `PartnerKindEnum`, …), however many fields
use it and whatever they are called. Without it drf-spectacular names enums after the field and
warns when one choice set gets several names (`phase`, `to_phase`, `suggested`) or one name several
choice sets (`kind` of a partner and of a partner event).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers


def _choices(enum_class: type[Enum]) -> list[tuple[str, str]]:
    if hasattr(enum_class, "choices"):
        return [(str(value), str(label)) for value, label in enum_class.choices]
    return [(str(member.value), str(member.value)) for member in enum_class]


class EnumField(serializers.ChoiceField):
    def __init__(self, enum_class: type[Enum], **kwargs: Any) -> None:
        self.enum_class = enum_class
        super().__init__(choices=_choices(enum_class), **kwargs)


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EnumField
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        field: EnumField = self.target
        choices = _choices(field.enum_class)
        component = ResolvedComponent(
            name=f"{field.enum_class.__name__}Enum",
            type=ResolvedComponent.SCHEMA,
            object=field.enum_class,
            schema={
                "type": "string",
                "enum": [value for value, _label in choices],
                "description": "\n".join(f"* `{value}` - {label}" for value, label in choices),
            },
        )
        auto_schema.registry.register_on_missing(component)
        schema: dict[str, Any] = component.ref
        if field.allow_blank:
            schema = {"oneOf": [schema, {"type": "string", "enum": [""]}]}
        if field.allow_null:
            schema = (
                {"allOf": [schema], "nullable": True}
                if "oneOf" not in schema
                else {**schema, "nullable": True}
            )
        return schema
