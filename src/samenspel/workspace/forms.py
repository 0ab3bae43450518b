from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.coalitions.models import Phase
from samenspel.core.forms import FieldMessagesMixin
from samenspel.workspace.portfolio import Row, State, filter_rows


class PortfolioFilterForm(FieldMessagesMixin, forms.Form):
    """The filters of the portfolio, read from the query string (a GET form)."""

    fase = forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle fasen")), *Phase.choices]
    )
    toestand = forms.ChoiceField(
        label=_("Toon"),
        required=False,
        choices=[
            (State.ALL, _("Alle coalities")),
            (State.STALLS, _("Alleen coalities die stilvallen")),
            (State.MONEY, _("Alleen coalities waarvan geld binnen een half jaar afloopt")),
        ],
    )
    zoek = forms.CharField(label=_("Naam of gemeente"), required=False, max_length=100)

    def apply(self, rows: Sequence[Row]) -> list[Row]:
        """The rows the filters keep (all of them while the form is unbound or invalid)."""
        if not self.is_valid():
            return list(rows)
        data = self.cleaned_data
        return filter_rows(rows, phase=data["fase"], state=data["toestand"], text=data["zoek"])
