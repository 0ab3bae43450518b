from typing import Any

from django import forms

from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.reporting.models import (
    AdvisorNote,
    IndicatorNote,
    OutcomeMeasurement,
    ReportSection,
)
from samenspel.reporting.services import NOTE_FIELDS, OUTCOME_FIELDS, SECTION_FIELDS


class IndicatorNoteForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = IndicatorNote
        fields = list(NOTE_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""


class AdvisorNoteForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = AdvisorNote
        fields = list(NOTE_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""


class OutcomeForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = OutcomeMeasurement
        fields = list(OUTCOME_FIELDS)
        widgets = {"measured_on": DATE_WIDGET, "moment": forms.RadioSelect}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        activity = self.fields["activity"]
        assert isinstance(activity, forms.ModelChoiceField)
        activity.queryset = Activity.objects.of_coalition(coalition).order_by("title")

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in OUTCOME_FIELDS}

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""


class ReportSectionForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = list(SECTION_FIELDS)
        widgets = {
            "conclusions": forms.Textarea(attrs={"rows": 6}),
            "next_steps": forms.Textarea(attrs={"rows": 6}),
        }

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""
