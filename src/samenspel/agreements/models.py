"""What the partners agreed: the shared ambition (with its history), the agreements per partner,
the process design and the letter of intent or covenant (handbook §1.2.3–1.2.5, §3.3.1, §3.3.5)."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.choices import label
from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet
from samenspel.partners.models import CoalitionRole, Partner

# Dutch messages for the rules, shared by the model (services, API) and the forms.
MESSAGES = {
    "text": _("Beschrijf de gedeelde ambitie."),
    "reason": _(
        "Geef een reden voor deze versie: zo blijft zichtbaar waarom de ambitie veranderde."
    ),
    "partner": _("Kies een partner."),
    "role": _("Kies de rol van de partner."),
    "expectations": _("Beschrijf de verwachtingen over en weer."),
    "start_date": _("Vul de ingangsdatum in."),
    "review_date": _("Vul de evaluatiedatum in."),
    "hours_negative": _("Het aantal uren per maand kan niet negatief zijn."),
    "money_negative": _("Het bedrag kan niet negatief zijn."),
    "review_before_start": _("De evaluatiedatum ligt vóór de ingangsdatum."),
    "other_coalition": _("Deze partner hoort niet bij deze coalitie."),
    "partner_left": _(
        "Deze partner is vertrokken; leg alleen afspraken vast met huidige partners."
    ),
    "duplicate": _("Met deze partner zijn al afspraken vastgelegd. Pas die afspraken aan."),
    "title": _("Geef de stap een titel."),
    "due_date": _("Vul de streefdatum in."),
    "name": _("Vul de naam in van wie tekent."),
}


def required(key: str) -> dict[str, Any]:
    return {"blank": MESSAGES[key], "null": MESSAGES[key], "required": MESSAGES[key]}


def check_partner(partner: Partner | None, coalition_id: int | None, field: str) -> dict[str, Any]:
    """A partner must belong to the coalition and still take part."""
    if partner is None:
        return {}
    if partner.coalition_id != coalition_id:
        return {field: MESSAGES["other_coalition"]}
    if partner.left_on:
        return {field: MESSAGES["partner_left"]}
    return {}


AMBITION_FIELDS = (
    "text",
    "goals",
    "success_criteria",
    "indicators",
    "priorities",
    "target_groups",
    "not_wanted",
)


class AmbitionVersion(models.Model):
    """One version of the shared ambition; a new version is recorded, never overwritten, so the
    coalition can see how its ambition was 'afgestoft' over time (handbook §1.2.5)."""

    uuid = public_id()
    coalition = coalition_link("ambition_versions")
    text = models.TextField(
        _("gedeelde ambitie"),
        max_length=4000,
        error_messages=required("text"),
        help_text=_("Waar richt de coalitie zich op, en waarom? In de woorden van de partners."),
    )
    goals = models.TextField(
        _("doelen"), blank=True, max_length=4000, help_text=_("Wat wil de coalitie bereiken?")
    )
    success_criteria = models.TextField(
        _("succescriteria"),
        blank=True,
        max_length=4000,
        help_text=_("Waaraan zien de partners dat het gelukt is?"),
    )
    indicators = models.TextField(
        _("indicatoren"),
        blank=True,
        max_length=4000,
        help_text=_("Wat meet of telt de coalitie om de voortgang te volgen?"),
    )
    priorities = models.TextField(
        _("prioriteiten"),
        blank=True,
        max_length=4000,
        help_text=_("Wat komt eerst?"),
    )
    target_groups = models.TextField(
        _("doelgroepen"),
        blank=True,
        max_length=4000,
        help_text=_("Bij wie speelt eenzaamheid vooral, en wie wil de coalitie bereiken?"),
    )
    not_wanted = models.TextField(
        _("wat de partners niet willen"),
        blank=True,
        max_length=4000,
        help_text=_("De grenzen van de samenwerking: wat mag er niet gebeuren?"),
    )
    reason = models.TextField(
        _("reden van deze versie"),
        max_length=2000,
        error_messages=required("reason"),
        help_text=_("Waarom is de ambitie vastgelegd of bijgesteld?"),
    )
    created_by = user_link(_("vastgelegd door"), blank=False, related_name=None)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("versie van de ambitie")
        verbose_name_plural = _("versies van de ambitie")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["coalition", "-created_at"])]

    def __str__(self) -> str:
        when = self.created_at.strftime("%d-%m-%Y") if self.created_at else "–"
        return str(_("Ambitie van %(date)s")) % {"date": when}


class PartnerAgreement(models.Model):
    """What one partner brings to the coalition and expects of it (handbook §1.2.4)."""

    uuid = public_id()
    coalition = coalition_link("partner_agreements")
    partner = models.OneToOneField(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="agreement",
        help_text=_("Per partner één set afspraken."),
        error_messages=required("partner"),
    )
    role = models.CharField(
        _("rol in de coalitie"),
        max_length=24,
        choices=CoalitionRole.choices,
        help_text=_("De rol die deze partner op zich neemt."),
        error_messages=required("role"),
    )
    hours_per_month = models.DecimalField(
        _("uren per maand"),
        max_digits=7,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0, MESSAGES["hours_negative"])],
        help_text=_("Hoeveel uur per maand de partner inzet."),
    )
    money = models.DecimalField(
        _("geld (euro)"),
        max_digits=11,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0, MESSAGES["money_negative"])],
        help_text=_("Financiële bijdrage in euro, bijvoorbeeld per jaar."),
    )
    space = models.TextField(
        _("ruimte"),
        blank=True,
        max_length=2000,
        help_text=_("Bijvoorbeeld een zaal, buurthuis of werkplek."),
    )
    reach = models.TextField(
        _("bereik"),
        blank=True,
        max_length=2000,
        help_text=_("Welke inwoners of groepen de partner kan bereiken."),
    )
    expertise = models.TextField(
        _("expertise"),
        blank=True,
        max_length=2000,
        help_text=_("Kennis of vaardigheden die de partner inbrengt."),
    )
    expectations = models.TextField(
        _("verwachtingen"),
        max_length=2000,
        help_text=_("Wat verwacht de partner van de coalitie, en de coalitie van de partner?"),
        error_messages=required("expectations"),
    )
    financial_conditions = models.TextField(
        _("financiële voorwaarden"),
        blank=True,
        max_length=2000,
        help_text=_("Voorwaarden of eisen die aan een vergoeding verbonden zijn."),
    )
    start_date = models.DateField(_("ingangsdatum"), error_messages=required("start_date"))
    review_date = models.DateField(
        _("evaluatiedatum"),
        help_text=_("Wanneer de afspraken samen worden herzien."),
        error_messages=required("review_date"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition", owner="partner")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak met een partner")
        verbose_name_plural = _("afspraken met partners")
        ordering = ["partner__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours_per_month__gte=0), name="agreement_hours_not_negative"
            ),
            models.CheckConstraint(condition=Q(money__gte=0), name="agreement_money_not_negative"),
            models.CheckConstraint(
                condition=Q(review_date__gte=F("start_date")),
                name="agreement_review_after_start",
            ),
        ]
        indexes = [models.Index(fields=["review_date"])]

    def __str__(self) -> str:
        return str(_("Afspraken met %(partner)s")) % {"partner": self.partner}

    def clean(self) -> None:
        """Rules shared by the forms, the services and the API, with Dutch messages at the field."""
        errors = check_partner(
            self.partner if self.partner_id else None, self.coalition_id, "partner"
        )
        if self.start_date and self.review_date and self.review_date < self.start_date:
            errors["review_date"] = MESSAGES["review_before_start"]
        if errors:
            raise ValidationError(errors)

    def unique_error_message(self, model_class: Any, unique_check: Any) -> ValidationError:
        if tuple(unique_check) == ("partner",):
            return ValidationError(MESSAGES["duplicate"], code="unique")
        return super().unique_error_message(model_class, unique_check)

    @cached_property
    def other_contributions(self) -> list[tuple[str, str]]:
        """(label, text) of the contributions that are not hours or money, filled in only."""
        return [
            (str(self._meta.get_field(name).verbose_name), value)  # type: ignore[union-attr]
            for name in ("space", "reach", "expertise")
            if (value := getattr(self, name).strip())
        ]

    @property
    def has_contribution(self) -> bool:
        return bool(self.hours_per_month or self.money or self.other_contributions)

    @property
    def role_label(self) -> str:
        return label(CoalitionRole, self.role)


class StepKind(models.TextChoices):
    STEP = "step", _("Processtap")
    MILESTONE = "milestone", _("Mijlpaal")


class StepStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    BUSY = "busy", _("Bezig")
    DONE = "done", _("Gedaan")
    DROPPED = "dropped", _("Vervallen")


OPEN_STATUSES = (StepStatus.PLANNED, StepStatus.BUSY)


class ProcessStepQuerySet(TenantQuerySet["ProcessStep"]):
    def overdue(self, today: datetime.date) -> ProcessStepQuerySet:
        """Open steps whose due date has passed."""
        return self.filter(due_date__lt=today, status__in=OPEN_STATUSES)


class ProcessStep(models.Model):
    """A step or milestone of the joint process design (handbook §1.2.4, §3.3.5)."""

    uuid = public_id()
    coalition = coalition_link("process_steps")
    title = models.CharField(_("titel"), max_length=200, error_messages=required("title"))
    kind = models.CharField(
        _("soort"),
        max_length=10,
        choices=StepKind.choices,
        default=StepKind.STEP,
        help_text=_("Een mijlpaal markeert een moment dat de partners samen willen halen."),
    )
    owner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("trekker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_steps",
        help_text=_("De partner die deze stap trekt."),
    )
    due_date = models.DateField(_("streefdatum"), error_messages=required("due_date"))
    status = models.CharField(
        _("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.PLANNED
    )
    decisions_needed = models.TextField(
        _("benodigde besluiten"),
        blank=True,
        max_length=2000,
        help_text=_("Waarover moet nog worden besloten, en door wie?"),
    )
    order = models.PositiveIntegerField(
        _("volgorde"),
        default=0,
        help_text=_("Lager komt eerder; bij gelijke volgorde telt de datum."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = ProcessStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("processtap")
        verbose_name_plural = _("processtappen")
        ordering = ["order", "due_date", "pk"]
        indexes = [models.Index(fields=["coalition", "due_date"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = check_partner(self.owner if self.owner_id else None, self.coalition_id, "owner")
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, today: datetime.date) -> bool:
        return self.status in OPEN_STATUSES and self.due_date < today


class CovenantKind(models.TextChoices):
    LETTER_OF_INTENT = "letter_of_intent", _("Intentieverklaring")
    COVENANT = "covenant", _("Convenant")


class CovenantStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SIGNED = "signed", _("Getekend")


class Covenant(models.Model):
    """The coalition's letter of intent or covenant: one per coalition (handbook §1.2.4)."""

    uuid = public_id()
    coalition = coalition_link("covenant", one_to_one=True)
    kind = models.CharField(
        _("soort document"),
        max_length=20,
        choices=CovenantKind.choices,
        default=CovenantKind.LETTER_OF_INTENT,
    )
    rules_of_play = models.TextField(
        _("spelregels"),
        blank=True,
        max_length=8000,
        help_text=_("Hoe de partners met elkaar omgaan: overleg, besluiten, in- en uitstappen."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CovenantStatus.choices, default=CovenantStatus.DRAFT
    )
    signed_on = models.DateField(_("getekend op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("intentieverklaring of convenant")
        verbose_name_plural = _("intentieverklaringen en convenanten")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=CovenantStatus.DRAFT) | Q(signed_on__isnull=False),
                name="signed_covenant_has_date",
            )
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def is_signed(self) -> bool:
        return self.status == CovenantStatus.SIGNED


class Signatory(models.Model):
    """A person who signs the covenant on behalf of a partner."""

    uuid = public_id()
    covenant = models.ForeignKey(
        Covenant,
        verbose_name=_("intentieverklaring of convenant"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="signatories",
        error_messages=required("partner"),
    )
    name = models.CharField(
        _("naam"),
        max_length=150,
        help_text=_("Wie tekent namens de partner."),
        error_messages=required("name"),
    )
    function = models.CharField(
        _("functie"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld directeur of wethouder."),
    )
    signed_on = models.DateField(_("getekend op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="covenant__coalition", owner="partner")
    objects = TenantQuerySet.as_manager()
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"name"})

    class Meta:
        verbose_name = _("ondertekenaar")
        verbose_name_plural = _("ondertekenaars")
        ordering = ["partner__name", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return _("Ondertekenaar namens %(partner)s") % {"partner": self.partner.name}

    def clean(self) -> None:
        if self.partner_id:
            errors = check_partner(self.partner, self.covenant.coalition_id, "partner")
            if errors:
                raise ValidationError(errors)
