"""Date filters, built into every template (settings: TEMPLATES OPTIONS builtins); see
`core/dates.py` for which one fits which context."""

from django import template

from samenspel.core import dates

register = template.Library()

register.filter("long_date", dates.long_date)
register.filter("short_date", dates.short_date)
register.filter("date_time", dates.date_time)
register.filter("period", dates.period)
