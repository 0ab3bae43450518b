from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "samenspel.mail"
    verbose_name = _("Uitgaande e-mail")

    def ready(self) -> None:
        from samenspel.mail import checks  # noqa: F401  (registers the deploy check)
