"""The audit trail: one call per change, made inside the write function's transaction."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models

from samenspel.core.models import AuditEvent

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition


# Human labels of audit actions; each app registers its own next to its write functions.
ACTION_LABELS: dict[str, Any] = {}


def register_actions(labels: dict[str, Any]) -> None:
    ACTION_LABELS.update(labels)


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(getattr(value, "uuid", value.pk))
    if isinstance(value, datetime.date | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field -> [old, new] for every field that changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def record(
    action: str,
    subject: models.Model,
    *,
    acting_user: User | None,
    coalition: Coalition | None,
    changes: dict[str, Any] | None = None,
    label: str | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        coalition=coalition,
        actor=acting_user,
        action=action,
        object_type=subject._meta.model_name or "",
        object_uuid=getattr(subject, "uuid", None),
        object_label=(label or str(subject))[:200],
        changes=changes or {},
    )


def record_update(
    action: str,
    subject: models.Model,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    acting_user: User | None,
    coalition: Coalition | None,
) -> AuditEvent | None:
    """Records the fields that changed between two snapshots; nothing when none did."""
    changes = diff(before, after)
    if not changes:
        return None
    return record(action, subject, acting_user=acting_user, coalition=coalition, changes=changes)
