from django import template

from samenspel.funding.money import dutch_decimal
from samenspel.funding.money import euro as format_euro

register = template.Library()


@register.filter
def euro(value: object) -> str:
    return format_euro(value)  # type: ignore[arg-type]


@register.filter
def decimal(value: object) -> str:
    return dutch_decimal(value)  # type: ignore[arg-type]
