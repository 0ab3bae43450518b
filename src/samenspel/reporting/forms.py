from django import forms

from samenspel.core.forms import StaleFormMixin
from samenspel.reporting.models import AdvisorNote, IndicatorNote
from samenspel.reporting.services import NOTE_FIELDS


class IndicatorNoteForm(StaleFormMixin, forms.ModelForm):
    class Meta:
        model = IndicatorNote
        fields = list(NOTE_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""


class AdvisorNoteForm(StaleFormMixin, forms.ModelForm):
    class Meta:
        model = AdvisorNote
        fields = list(NOTE_FIELDS)
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""
