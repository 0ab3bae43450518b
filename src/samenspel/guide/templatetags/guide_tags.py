import logging
from typing import Any

from django import template

from samenspel.guide.content import get_item

register = template.Library()
logger = logging.getLogger(__name__)


@register.inclusion_tag("guide/_tips.html")
def guide_tips(
    section_key: str, item_key: str, limit: int = 3, heading_level: int = 2
) -> dict[str, Any]:
    """A compact 'Tips uit de gids' aside, e.g. `{% guide_tips "phases" coalition.phase %}`.

    Renders nothing for an unknown (or empty) key, so a page never breaks on guide content."""
    try:
        item = get_item(str(section_key), str(item_key))
    except KeyError:
        if item_key:
            logger.warning("guide_tips: no guide item %s/%s", section_key, item_key)
        return {"item": None}
    level = min(max(int(heading_level), 2), 5)
    return {"item": item, "tips": item.tips[: max(int(limit), 0)], "heading_level": level}
