"""Every request body of the API says what to do when it is refused, as the forms do: no Django
REST framework message ("Dit veld is vereist.", "Not a valid string.", "Date heeft het verkeerde
formaat") reaches a client, for a missing field, a wrong type, a bad choice or a bad date."""

import inspect

import pytest
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from rest_framework import fields, relations, serializers

from samenspel.accounts.api.serializers import InvitationCreateSerializer
from samenspel.activities.api.serializers import CoalitionActivitySerializer
from samenspel.agreements.api.serializers import PartnerAgreementSerializer
from samenspel.core.api.fields import CharField
from samenspel.core.api.messages import FieldMessagesSerializerMixin, InputSerializer
from samenspel.signals.api.serializers import RecordSignalSerializer, StepSerializer
from samenspel.tests.test_field_messages import DJANGO_MESSAGES

WRITES = ("POST", "PUT", "PATCH")


def _drf_messages() -> set[str]:
    """DRF's own field and serializer messages in Dutch and English, up to their first value."""
    found = []
    for module in (fields, relations, serializers):
        for _name, kind in inspect.getmembers(module, inspect.isclass):
            found += getattr(kind, "default_error_messages", {}).values()
    texts = set()
    for language in ("nl", "en"):
        with translation.override(language):
            texts |= {str(message).split("{")[0].strip(" \"'") for message in found}
    return {text for text in texts if len(text) >= 10}


GENERIC = _drf_messages() | DJANGO_MESSAGES


def generic_in(text: str) -> list[str]:
    return sorted(message for message in GENERIC if message in text)


def request_serializers() -> list[type[serializers.BaseSerializer]]:
    """The serializer of every request body of the API, as its schema documents them."""
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    found = set()
    for _path, _regex, method, callback in generator.endpoints:
        if method not in WRITES:
            continue
        view = generator.create_view(callback, method)
        request = view.schema.get_request_serializer()
        for body in request.values() if isinstance(request, dict) else [request]:
            if body is None:
                continue
            kind = body if isinstance(body, type) else type(body)
            if issubclass(kind, serializers.BaseSerializer):
                found.add(kind)
    return sorted(found, key=lambda kind: f"{kind.__module__}.{kind.__qualname__}")


REQUEST_SERIALIZERS = request_serializers()


def test_every_request_body_has_the_messages():
    assert len(REQUEST_SERIALIZERS) > 40
    without = [
        f"{kind.__module__}.{kind.__qualname__}"
        for kind in REQUEST_SERIALIZERS
        if not issubclass(kind, FieldMessagesSerializerMixin)
    ]
    assert not without, without


def _wrong(field: serializers.Field, variant: int) -> object:
    """A value of the wrong type or shape; text gets a value over its limit, or a number."""
    if isinstance(field, serializers.CharField) and not variant:
        return "x" * ((field.max_length or 10) + 1)
    return ("31 februari", 12345, ["z"], {"z": 1})[variant]


def _errors(kind: type[serializers.BaseSerializer], data: dict) -> str:
    serializer = kind(data=data, context={"membership": None})
    try:
        serializer.is_valid()
    except (AttributeError, KeyError, TypeError):  # validate() asks for a view's context
        return ""
    return str(serializer.errors)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_request_body_refuses_with_a_generic_message(language):
    """Each request body sent empty and with values of four wrong shapes."""
    problems, refused = [], 0
    with translation.override(language):
        for kind in REQUEST_SERIALIZERS:
            writable = {name: field for name, field in kind().fields.items() if not field.read_only}
            sent = [{}] + [
                {name: _wrong(field, variant) for name, field in writable.items()}
                for variant in range(4)
            ]
            for data in sent:
                errors = _errors(kind, data)
                refused += bool(errors and errors != "{}")
                problems += [f"{kind.__qualname__}: {m} in {errors}" for m in generic_in(errors)]
    assert refused > 100
    assert not problems, "\n".join(problems)


class Example(InputSerializer):
    title = CharField(label="Titel", max_length=5)  # text must arrive as text
    kind = serializers.ChoiceField(label="Soort", choices=[("a", "A")])
    day = serializers.DateField(label="Dag")
    count = serializers.IntegerField(label="Aantal", min_value=1)
    share = serializers.DecimalField(label="Deel", max_digits=3, decimal_places=1)
    agree = serializers.BooleanField(label="Akkoord")
    groups = serializers.ListField(label="Doelgroepen", child=serializers.CharField())
    own = CharField(error_messages={"required": "Vul uw eigen tekst in."})


def test_a_missing_field_and_a_wrong_value_get_the_forms_messages():
    with translation.override("nl"):
        empty = Example(data={})
        empty.is_valid()
        wrong = Example(
            data={
                "title": "te lang!",
                "kind": "z",
                "day": "31-02-2026",
                "count": "0",
                "share": "1.25",
                "agree": "misschien",
                "groups": "a",
                "own": 12,
            }
        )
        wrong.is_valid()
        typed = Example(data={"title": 12, "count": "twaalf", "share": "123.5"})
        typed.is_valid()
    assert empty.errors["title"] == ["Vul ‘Titel’ in."]
    assert empty.errors["kind"] == ["Maak een keuze bij ‘Soort’."]
    assert empty.errors["own"] == ["Vul uw eigen tekst in."]  # the serializer's own stays
    assert wrong.errors["title"] == ["‘Titel’ mag hoogstens 5 tekens hebben; nu zijn het er 8."]
    assert wrong.errors["kind"] == ["Kies bij ‘Soort’ een van de mogelijkheden uit de lijst."]
    assert wrong.errors["day"] == ["Vul bij ‘Dag’ een datum in, bijvoorbeeld 31-12-2026."]
    assert wrong.errors["count"] == ["Vul bij ‘Aantal’ 1 of meer in."]
    assert wrong.errors["share"] == ["Vul bij ‘Deel’ hoogstens 1 cijfers achter de komma in."]
    assert wrong.errors["agree"] == ["Vul bij ‘Akkoord’ true of false in."]
    assert wrong.errors["groups"] == ["Geef bij ‘Doelgroepen’ een lijst."]
    assert wrong.errors["own"] == ["Vul bij ‘own’ tekst in."]  # no label: its JSON name
    assert typed.errors["title"] == ["Vul bij ‘Titel’ tekst in."]
    assert typed.errors["count"] == ["Vul bij ‘Aantal’ een heel getal in, bijvoorbeeld 12."]
    assert typed.errors["share"] == ["Vul bij ‘Deel’ een getal in van hoogstens 3 cijfers."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    [
        CoalitionActivitySerializer,
        PartnerAgreementSerializer,
        RecordSignalSerializer,
        StepSerializer,
        InvitationCreateSerializer,
    ],
)
def test_the_model_and_input_serializers_name_their_fields(kind):
    with translation.override("nl"):
        serializer = kind(data={}, context={"membership": None})
        serializer.is_valid()
    assert serializer.errors
    for name, messages in serializer.errors.items():
        assert all("‘" in str(message) for message in messages), (name, messages)
