from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "samenspel.funding"
    verbose_name = _("Financiering")

    def ready(self) -> None:
        # Registers the reminder source and the audit labels.
        from samenspel.funding import reminders, services  # noqa: F401
