"""The policy in templates, so pages show exactly the buttons the person may use:

{% load policy_tags %}
{% can membership "edit_partner" partner as allowed %}
{% if allowed %}…{% endif %}
"""

from typing import Any

from django import template

from samenspel.accounts import policy
from samenspel.accounts.models import Membership

register = template.Library()


@register.simple_tag
def can(membership: Membership | None, permission: str, partner: Any = None) -> bool:
    """`policy.can`; an unknown permission name is a programming error and raises."""
    return policy.can(membership, permission, partner or None)
