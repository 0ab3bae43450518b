from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "samenspel.activities"
    verbose_name = _("Activiteiten en sociale kaart")

    def ready(self) -> None:
        # Registers the audit labels of the activity, reach and finder write functions.
        from samenspel.activities import services  # noqa: F401
