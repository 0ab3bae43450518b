"""Agreements on other pages: `{% load agreement_tags %}{% overdue_steps coalition %}`."""

from typing import Any

from django import template
from django.utils import timezone

from samenspel.agreements.selectors import overdue_steps as select_overdue
from samenspel.coalitions.models import Coalition

register = template.Library()


@register.inclusion_tag("agreements/_overdue_steps.html")
def overdue_steps(coalition: Coalition) -> dict[str, Any]:
    """A card with the process steps past their due date; nothing when there are none."""
    return {"coalition": coalition, "steps": select_overdue(coalition, timezone.localdate())}
