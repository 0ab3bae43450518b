"""`{{ figure|estimate }}`: a share with its interval, as '19,6% (16,8–22,4)'; and
`{{ partners|partner_links:base }}`: the partners of a wijk as links. Filters rather than
included templates or loops: the gap view shows two figures and up to every partner per wijk."""

from django import template
from django.utils.html import format_html, format_html_join
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


@register.filter
def partner_links(partners: tuple[tuple[str, str], ...], base: str) -> SafeString:
    """(uuid, name) pairs as links to the partners' pages (`base`: the partner list's address),
    separated by commas; a dash when there are none."""
    if not partners:
        return SafeString("–")
    return format_html_join(
        ", ", '<a class="utrecht-link" href="{}{}/">{}</a>', ((base, u, n) for u, n in partners)
    )
