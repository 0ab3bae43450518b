import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import FieldMessagesMixin, FilterForm, StaleFormMixin
from samenspel.core.widgets import DATE_WIDGET
from samenspel.partners.models import (
    Circle,
    CoalitionRole,
    ContactPerson,
    Motive,
    Partner,
    PartnerEvent,
    PartnerKind,
)
from samenspel.partners.services import PARTNER_FIELDS


class PartnerForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    motives = forms.MultipleChoiceField(
        label=_("Dominante motieven"),
        choices=Motive.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Handreiking §3.3.2: wat drijft deze partner vooral? Kies één of meer."),
        error_messages={"required": _("Kies ten minste één dominant motief.")},
    )
    roles = forms.MultipleChoiceField(
        label=_("Rollen in de coalitie"),
        choices=CoalitionRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Partner
        fields = list(PARTNER_FIELDS)
        widgets = {
            "joined_on": DATE_WIDGET,
            "left_on": DATE_WIDGET,
            "circle": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in ("brings", "takes", "deal_breakers", "success_criteria")
            },
        }
        help_texts = {
            "resident_type": _(
                "Alleen voor inwoners: welke rol de inwoner op zich neemt, naar de vier typen "
                "van de onderzoeker Evelien Tonkens (zie de gids, Typen inwoners)."
            )
        }
        error_messages = {
            "name": {"required": _("Vul de naam van de partner in.")},
            "kind": {"required": _("Kies de soort partner.")},
            "circle": {"required": _("Kies hoe betrokken de partner is.")},
        }

    def validate_unique(self) -> None:
        """Uniqueness is checked by the service, which reports it at the name field."""


class PartnerEventForm(FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = PartnerEvent
        fields = ["kind", "date", "description", "conversation"]
        widgets = {"date": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}


class ConversationForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = PartnerEvent
        fields = ["conversation"]


class ContactForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "email", "phone", "is_primary"]


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    kind = django_filters.ChoiceFilter(
        label=_("Soort"), choices=PartnerKind.choices, empty_label=_("Alle soorten")
    )
    circle = django_filters.ChoiceFilter(
        label=_("Cirkel"), choices=Circle.choices, empty_label=_("Alle cirkels")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("current", _("Huidige partners")), ("left", _("Vertrokken partners"))],
        empty_label=_("Alle partners"),
        method="by_status",
    )

    class Meta:
        model = Partner
        form = FilterForm
        fields = ["q", "kind", "circle", "status"]

    def search(self, queryset: QuerySet[Partner], name: str, value: str) -> QuerySet[Partner]:
        return queryset.filter(Q(name__icontains=value) | Q(brings__icontains=value))

    def by_status(self, queryset: QuerySet[Partner], name: str, value: str) -> QuerySet[Partner]:
        return queryset.filter(left_on__isnull=value == "current")
