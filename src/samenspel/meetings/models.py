"""The coalition's work and meeting structure (Handreiking §1.2.4, §3.3.4–3.3.5): who sits where
(bodies), when they meet, what is on the agenda, who was there, what was decided and who does what.

A decision exists only as part of a meeting: its foreign key to the meeting is not nullable.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.choices import label
from samenspel.core.fields import coalition_link, public_id
from samenspel.core.queries import related_count
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class BodyKind(models.TextChoices):
    STEERING_GROUP = "steering_group", _("Regiegroep of stuurgroep")
    CORE_GROUP = "core_group", _("Kerngroep")
    WORKING_GROUP = "working_group", _("Werkgroep")
    NETWORK_MEETING = "network_meeting", _("Netwerkbijeenkomst")
    OTHER = "other", _("Anders")


class Body(models.Model):
    """A standing group of the coalition: a steering group, core group, working group, …"""

    uuid = public_id()
    coalition = coalition_link("bodies")
    name = models.CharField(_("naam"), max_length=150, help_text=_("Bijvoorbeeld 'Kerngroep'."))
    kind = models.CharField(_("soort overleg"), max_length=16, choices=BodyKind.choices)
    purpose = models.TextField(
        _("wat wordt er besproken"),
        blank=True,
        max_length=2000,
        help_text=_("Welke onderwerpen komen in dit overleg aan de orde?"),
    )
    decides = models.TextField(
        _("wie beslist"),
        blank=True,
        max_length=2000,
        help_text=_("Welke besluiten neemt dit overleg, en wie neemt ze (Handreiking §1.2.4)?"),
    )
    members = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("partners aan tafel"),
        blank=True,
        related_name="bodies",
        help_text=_("Welke partners zitten in dit overleg?"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("overlegorgaan")
        verbose_name_plural = _("overlegorganen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return label(BodyKind, self.kind)


class MeetingQuerySet(TenantQuerySet["Meeting"]):
    def upcoming(self, now: datetime.datetime | None = None) -> MeetingQuerySet:
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now: datetime.datetime | None = None) -> MeetingQuerySet:
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_counts(self) -> MeetingQuerySet:
        """Adds `decision_count` and `open_action_count`, as subqueries (no row multiplication,
        one query however many meetings)."""

        return self.annotate(
            decision_count=related_count(Decision.objects.all(), "meeting"),
            open_action_count=related_count(
                ActionItem.objects.filter(done_on__isnull=True), "meeting"
            ),
        )

    def with_body_name(self) -> MeetingQuerySet:
        """Adds `body_name` as a lookup by primary key per row. A join would let PostgreSQL
        hash the bodies of every coalition before it sorts and limits a page of meetings."""
        name = Body.objects.filter(pk=OuterRef("body_id")).values("name")[:1]
        return self.annotate(body_name=Subquery(name, output_field=models.CharField()))


class Meeting(models.Model):
    uuid = public_id()
    coalition = coalition_link("meetings")
    body = models.ForeignKey(
        Body,
        verbose_name=_("overlegorgaan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Van welk overleg is dit een bijeenkomst? Leeg voor een losse bijeenkomst."),
    )
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=200, blank=True)
    minutes = models.TextField(
        _("verslag"), blank=True, max_length=20000, help_text=_("Het verslag van het overleg.")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    tenancy = Tenancy(coalition="coalition")
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["coalition", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    uuid = public_id()
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    title = models.CharField(_("onderwerp"), max_length=200)
    notes = models.TextField(_("toelichting"), blank=True, max_length=2000)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    source_event = models.ForeignKey(
        "partners.PartnerEvent",
        verbose_name=_("verandering bij partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    finding_rule = models.CharField(_("bevinding"), max_length=64, blank=True)
    finding_subject = models.CharField(_("onderwerp van de bevinding"), max_length=64, blank=True)

    tenancy = Tenancy(coalition="meeting__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Aanwezig")
    ABSENT = "absent", _("Afwezig")
    EXCUSED = "excused", _("Afgemeld")


class Attendance(models.Model):
    uuid = public_id()
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="attendance"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    status = models.CharField(_("aanwezigheid"), max_length=8, choices=AttendanceStatus.choices)

    tenancy = Tenancy(coalition="meeting__coalition", owner="partner")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "partner"], name="one_attendance_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_status_display()}"


class Decision(models.Model):
    """A decision, always taken in a meeting."""

    uuid = public_id()
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="decisions"
    )
    number = models.PositiveIntegerField(_("nummer"))
    text = models.TextField(_("besluit"), max_length=2000)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="meeting__coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="decision_number_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ActionItemQuerySet(TenantQuerySet["ActionItem"]):
    def open(self) -> ActionItemQuerySet:
        return self.filter(done_on__isnull=True)


class ActionItem(models.Model):
    uuid = public_id()
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="actions"
    )
    text = models.TextField(_("actie"), max_length=2000)
    owner_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner die de actie oppakt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    owner_name = models.CharField(
        _("wie pakt de actie op"),
        max_length=150,
        blank=True,
        help_text=_("Naam van de persoon, als het niet (alleen) een partner is."),
    )
    due_on = models.DateField(_("uiterlijk klaar op"), null=True, blank=True)
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    tenancy = Tenancy(coalition="meeting__coalition", owner="owner_partner")
    objects = ActionItemQuerySet.as_manager()
    # Personal data: the audit trail records only that these changed (core/audit.py).
    personal_fields = frozenset({"owner_name"})

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def owner_label(self) -> str:
        names = [str(self.owner_partner)] if self.owner_partner else []
        if self.owner_name:
            names.insert(0, self.owner_name)
        return " – ".join(names)


def feed_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A person's secret calendar address. Calendar apps cannot log in, so the address is the
    key; only its SHA-256 digest is stored, and a new one replaces the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def new_secret() -> tuple[str, str]:
        raw = secrets.token_urlsafe(32)
        return raw, feed_digest(raw)
