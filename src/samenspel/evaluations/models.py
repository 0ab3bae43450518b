"""Looking back together: a yearly evaluation moment and what it brought.

The handbook suggests making room periodically, for example a yearly evaluation moment, so that
partners can discuss changes before they drop out (Handreiking §1.2.4, 'Wat kunt u dan doen?'),
and scheduling reflection now and then (§1.3). One planned moment per coalition per year is the
norm; the next one is suggested a year after the last evaluation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class MomentStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Gehouden")
    CANCELLED = "cancelled", _("Afgelast")


class EvaluationMoment(models.Model):
    uuid = public_id()
    coalition = coalition_link("evaluation_moments")
    planned_on = models.DateField(_("gepland op"))
    status = models.CharField(
        _("status"), max_length=10, choices=MomentStatus.choices, default=MomentStatus.PLANNED
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatiemoment")
        verbose_name_plural = _("evaluatiemomenten")
        ordering = ["-planned_on"]

    def __str__(self) -> str:
        return f"{_('Evaluatiemoment')} {self.planned_on:%Y-%m-%d}"


class Evaluation(models.Model):
    uuid = public_id()
    coalition = coalition_link("evaluations")
    moment = models.ForeignKey(
        EvaluationMoment,
        verbose_name=_("evaluatiemoment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluations",
        help_text=_("Optioneel: het geplande moment waarop deze evaluatie is gehouden."),
    )
    held_on = models.DateField(_("gehouden op"))
    participants = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("deelnemende partners"),
        blank=True,
        related_name="evaluations",
    )
    successes = models.TextField(
        _("wat ging goed"), max_length=5000, help_text=_("Successen en resultaten.")
    )
    bottlenecks = models.TextField(
        _("knelpunten"), max_length=5000, help_text=_("Wat liep niet goed of schuurt?")
    )
    continuation = models.TextField(
        _("hoe verder"), max_length=5000, help_text=_("Wat gaan jullie anders of juist zo doen?")
    )
    agreement_changes = models.TextField(
        _("gewijzigde afspraken"),
        max_length=5000,
        blank=True,
        help_text=_("Welke afspraken passen jullie aan (Handreiking §1.2.4)?"),
    )
    recorded_by = user_link(_("vastgelegd door"))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-held_on", "-created_at"]

    def __str__(self) -> str:
        return f"{_('Evaluatie')} {self.held_on:%Y-%m-%d}"
