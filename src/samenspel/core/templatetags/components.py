"""Template components that every page may use without `{% load %}` (TEMPLATES OPTIONS builtins).

`{% scroll_region %}<table …>…</table>{% end_scroll_region %}`: a wide table scrolls inside its
own region, never the page. The region is labelled (by the table's caption, or by the label
given: `{% scroll_region _("Ondertekenaars") %}`) and reachable with the keyboard, so that it
can be scrolled without a mouse (WCAG 2.1.1).

`{% sort_header _("Naam") "naam" sort %}`: a column header that sorts the table (core/sorting.py).

`{% breadcrumbs _("Overleg") list_url meeting.title %}`: the one breadcrumb trail (Utrecht
breadcrumb nav): pairs of label and address, and last the label of this page (aria-current).

`{% badge _("te laat") "urgent" %}`: a status badge, a word (never colour alone) with a tone:
urgent, attention, info, or none for a neutral one.

`{% empty_state _("Nog geen partners.") add_url _("Partner toevoegen") %}`: an empty list says
what is missing and offers the first step (leave the address out, or empty, when the person may
not take it).

`{{ value|euro }}`: an amount, "€ 1.500,50". The date filters are in `dates.py`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from samenspel.core.amounts import euro
from samenspel.core.sorting import Sort

register = template.Library()
register.filter("euro", euro)  # € 1.500,50 (core.amounts)

CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.DOTALL)


def region_label(table_html: str) -> str:
    """The caption's text, in one line."""
    caption = CAPTION.search(table_html)
    return " ".join(html.unescape(strip_tags(caption.group(1))).split()) if caption else ""


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist: NodeList, label: FilterExpression | None) -> None:
        self.nodelist = nodelist
        self.label = label

    def render(self, context: template.Context) -> SafeString:
        inner = self.nodelist.render(context)
        label = str(self.label.resolve(context)) if self.label else region_label(inner)
        return format_html(
            '<div class="samenspel-table-scroll" role="region" tabindex="0" aria-label="{}">{}'
            "</div>",
            label,
            mark_safe(inner),  # noqa: S308 - rendered by the template engine, escaped there
        )


@register.tag
def scroll_region(parser: Parser, token: Token) -> ScrollRegionNode:
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("scroll_region takes at most one label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("end_scroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist, label)


BADGE_TONES = frozenset({"urgent", "attention", "info"})


@register.simple_tag
def badge(label: object, tone: str = "") -> SafeString:
    """A status badge (see the module docstring); an unknown tone is a neutral badge."""
    modifier = f" samenspel-badge--{tone}" if tone in BADGE_TONES else ""
    return format_html('<span class="samenspel-badge{}">{}</span>', modifier, label)


@register.inclusion_tag("components/empty_state.html")
def empty_state(text: object, action_url: str = "", action_label: object = "") -> dict[str, object]:
    return {"text": text, "action_url": action_url, "action_label": action_label}


@dataclass(frozen=True)
class Crumb:
    label: object
    url: str
    current: bool = False


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context, *trail: object) -> dict[str, object]:
    """The trail to this page: `label, url` pairs, then the label of the page itself (linked to
    its own address, marked aria-current)."""
    *pairs, here = trail
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes label/url pairs and a last label")
    crumbs = [Crumb(pairs[i], str(pairs[i + 1])) for i in range(0, len(pairs), 2)]
    crumbs.append(Crumb(here, context["request"].get_full_path(), current=True))
    return {"crumbs": crumbs}


@register.inclusion_tag("components/sort_header.html")
def sort_header(label: str, key: str, sort: Sort, numeric: bool = False) -> dict[str, object]:
    """A column header that sorts the table by `key` (see core/sorting.py)."""
    return {
        "label": label,
        "link": sort.link(key),
        "direction": sort.direction(key),
        "numeric": numeric,
    }
