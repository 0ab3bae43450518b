"""Schema helpers for drf-spectacular.

`EnumField` is a ChoiceField over a `TextChoices` (or `StrEnum`) class that the OpenAPI document
shows as one named component per class (`PhaseChoices`, `PartnerKindChoices`, …), however many
fields use it and whatever they are called. Without it drf-spectacular names enums after the field
and warns when one choice set gets several names (`phase`, `to_phase`, `suggested`) or one name
several choice sets (`kind` of a partner and of a partner event). The suffix `Choices` keeps these
components apart from the `…Enum` components drf-spectacular derives from plain ChoiceFields.

`ProblemAutoSchema` adds the problem+json error responses (`Problem`) a view can give: 401 (unless
the operation needs no authentication), 406 and 500 always, 403 and 404 below
`coalitions/{coalition}/` and for one object, 400 for writes, filtered and paged lists, 415 for
requests with a body; for versioned object endpoints the `ETag` response header, the `If-Match`
request header and 412. Use it with `schema = ProblemAutoSchema()` on a view.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from samenspel.core.api.problems import PROBLEM_CONTENT_TYPE


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
            name=f"{field.enum_class.__name__}Choices",
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


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("Het veld, bijvoorbeeld `reason` of `motives.0`."))
    reason = serializers.CharField(help_text=_("Wat er mis is, in de gekozen taal."))


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, as written by `problem_exception_handler`."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    invalid_params = InvalidParamSerializer(many=True, required=False)


PROBLEM_DESCRIPTIONS = {
    "400": _("Ongeldige invoer; `invalid_params` noemt per veld wat er mis is."),
    "401": _("Niet ingelogd: geen of een ongeldig token."),
    "403": _("U bent lid van de coalitie, maar uw rol geeft dit recht niet."),
    "404": _("Bestaat niet, of u heeft er geen toegang toe."),
    "406": _("De Accept-kop vraagt een formaat dat deze API niet levert (alleen JSON)."),
    "412": _(
        "If-Match noemt een oudere versie: iemand anders heeft het object intussen gewijzigd."
    ),
    "415": _("De body is geen JSON."),
    "500": _("Onverwachte fout op de server."),
}
BODY_METHODS = {"POST", "PUT", "PATCH"}
ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    response=["200"],
    description=str(_("De versie van het object; stuur haar terug in If-Match bij een wijziging.")),
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description=str(
        _(
            "De ETag van de versie die u wijzigt; een oudere versie geeft 412 in plaats van "
            "andermans wijziging te overschrijven."
        )
    ),
)


# Django writes times without an offset ("10:00:00"); JSON Schema's format "time" demands one.
TIME_PATTERN = r"^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"


def _as_sent(field: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """The field's schema as the API really writes it: times without an offset, and "" where a
    formatted string (e-mail address, URL) may be left blank."""
    if isinstance(field, serializers.TimeField):
        schema = {key: value for key, value in schema.items() if key != "format"}
        schema["pattern"] = TIME_PATTERN
    if getattr(field, "allow_blank", False) and "format" in schema:
        schema = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    return schema


class ProblemAutoSchema(AutoSchema):
    def _versioned(self) -> bool:
        return bool(getattr(self.view, "versioned", False))

    def _map_serializer_field(
        self, field: Any, direction: Any, bypass_extensions: bool = False
    ) -> Any:
        return _as_sent(field, super()._map_serializer_field(field, direction, bypass_extensions))

    def _has_query_input(self) -> bool:
        return any(
            not isinstance(parameter, OpenApiParameter) or parameter.location == "query"
            for parameter in self.get_override_parameters()
        )

    def _paginated(self) -> bool:
        """A list with pages: ?page=… past the end or not a number is a 400 or 404."""
        return (
            self.method == "GET"
            and bool(getattr(self.view, "pagination_class", None))
            and not self._versioned()
        )

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if self._versioned():
            parameters.append(ETAG)
            if self.method in BODY_METHODS | {"DELETE"}:
                parameters.append(IF_MATCH)
        return parameters

    def _problem_codes(self) -> set[str]:
        codes = {"406", "500"}
        if self.get_auth():
            codes.add("401")
        if "{coalition}" in self.path or self._versioned():
            codes |= {"403", "404"}
        if (
            self.method in BODY_METHODS
            or getattr(self.view, "filterset_class", None)
            or self._paginated()
            or self._has_query_input()
        ):
            codes.add("400")
        if self._paginated():
            codes.add("404")  # a page past the end
        if self.method in BODY_METHODS:
            codes.add("415")
        if self._versioned() and self.method in BODY_METHODS | {"DELETE"}:
            codes.add("412")
        return codes

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in sorted(self._problem_codes()):
            response = OpenApiResponse(
                ProblemSerializer, description=str(PROBLEM_DESCRIPTIONS[code])
            )
            responses.setdefault(
                code,
                self._get_response_for_code(response, code, media_types=[PROBLEM_CONTENT_TYPE]),
            )
        return responses


class ProblemSchemaMixin:
    """For API views: document their problem+json error responses."""

    schema = ProblemAutoSchema()
