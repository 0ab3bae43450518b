from typing import Any

from django import template

from samenspel.workspace import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def coalition_menu(context: template.Context) -> list[navigation.MenuItem]:
    """`{% coalition_menu as items %}`: the main menu of the coalition on this page."""
    membership: Any = context.get("membership")
    return navigation.coalition_menu(context["request"], context["coalition"], membership)
