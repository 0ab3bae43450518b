"""The advice on other pages: `{% load advice_tags %}{% findings_summary coalition membership %}`."""

from typing import Any

from django import template

from samenspel.accounts import policy
from samenspel.accounts.models import Membership
from samenspel.coalitions.models import Coalition

register = template.Library()


@register.inclusion_tag("advice/_summary_placeholder.html")
def findings_summary(coalition: Coalition, membership: Membership | None) -> dict[str, Any]:
    """A card that fetches the top findings after the page has loaded (a link without JS);
    nothing for members without the right to see findings."""
    return {
        "show": policy.can(membership, policy.Permission.VIEW_FINDINGS),
        "coalition": coalition,
    }
