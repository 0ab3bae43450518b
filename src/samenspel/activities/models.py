"""The coalition's offer to residents: activities and initiatives, when they take place, and
how many people they reach (counts only, never names).

Handreiking §1.2.2 asks who can help and which initiatives contribute to less loneliness; the
public finder (no login) lets residents find that offer, the gap view sets it against the
estimated loneliness per wijk (monitoring).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.choices import label
from samenspel.core.dates import period
from samenspel.core.fields import coalition_link, public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class ActivityKind(models.TextChoices):
    MEETING_PLACE = "meeting_place", _("Ontmoetingsplek")
    BUDDY = "buddy", _("Maatjesproject")
    HOME_VISITS = "home_visits", _("Huisbezoek")
    SPORTS = "sports", _("Sport en bewegen")
    CULTURE = "culture", _("Cultuur en creativiteit")
    LEARNING = "learning", _("Leren en ontwikkelen")
    MEALS = "meals", _("Samen eten")
    NATURE = "nature", _("Natuur en tuinieren")
    VOLUNTEERING = "volunteering", _("Vrijwilligerswerk")
    HELP = "help", _("Hulp en advies")
    OTHER = "other", _("Anders")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("Iedereen")
    OLDER = "older", _("Ouderen")
    YOUNG = "young", _("Jongeren")
    CARERS = "carers", _("Mantelzorgers")
    MIGRANTS = "migrants", _("Nieuwkomers en migranten")
    LOW_LITERACY = "low_literacy", _("Mensen die moeite hebben met lezen en schrijven")
    DISABILITY = "disability", _("Mensen met een beperking")


class ActivityStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    PAUSED = "paused", _("Gepauzeerd")
    ENDED = "ended", _("Gestopt")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Elke week")
    BIWEEKLY = "biweekly", _("Om de week")
    MONTHLY = "monthly", _("Elke maand")
    ONCE = "once", _("Eenmalig")
    ON_APPOINTMENT = "appointment", _("Op afspraak")


class MonthWeek(models.IntegerChoices):
    """Which of a month's weekdays a monthly activity falls on (iCalendar's BYDAY prefix)."""

    FIRST = 1, _("eerste")
    SECOND = 2, _("tweede")
    THIRD = 3, _("derde")
    FOURTH = 4, _("vierde")
    LAST = -1, _("laatste")


class Weekday(models.IntegerChoices):
    """ISO weekday numbers, as `date.isoweekday()` gives them."""

    MONDAY = 1, _("maandag")
    TUESDAY = 2, _("dinsdag")
    WEDNESDAY = 3, _("woensdag")
    THURSDAY = 4, _("donderdag")
    FRIDAY = 5, _("vrijdag")
    SATURDAY = 6, _("zaterdag")
    SUNDAY = 7, _("zondag")


NEGATIVE_COST = _("De kosten kunnen niet negatief zijn.")
END_BEFORE_START = _("De einddatum ligt vóór de startdatum.")
FOREIGN_NEIGHBOURHOOD = _("Deze wijk of kern hoort niet bij deze coalitie.")
MONTH_WEEK_NOT_MONTHLY = _(
    "Een week van de maand past alleen bij 'Elke maand'. Kies 'Elke maand' of maak dit veld leeg."
)
FINDER_SLUG = RegexValidator(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    _("Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld samen-dijkerveen."),
)


class Finder(models.Model):
    """The coalition's public finder: whether it is online, under which address, and the text
    residents see above the offer."""

    coalition = coalition_link("finder", one_to_one=True)
    slug = models.SlugField(
        _("adres"),
        max_length=60,
        unique=True,
        validators=[FINDER_SLUG],
        help_text=_(
            "Het laatste deel van het webadres van de zoeker, bijvoorbeeld samen-dijkerveen."
        ),
    )
    is_published = models.BooleanField(
        _("openbaar"),
        default=False,
        help_text=_("Alleen een openbare zoeker is zonder inloggen te zien."),
    )
    title = models.CharField(
        _("titel"), max_length=120, default=_("Activiteiten bij u in de buurt")
    )
    introduction = models.TextField(
        _("inleiding"),
        blank=True,
        max_length=1000,
        help_text=_("Korte tekst in eenvoudige taal boven de zoeker."),
    )
    contact = models.CharField(
        _("contact voor vragen"),
        max_length=200,
        blank=True,
        help_text=_("Een algemeen telefoonnummer of e-mailadres, geen persoonlijke gegevens."),
    )

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("openbare zoeker")
        verbose_name_plural = _("openbare zoekers")

    def __str__(self) -> str:
        return self.slug


class ActivityQuerySet(TenantQuerySet["Activity"]):
    def listed(self) -> "ActivityQuerySet":
        """Published by its providers and not ended, by its status or by its end date: what a
        finder that is online shows."""
        return (
            self.filter(is_published=True)
            .exclude(status=ActivityStatus.ENDED)
            .exclude(ends_on__lt=timezone.localdate())
        )

    def with_neighbourhood_name(self) -> "ActivityQuerySet":
        """Adds `neighbourhood_name` as a lookup by primary key per row. A join would let
        PostgreSQL hash the wijken of every coalition before it sorts and limits a page."""
        from samenspel.coalitions.models import Neighbourhood

        name = Neighbourhood.objects.filter(pk=OuterRef("neighbourhood_id")).values("name")[:1]
        return self.annotate(neighbourhood_name=Subquery(name, output_field=models.CharField()))

    def published(self) -> "ActivityQuerySet":
        """What residents may see: listed, in a coalition whose finder is online."""
        return self.listed().filter(coalition__finder__is_published=True)


class Activity(models.Model):
    uuid = public_id()
    coalition = coalition_link("activities")
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(
        _("korte beschrijving"),
        max_length=1000,
        help_text=_(
            "In eenvoudige taal (B1): wat gebeurt er, voor wie, en wat levert het op? "
            "Korte zinnen, gewone woorden."
        ),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ActivityKind.choices)
    providers = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("aanbieders"),
        related_name="activities",
        blank=True,
        help_text=_("De partners die de activiteit organiseren."),
    )
    organiser = models.CharField(
        _("andere organisator"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld een bewonersinitiatief dat (nog) geen partner is."),
    )
    neighbourhood = models.ForeignKey(
        "coalitions.Neighbourhood",
        verbose_name=_("wijk of kern"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Leeg als de activiteit voor de hele gemeente is."),
    )
    location_name = models.CharField(
        _("locatie"), max_length=150, blank=True, help_text=_("Bijvoorbeeld: Buurthuis De Linde.")
    )
    street_address = models.CharField(_("adres"), max_length=150, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=80, blank=True)
    frequency = models.CharField(
        _("hoe vaak"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    month_week = models.SmallIntegerField(
        _("week van de maand"),
        choices=MonthWeek.choices,
        null=True,
        blank=True,
        help_text=_(
            "Alleen bij 'Elke maand': op de hoeveelste dag van die soort in de maand, "
            "bijvoorbeeld de eerste vrijdag of de laatste dinsdag."
        ),
    )
    schedule_note = models.CharField(
        _("toelichting op de tijden"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: niet in de schoolvakanties."),
    )
    starts_on = models.DateField(_("startdatum"), null=True, blank=True)
    ends_on = models.DateField(_("einddatum"), null=True, blank=True)
    cost = models.DecimalField(
        _("kosten in euro"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=NEGATIVE_COST)],
        help_text=_("0 voor gratis; leeg als het nog niet bekend is."),
    )
    cost_note = models.CharField(
        _("toelichting op de kosten"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld: per keer, inclusief koffie."),
    )
    wheelchair_accessible = models.BooleanField(
        _("rolstoeltoegankelijk"),
        null=True,
        blank=True,
        help_text=_("Leeg als het niet bekend is."),
    )
    accessibility = models.CharField(
        _("toegankelijkheid"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: ringleiding, lift, vervoer mogelijk."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg als er geen maximum is.")
    )
    how_to_join = models.CharField(
        _("hoe doet u mee"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: gewoon binnenlopen, of eerst even bellen."),
    )
    contact_phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    week_against_loneliness = models.BooleanField(
        _("Week tegen Eenzaamheid"),
        default=False,
        help_text=_("Doet mee aan de Week tegen Eenzaamheid."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.ACTIVE
    )
    is_published = models.BooleanField(
        _("in de openbare zoeker"),
        default=True,
        help_text=_("Inwoners zien de activiteit in de zoeker zolang die openbaar is."),
    )
    checked_on = models.DateField(
        _("laatst gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer iemand voor het laatst nakeek of alles nog klopt."),
    )
    checked_by = user_link(_("gecontroleerd door"))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    tenancy = Tenancy(coalition="coalition")
    # The contact may be a person: the audit trail records only that it changed (core/audit.py).
    personal_fields = frozenset({"contact_phone", "contact_email"})
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["coalition", "status", "title"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="activity_cost_not_negative",
                violation_error_message=NEGATIVE_COST,
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="activity_end_not_before_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(month_week__isnull=True) | Q(frequency=Frequency.MONTHLY),
                name="activity_month_week_only_monthly",
                violation_error_message=MONTH_WEEK_NOT_MONTHLY,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_free(self) -> bool:
        return self.cost is not None and self.cost == 0

    # Labels through the per-language cache: lists show them for every row.
    @property
    def kind_label(self) -> str:
        return label(ActivityKind, self.kind)

    @property
    def frequency_label(self) -> str:
        return label(Frequency, self.frequency)

    @property
    def status_label(self) -> str:
        return label(ActivityStatus, self.status)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = END_BEFORE_START
        if (
            self.neighbourhood is not None
            and self.coalition_id is not None
            and self.neighbourhood.coalition_id != self.coalition_id
        ):
            errors["neighbourhood"] = FOREIGN_NEIGHBOURHOOD
        if self.month_week is not None and self.frequency != Frequency.MONTHLY:
            errors["month_week"] = MONTH_WEEK_NOT_MONTHLY
        if errors:
            raise ValidationError(errors)


class ActivityTargetGroup(models.Model):
    """One target group of an activity; a row per group so the finder can filter on it."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="target_groups")
    group = models.CharField(_("doelgroep"), max_length=20, choices=TargetGroup.choices)

    tenancy = Tenancy(coalition="activity__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["group"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "group"], name="activity_group_unique")
        ]
        indexes = [models.Index(fields=["group", "activity"])]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return label(TargetGroup, self.group)


TIME_END_BEFORE_START = _("De eindtijd ligt vóór de begintijd.")


def slot_text(
    weekday: int, start: datetime.time, end: datetime.time | None, month_week: int | None = None
) -> str:
    """'maandag 10:00–12:00', 'maandag 10:00' without an end time, and for a monthly activity
    on a set week 'eerste vrijdag 10:00–12:00'."""
    until = f"–{end:%H:%M}" if end else ""
    day = label(Weekday, str(weekday))
    if month_week is not None:
        day = f"{label(MonthWeek, str(month_week))} {day}"
    return f"{day} {start:%H:%M}{until}"


class TimeSlot(models.Model):
    """When a recurring activity takes place: a weekday with start and end time."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="time_slots")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    start_time = models.TimeField(_("van"))
    end_time = models.TimeField(_("tot"), null=True, blank=True)

    tenancy = Tenancy(coalition="activity__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("tijdstip")
        verbose_name_plural = _("tijdstippen")
        ordering = ["weekday", "start_time"]
        indexes = [models.Index(fields=["weekday", "activity"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="timeslot_end_after_start",
                violation_error_message=TIME_END_BEFORE_START,
            )
        ]

    def __str__(self) -> str:
        # The activity is in memory when the slots were read through it (no extra query).
        return slot_text(self.weekday, self.start_time, self.end_time, self.activity.month_week)


NEGATIVE_COUNT = _("Een aantal kan niet negatief zijn.")
GROUPS_EXCEED_TOTAL = _("De aantallen per doelgroep zijn samen meer dan het totaal.")


class ReachRecord(models.Model):
    """How many people took part in a period. Counts only: never names or other personal data."""

    uuid = public_id()
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reach")
    period_start = models.DateField(_("periode van"))
    period_end = models.DateField(_("periode tot en met"))
    new_participants = models.PositiveIntegerField(_("nieuwe deelnemers"), default=0)
    returning_participants = models.PositiveIntegerField(_("terugkerende deelnemers"), default=0)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    recorded_by = user_link(_("vastgelegd door"))
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="activity__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("bereik")
        verbose_name_plural = _("bereik")
        ordering = ["-period_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="reach_end_not_before_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.UniqueConstraint(
                fields=["activity", "period_start", "period_end"],
                name="reach_period_unique",
                violation_error_message=_("Voor deze periode is het bereik al vastgelegd."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {period(self.period_start, self.period_end)}"

    @property
    def total(self) -> int:
        return self.new_participants + self.returning_participants

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": END_BEFORE_START})


class ReachByGroup(models.Model):
    """Part of a period's participants by target group, where the provider knows it."""

    record = models.ForeignKey(ReachRecord, on_delete=models.CASCADE, related_name="by_group")
    group = models.CharField(_("doelgroep"), max_length=20, choices=TargetGroup.choices)
    participants = models.PositiveIntegerField(_("deelnemers"))

    tenancy = Tenancy(coalition="record__activity__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("bereik per doelgroep")
        verbose_name_plural = _("bereik per doelgroep")
        ordering = ["group"]
        constraints = [
            models.UniqueConstraint(fields=["record", "group"], name="reach_group_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()}: {self.participants}"


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Voorbeeld")
    COMMITTED = "committed", _("Ingelezen")
    DISCARDED = "discarded", _("Weggegooid")


class ActivityImport(models.Model):
    """One uploaded file of activities: read and checked first (the preview), then committed all
    at once or discarded. The checked rows wait here between the two steps."""

    uuid = public_id()
    coalition = coalition_link("activity_imports")
    uploaded_by = user_link(_("geüpload door"))
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    rows = models.JSONField(
        _("gelezen rijen"),
        default=list,
        blank=True,
        help_text=_("Per rij de gelezen waarden en de fouten; leeg na inlezen of weggooien."),
    )
    notes = models.JSONField(
        _("opmerkingen"),
        default=list,
        blank=True,
        help_text=_("Opmerkingen over het hele bestand, zoals kolommen die zijn overgeslagen."),
    )
    row_count = models.PositiveIntegerField(_("aantal rijen"), default=0)
    error_count = models.PositiveIntegerField(_("rijen met fouten"), default=0)
    created_count = models.PositiveIntegerField(_("aangemaakte activiteiten"), default=0)
    finished_at = models.DateTimeField(_("ingelezen of weggegooid op"), null=True, blank=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()
    # The read rows may hold a contact's e-mail or phone: the audit trail says only that they
    # changed (core/audit.py).
    personal_fields = frozenset({"rows"})

    class Meta:
        verbose_name = _("import van activiteiten")
        verbose_name_plural = _("imports van activiteiten")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    def audit_label(self) -> str:
        return self.file_name

    @property
    def good_count(self) -> int:
        return self.row_count - self.error_count
