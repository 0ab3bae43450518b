from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from samenspel.core.choices import label
from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class PartnerKind(models.TextChoices):
    """The handbook's partner kinds (part 2), plus housing corporation and other."""

    RESIDENTS = "residents", _("Inwoners")
    WELFARE = "welfare", _("Welzijnsorganisatie")
    ENTREPRENEURS = "entrepreneurs", _("Ondernemers")
    ASSOCIATIONS = "associations", _("Verenigingen en gemeenschappen")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Sociaal buurt- of wijkteam")
    LIBRARIES_CULTURE = "libraries_culture", _("Bibliotheken en culturele instellingen")
    CARE_PROVIDERS = "care_providers", _("Zorgaanbieders")
    EDUCATION = "education", _("Onderwijs")
    MUNICIPALITY = "municipality", _("Gemeente")
    HOUSING_CORPORATION = "housing_corporation", _("Woningcorporatie")
    OTHER = "other", _("Anders")


class Circle(models.TextChoices):
    """Circles of involvement (handbook §3.2.5), from the heart outwards."""

    CORE = "core", _("Kern")
    ACTIVE = "active", _("Actief")
    INVOLVED = "involved", _("Betrokken")
    INFORMED = "informed", _("Geïnformeerd")


class Motive(models.TextChoices):
    """The three kinds of motive (handbook §3.3.2)."""

    INSTRUMENTAL = "instrumental", _("Instrumenteel")
    MORAL = "moral", _("Moreel")
    AFFECTIVE = "affective", _("Affectief")


class CoalitionRole(models.TextChoices):
    PROCESS_LEAD = "process_lead", _("Procesregie")
    NETWORK_COORDINATION = "network_coordination", _("Netwerkcoördinatie")
    SIGNALLING = "signalling", _("Signaleren")
    RUNNING_ACTIVITIES = "running_activities", _("Activiteiten uitvoeren")
    FUNDER = "funder", _("Financier")
    COMMISSIONER = "commissioner", _("Opdrachtgever")
    PARTICIPANT = "participant", _("Deelnemer")


class ResidentType(models.TextChoices):
    """Tonkens' four resident types (handbook §2.2)."""

    RESPONSIBLE = "responsible", _("De verantwoordelijke inwoner")
    CARING = "caring", _("De zorgzame inwoner")
    DECENT = "decent", _("De fatsoenlijke inwoner")
    DELIBERATIVE = "deliberative", _("De deliberatieve inwoner")


class ParticipationReason(models.TextChoices):
    """Why a resident takes part (handbook §2.2, tip 1)."""

    OWN_EXPERIENCE = "own_experience", _("Heeft zelf met eenzaamheid te maken")
    REPRESENTS_GROUP = "represents_group", _("Vertegenwoordigt de doelgroep")
    INTRINSIC = "intrinsic", _("Wil vanuit zichzelf bijdragen")
    OTHER = "other", _("Anders")


def _distinct_choices(values: Any, allowed: list[str]) -> bool:
    return (
        isinstance(values, list) and set(values) <= set(allowed) and len(set(values)) == len(values)
    )


class PartnerQuerySet(TenantQuerySet["Partner"]):
    def current(self) -> "PartnerQuerySet":
        return self.filter(left_on__isnull=True)


class Partner(models.Model):
    """An organisation or resident group taking part in a coalition."""

    uuid = public_id()
    coalition = coalition_link("partners")
    name = models.CharField(
        _("naam"), max_length=150, help_text=_("Naam van de organisatie of groep.")
    )
    kind = models.CharField(_("soort partner"), max_length=24, choices=PartnerKind.choices)
    circle = models.CharField(
        _("cirkel van betrokkenheid"),
        max_length=10,
        choices=Circle.choices,
        default=Circle.INFORMED,
        help_text=_(
            "Handreiking §3.2.5: hoe dicht staat deze partner bij het hart van de coalitie?"
        ),
    )
    motives = models.JSONField(
        _("dominante motieven"),
        default=list,
        help_text=_("Eén of meer: instrumenteel, moreel, affectief."),
    )
    roles = models.JSONField(_("rollen in de coalitie"), default=list, blank=True)
    resident_type = models.CharField(
        _("type inwoner"),
        max_length=12,
        choices=ResidentType.choices,
        blank=True,
        help_text=_("Alleen voor inwoners (Tonkens)."),
    )
    represents = models.CharField(
        _("namens wie"),
        max_length=200,
        blank=True,
        help_text=_("Alleen voor inwoners: namens wie of wat?"),
    )
    participation_reason = models.CharField(
        _("waarom doet deze inwoner mee"),
        max_length=16,
        choices=ParticipationReason.choices,
        blank=True,
    )
    brings = models.TextField(_("wat brengt de partner"), blank=True, max_length=2000)
    takes = models.TextField(_("wat haalt de partner"), blank=True, max_length=2000)
    deal_breakers = models.TextField(
        _("dealbreakers"),
        blank=True,
        max_length=2000,
        help_text=_("Wat wil deze partner absoluut niet?"),
    )
    success_criteria = models.TextField(
        _("wanneer is het een succes"),
        blank=True,
        max_length=2000,
        help_text=_("Wat wil deze partner gerealiseerd zien?"),
    )
    joined_on = models.DateField(_("lid sinds"), null=True, blank=True)
    left_on = models.DateField(_("vertrokken op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition", owner="")
    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "coalition", name="unique_partner_name_per_coalition"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="partner_leaves_after_joining",
            ),
        ]
        indexes = [
            models.Index(fields=["coalition", "circle"]),
            models.Index(fields=["coalition", "kind"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Rules shared by the forms and the API, with Dutch messages at the field."""
        errors: dict[str, Any] = {}
        if not self.motives:
            errors["motives"] = _("Kies ten minste één dominant motief.")
        elif not _distinct_choices(self.motives, Motive.values):
            errors["motives"] = _("Kies motieven uit: instrumenteel, moreel, affectief.")
        if not _distinct_choices(self.roles, CoalitionRole.values):
            errors["roles"] = _("Een of meer rollen bestaan niet.")
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            errors["left_on"] = _("De vertrekdatum ligt vóór de datum van toetreden.")
        if not self.is_resident:
            self.resident_type, self.represents, self.participation_reason = "", "", ""
        if errors:
            raise ValidationError(errors)

    @property
    def is_resident(self) -> bool:
        return self.kind == PartnerKind.RESIDENTS

    @property
    def kind_label(self) -> str:
        return label(PartnerKind, self.kind)

    @property
    def circle_label(self) -> str:
        return label(Circle, self.circle)

    def get_motives_display(self) -> list[str]:
        return [label(Motive, value) for value in self.motives]

    def get_roles_display(self) -> list[str]:
        return [label(CoalitionRole, value) for value in self.roles]


class ContactPerson(models.Model):
    """A professional contact at a partner: work details only."""

    uuid = public_id()
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("naam"), max_length=150)
    function = models.CharField(_("functie"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres (werk)"), blank=True)
    phone = models.CharField(_("telefoon (werk)"), max_length=30, blank=True)
    is_primary = models.BooleanField(_("eerste aanspreekpunt"), default=False)
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"name", "email", "phone"})

    tenancy = Tenancy(coalition="partner__coalition", owner="partner")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["-is_primary", "name"]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return _("Contactpersoon bij %(partner)s") % {"partner": self.partner.name}


class EventKind(models.TextChoices):
    """Changes in a partner that call for a conversation (handbook §1.2.4, 'Partijen veranderen')."""

    NEW_DIRECTOR = "new_director", _("Nieuwe directeur of bestuurder")
    NEW_CONTACT = "new_contact", _("Nieuwe contactpersoon")
    LOST_SUBSIDY = "lost_subsidy", _("Subsidie verloren")
    NEW_SUBSIDY = "new_subsidy", _("Nieuwe subsidie")
    CHANGED_MOTIVE = "changed_motive", _("Motief veranderd")
    LEAVING = "leaving", _("Vertrekt uit de coalitie")
    OTHER = "other", _("Andere verandering")


class ConversationStatus(models.TextChoices):
    TO_PLAN = "to_plan", _("Gesprek nog plannen")
    PLANNED = "planned", _("Gesprek gepland")
    HELD = "held", _("Gesprek gevoerd")
    NOT_NEEDED = "not_needed", _("Geen gesprek nodig")


class PartnerEventQuerySet(TenantQuerySet["PartnerEvent"]):
    def needing_conversation(self) -> "PartnerEventQuerySet":
        return self.filter(
            conversation__in=[ConversationStatus.TO_PLAN, ConversationStatus.PLANNED]
        )


class PartnerEvent(models.Model):
    uuid = public_id()
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("soort verandering"), max_length=16, choices=EventKind.choices)
    date = models.DateField(_("datum"))
    description = models.TextField(_("toelichting"), blank=True, max_length=2000)
    conversation = models.CharField(
        _("gesprek"),
        max_length=12,
        choices=ConversationStatus.choices,
        default=ConversationStatus.TO_PLAN,
    )
    recorded_by = user_link(_("vastgelegd door"), blank=False, related_name=None)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="partner__coalition", owner="partner")
    objects = PartnerEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("verandering bij partner")
        verbose_name_plural = _("veranderingen bij partners")
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_kind_display()}"
