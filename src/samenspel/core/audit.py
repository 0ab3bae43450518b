"""The audit trail: who changed what, and who read which sensitive record.

Write paths save through `create`, `update` and `delete` here, inside their own transaction, so
that the change and its audit record commit together or not at all. `update` re-reads the row
under a lock and writes only the fields that changed, so two people editing different fields of
one object at the same time both keep their change.

What is stored per changed field (see docs/privacy.md, "Audit"):

- an ordinary field: old and new as plain JSON values (choices as their stored value, dates in
  ISO format, amounts as text, a related object as its uuid and label);
- a *personal* field, named in the model's `personal_fields`, only that it changed.

A model that holds personal data also gets no label of its own in the trail (its `__str__` is
usually a person's name): its `audit_label()` is used, or else its verbose name.

Action names are enums owned by each app (`<app>/audit_actions.py`, subclasses of `AuditAction`);
`action_label` translates a stored value through all of them.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models, transaction
from django.utils.module_loading import autodiscover_modules

from samenspel.core.models import AuditEvent, ReadEvent
from samenspel.core.routers import AUDIT

if TYPE_CHECKING:
    from samenspel.accounts.models import User
    from samenspel.coalitions.models import Coalition

_M = TypeVar("_M", bound=models.Model)

# The version of the `changes` layout written by this module; older rows hold bare values.
CHANGES_LAYOUT = 2


class AuditAction(models.TextChoices):
    """Base of every app's audit actions: `PARTNER_UPDATED = "partner.updated", _("...")`."""


@cache
def _action_labels() -> dict[str, Any]:
    autodiscover_modules("audit_actions")
    return {member.value: member.label for kind in AuditAction.__subclasses__() for member in kind}


def action_label(value: str) -> str:
    return str(_action_labels().get(value, value))


def action_choices() -> list[tuple[str, str]]:
    return sorted(
        ((value, str(label)) for value, label in _action_labels().items()),
        key=lambda choice: choice[1],
    )


# --- values ---------------------------------------------------------------------------------


def personal_fields(model: type[models.Model] | models.Model) -> frozenset[str]:
    return frozenset(getattr(model, "personal_fields", ()))


def subject_label(subject: models.Model) -> str:
    """The subject's name for the trail; never a person's name or address: the model's own
    `audit_label()`, else its verbose name when it holds personal fields, else `str()`."""
    own = getattr(subject, "audit_label", None)
    if own is not None:
        return str(own())
    if personal_fields(subject):
        return str(subject._meta.verbose_name)
    return str(subject)


def plain(value: Any) -> Any:
    """A value as JSON: related objects as uuid and label, dates in ISO format, amounts as text."""
    if isinstance(value, models.Model):
        return {"uuid": str(getattr(value, "uuid", "")), "label": subject_label(value)}
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def audited_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields whose changes are recorded: concrete and editable, without keys, timestamps
    and the link to the parent that leads to the coalition (the record names the coalition)."""
    tenancy = getattr(model, "tenancy", None)
    parent = tenancy.coalition.split("__")[0] if tenancy and tenancy.coalition else None
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and not getattr(field, "auto_now", False)
        and field.name != parent
    ]


def field_change(model: type[models.Model], name: str, old: Any, new: Any) -> dict[str, Any]:
    if name in personal_fields(model):
        return {"changed": True}
    return {"old": plain(old), "new": plain(new)}


def changes_between(
    before: models.Model | None, after: models.Model | None, names: Iterable[str]
) -> dict[str, Any]:
    """The `changes` of an audit record for the named fields of one model (either side may be
    None: created or deleted)."""
    present = after if after is not None else before
    assert present is not None
    model = type(present)
    fields: dict[str, Any] = {}
    for name in names:
        old = getattr(before, name) if before is not None else None
        new = getattr(after, name) if after is not None else None
        if old != new and not (_empty(old) and _empty(new)):
            fields[name] = field_change(model, name, old, new)
    return {"layout": CHANGES_LAYOUT, "model": model._meta.label_lower, "fields": fields}


def _empty(value: Any) -> bool:
    """Blank text, no value and an empty list: none of them is worth a line when created or
    deleted."""
    return value is None or value == "" or value == []


def _names(instance: models.Model) -> list[str]:
    return [field.name for field in audited_fields(type(instance))]


# --- recording ------------------------------------------------------------------------------


def record(
    action: str,
    subject: models.Model,
    *,
    acting_user: User | None,
    coalition: Coalition | None,
    changes: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> AuditEvent:
    """One audit record; `context` holds extra facts (ids, counts, a reason) as plain values."""
    stored = dict(changes or {})
    if context:
        stored["context"] = {name: plain(value) for name, value in context.items()}
    return AuditEvent.objects.create(
        coalition=coalition,
        actor=acting_user,
        action=action,
        object_type=subject._meta.model_name or "",
        object_uuid=getattr(subject, "uuid", None),
        object_label=(label or subject_label(subject))[:200],
        changes=stored,
    )


def full_clean(instance: models.Model) -> None:
    instance.full_clean()


Check = Callable[[Any], None]


def create(
    instance: _M,
    *,
    action: str,
    acting_user: User | None,
    coalition: Coalition | None,
    check: Check | None = full_clean,
    subject: models.Model | None = None,
    context: Mapping[str, Any] | None = None,
    label: str | None = None,
    many: Mapping[str, Iterable[models.Model]] | None = None,
    parts: Mapping[str, tuple[Any, Any]] | None = None,
) -> _M:
    """Validate (`check` raises a ValidationError; None when the caller checked already), save
    and record a new row with its values.

    `subject` records the change on another object (a part on its whole); `context` adds facts
    to the record and `label` names the subject otherwise than its `__str__`. `many` sets
    many-to-many relations (name -> objects) after the save; `parts` adds (old, new) values of
    rows the caller writes itself (time slots, counts per group)."""
    with transaction.atomic():
        if check is not None:
            check(instance)
        instance.save()
        changes = changes_between(None, instance, _names(instance))
        changes["fields"].update(_set_many(instance, many or {}))
        changes["fields"].update(_part_changes(instance, parts or {}))
        record(
            action,
            subject or instance,
            acting_user=acting_user,
            coalition=coalition,
            changes=changes,
            context=context,
            label=label,
        )
    return instance


def update(
    instance: _M,
    values: Mapping[str, Any],
    *,
    action: str,
    acting_user: User | None,
    coalition: Coalition | None,
    check: Check | None = full_clean,
    subject: models.Model | None = None,
    context: Mapping[str, Any] | None = None,
    label: str | None = None,
    parts: Mapping[str, tuple[Any, Any]] | None = None,
) -> _M:
    """Apply `values` to the current row, validate and save the fields that changed, and record
    them; nothing is written or recorded when nothing changed.

    The row is re-read under a lock: a value someone else saved since `instance` was read is kept
    unless `values` names that field. The caller's `instance` follows the saved row. Values of
    many-to-many fields (lists of objects) are set after the save.
    """
    many_names = {field.name for field in instance._meta.many_to_many}
    with transaction.atomic():
        current = _locked(instance, coalition)
        before = copy.copy(current)
        for name, value in values.items():
            if name not in many_names:
                setattr(current, name, value)
        if check is not None:
            check(current)
        changed = _save_changed(current, before)
        changes = changes_between(before, current, changed)
        many = {name: values[name] for name in many_names & set(values)}
        changes["fields"].update(_set_many(current, many))
        changes["fields"].update(_part_changes(current, parts or {}))
        if changes["fields"]:
            record(
                action,
                subject or current,
                acting_user=acting_user,
                coalition=coalition,
                changes=changes,
                context=context,
                label=label,
            )
        _follow(instance, current)
    return instance


def _save_changed(current: models.Model, before: models.Model) -> list[str]:
    """Save the fields whose value differs from `before`; the names of those that are audited."""
    changed = [
        field
        for field in current._meta.concrete_fields
        if not field.primary_key
        and field.value_from_object(current) != field.value_from_object(before)
    ]
    if changed:
        current.save(update_fields=[field.name for field in changed] + _timestamps(current))
    audited = set(audited_fields(type(current)))
    return [field.name for field in changed if field in audited]


def save(
    instance: _M,
    values: Mapping[str, Any],
    *,
    created: str,
    updated: str,
    acting_user: User | None,
    coalition: Coalition | None,
    check: Check | None = full_clean,
    subject: models.Model | None = None,
    context: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> _M:
    """`create` a row that has no primary key yet with `values`, otherwise `update` it: for
    the write functions that serve both the "new" and the "edit" form."""
    options: dict[str, Any] = {
        "acting_user": acting_user,
        "coalition": coalition,
        "check": check,
        "subject": subject,
        "context": context,
        "label": label,
    }
    if instance.pk is not None:
        return update(instance, values, action=updated, **options)
    many_names = {field.name for field in instance._meta.many_to_many}
    for name, value in values.items():
        if name not in many_names:
            setattr(instance, name, value)
    many = {name: value for name, value in values.items() if name in many_names}
    return create(instance, action=created, many=many, **options)


def delete(
    instance: models.Model,
    *,
    action: str,
    acting_user: User | None,
    coalition: Coalition | None,
    subject: models.Model | None = None,
    context: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> None:
    """Record the row's last values (with its many-to-many relations) and delete it."""
    with transaction.atomic():
        changes = changes_between(instance, None, _names(instance))
        for field in instance._meta.many_to_many:
            related = _by_uuid(getattr(instance, field.name).all())
            if related:
                changes["fields"][field.name] = field_change(
                    type(instance), field.name, related, None
                )
        record(
            action,
            subject or instance,
            acting_user=acting_user,
            coalition=coalition,
            changes=changes,
            context=context,
            label=label,
        )
        instance.delete()


def _set_many(instance: models.Model, many: Mapping[str, Iterable[models.Model]]) -> dict[str, Any]:
    """Set many-to-many relations; the changes of those that changed, as sorted lists."""
    changes = {}
    for name, objects in many.items():
        manager = getattr(instance, name)
        old, new = _by_uuid(manager.all()), _by_uuid(objects)
        if [o.pk for o in old] != [o.pk for o in new]:
            manager.set(new)
            changes[name] = field_change(type(instance), name, old, new)
    return changes


def _part_changes(instance: models.Model, parts: Mapping[str, tuple[Any, Any]]) -> dict[str, Any]:
    return {
        name: field_change(type(instance), name, old, new)
        for name, (old, new) in parts.items()
        if old != new
    }


def _by_uuid(objects: Iterable[models.Model]) -> list[models.Model]:
    return sorted(objects, key=lambda item: str(getattr(item, "uuid", item.pk)))


def _locked(instance: _M, coalition: Coalition | None) -> _M:
    """The row as it is now, locked until the transaction ends; read within the coalition when
    the model is a tenant model."""
    queryset = type(instance)._default_manager.all()
    tenancy = getattr(instance, "tenancy", None)
    if tenancy is not None and tenancy.confidential:
        # A confidential row was read through `visible_to` by its caller: re-read by its key.
        queryset = queryset.correlated()  # type: ignore[attr-defined]
    elif coalition is not None and hasattr(queryset, "of_coalition"):
        queryset = queryset.of_coalition(coalition)
    # Only this row: the join that reaches the coalition must not lock the parent as well.
    return queryset.select_for_update(of=("self",)).get(pk=instance.pk)


def _timestamps(instance: models.Model) -> list[str]:
    """`auto_now` fields are only refreshed by a save that names them."""
    return [
        field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)
    ]


def _follow(instance: models.Model, current: models.Model) -> None:
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(current, field.attname))
    instance._state.fields_cache = dict(current._state.fields_cache)


# --- reads ----------------------------------------------------------------------------------


def log_read(
    subject: models.Model,
    *,
    acting_user: User | None,
    coalition: Coalition | None,
    purpose: str = "",
    ip_address: str | None = None,
    user_agent: str = "",
) -> ReadEvent:
    """Log that someone looked at a record holding personal data: ids only, never the data.

    Written through its own database connection (the "audit" alias), so the row stays even
    when the transaction of the request that read the data is rolled back.
    """
    event = ReadEvent(
        coalition_id=coalition.pk if coalition is not None else None,
        actor_id=acting_user.pk if acting_user is not None else None,
        object_type=subject._meta.label_lower,
        object_uuid=getattr(subject, "uuid", None),
        purpose=purpose[:100],
        ip_address=ip_address,
        user_agent=user_agent[:300],
    )
    event.save(using=AUDIT)
    return event
