from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def published(value: int | None) -> SafeString | int:
    """A count of the figures, or the mark of a hidden one (with its meaning for screen
    readers)."""
    if value is not None:
        return value
    hidden = _("niet getoond")
    return format_html(
        '<abbr title="{}">×</abbr><span class="samenspel-visually-hidden"> {}</span>',
        hidden,
        hidden,
    )
