"""`{{ figure|estimate }}`: a share with its interval, as '19,6% (16,8–22,4)'. A filter rather
than an included template: the gap view shows two per wijk."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samenspel.funding.money import dutch_decimal
from samenspel.monitoring.gap import Figure

register = template.Library()


@register.filter
def estimate(figure: Figure | None) -> SafeString:
    if figure is None or figure.value is None:
        return format_html('<span class="samenspel-muted">{}</span>', _("niet gepubliceerd"))
    value = format_html("{}%", dutch_decimal(figure.value, 1))
    if figure.lower is None or figure.upper is None:
        return value
    return format_html(
        '{} <span class="samenspel-muted">({}–{})</span>',
        value,
        dutch_decimal(figure.lower, 1),
        dutch_decimal(figure.upper, 1),
    )
