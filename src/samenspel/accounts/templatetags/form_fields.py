"""Form widgets with NL Design System (Utrecht) classes; used by `components/field.html`, which
every form renders its fields through (`conf/base.py` FORM_RENDERER).

Radio buttons and checkboxes stay native: Utrecht's classes for them set `appearance: none`
and need the theme's size tokens, without which they cannot be seen or clicked.

What every field gets here, whatever form it is on:

- no Django `---------`: an empty choice in a select reads "Kies …" (required) or "Geen"
  (optional); radio buttons get no empty choice at all, so none is ever pre-selected empty;
- no `maxlength`: the browser would cut a longer text without a word. The server says how much
  is too long, and for a text the limit is shown next to the field (`max_length` below; not for
  an e-mail address or a web address, whose limit nobody reaches by accident)."""

from typing import Any

from django import forms, template
from django.forms import BoundField
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

register = template.Library()

TEXTBOX = ("utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid")
WIDGET_CLASSES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ["text", "email", "password", "number", "url", "tel", "search", "date", "datetime", "time"],
        TEXTBOX,
    ),
    "textarea": ("utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid"),
    "select": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    "selectmultiple": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    "nullbooleanselect": ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
}
DJANGO_EMPTY = "---------"
CHOOSE = _("Kies …")
NONE = _("Geen")


def _without_dashes(field: BoundField) -> None:
    """Relabel (select) or drop (radio) Django's empty choice on this form's copy of the field."""
    choice_field: Any = field.field
    if getattr(choice_field, "empty_label", None) == DJANGO_EMPTY:
        radio = field.widget_type == "radioselect"
        choice_field.empty_label = None if radio else (CHOOSE if choice_field.required else NONE)
        choice_field.widget.choices = choice_field.choices
    elif isinstance(choice_field, forms.ChoiceField) and not hasattr(choice_field, "queryset"):
        options: Any = choice_field.choices  # normalised by ChoiceField to a list of pairs
        choices = list(options)
        if choices and choices[0] == ("", DJANGO_EMPTY):
            label = CHOOSE if choice_field.required else NONE
            rest = choices[1:]
            choice_field.choices = (
                rest if field.widget_type == "radioselect" else [("", label), *rest]
            )


@register.filter
def max_length(field: BoundField) -> int | None:
    """The length limit of a text field, if it has one."""
    limit = getattr(field.field, "max_length", None)
    return limit if field.widget_type in {"text", "textarea"} else None


@register.filter
def utrecht_widget(field: BoundField) -> SafeString:
    """The widget with Utrecht classes added to its own. Django (5.2) itself adds `aria-invalid`
    and `aria-describedby` (pointing at `<id>_helptext` and `<id>_error`); the length hint is
    added to it here."""
    _without_dashes(field)
    base, invalid = WIDGET_CLASSES.get(field.widget_type, ("", ""))
    classes = [field.field.widget.attrs.get("class", ""), base, invalid if field.errors else ""]
    attrs: dict[str, str | bool] = {"class": " ".join(name for name in classes if name)}
    field.field.widget.attrs.pop("maxlength", None)  # the server says when it is too long
    limit = max_length(field)
    if limit:
        described = field.aria_describedby or ""  # Django's: help text, error
        attrs["aria-describedby"] = f"{described} {field.auto_id}_limit".strip()
        attrs["data-limit"] = str(limit)
    return field.as_widget(attrs=attrs)
