"""Serializer fields shared by the API of every app."""

from __future__ import annotations

from typing import Any, cast

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

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
        return super().to_internal_value(data)


class CountField(serializers.IntegerField):
    """The number of items of a list attribute (`CountField(source="sources")`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> int:
        return len(value)
