"""System check: broken guide content is reported by `manage.py check`, not at first request."""

from typing import Any

from django.core import checks

from samenspel.guide.content import ContentError, get_guide


@checks.register()
def check_guide_content(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        get_guide()
    except ContentError as error:
        return [checks.Error(str(error), id="guide.E001")]
    return []
