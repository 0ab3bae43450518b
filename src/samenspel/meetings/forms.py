from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import Coalition
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    Decision,
    Meeting,
)
from samenspel.meetings.services import attendance_key
from samenspel.partners.models import Partner

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
STARTS_AT_REQUIRED = _("Vul de datum en begintijd van het overleg in.")


NOT_RECORDED = ""


def _partners(coalition: Coalition) -> Any:
    return Partner.objects.of_coalition(coalition).current().order_by("name")


class BodyForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "purpose", "decides", "members"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "decides": forms.Textarea(attrs={"rows": 3}),
            "members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = _partners(coalition)  # type: ignore[attr-defined]


class MeetingForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "body", "starts_at", "ends_at", "location", "minutes"]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "starts_at": _("Datum en tijd in Nederlandse tijd, bijvoorbeeld 15-01-2027 19:30."),
        }
        error_messages = {
            "title": {"required": _("Vul de titel van het overleg in.")},
            "starts_at": {"required": STARTS_AT_REQUIRED},
        }

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body = self.fields["body"]
        body.queryset = Body.objects.of_coalition(coalition)  # type: ignore[attr-defined]
        body.empty_label = _("Geen vast overleg")  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        """The service checks the rules (date, end after start); the form only builds values."""


class AgendaItemForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class AttendanceListForm(FieldMessagesMixin, forms.Form):
    """The attendance of every current partner in one form: per partner a choice, with what
    the form showed in a hidden `shown-` field, so that only the person's own changes are
    saved (and someone else's change to the same partner is noticed, in the service)."""

    def __init__(
        self, *args: Any, partners: Iterable[Partner], recorded: Mapping[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOT_RECORDED, _("Niet vastgelegd")), *AttendanceStatus.choices]
        self.partners = {attendance_key(partner): partner for partner in partners}
        for key, partner in self.partners.items():
            self.fields[key] = forms.ChoiceField(
                label=partner.name,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=recorded.get(partner.pk, NOT_RECORDED),
            )

    def shown(self) -> dict[Partner, str]:
        """What the form showed for each partner when it was opened."""
        return {p: str(self.data.get(f"shown-{key}", "")) for key, p in self.partners.items()}

    def chosen(self) -> dict[Partner, str]:
        """The partners whose choice the person changed, with their new status."""
        shown = self.shown()
        return {
            partner: self.cleaned_data[key]
            for key, partner in self.partners.items()
            if self.cleaned_data[key] != shown[partner]
        }


class AttendanceStatusForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    """A new status for a partner already on the attendance list."""

    class Meta:
        model = Attendance
        fields = ["status"]
        widgets = {"status": forms.RadioSelect}

    def _post_clean(self) -> None:
        """The service saves and checks the status."""


class DecisionForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ActionItemForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner_partner", "owner_name", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "due_on": DATE_WIDGET}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner_partner"]
        owner.queryset = _partners(coalition)  # type: ignore[attr-defined]
        owner.empty_label = _("Geen partner")  # type: ignore[attr-defined]

    def _post_clean(self) -> None:
        """The service checks who picks the action up."""


class ActionItemEditForm(ActionItemForm):
    """Corrects an action, including when it was finished (empty: still open)."""

    class Meta(ActionItemForm.Meta):
        fields = [*ActionItemForm.Meta.fields, "done_on"]
        widgets = {**ActionItemForm.Meta.widgets, "done_on": DATE_WIDGET}
        help_texts = {"done_on": _("Leeg laten zolang de actie nog open is.")}

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, coalition=coalition, **kwargs)
        # A partner that has since left stays selectable for the action it already owns.
        owner = self.instance.owner_partner_id
        partners = Partner.objects.of_coalition(coalition)
        self.fields["owner_partner"].queryset = partners.filter(  # type: ignore[attr-defined]
            Q(left_on__isnull=True) | Q(pk=owner)
        ).order_by("name")


class ScheduleForm(FieldMessagesMixin, forms.Form):
    """Put something on the agenda of an upcoming meeting."""

    meeting = forms.ModelChoiceField(
        label=_("Op de agenda van"),
        queryset=Meeting.objects.none(),
        empty_label=None,
        error_messages={"required": _("Kies een overleg.")},
    )

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.of_coalition(  # type: ignore[attr-defined]
            coalition
        ).upcoming(timezone.now())
        self.fields["meeting"].label_from_instance = (  # type: ignore[attr-defined]
            lambda meeting: (
                f"{meeting.title} – {timezone.localtime(meeting.starts_at):%d-%m-%Y %H:%M}"
            )
        )
