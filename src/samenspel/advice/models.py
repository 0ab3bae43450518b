from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class Dismissal(models.Model):
    """A coordinator set a finding aside, with a reason. The finding returns when its evidence grows
    beyond what it was at that moment (`magnitude`)."""

    uuid = public_id()
    coalition = coalition_link("dismissals")
    rule_key = models.CharField(_("bevinding"), max_length=64)
    subject = models.CharField(
        _("betreft"),
        max_length=64,
        blank=True,
        help_text=_("Bijvoorbeeld de partner waar de bevinding over gaat."),
    )
    reason = models.TextField(_("reden"), max_length=2000)
    magnitude = models.FloatField(_("omvang bij terzijdeleggen"))
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True
    )
    dismissed_at = models.DateTimeField(_("op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("terzijde gelegde bevinding")
        verbose_name_plural = _("terzijde gelegde bevindingen")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "rule_key", "subject"], name="one_dismissal_per_finding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_key} {self.subject}".strip()
