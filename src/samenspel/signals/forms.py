"""Forms of the signal pages; the rules live in `services.py`, which reports at these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.core.forms import FieldMessagesMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.partners.models import Partner
from samenspel.signals import abuse
from samenspel.signals.models import Awareness, ConsentMethod, Purpose, Signal, SignalSettings
from samenspel.signals.signs import Sign
from samenspel.signals.workflow import HOLDER_STEPS, NEXT, Outcome, Status


class ServiceModelForm(FieldMessagesMixin, forms.ModelForm):
    def _post_clean(self) -> None:
        """The model's rules run in the service, which reports them at their fields."""

    def field_values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class SignalForm(ServiceModelForm):
    signs = forms.MultipleChoiceField(
        label=_("Wat viel op?"),
        choices=Sign.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies wat u zag of hoorde; licht toe bij 'wat viel op'."),
    )
    consent_purposes = forms.MultipleChoiceField(
        label=_("Waarvoor gaf de inwoner toestemming?"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent_method = forms.ChoiceField(
        label=_("Hoe gaf de inwoner toestemming?"),
        choices=[("", "---------"), *ConsentMethod.choices],
        required=False,
    )

    class Meta:
        model = Signal
        fields = [
            "resident_name",
            "address",
            "phone",
            "birth_date",
            "how_to_reach",
            "neighbourhood",
            "situation",
            "urgency",
            "awareness",
        ]
        widgets = {
            "birth_date": DATE_WIDGET,
            "how_to_reach": forms.Textarea(attrs={"rows": 2}),
            "situation": forms.Textarea(attrs={"rows": 4}),
            "awareness": forms.RadioSelect,
            "urgency": forms.RadioSelect,
        }

    field_order = [*Meta.fields[:6], "signs", "situation", "urgency", "awareness"]

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wijk = self.fields["neighbourhood"]
        wijk.queryset = Neighbourhood.objects.of_coalition(coalition).order_by("name")  # type: ignore[attr-defined]
        # A choice to make, not a blank first radio button.
        self.fields["awareness"].choices = Awareness.choices  # type: ignore[attr-defined]


class SettingsForm(ServiceModelForm):
    class Meta:
        model = SignalSettings
        fields = ["intake", "meldpunt_open", "urgent_help"]

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        intake = self.fields["intake"]
        intake.queryset = Partner.objects.of_coalition(coalition).order_by("name")  # type: ignore[attr-defined]


class HandoverForm(FieldMessagesMixin, forms.Form):
    to = forms.ModelChoiceField(
        label=_("Overdragen aan"),
        queryset=Partner.objects.none(),
        error_messages={"required": _("Kies de organisatie die het signaal overneemt.")},
    )
    answer_by = forms.DateField(
        label=_("Antwoord uiterlijk"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leeg: binnen de gewone termijn in werkdagen."),
    )
    exception_reason = forms.CharField(
        label=_("Reden om zonder toestemming over te dragen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen invullen als de inwoner geen toestemming gaf voor overdracht."),
    )

    def __init__(self, *args: Any, signal: Signal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to"]
        field.queryset = Partner.objects.of_coalition(signal.coalition).order_by("name")  # type: ignore[attr-defined]


class DecideForm(FieldMessagesMixin, forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("yes", _("Accepteren")), ("no", _("Afwijzen"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reden van afwijzen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveForm(FieldMessagesMixin, forms.Form):
    status = forms.ChoiceField(label=_("Volgende stap"), choices=())
    outcome = forms.ChoiceField(
        label=_("Uitkomst (bij afsluiten)"),
        choices=[("", "---------"), *Outcome.choices],
        required=False,
    )

    def __init__(self, *args: Any, signal: Signal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        steps = NEXT[signal.status] & HOLDER_STEPS - {Status.REFERRED}
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in Status.choices if value in steps
        ]


class ReferForm(FieldMessagesMixin, forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Activiteit"),
        queryset=Activity.objects.none(),
        error_messages={"required": _("Kies de activiteit waarnaar u doorverwijst.")},
    )

    def __init__(self, *args: Any, signal: Signal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        field.queryset = Activity.objects.of_coalition(signal.coalition).order_by("title")  # type: ignore[attr-defined]


class ConsentForm(FieldMessagesMixin, forms.Form):
    purpose = forms.ChoiceField(label=_("Doel"), choices=Purpose.choices)
    method = forms.ChoiceField(label=_("Hoe gegeven"), choices=ConsentMethod.choices)
    given_on = forms.DateField(label=_("Gegeven op"), widget=DATE_WIDGET)


MELDPUNT_FIELDS = (
    "resident_name",
    "address",
    "neighbourhood",
    "signs",
    "situation",
    "how_to_reach",
    "awareness",
)
WRONG_ANSWER = _("Dit antwoord klopt niet. Beantwoord de nieuwe controlevraag.")


class MeldpuntForm(FieldMessagesMixin, forms.Form):
    """A resident's worry about a neighbour: the fewest fields that let someone make contact."""

    resident_name = forms.CharField(label=_("Naam van uw buurtgenoot"), max_length=150)
    address = forms.CharField(
        label=_("Adres"),
        max_length=200,
        help_text=_("Straat en huisnummer, of waar hij of zij woont."),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Wijk of kern"), queryset=Neighbourhood.objects.none(), required=False
    )
    signs = forms.MultipleChoiceField(
        label=_("Wat viel u op?"),
        choices=Sign.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    situation = forms.CharField(
        label=_("Vertel kort wat u zorgen baart"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Geen medische gegevens of BSN."),
    )
    how_to_reach = forms.CharField(
        label=_("Hoe is uw buurtgenoot het best te bereiken?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    awareness = forms.ChoiceField(
        label=_("Weet uw buurtgenoot dat u dit meldt?"),
        choices=Awareness.choices,
        widget=forms.RadioSelect,
    )
    answer = forms.IntegerField(
        min_value=0,
        max_value=100,
        help_text=_("Antwoord in cijfers. Zo houden we geautomatiseerde meldingen tegen."),
    )
    # The honeypot: hidden from people (and from screen readers), filled in by bots.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wijk = self.fields["neighbourhood"]
        wijk.queryset = Neighbourhood.objects.of_coalition(coalition).order_by("name")  # type: ignore[attr-defined]
        self.ask()

    def ask(self) -> None:
        """A new question: shown with every form, answered against the token it came with."""
        self.challenge, first, second = abuse.new_challenge()
        label = _("Controlevraag: hoeveel is %(a)s plus %(b)s?") % {"a": first, "b": second}
        self.fields["answer"].label = label

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        answer = cleaned.get("answer")
        if answer is not None and not abuse.answered(self.data.get("token", ""), answer):
            self.add_error("answer", WRONG_ANSWER)
        return cleaned

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def signal_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in MELDPUNT_FIELDS}


class StatusForm(FieldMessagesMixin, forms.Form):
    code = forms.CharField(
        label=_("Uw ontvangstcode"),
        max_length=20,
        help_text=_("De code die u kreeg na het melden, bijvoorbeeld K7MQ2XAP9T."),
    )
