"""`{% bar_image bar %}`: an indicator's bar chart (`yearly.Bar`) as a `data:` URL, so that the
report's PDF draws it as an image with alt text (`core.pdf.svg_data_url`), as PDF/UA asks."""

from __future__ import annotations

from django import template

from samenspel.core.pdf import svg_data_url
from samenspel.reporting.yearly import Bar

register = template.Library()


@register.simple_tag
def bar_image(bar: Bar) -> str:
    return svg_data_url("reporting/_bar_svg.html", bar)
