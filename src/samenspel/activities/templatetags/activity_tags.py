"""`{% activity_rows rows list_url %}`: the rows of the coalition's activity list, built in
Python. Twenty-five rows of eight cells, each with filters, badges and a "checked" form, made up
a fifth of the page's time through the template engine (see `form_controls.select_options` and
`monitoring_tags` for the same choice); the markup is the same as the template's was."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samenspel.core.dates import short_date
from samenspel.core.templatetags.components import badge

register = template.Library()

ROW = (
    '\n    <tr class="utrecht-table__row">'
    '\n      <th scope="row" class="utrecht-table__cell">'
    '<a class="utrecht-link" href="{}{}/">{}</a>{}</th>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}{}'
    "\n        {}</td>"
    "\n    </tr>\n  "
)
CHECK_FORM = (
    '<form method="post" action="{}{}/gecontroleerd/" class="samenspel-inline-form">{}'
    '<input type="hidden" name="terug" value="lijst">'
    '<button type="submit" class="utrecht-button utrecht-button--subtle">{}'
    '<span class="samenspel-visually-hidden">: {}</span></button></form>'
)


def _joined(values: Sequence[object], separator: str) -> str:
    return separator.join(conditional_escape(str(value)) for value in values)


@register.simple_tag(takes_context=True)
def activity_rows(
    context: template.Context, rows: Sequence[dict[str, Any]], list_url: str
) -> SafeString:
    """The table rows of `ActivityListView`'s `rows`; an empty list gives the "none found" row."""
    if not rows:
        return format_html(
            '\n    <tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="8">'
            "{}</td></tr>\n  ",
            _("Geen activiteiten gevonden."),
        )
    week = badge(_("Week tegen Eenzaamheid"))
    stale_badge = badge(_("controle nodig"), "attention")
    yes, no, never, whole = _("ja"), _("nee"), _("nooit"), _("hele gemeente")
    check = _("Gecontroleerd")
    csrf = CsrfTokenNode().render(context)
    html = []
    for row in rows:
        activity, listed = row["activity"], row["row"]
        providers = _joined(listed.providers, ", ")
        schedule = _joined(listed.schedule, "<br>")
        html.append(
            format_html(
                ROW,
                list_url,
                activity.uuid,
                activity.title,
                mark_safe(f" {week}") if activity.week_against_loneliness else "",  # noqa: S308
                activity.kind_label,
                mark_safe(providers) if providers else (activity.organiser or "–"),  # noqa: S308
                activity.neighbourhood_name or whole,
                mark_safe(schedule) if schedule else activity.frequency_label,  # noqa: S308
                activity.status_label,
                yes if activity.is_published else no,
                short_date(activity.checked_on) or never,
                mark_safe(f" {stale_badge}") if row["stale"] else "",  # noqa: S308
                format_html(CHECK_FORM, list_url, activity.uuid, csrf, check, activity.title)
                if row["editable"] and row["stale"]
                else "",
            )
        )
    return mark_safe("".join(html))  # noqa: S308  every part escaped above
