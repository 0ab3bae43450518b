from typing import Any

from django import template

from samenspel.workspace import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def coalition_menu(context: template.Context) -> navigation.Menu | None:
    """`{% coalition_menu as menu %}`: the main menu of the coalition on this page, or on a page
    outside the coalitions (the guide, the account) of the coalition the person came from."""
    request = context["request"]
    coalition: Any = context.get("coalition")
    membership: Any = context.get("membership")
    if coalition is None:
        membership = navigation.remembered_membership(request)
        coalition = membership.coalition if membership else None
    if coalition is None:
        return None
    return navigation.coalition_menu(request, coalition, membership)
