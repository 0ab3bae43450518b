from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "samenspel.reporting"
    verbose_name = _("Monitoring en rapportage")

    def ready(self) -> None:
        # Registers the audit labels.
        from samenspel.reporting import services  # noqa: F401
