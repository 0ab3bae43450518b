from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import Neighbourhood
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.monitoring.cbs import TABLES
from samenspel.monitoring.services import NEIGHBOURHOOD_FIELDS

TABLE_CHOICES = [(key, f"{key}: {title}") for key, title in TABLES.items()]


class NeighbourhoodForm(StaleFormMixin, FieldMessagesMixin, forms.ModelForm):
    class Meta:
        model = Neighbourhood
        fields = list(NEIGHBOURHOOD_FIELDS)

    def _post_clean(self) -> None:
        """The model's rules run in the service, which reports them at their fields."""


class FiguresUploadForm(FieldMessagesMixin, forms.Form):
    table = forms.ChoiceField(
        label=_("Tabel"),
        choices=TABLE_CHOICES,
        initial="50150NED",
        help_text=_("De StatLine-tabel waar het bestand uit komt."),
    )
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Download bij StatLine de onbewerkte dataset als CSV (met puntkomma's). Alleen de "
            "regels van uw gemeente worden ingelezen."
        ),
    )


class FiguresOnlineForm(FieldMessagesMixin, forms.Form):
    table = forms.ChoiceField(label=_("Tabel"), choices=TABLE_CHOICES, initial="50150NED")
