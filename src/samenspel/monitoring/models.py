"""Public small-area statistics on loneliness: CBS regions and the RIVM/CBS estimates per region.

These are national reference data, not coalition data: every coalition reads the figures of its
own municipality. They come from the StatLine tables 50120NED and 50150NED ("Gezondheid per wijk
en buurt"), either from a CSV a person downloads or from the CBS open-data API (see
docs/monitoring.md for the format and what was verified about it).
"""

from typing import TYPE_CHECKING

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

REGION_CODE = RegexValidator(
    r"^(GM\d{4}|WK\d{6}|BU\d{8})$",
    _("Een CBS-regiocode ziet eruit als GM0363, WK036301 of BU03630101."),
)


class RegionKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    DISTRICT = "district", _("Wijk")
    NEIGHBOURHOOD = "neighbourhood", _("Buurt")


KIND_BY_PREFIX = {
    "GM": RegionKind.MUNICIPALITY,
    "WK": RegionKind.DISTRICT,
    "BU": RegionKind.NEIGHBOURHOOD,
}


def municipality_code_of(code: str) -> str:
    """GM0363 for GM0363, WK036301 and BU03630101: the four digits after the prefix."""
    return f"GM{code[2:6]}"


class Region(models.Model):
    """A gemeente, wijk or buurt as CBS codes it."""

    code = models.CharField(
        _("CBS-code"),
        max_length=10,
        unique=True,
        validators=[REGION_CODE],
        help_text=_("Bijvoorbeeld GM0363, WK036301 of BU03630101."),
    )
    kind = models.CharField(_("soort"), max_length=13, choices=RegionKind.choices)
    name = models.CharField(_("naam"), max_length=150)
    municipality_code = models.CharField(
        _("gemeentecode"),
        max_length=6,
        db_index=True,
        help_text=_("De CBS-code van de gemeente waar de regio in ligt."),
    )
    municipality_name = models.CharField(_("gemeente"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("CBS-regio")
        verbose_name_plural = _("CBS-regio's")
        ordering = ["code"]
        indexes = [models.Index(fields=["municipality_code", "kind"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class AgeGroup(models.TextChoices):
    """The CBS keys of the age dimension (`Leeftijd`) of the tables that have one."""

    NONE = "", _("Alle volwassenen (tabel zonder leeftijdsindeling)")
    ADULTS = "20300", _("18 jaar of ouder")
    ADULTS_UNDER_65 = "53115", _("18 tot 65 jaar")
    OLDER = "80200", _("65 jaar of ouder")


# The estimates that describe all adults: the ones the gap view and the advice compare.
ALL_ADULTS = (AgeGroup.NONE, AgeGroup.ADULTS)

MEASURES = ("lonely", "strongly_lonely", "emotionally_lonely", "socially_lonely")


def _share(label: "StrOrPromise") -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Percentage; leeg als het CBS de waarde niet publiceert (te klein gebied)."),
    )


class LonelinessEstimate(models.Model):
    """The estimated share of adults in a region who are lonely, per period (and age group), with
    the lower and upper bound of the 95% interval. A value is empty where CBS suppresses it."""

    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.CASCADE, related_name="estimates"
    )
    period = models.PositiveSmallIntegerField(_("jaar"))
    age_group = models.CharField(
        _("leeftijd"), max_length=10, blank=True, default=AgeGroup.NONE, choices=AgeGroup.choices
    )
    source_table = models.CharField(
        _("bron"), max_length=12, help_text=_("De StatLine-tabel, bijvoorbeeld 50120NED.")
    )
    lonely = _share(_("eenzaam (%)"))
    lonely_lower = _share(_("eenzaam, ondergrens"))
    lonely_upper = _share(_("eenzaam, bovengrens"))
    strongly_lonely = _share(_("ernstig eenzaam (%)"))
    strongly_lonely_lower = _share(_("ernstig eenzaam, ondergrens"))
    strongly_lonely_upper = _share(_("ernstig eenzaam, bovengrens"))
    emotionally_lonely = _share(_("emotioneel eenzaam (%)"))
    emotionally_lonely_lower = _share(_("emotioneel eenzaam, ondergrens"))
    emotionally_lonely_upper = _share(_("emotioneel eenzaam, bovengrens"))
    socially_lonely = _share(_("sociaal eenzaam (%)"))
    socially_lonely_lower = _share(_("sociaal eenzaam, ondergrens"))
    socially_lonely_upper = _share(_("sociaal eenzaam, bovengrens"))
    is_demo = models.BooleanField(
        _("demowaarde"),
        default=False,
        help_text=_("Verzonnen cijfers voor de demonstratie, geen echte schatting."),
    )
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now=True)

    class Meta:
        verbose_name = _("schatting van eenzaamheid")
        verbose_name_plural = _("schattingen van eenzaamheid")
        ordering = ["region__code", "-period", "age_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "period", "age_group"], name="one_estimate_per_region_period"
            ),
            models.CheckConstraint(
                condition=Q(lonely__isnull=True) | Q(lonely__gte=0, lonely__lte=100),
                name="estimate_lonely_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(strongly_lonely__isnull=True)
                | Q(strongly_lonely__gte=0, strongly_lonely__lte=100),
                name="estimate_strongly_lonely_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region.code} {self.period}"


class FiguresImport(models.Model):
    """One import of figures: who, when, from where, and how much."""

    uuid = public_id()
    imported_by = user_link(_("door"))
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("vanuit coalitie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg bij een import met het beheercommando."),
    )
    imported_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    source = models.CharField(
        _("bron"), max_length=200, help_text=_("De bestandsnaam, of 'CBS open data'.")
    )
    table = models.CharField(_("tabel"), max_length=12)
    municipality_code = models.CharField(
        _("gemeente"), max_length=6, blank=True, help_text=_("Leeg: alle gemeenten in het bestand.")
    )
    rows = models.PositiveIntegerField(_("regels"))
    regions = models.PositiveIntegerField(_("regio's"))
    estimates = models.PositiveIntegerField(_("schattingen"))
    skipped = models.PositiveIntegerField(
        _("overgeslagen"), default=0, help_text=_("Regels van een andere gemeente.")
    )

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("import van cijfers")
        verbose_name_plural = _("imports van cijfers")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.table} ({self.source})"
