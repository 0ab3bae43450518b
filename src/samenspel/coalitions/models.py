from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet

CBS_CODE = RegexValidator(r"^GM\d{4}$", _("Een CBS-gemeentecode ziet eruit als GM0363."))


class Municipality(models.Model):
    """A Dutch municipality as registered by CBS. Reference data, loaded by command."""

    code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[CBS_CODE],
        help_text=_("Bijvoorbeeld GM0363."),
    )
    name = models.CharField(_("naam"), max_length=100)
    is_fictional = models.BooleanField(
        _("fictief"), default=False, help_text=_("Voor demonstratie- en testgegevens.")
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Phase(models.TextChoices):
    """The handbook's five life phases (§1.2) plus 'stopped'."""

    INITIATE = "initiate", _("1. Initiëren en starten")
    EXPLORE = "explore", _("2. Verkennen en concretiseren")
    ESTABLISH = "establish", _("3. Inrichten en markeren")
    SUSTAIN = "sustain", _("4. Levend houden en bestendigen")
    DEVELOP = "develop", _("5. Doorontwikkelen")
    STOPPED = "stopped", _("Gestopt")


LIFE_PHASES = [Phase.INITIATE, Phase.EXPLORE, Phase.ESTABLISH, Phase.SUSTAIN, Phase.DEVELOP]


_PHASE_NUMBERS = {phase.value: number for number, phase in enumerate(LIFE_PHASES, start=1)}


def phase_number(phase: str) -> int | None:
    """1–5 for the life phases, None for 'stopped' (a KeyError for what is no phase)."""
    return None if phase == Phase.STOPPED else _PHASE_NUMBERS[phase]


class MunicipalityRole(models.TextChoices):
    """Roles the municipality can agree to play in a coalition: the handbook's (§2.10 tip 1,
    §3.2.5 Dronten) and the article's three (mediator, facilitator, aanjager; 2021). The keys are
    the guide's items in `municipality_roles`."""

    AGENDA_SETTER = "agenda_setter", _("Agenderen en verbinden")
    FACILITATOR_OF_MEANS = "facilitator_of_means", _("Faciliteren met middelen")
    DIRECTOR = "director", _("Regie voeren")
    COMMISSIONER_FUNDER = "commissioner_funder", _("Opdrachtgever en financier")
    EQUAL_PARTNER = "equal_partner", _("Gelijkwaardige partner")
    MEDIATOR = "mediator", _("Mediator")
    FACILITATOR = "facilitator", _("Facilitator")
    AANJAGER = "aanjager", _("Aanjager")


# An equal partner is no director and no commissioner (handbook §3.2.5, Dronten).
STEERING_MUNICIPALITY_ROLES = (MunicipalityRole.DIRECTOR, MunicipalityRole.COMMISSIONER_FUNDER)


def following_phase(phase: str) -> str | None:
    """The life phase after `phase` (None after the last one and for 'stopped')."""
    number = phase_number(phase)
    return LIFE_PHASES[number] if number and number < len(LIFE_PHASES) else None


def is_step_back(from_phase: str, to_phase: str) -> bool:
    """From one life phase to an earlier one (allowed, handbook §1.2, but worth a second look)."""
    if to_phase not in Phase.values:
        return False
    before, after = phase_number(from_phase), phase_number(to_phase)
    return before is not None and after is not None and after < before


class Form(models.TextChoices):
    UNDECIDED = "undecided", _("Nog niet gekozen")
    ALLIANCE = "alliance", _("Alliantie-achtig: één centrale tafel")
    NETWORK = "network", _("Netwerk-achtig: parallelle activiteiten")


class LegalStructure(models.TextChoices):
    NONE = "none", _("Geen (informele samenwerking)")
    AGREEMENT = "agreement", _("Intentieverklaring of convenant")
    FOUNDATION = "foundation", _("Stichting")
    ASSOCIATION = "association", _("Vereniging")
    COOPERATIVE = "cooperative", _("Coöperatie")
    OTHER = "other", _("Anders")


class AreaScope(models.TextChoices):
    WHOLE = "whole", _("De hele gemeente")
    PARTS = "parts", _("Een of meer kernen of wijken")


class CoalitionQuerySet(TenantQuerySet["Coalition"]):
    # The coalitions a person is a member of: the tenancy gate seen from the coalition.
    tenant_doors = ("for_user",)

    def for_user(self, user: models.Model) -> "CoalitionQuerySet":
        return self._scoped(memberships__user=user).select_related("municipality")


class Coalition(models.Model):
    uuid = public_id()
    name = models.CharField(
        _("naam"), max_length=150, help_text=_("Zoals de coalitie zichzelf noemt.")
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="coalitions",
    )
    area_scope = models.CharField(
        _("werkgebied"), max_length=10, choices=AreaScope.choices, default=AreaScope.WHOLE
    )
    areas = models.TextField(
        _("kernen of wijken"),
        blank=True,
        help_text=_(
            "Eén kern of wijk per regel; alleen als de coalitie een deel van de gemeente bestrijkt."
        ),
    )
    form = models.CharField(
        _("vorm"),
        max_length=12,
        choices=Form.choices,
        default=Form.UNDECIDED,
        help_text=_("Handreiking §1.2.3: alliantie-achtig of netwerk-achtig samenwerken."),
    )
    legal_structure = models.CharField(
        _("juridische structuur"),
        max_length=12,
        choices=LegalStructure.choices,
        default=LegalStructure.NONE,
    )
    start_date = models.DateField(_("startdatum"))
    phase = models.CharField(
        _("levensfase"),
        max_length=10,
        choices=Phase.choices,
        default=Phase.INITIATE,
        help_text=_("Wijzig de fase via een fasewissel, zodat de geschiedenis bewaard blijft."),
    )
    ambition = models.TextField(_("gedeelde ambitie"), blank=True, max_length=4000)
    municipality_roles = models.JSONField(
        _("afgesproken rollen van de gemeente"),
        default=list,
        blank=True,
        help_text=_("Welke rollen de gemeente in deze coalitie speelt, zoals samen afgesproken."),
    )
    municipality_roles_note = models.TextField(
        _("toelichting op de rol van de gemeente"),
        blank=True,
        max_length=2000,
        help_text=_("Wat houdt de rol in, en wat doet de gemeente juist niet?"),
    )
    municipality_roles_agreed_on = models.DateField(
        _("afgesproken op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de partners en de gemeente de rollen hebben besproken."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="")
    objects = CoalitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("coalitie")
        verbose_name_plural = _("coalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def area_list(self) -> list[str]:
        return [line.strip() for line in self.areas.splitlines() if line.strip()]


class TippingPoint(models.TextChoices):
    """Kantelmomenten that mark a phase change (handbook §1.3)."""

    LETTER_OF_INTENT = "letter_of_intent", _("Intentieverklaring of convenant getekend")
    NEW_PARTNER = "new_partner", _("Nieuwe of andere partner")
    LEGAL_STRUCTURE = "legal_structure", _("Juridische structuur ingericht")
    FIRST_BUDGET = "first_budget", _("Voor het eerst met een begroting")
    SUBSIDY = "subsidy", _("Subsidie verkregen of beëindigd")
    PROJECT_COMPLETED = "project_completed", _("Project succesvol afgerond")
    OTHER = "other", _("Anders")


class PhaseChange(models.Model):
    uuid = public_id()
    coalition = coalition_link("phase_changes")
    date = models.DateField(_("datum"), help_text=_("Wanneer de coalitie van fase wisselde."))
    from_phase = models.CharField(_("van fase"), max_length=10, choices=Phase.choices, blank=True)
    to_phase = models.CharField(_("naar fase"), max_length=10, choices=Phase.choices)
    reason = models.TextField(
        _("reden"), max_length=2000, help_text=_("Waarom wisselt de coalitie van fase?")
    )
    tipping_point = models.CharField(
        _("kantelmoment"), max_length=20, choices=TippingPoint.choices, default=TippingPoint.OTHER
    )
    recorded_by = user_link(_("vastgelegd door"), blank=False, related_name=None)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("fasewissel")
        verbose_name_plural = _("fasewissels")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["coalition", "-date"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_phase=F("to_phase")), name="phase_change_changes_phase"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_from_phase_display() or '–'} → {self.get_to_phase_display()}"

    @property
    def is_step_back(self) -> bool:
        before, after = (
            phase_number(self.from_phase) if self.from_phase else None,
            phase_number(self.to_phase),
        )
        return before is not None and after is not None and after < before


class ChecklistStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Niet gestart")
    BUSY = "busy", _("Bezig")
    DONE = "done", _("Gedaan")
    NOT_APPLICABLE = "not_applicable", _("Niet van toepassing")


class ChecklistItem(models.Model):
    """The coalition's progress on one typical activity of a phase (activities live in the guide).
    Activities without an item are 'not started'."""

    coalition = coalition_link("checklist_items")
    activity_key = models.CharField(_("activiteit"), max_length=64)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ChecklistStatus.choices,
        default=ChecklistStatus.NOT_STARTED,
    )
    note = models.TextField(_("notitie"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = user_link(_("gewijzigd door"), blank=False, related_name=None)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("checklistpunt")
        verbose_name_plural = _("checklistpunten")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "activity_key"], name="one_item_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_key}: {self.get_status_display()}"


NEIGHBOURHOOD_CODE = RegexValidator(
    r"^(WK\d{6}|BU\d{8})$",
    _("Een CBS-wijkcode ziet eruit als WK036301, een buurtcode als BU03630101."),
)


class NeighbourhoodKind(models.TextChoices):
    DISTRICT = "district", _("Wijk")
    VILLAGE = "village", _("Kern of dorp")
    BLOCK = "block", _("Buurt")


class Neighbourhood(models.Model):
    """A wijk, kern or buurt the coalition works in: where activities take place and signals
    come from. Linked to a CBS region code when there is one, so that the small-area estimates
    of loneliness (monitoring) can be set beside the offer."""

    uuid = public_id()
    coalition = coalition_link("neighbourhoods")
    name = models.CharField(_("naam"), max_length=100)
    kind = models.CharField(
        _("soort"),
        max_length=10,
        choices=NeighbourhoodKind.choices,
        default=NeighbourhoodKind.DISTRICT,
    )
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=10,
        blank=True,
        validators=[NEIGHBOURHOOD_CODE],
        help_text=_(
            "De wijk- of buurtcode van het CBS, bijvoorbeeld WK036301. Leeg voor een kern."
        ),
    )

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijk of kern")
        verbose_name_plural = _("wijken en kernen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "name"],
                name="neighbourhood_name_unique_in_coalition",
                violation_error_message=_("Deze coalitie heeft al een wijk of kern met deze naam."),
            ),
            models.UniqueConstraint(
                fields=["coalition", "cbs_code"],
                condition=~Q(cbs_code=""),
                name="neighbourhood_code_unique_in_coalition",
                violation_error_message=_("Deze CBS-code is al aan een andere wijk gekoppeld."),
            ),
        ]

    def __str__(self) -> str:
        return self.name
