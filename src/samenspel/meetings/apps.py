from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "samenspel.meetings"
    verbose_name = _("Overleg")

    def ready(self) -> None:
        from samenspel.meetings import evidence, reminders  # noqa: F401  (registers the sources)
