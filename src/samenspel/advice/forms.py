from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.advice.services import REASON_MAX_LENGTH
from samenspel.core.forms import FieldMessagesMixin


class DismissForm(FieldMessagesMixin, forms.Form):
    """Set one finding aside. `subject` says which finding of the rule (see `Finding.subject`)."""

    subject = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Waarom legt u deze bevinding terzijde?"),
        help_text=_(
            "Bijvoorbeeld: besproken in het kernoverleg van 12 maart, we kiezen hier bewust voor. "
            "De bevinding komt vanzelf terug als die sterker wordt."
        ),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _(
                "Geef een reden op, zodat anderen weten waarom deze bevinding terzijde ligt."
            ),
            "max_length": _("Houd de reden korter dan %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args: Any, anchor: str = "bevinding", **kwargs: Any) -> None:
        # Many of these forms share one page: give each its own ids (the names stay the same).
        kwargs.setdefault("auto_id", f"id_{anchor}_%s")
        super().__init__(*args, **kwargs)
