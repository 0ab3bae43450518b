from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "samenspel.activities"
    verbose_name = _("Activiteiten en sociale kaart")

    def ready(self) -> None:
        # Registers the audit labels of the write functions and the reminder source.
        from samenspel.activities import reminders, services  # noqa: F401
