from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "samenspel.evaluations"
    verbose_name = _("Evaluaties")

    def ready(self) -> None:
        # Registers the reminder source, the audit labels and the evidence for 'Waar staan we?'.
        from samenspel.evaluations import evidence, reminders, services  # noqa: F401
