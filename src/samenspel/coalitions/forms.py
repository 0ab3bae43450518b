from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import (
    CBS_CODE,
    ChecklistItem,
    Coalition,
    Municipality,
    MunicipalityRole,
    Phase,
    PhaseChange,
    following_phase,
    is_step_back,
)
from samenspel.coalitions.services import municipality_by_code, validate_phase_change
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET


class CoalitionForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    municipality_code = forms.CharField(
        label=_("CBS-code van de gemeente"),
        max_length=6,
        validators=[CBS_CODE],
        help_text=_("Bijvoorbeeld GM0363 voor Amsterdam. U vindt de code op cbs.nl."),
    )

    class Meta:
        model = Coalition
        fields = [
            "name",
            "area_scope",
            "areas",
            "form",
            "legal_structure",
            "start_date",
        ]
        widgets = {
            "start_date": DATE_WIDGET,
            "area_scope": forms.RadioSelect,
            "form": forms.RadioSelect,
            "areas": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"name": {"required": _("Vul de naam van de coalitie in.")}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["municipality_code"].initial = self.instance.municipality.code

    def saved_related(self) -> dict[str, Any]:
        return {"municipality_code": self.instance.municipality}

    def clean_municipality_code(self) -> Municipality:
        return municipality_by_code(self.cleaned_data["municipality_code"])

    def field_values(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.changed_here("municipality_code"):
            data["municipality"] = self.cleaned_data["municipality_code"]
        return data


class MunicipalityRolesForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    municipality_roles = forms.MultipleChoiceField(
        label=_("Afgesproken rollen van de gemeente"),
        choices=MunicipalityRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Meer dan één rol kan, als voor iedereen helder is welke pet de gemeente wanneer "
            "op heeft (Handreiking §2.10, tip 1)."
        ),
    )

    class Meta:
        model = Coalition
        fields = ["municipality_roles", "municipality_roles_note", "municipality_roles_agreed_on"]
        widgets = {
            "municipality_roles_agreed_on": DATE_WIDGET,
            "municipality_roles_note": forms.Textarea(attrs={"rows": 3}),
        }


CONFIRM_BACK = "confirm_step_back"


class PhaseChangeForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = PhaseChange
        fields = ["to_phase", "date", "tipping_point", "reason"]
        widgets = {"date": DATE_WIDGET, "reason": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "to_phase": {"required": _("Kies de fase.")},
            "date": {"required": _("Vul de datum van de fasewissel in, bijvoorbeeld 31-12-2026.")},
            "reason": {
                "required": _("Geef een reden voor de fasewissel: dat helpt later terug te kijken.")
            },
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coalition = coalition
        self.fields["date"].initial = timezone.localdate()
        to_phase = self.fields["to_phase"]
        assert isinstance(to_phase, forms.ChoiceField)
        following = following_phase(coalition.phase)
        # The usual step is to the next phase; after the last there is none to suggest.
        to_phase.initial = following
        to_phase.choices = [
            *([] if following else [("", _("Kies een fase"))]),
            *((value, label) for value, label in Phase.choices if value != coalition.phase),
        ]
        if is_step_back(coalition.phase, self.data.get("to_phase") or ""):
            self.fields[CONFIRM_BACK] = forms.BooleanField(
                label=_("Ja, de coalitie gaat terug naar deze eerdere fase"),
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if CONFIRM_BACK in self.fields and not data.get(CONFIRM_BACK):
            self.add_error(
                CONFIRM_BACK,
                _(
                    "U kiest een eerdere fase dan '%(phase)s'. Vink aan dat de coalitie echt "
                    "teruggaat, of kies een andere fase."
                )
                % {"phase": self.coalition.get_phase_display()},
            )
        if not self.errors:
            try:
                validate_phase_change(
                    self.coalition,
                    to_phase=data["to_phase"],
                    date=data["date"],
                    reason=data["reason"],
                )
            except forms.ValidationError as error:
                self.add_error(None, error)
        return data

    def change(self) -> dict[str, Any]:
        """What the service records (the confirmation is the form's own business)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ChecklistItemForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
