from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    """The handbook as structured, searchable content (read from YAML, no models)."""

    name = "samenspel.guide"
    verbose_name = _("Gids")

    def ready(self) -> None:
        from samenspel.guide import checks  # noqa: F401  (registers the system check)
