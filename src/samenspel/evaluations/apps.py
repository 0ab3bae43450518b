from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "samenspel.evaluations"
    verbose_name = _("Evaluaties")

    def ready(self) -> None:
        # Registers the reminder source and the audit labels.
        from samenspel.evaluations import reminders, services  # noqa: F401
