from django import forms, template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def select_options(field: forms.BoundField) -> SafeString:
    """The <option>s of a choice field, built in Python: a template loop with string comparisons
    per option is a noticeable part of a list page's time."""
    selected = str(field.value() or "")
    choices = getattr(field.field, "choices", [])
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if str(value) == selected else "", text)
            for value, text in choices
        ),
    )
