from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScansConfig(AppConfig):
    name = "samenspel.scans"
    verbose_name = _("Scans")

    def ready(self) -> None:
        # Registers the submitted-answers part of a coalition's data version (analysis cache).
        from samenspel.scans import results  # noqa: F401
