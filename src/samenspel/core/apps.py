from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samenspel.core"
    verbose_name = _("Kern")

    def ready(self) -> None:
        from samenspel.core import checks  # noqa: F401  (registers the deploy check)
