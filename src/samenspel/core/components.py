"""The component page (`/componenten/`, only with settings.DEBUG): every template component
with example values, so that the next page is built from them. Example data only; nothing is
read from the database."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import AmountField, FieldMessagesMixin
from samenspel.core.sorting import RowSorting
from samenspel.core.widgets import DATE_WIDGET


class ExampleForm(FieldMessagesMixin, forms.Form):
    """One field of each kind, as every form renders them (components/field.html)."""

    name = forms.CharField(
        label=_("Naam"), max_length=60, help_text=_("Zoals de partner zichzelf noemt.")
    )
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=[("", "---------"), ("welfare", _("Welzijn")), ("library", _("Bibliotheek"))],
    )
    circle = forms.ChoiceField(
        label=_("Cirkel"),
        widget=forms.RadioSelect,
        choices=[("core", _("Kern")), ("active", _("Actief"))],
    )
    amount = AmountField(label=_("Bedrag in euro"), max_digits=9, decimal_places=2)
    starts_on = forms.DateField(label=_("Startdatum"), widget=DATE_WIDGET, required=False)
    agreed = forms.BooleanField(label=_("De partner heeft ingestemd"), required=False)


# The example table sorts as every table does (core/sorting.py).
EXAMPLE_SORTING = RowSorting(
    columns={"partner": lambda row: row["name"].casefold(), "bedrag": lambda row: row["amount"]},
    default="partner",
)


def examples(params: QueryDict) -> dict[str, Any]:
    empty = ExampleForm()
    failed = ExampleForm(data={"name": "x" * 70, "amount": "1,500", "circle": "core"})
    failed.is_valid()
    rows, sort = EXAMPLE_SORTING.apply(
        [
            {"name": "Bibliotheek Dijkerveen", "kind": _("Bibliotheek"), "amount": Decimal("250")},
            {"name": "Welzijn Dijkerveen", "kind": _("Welzijn"), "amount": Decimal("12500")},
        ],
        params,
    )
    return {
        "empty_form": empty,
        "failed_form": failed,
        "day": datetime.date(2026, 12, 6),
        "end": datetime.date(2027, 3, 31),
        "moment": datetime.datetime(2026, 12, 6, 14, 30, tzinfo=datetime.UTC),
        "amount": Decimal("1500.5"),
        "rows": rows,
        "sort": sort,
        "tabs": [
            {"label": "Overleggen", "url": "#inhoud", "current": True},
            {"label": "Overlegstructuur", "url": "#inhoud", "current": False},
        ],
    }
