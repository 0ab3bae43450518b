"""What the workspace keeps of its own: when a person last looked at "Mijn werk", per membership
(so "what changed since my last visit" means the same for each coalition)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.core.tenancy import Tenancy, TenantQuerySet


class WorkVisit(models.Model):
    membership = models.OneToOneField(
        "accounts.Membership",
        verbose_name=_("lidmaatschap"),
        on_delete=models.CASCADE,
        related_name="work_visit",
    )
    seen_at = models.DateTimeField(_("laatst bekeken op"))

    tenancy = Tenancy(coalition="membership__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("bezoek aan Mijn werk")
        verbose_name_plural = _("bezoeken aan Mijn werk")

    def __str__(self) -> str:
        return f"{self.membership_id}: {self.seen_at:%Y-%m-%d %H:%M}"
