from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "samenspel.agreements"
    verbose_name = _("Afspraken")

    def ready(self) -> None:
        from samenspel.agreements import evidence, reminders, services  # noqa: F401  (registration)
