"""Funding of a coalition: subsidies, funds, partners' own means and contributions in kind.

Each source has a start and (usually) an end date; the overview shows what runs out when, so that
the coalition talks about continuity in time (Handreiking §1.3, 'Dilemma: subsidie nodig of
niet?'; §1.2.5: are the sources of income future-proof?).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class FundingKind(models.TextChoices):
    MUNICIPAL_SUBSIDY = "municipal_subsidy", _("Gemeentelijke subsidie")
    FUND = "fund", _("Fonds")
    PARTNER_MEANS = "partner_means", _("Eigen middelen van partners")
    IN_KIND = "in_kind", _("Bijdrage in natura")
    OTHER = "other", _("Anders")


NEGATIVE_AMOUNT = _("Een bedrag kan niet negatief zijn.")
END_BEFORE_START = _("De einddatum ligt vóór de startdatum.")
FOREIGN_PARTNER = _("Deze partner hoort niet bij deze coalitie.")
NO_FUNDER = _("Vul de naam van de financier in, of kies een partner.")


class FundingSourceQuerySet(TenantQuerySet["FundingSource"]):
    def carrying_activities_without_plan(self) -> "FundingSourceQuerySet":
        return self.filter(carries_activities=True, continuity_plan="")


class FundingSource(models.Model):
    uuid = public_id()
    coalition = coalition_link("funding_sources")
    kind = models.CharField(_("soort financiering"), max_length=20, choices=FundingKind.choices)
    funder_name = models.CharField(
        _("financier"),
        max_length=200,
        blank=True,
        help_text=_("Wie stelt het geld of de bijdrage beschikbaar? Leeg: de gekozen partner."),
    )
    funder_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("financier is partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_sources",
        help_text=_("Optioneel: de partner van deze coalitie die financiert."),
    )
    amount = models.DecimalField(
        _("bedrag in euro"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0, message=NEGATIVE_AMOUNT)],
        help_text=_("Bij een bijdrage in natura: de geschatte waarde."),
    )
    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Leeg voor doorlopende financiering.")
    )
    conditions = models.TextField(
        _("voorwaarden"),
        blank=True,
        max_length=4000,
        help_text=_("Wat vraagt de financier: verantwoording, doelen, eigen bijdrage?"),
    )
    carries_activities = models.BooleanField(
        _("activiteiten hangen ervan af"),
        default=False,
        help_text=_("Stoppen er activiteiten als deze financiering wegvalt?"),
    )
    continuity_plan = models.TextField(
        _("plan voor daarna"),
        blank=True,
        max_length=4000,
        help_text=_(
            "Hoe gaat het verder na de einddatum: nieuwe subsidie, eigen middelen, een mix? "
            "(Handreiking §1.3, 'Dilemma: subsidie nodig of niet?')"
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = FundingSourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("financieringsbron")
        verbose_name_plural = _("financieringsbronnen")
        ordering = ["start_date", "funder_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="funding_amount_not_negative",
                violation_error_message=NEGATIVE_AMOUNT,
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="funding_end_not_before_start",
                violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder} ({self.get_kind_display()})"

    @property
    def funder(self) -> str:
        if self.funder_name:
            return self.funder_name
        return self.funder_partner.name if self.funder_partner else ""

    @property
    def has_continuity_plan(self) -> bool:
        return bool(self.continuity_plan.strip())

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = END_BEFORE_START
        if (
            self.funder_partner is not None
            and self.coalition_id is not None
            and self.funder_partner.coalition_id != self.coalition_id
        ):
            errors["funder_partner"] = FOREIGN_PARTNER
        if not self.funder_name.strip() and self.funder_partner is None:
            errors["funder_name"] = NO_FUNDER
        if errors:
            raise ValidationError(errors)
