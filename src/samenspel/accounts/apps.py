from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Connects the receiver that revokes API tokens when a password changes.
        from samenspel.accounts import services  # noqa: F401
