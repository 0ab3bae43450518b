"""Form widgets with NL Design System (Utrecht) classes; used by `components/field.html`.

Radio buttons and checkboxes stay native: Utrecht's classes for them set `appearance: none`
and need the theme's size tokens, without which they cannot be seen or clicked."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

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


@register.filter
def utrecht_widget(field: BoundField) -> SafeString:
    """The widget with Utrecht classes added to its own. Django (5.2) itself adds `aria-invalid`
    and `aria-describedby` (pointing at `<id>_helptext` and `<id>_error`)."""
    base, invalid = WIDGET_CLASSES.get(field.widget_type, ("", ""))
    classes = [field.field.widget.attrs.get("class", ""), base, invalid if field.errors else ""]
    return field.as_widget(attrs={"class": " ".join(name for name in classes if name)})
