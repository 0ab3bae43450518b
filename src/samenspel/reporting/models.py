"""What people write beside the figures: the coalition's comment on an indicator, and the note an
advisor keeps per coalition (which the coalition's coordinator reads)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class IndicatorNote(models.Model):
    """The coalition's own comment on one indicator (its key in `reporting.indicators`)."""

    uuid = public_id()
    coalition = coalition_link("indicator_notes")
    indicator = models.CharField(_("indicator"), max_length=60)
    text = models.TextField(
        _("toelichting"),
        max_length=2000,
        blank=True,
        help_text=_("Wat de coalitie over dit cijfer wil zeggen: verklaring, context, plannen."),
    )
    updated_by = user_link(_("gewijzigd door"))
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("toelichting bij indicator")
        verbose_name_plural = _("toelichtingen bij indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "indicator"], name="one_note_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{_('Toelichting')} {self.indicator}"


class AdvisorNote(models.Model):
    """One shared note per coalition by its advisors; the coordinator reads it."""

    uuid = public_id()
    coalition = coalition_link("advisor_note", one_to_one=True)
    text = models.TextField(
        _("notitie"),
        max_length=4000,
        blank=True,
        help_text=_("Zichtbaar voor de coördinator van de coalitie."),
    )
    updated_by = user_link(_("gewijzigd door"))
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("notitie van de adviseur")
        verbose_name_plural = _("notities van de adviseur")

    def __str__(self) -> str:
        return str(_("Notitie van de adviseur"))


ALREADY_MEASURED = _("Deze meting is voor deze activiteit op die dag al vastgelegd.")


class Moment(models.TextChoices):
    BEFORE = "before", _("Voormeting")
    AFTER = "after", _("Nameting")


class OutcomeMeasurement(models.Model):
    """How lonely the participants of one activity were at one moment, as counts per band of the
    De Jong Gierveld loneliness scale (11 items, score 0–11). The activity fills in the official
    questionnaire on paper or elsewhere and records only the counts: no score of any person is
    ever stored here."""

    uuid = public_id()
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="outcome_measurements",
    )
    moment = models.CharField(_("meting"), max_length=10, choices=Moment.choices)
    measured_on = models.DateField(_("gemeten op"))
    not_lonely = models.PositiveIntegerField(
        _("niet eenzaam (score 0–2)"), help_text=_("Aantal deelnemers, geen namen.")
    )
    moderately = models.PositiveIntegerField(_("matig eenzaam (score 3–8)"))
    severely = models.PositiveIntegerField(_("ernstig eenzaam (score 9–10)"))
    very_severely = models.PositiveIntegerField(_("zeer ernstig eenzaam (score 11)"))
    recorded_by = user_link(_("vastgelegd door"))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="activity__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitkomstmeting")
        verbose_name_plural = _("uitkomstmetingen")
        ordering = ["activity", "measured_on", "moment"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "moment", "measured_on"],
                name="one_measurement_per_moment",
                violation_error_message=ALREADY_MEASURED,
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_moment_display()} {self.measured_on:%Y-%m-%d}"

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return (self.not_lonely, self.moderately, self.severely, self.very_severely)


class ReportSection(models.Model):
    """What the coalition concludes about one pillar in its yearly report, and what it does next."""

    uuid = public_id()
    coalition = coalition_link("report_sections")
    year = models.PositiveIntegerField(_("jaar"))
    pillar = models.CharField(_("pijler"), max_length=40)
    conclusions = models.TextField(
        _("conclusies"), max_length=4000, blank=True, help_text=_("Wat zegt dit jaar u?")
    )
    next_steps = models.TextField(
        _("volgende stappen"), max_length=4000, blank=True, help_text=_("Wat gaat u doen?")
    )
    updated_by = user_link(_("gewijzigd door"))
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("hoofdstuk van het jaarverslag")
        verbose_name_plural = _("hoofdstukken van het jaarverslag")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "year", "pillar"], name="one_section_per_pillar_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.pillar}"


class Publication(models.Model):
    """The coalition's choice to be named on the public national page, with a few of its figures
    (phase, partners, offer, reach). Off until the coalition turns it on."""

    coalition = coalition_link("publication", one_to_one=True)
    publish = models.BooleanField(
        _("cijfers openbaar maken"),
        default=False,
        help_text=_(
            "Toon de naam, fase, het aantal partners, het aanbod en het bereik van de coalitie "
            "op de openbare landelijke pagina. Een bereik onder de 10 blijft verborgen."
        ),
    )
    updated_by = user_link(_("gewijzigd door"))
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("openbaarheid")
        verbose_name_plural = _("openbaarheid")

    def __str__(self) -> str:
        return str(_("Openbaarheid van de cijfers"))
