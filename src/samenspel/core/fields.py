"""The model fields that nearly every app declares in the same way, written once.

Each function returns a new field, so a model states only what differs: which coalition relation
it adds, who the person was. The definitions are exactly those the apps wrote by hand before, so
their migrations stay as they are (`makemigrations --check` shows no change).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition


def public_id() -> models.UUIDField:
    """The identifier that URLs and the API show; sequential keys never leave the database."""
    return models.UUIDField(default=uuid.uuid4, unique=True, editable=False)


def coalition_link(
    related_name: str, *, one_to_one: bool = False
) -> models.ForeignKey[Coalition, Coalition]:
    """The coalition a row belongs to; the row goes when its coalition goes.

    `one_to_one` for the rows a coalition has at most one of (its settings, its covenant).
    """
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        "coalitions.Coalition",
        verbose_name=_("coalitie"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


def user_link(
    verbose_name: StrOrPromise, *, blank: bool = True, related_name: str | None = "+"
) -> models.ForeignKey[User | None, User | None]:
    """The person who recorded or last changed a row; the row stays when the account goes.

    `related_name=None` keeps Django's reverse accessor on the user, for the few fields that
    were declared with it.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=blank,
        related_name=related_name,
    )
