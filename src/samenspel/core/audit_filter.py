"""Filters of the audit trail page: by kind of object or one object, by person, by kind of
change and by period. Every choice list is read in one query, whatever the trail's length."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import action_choices
from samenspel.core.audit_display import models_by_name
from samenspel.core.models import AuditEvent


class AuditFilterForm(forms.Form):
    object_type = forms.ChoiceField(label=_("Soort object"), required=False)
    object = forms.UUIDField(required=False, widget=forms.HiddenInput)
    actor = forms.ChoiceField(label=_("Door"), required=False)
    action = forms.ChoiceField(label=_("Soort wijziging"), required=False)
    since = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data: Any, *, events: models.QuerySet[AuditEvent]) -> None:
        super().__init__(data)
        everyone = [("", _("Iedereen"))]
        every_kind = [("", _("Alle soorten"))]
        self.fields["object_type"].choices = every_kind + _object_types(events)  # type: ignore[attr-defined]
        self.fields["actor"].choices = everyone + _actors(events)  # type: ignore[attr-defined]
        self.fields["action"].choices = every_kind + action_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("Kies een einddatum op of na de begindatum."))
        return data

    def apply(self, events: models.QuerySet[AuditEvent]) -> models.QuerySet[AuditEvent]:
        """The events that pass the valid filters (all of them when none is chosen)."""
        if not self.is_valid():
            return events
        data = self.cleaned_data
        lookups = {
            "object_type": data["object_type"],
            "object_uuid": data["object"],
            "actor__uuid": data["actor"],
            "action": data["action"],
            "created_at__gte": _start_of(data["since"]),
            "created_at__lt": _start_of(data["until"], days=1),
        }
        return events.filter(**{key: value for key, value in lookups.items() if value})


def _start_of(day: datetime.date | None, *, days: int = 0) -> datetime.datetime | None:
    """Midnight in the site's time zone: a period is whole days as people here count them."""
    if day is None:
        return None
    moment = datetime.datetime.combine(day + datetime.timedelta(days=days), datetime.time())
    return timezone.make_aware(moment)


def _object_types(events: models.QuerySet[AuditEvent]) -> list[tuple[str, str]]:
    by_name = models_by_name()
    names = events.order_by().values_list("object_type", flat=True).distinct()
    labelled = [
        (name, str(by_name[name]._meta.verbose_name) if name in by_name else name) for name in names
    ]
    return sorted(labelled, key=lambda choice: choice[1])


def _actors(events: models.QuerySet[AuditEvent]) -> list[tuple[str, str]]:
    people = (
        events.exclude(actor=None)
        .order_by()
        .values_list("actor__uuid", "actor__full_name", "actor__email")
        .distinct()
    )
    return sorted(((str(uuid), name or email) for uuid, name, email in people), key=lambda c: c[1])
