from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The top layer: what spans the domain apps (the main menu, a person's coalitions)."""

    name = "samenspel.workspace"
    verbose_name = _("Werkplaats")
