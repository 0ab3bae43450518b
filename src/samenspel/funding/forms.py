from typing import Any

from django import forms

from samenspel.coalitions.models import Coalition
from samenspel.core.forms import AmountField, FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.funding.models import FundingSource
from samenspel.funding.services import SOURCE_FIELDS
from samenspel.partners.models import Partner


class FundingSourceForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = FundingSource
        fields = list(SOURCE_FIELDS)
        field_classes = {"amount": AmountField}
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "conditions": forms.Textarea(attrs={"rows": 3}),
            "continuity_plan": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partner_field = self.fields["funder_partner"]
        partner_field.queryset = Partner.objects.of_coalition(coalition).order_by("name")  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        """The model's rules run in the service, which reports them at their fields."""
