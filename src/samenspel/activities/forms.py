"""Forms of the coalition's activity pages, and the activity filter shared with the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.activities.models import (
    END_BEFORE_START,
    Activity,
    ActivityKind,
    ActivityStatus,
    Finder,
    ReachRecord,
    TargetGroup,
    Weekday,
)
from samenspel.activities.reach import Period
from samenspel.activities.selectors import (
    STALE_AFTER_MONTHS,
    neighbourhoods_of,
    provider_choices,
    stale_q,
)
from samenspel.activities.services import (
    ACTIVITY_FIELDS,
    FINDER_FIELDS,
    RECORD_FIELDS,
    Slot,
    slot_problems,
)
from samenspel.coalitions.models import Coalition
from samenspel.core.forms import (
    AmountField,
    FieldMessagesMixin,
    FilterForm,
    FixedChoices,
    StaleFormMixin,
)
from samenspel.core.widgets import DATE_WIDGET
from samenspel.partners.models import Partner

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# Empty rows below the existing time slots, so that slots can be added without JavaScript.
EXTRA_SLOT_ROWS = 2


class ActivityForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    providers = forms.ModelMultipleChoiceField(
        label=_("Aanbieders"),
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("De partners die de activiteit organiseren."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Voor wie is de activiteit vooral bedoeld? Kies er één of meer."),
    )

    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "kind",
            "target_groups",
            "providers",
            *[name for name in ACTIVITY_FIELDS if name not in {"title", "description", "kind"}],
        ]
        field_classes = {"cost": AmountField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "how_to_join": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "title": {"required": _("Vul de naam van de activiteit in.")},
            "description": {"required": _("Beschrijf in een paar zinnen wat de activiteit is.")},
            "kind": {"required": _("Kies de soort activiteit.")},
        }

    def __init__(
        self,
        *args: Any,
        coalition: Coalition,
        own_partner: Partner | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        activity = self.instance if self.instance.pk else None
        self.fields["providers"].queryset = provider_choices(coalition, activity)  # type: ignore[attr-defined]
        self.fields["neighbourhood"].queryset = neighbourhoods_of(coalition)  # type: ignore[attr-defined]
        if activity is not None:
            self.initial.update(
                {name: self.saved_values[name] for name in ("providers", "target_groups")}
            )
        elif own_partner is not None:
            self.initial.setdefault("providers", [own_partner])
        if own_partner is not None:
            self.fields["providers"].help_text = _(
                "Uw eigen organisatie blijft altijd een van de aanbieders."
            )

    def saved_related(self) -> dict[str, Any]:
        return {
            "providers": list(self.instance.providers.all()),
            "target_groups": [g.group for g in self.instance.target_groups.all()],
        }

    def related_changes(self) -> dict[str, Any]:
        """Providers and target groups as the service takes them: None where this person
        left them as they were, so that someone else's change to them is kept."""
        return {
            name: self.cleaned_data[name] if self.changed_here(name) else None
            for name in ("providers", "target_groups")
        }

    def _post_clean(self) -> None:
        """The model's rules run in the service, which reports them at their fields."""

    def field_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ACTIVITY_FIELDS}


class TimeSlotForm(FieldMessagesMixin, forms.Form):
    """One row of the schedule; a row left empty is ignored."""

    weekday = forms.TypedChoiceField(
        label=_("Dag"),
        choices=[("", "—"), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    start_time = forms.TimeField(label=_("Van"), widget=TIME_WIDGET, required=False)
    end_time = forms.TimeField(label=_("Tot"), widget=TIME_WIDGET, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors or self.is_blank(data):
            return data
        for field, message in slot_problems(
            data.get("weekday"), data.get("start_time"), data.get("end_time")
        ).items():
            self.add_error(field, message)
        return data

    @staticmethod
    def is_blank(data: dict[str, Any]) -> bool:
        return not any(data.get(name) for name in ("weekday", "start_time", "end_time"))


class BaseTimeSlotFormSet(forms.BaseFormSet):
    def slots(self) -> list[Slot]:
        return [
            Slot(
                form.cleaned_data["weekday"],
                form.cleaned_data["start_time"],
                form.cleaned_data["end_time"],
            )
            for form in self.forms
            if form.cleaned_data
            and not TimeSlotForm.is_blank(form.cleaned_data)
            and not form.cleaned_data.get("DELETE")
        ]


TimeSlotFormSet = forms.formset_factory(
    TimeSlotForm, formset=BaseTimeSlotFormSet, extra=EXTRA_SLOT_ROWS, can_delete=True
)


def slot_initial(activity: Activity | None) -> list[dict[str, Any]]:
    if activity is None:
        return []
    return [
        {"weekday": slot.weekday, "start_time": slot.start_time, "end_time": slot.end_time}
        for slot in activity.time_slots.all()
    ]


class ReachRecordForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    """Counts of one period, with an optional count per target group."""

    class Meta:
        model = ReachRecord
        fields = list(RECORD_FIELDS)
        widgets = {"period_start": DATE_WIDGET, "period_end": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = (
            {row.group: row.participants for row in self.instance.by_group.all()}
            if self.instance.pk
            else {}
        )
        for value, label in TargetGroup.choices:
            self.fields[self.group_field(value)] = forms.IntegerField(
                label=_("Waarvan %(group)s") % {"group": str(label).lower()},
                min_value=0,
                required=False,
                initial=current.get(value),
                error_messages={"min_value": _("Een aantal kan niet negatief zijn.")},
            )

    @staticmethod
    def group_field(group: str) -> str:
        return f"group_{group}"

    def _post_clean(self) -> None:
        """The model's rules run in the service, which reports them at their fields."""

    def field_values(self) -> dict[str, Any]:
        fields: dict[str, Any] = {name: self.cleaned_data[name] for name in RECORD_FIELDS}
        fields["by_group"] = {
            group: self.cleaned_data.get(self.group_field(group)) or 0
            for group in TargetGroup.values
        }
        return fields


class ReachPeriodForm(FieldMessagesMixin, forms.Form):
    start = forms.DateField(label=_("Van"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("Tot en met"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, default: Period, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].initial = default.start
        self.fields["end"].initial = default.end

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", END_BEFORE_START)
        return data

    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


class FinderForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Finder
        fields = list(FINDER_FIELDS)
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The service checks the address, with a message that says what is allowed.
        self.fields["slug"].validators = []

    def _post_clean(self) -> None:
        """Checked by the service (also that no other coalition uses the address)."""


# --- filters --------------------------------------------------------------------------------


class ActivityFilter(django_filters.FilterSet):
    """Filters of the activity list; the API takes the same parameters (wijk and provider by
    uuid). The queryset is already limited to one coalition."""

    q = django_filters.CharFilter(label=_("Zoeken"), field_name="title", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=FixedChoices(ActivityStatus.choices),
        empty_label=_("Alle statussen"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=FixedChoices(ActivityKind.choices), empty_label=_("Alle soorten")
    )
    target_group = django_filters.ChoiceFilter(
        label=_("Doelgroep"),
        field_name="target_groups__group",
        choices=FixedChoices(TargetGroup.choices),
        empty_label=_("Alle doelgroepen"),
    )
    neighbourhood = django_filters.UUIDFilter(
        label=_("Wijk of kern"), field_name="neighbourhood__uuid"
    )
    provider = django_filters.UUIDFilter(label=_("Aanbieder"), field_name="providers__uuid")
    stale = django_filters.BooleanFilter(
        label=_("Alleen niet gecontroleerd sinds meer dan %(months)s maanden")
        % {"months": STALE_AFTER_MONTHS},
        method="only_stale",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Activity
        form = FilterForm
        fields = ["q", "status", "kind", "target_group", "neighbourhood", "provider", "stale"]

    def only_stale(
        self, queryset: QuerySet[Activity], name: str, value: bool
    ) -> QuerySet[Activity]:
        return queryset.filter(stale_q(timezone.localdate())) if value else queryset


class ActivityPageFilter(ActivityFilter):
    """The list page's filter: wijk and provider as choices from the coalition's own.

    The coalition's partners are read once, with their keys: `partner_names` (key -> name, in
    the order of the options) also names the providers of the page's rows
    (`selectors.activity_rows`)."""

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Two value queries: only what the options show.
        wijken = FixedChoices(
            (str(uuid), name)
            for uuid, name in neighbourhoods_of(coalition).values_list("uuid", "name")
        )
        rows = (
            Partner.objects.of_coalition(coalition)
            .order_by("name", "pk")
            .values_list("pk", "uuid", "name")
        )
        partners = FixedChoices()
        self.partner_names: dict[int, str] = {}
        for pk, uuid, name in rows:
            partners.append((str(uuid), name))
            self.partner_names[pk] = name
        self.filters["neighbourhood"] = django_filters.ChoiceFilter(
            label=_("Wijk of kern"),
            field_name="neighbourhood__uuid",
            choices=wijken,
            empty_label=_("Alle wijken en kernen"),
        )
        self.filters["provider"] = django_filters.ChoiceFilter(
            label=_("Aanbieder"),
            field_name="providers__uuid",
            choices=partners,
            empty_label=_("Alle aanbieders"),
        )
