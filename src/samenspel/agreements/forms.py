from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.agreements.models import (
    MESSAGES,
    AmbitionVersion,
    Covenant,
    PartnerAgreement,
    ProcessStep,
    Signatory,
    required,
)
from samenspel.agreements.services import next_phase
from samenspel.coalitions.models import LIFE_PHASES, Coalition, Phase
from samenspel.core.forms import AmountField, FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.partners.models import Partner

PARTNER_CHOICE_MESSAGES = {**required("partner"), "invalid_choice": MESSAGES["other_coalition"]}


def _rows(n: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": n})


class AmbitionForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = AmbitionVersion
        fields = [
            "text", "goals", "success_criteria", "indicators", "priorities", "target_groups",
            "not_wanted", "reason",
        ]  # fmt: skip
        widgets = {
            "text": _rows(5),
            **{name: _rows(3) for name in ("goals", "success_criteria", "indicators")},
            **{name: _rows(3) for name in ("priorities", "target_groups", "not_wanted")},
            "reason": _rows(2),
        }
        error_messages = {"text": required("text"), "reason": required("reason")}


class PartnerAgreementForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = PartnerAgreement
        fields = [
            "partner", "role", "hours_per_month", "money", "space", "reach", "expertise",
            "expectations", "financial_conditions", "start_date", "review_date",
        ]  # fmt: skip
        field_classes = {"money": AmountField}
        widgets = {
            "start_date": DATE_WIDGET,
            "review_date": DATE_WIDGET,
            **{name: _rows(2) for name in ("space", "reach", "expertise")},
            "expectations": _rows(3),
            "financial_conditions": _rows(2),
        }
        error_messages = {
            "partner": PARTNER_CHOICE_MESSAGES,
            "role": required("role"),
            "expectations": required("expectations"),
            "start_date": required("start_date"),
            "review_date": required("review_date"),
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.coalition = coalition
        partner = self.fields["partner"]
        assert isinstance(partner, forms.ModelChoiceField)
        # Every partner of the coalition is a valid choice, so a partner that left gets its own
        # message from the model's rules.
        partner.queryset = Partner.objects.of_coalition(coalition).order_by("name")


class ProcessStepForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = ProcessStep
        fields = ["title", "kind", "owner", "due_date", "status", "decisions_needed", "order"]
        widgets = {
            "due_date": DATE_WIDGET,
            "kind": forms.RadioSelect,
            "decisions_needed": _rows(3),
        }
        error_messages = {
            "title": required("title"),
            "due_date": required("due_date"),
            "owner": {"invalid_choice": MESSAGES["other_coalition"]},
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.coalition = coalition
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = Partner.objects.of_coalition(coalition).order_by("name")


class CovenantForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    record_tipping_point = forms.BooleanField(
        label=_("Leg dit vast als kantelmoment"),
        required=False,
        help_text=_(
            "Legt een fasewissel vast met kantelmoment 'intentieverklaring of convenant getekend', "
            "op de datum van ondertekening."
        ),
    )
    to_phase = forms.ChoiceField(
        label=_("Naar fase"),
        required=False,
        help_text=_("Alleen nodig als u het kantelmoment vastlegt."),
    )

    class Meta:
        model = Covenant
        fields = ["kind", "rules_of_play", "status", "signed_on"]
        widgets = {
            "kind": forms.RadioSelect,
            "status": forms.RadioSelect,
            "signed_on": DATE_WIDGET,
            "rules_of_play": _rows(8),
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to_phase = self.fields["to_phase"]
        assert isinstance(to_phase, forms.ChoiceField)
        to_phase.choices = [
            (value, label) for value, label in Phase.choices if value in LIFE_PHASES
        ]
        to_phase.initial = next_phase(coalition)

    def field_values(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["record_tipping_point"] = self.cleaned_data["record_tipping_point"]
        data["to_phase"] = self.cleaned_data["to_phase"] or None
        return data

    def _post_clean(self) -> None:
        """The service checks signing as a whole (it needs the signatories); the form checks
        only what the fields can tell."""


class SignatoryForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Signatory
        fields = ["partner", "name", "function", "signed_on"]
        widgets = {"signed_on": DATE_WIDGET}
        error_messages = {"partner": PARTNER_CHOICE_MESSAGES, "name": required("name")}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        assert isinstance(partner, forms.ModelChoiceField)
        partner.queryset = Partner.objects.of_coalition(coalition).order_by("name")

    def _post_clean(self) -> None:
        """The signatory's rules are checked by the service (it knows the covenant)."""

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
