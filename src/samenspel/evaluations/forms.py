from typing import Any

from django import forms

from samenspel.coalitions.models import Coalition
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.evaluations.models import Evaluation, EvaluationMoment
from samenspel.evaluations.services import EVALUATION_FIELDS, MOMENT_FIELDS
from samenspel.partners.models import Partner


class MomentForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = EvaluationMoment
        fields = list(MOMENT_FIELDS)
        widgets = {"planned_on": DATE_WIDGET, "status": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["status"]  # a new moment is planned

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""


class EvaluationForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = [*EVALUATION_FIELDS, "participants"]
        widgets = {
            "held_on": DATE_WIDGET,
            "participants": forms.CheckboxSelectMultiple,
            **{
                name: forms.Textarea(attrs={"rows": 4})
                for name in ("successes", "bottlenecks", "continuation", "agreement_changes")
            },
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Partner.objects.of_coalition(  # type: ignore[attr-defined]
            coalition
        ).order_by("name")
        self.fields["moment"].queryset = EvaluationMoment.objects.of_coalition(  # type: ignore[attr-defined]
            coalition
        ).order_by("-planned_on")

    def _post_clean(self) -> None:
        """The rules run in the service, which reports them at their fields."""
