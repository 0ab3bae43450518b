from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "samenspel.signals"
    verbose_name = _("Signalen van eenzaamheid")

    def ready(self) -> None:
        # Registers the escalation reminders and the audit labels.
        from samenspel.signals import audit_actions, reminders  # noqa: F401
