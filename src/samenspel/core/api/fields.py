"""Serializer fields shared by the API of every app."""

from __future__ import annotations

import copy
import uuid
from typing import Any, ClassVar, cast

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.core.api.messages import FieldMessagesSerializerMixin, with_field_messages
from samenspel.core.tenancy import TenantQuerySet

NOT_IN_COALITION = _("Dit hoort niet bij deze coalitie of bestaat niet.")
FOREIGN_PARTNER = _("Deze partner hoort niet bij deze coalitie.")


class TenantRelatedField(serializers.SlugRelatedField):
    """A reference by uuid to an object of the requester's own coalition.

    The choices are what `visible_to(membership)` shows (the view puts `membership` in the
    serializer context), so an object of another coalition is "does not exist", like in URLs.
    """

    def __init__(
        self, model: type[models.Model], foreign: str | Promise | None = None, **kwargs: Any
    ) -> None:
        """`foreign`: the Dutch message for a uuid that is not in the coalition."""
        self.model = model
        kwargs.setdefault("slug_field", "uuid")
        kwargs["error_messages"] = {
            "does_not_exist": foreign or NOT_IN_COALITION,
            **kwargs.get("error_messages", {}),
        }
        if not kwargs.get("read_only"):
            kwargs["queryset"] = model._default_manager.none()
        super().__init__(**kwargs)

    def get_queryset(self) -> models.QuerySet[Any]:
        rows = cast(TenantQuerySet[Any], self.model._default_manager.all())
        return rows.visible_to(self.context.get("membership"))

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):  # a number or a list is no uuid (and must not be a 500)
            self.fail("invalid")
        if self.slug_field == "uuid":
            try:
                uuid.UUID(data)
            except ValueError:  # else the database field's message ("is geen geldige UUID")
                self.fail("invalid")
        return super().to_internal_value(data)


class CountField(serializers.IntegerField):
    """The number of items of a list attribute (`CountField(source="sources")`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> int:
        return len(value)


class CharField(serializers.CharField):
    """Text that must arrive as text: DRF's own CharField turns 12 or 1.5 into "12" and "1.5",
    so a client that sends the wrong type would not hear about it."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class DateTimeField(serializers.DateTimeField):
    """A moment from 1900 on: earlier ones would be written with the local mean time offsets of
    the time zone database (+00:19:32 in Amsterdam), which are no valid RFC 3339 offsets."""

    default_error_messages = {"too_early": _("Kies een moment vanaf 1900.")}

    def to_internal_value(self, value: Any) -> Any:
        moment = super().to_internal_value(value)
        if moment.year < 1900:
            self.fail("too_early")
        return moment


class ModelSerializer(FieldMessagesSerializerMixin, serializers.ModelSerializer):
    """DRF's ModelSerializer with the strict text and moment fields above, and messages that say
    what to do (`core.api.messages`)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: CharField,
        models.TextField: CharField,
        models.DateTimeField: DateTimeField,
    }


class BuiltFieldsOnce:
    """For a ModelSerializer whose fields do not depend on the request (nor on the instance):
    the fields are built from the model once per class and deep-copied for every serializer, as
    DRF already does with the declared fields, instead of reading the model's fields and their
    options again for every request (about half the cost of the fields of a large serializer)."""

    _built: ClassVar[dict[type, dict[str, serializers.Field[Any, Any, Any, Any]]]] = {}

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        built = BuiltFieldsOnce._built.get(type(self))
        if built is None:
            built = BuiltFieldsOnce._built[type(self)] = super().get_fields()  # type: ignore[misc]
        return with_field_messages(copy.deepcopy(built))
