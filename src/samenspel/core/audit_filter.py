"""Filters of the audit trail page: by kind of object or one object, by person, by kind of
change and by period. The choices need no query (the page runs as many queries as without
filters): the kinds of object are the models that can be audited, and a person or one object is
chosen by following their link in the trail."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import action_choices
from samenspel.core.audit_display import models_by_name
from samenspel.core.forms import FieldMessagesMixin
from samenspel.core.models import AuditEvent


class AuditFilterForm(FieldMessagesMixin, forms.Form):
    object_type = forms.ChoiceField(label=_("Soort object"), required=False)
    object = forms.UUIDField(required=False, widget=forms.HiddenInput)
    actor = forms.UUIDField(required=False, widget=forms.HiddenInput)
    action = forms.ChoiceField(label=_("Soort wijziging"), required=False)
    since = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        every_kind = [("", _("Alle soorten"))]
        self.fields["object_type"].choices = every_kind + _object_types()  # type: ignore[attr-defined]
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


def _object_types() -> list[tuple[str, str]]:
    """What a record can be about: the coalition's own kinds of data and the people's accounts."""
    auditable = [
        model
        for model in models_by_name().values()
        if model.__module__.startswith("samenspel.")
        and (hasattr(model, "tenancy") or model._meta.label == settings.AUTH_USER_MODEL)
    ]
    labelled = {
        (model._meta.model_name or "", str(model._meta.verbose_name)) for model in auditable
    }
    return sorted(labelled, key=lambda choice: choice[1])
