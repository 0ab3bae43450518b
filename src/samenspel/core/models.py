import datetime
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.fields import public_id, user_link
from samenspel.core.tenancy import Tenancy, TenantQuerySet


class AuditEventQuerySet(TenantQuerySet["AuditEvent"]):
    # A door of its own (core/tenancy.py): it scopes to one coalition like `of_coalition`.
    tenant_doors = ("for_coalition",)

    def for_coalition(self, coalition: models.Model) -> "AuditEventQuerySet":
        """The coalition's trail, newest first, with who made each change."""
        return self.of_coalition(coalition).select_related("actor").order_by("-created_at", "-id")


class AuditEvent(models.Model):
    """Who changed what, written by the service functions in the same transaction as the change.

    `changes` holds, per changed field, the old and new value as plain JSON, or for a field
    marked personal only that it changed (see `core/audit.py`). Rows written before that layout
    hold bare values per field; the audit page shows both.
    """

    uuid = public_id()
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("coalitie"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor = user_link(_("door"), blank=False)
    action = models.CharField(
        _("actie"), max_length=64, help_text=_("Bijvoorbeeld partner.updated.")
    )
    object_type = models.CharField(_("soort object"), max_length=64)
    object_uuid = models.UUIDField(_("object"), null=True, blank=True)
    object_label = models.CharField(
        _("omschrijving"),
        max_length=200,
        help_text=_("Naam van het object op het moment van wijzigen."),
    )
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    tenancy = Tenancy(coalition="coalition")
    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        indexes = [models.Index(fields=["coalition", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.action} {self.object_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding and self.coalition_id:
            # In the same transaction: a reader never sees the new version before the change.
            note_data_change(self.coalition_id, self.created_at)

    @property
    def action_label(self) -> str:
        from samenspel.core.audit import action_label

        return action_label(self.action)


# Makes a coalition's row on its first change and counts on it after, in one statement, also
# when two transactions make it at the same moment (PostgreSQL and SQLite alike).
COUNT_CHANGE = (
    "INSERT INTO core_dataversion (coalition_id, number, changed_at) VALUES (%s, 1, %s) "
    "ON CONFLICT (coalition_id) DO UPDATE SET number = core_dataversion.number + 1, "
    "changed_at = excluded.changed_at"
)


def note_data_change(coalition_id: int, at: datetime.datetime | None = None) -> None:
    """Count one change of the coalition's data, made `at` (now)."""
    with connection.cursor() as cursor:
        cursor.execute(COUNT_CHANGE, [coalition_id, at or timezone.now()])


class DataVersion(models.Model):
    """How often a coalition's data changed, and when last: the key under which what is computed
    from them is cached (`core/analysis_cache.py`). A portfolio reads it for hundreds of
    coalitions in one small query, whatever the size of their audit trails.

    Moved by every audit record (`AuditEvent.save`) and by scan answers, which arrive without
    one; data loaded in bulk sets it with `refresh_data_versions`."""

    coalition = models.OneToOneField(
        "coalitions.Coalition",
        verbose_name=_("coalitie"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="data_version",
    )
    number = models.PositiveBigIntegerField(_("aantal wijzigingen"), default=0)
    changed_at = models.DateTimeField(_("laatst gewijzigd"), null=True, blank=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        db_table = "core_dataversion"  # named in COUNT_CHANGE
        verbose_name = _("gegevensversie")
        verbose_name_plural = _("gegevensversies")

    def __str__(self) -> str:
        return f"{self.coalition_id}:{self.number}"


class ReadEvent(models.Model):
    """Someone looked at a record holding personal data: identifiers only, never the data.

    Written through its own database connection (`core.audit.log_read`), so it stays when the
    request's transaction rolls back. The foreign keys carry no database constraint: an insert
    then takes no lock on the coalition or user row that the request itself may hold.
    """

    coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("coalitie"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    object_type = models.CharField(_("soort object"), max_length=100)
    object_uuid = models.UUIDField(_("object"), null=True)
    purpose = models.CharField(_("doel"), max_length=100, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    tenancy = Tenancy(coalition="coalition")
    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagen")
        indexes = [models.Index(fields=["object_type", "object_uuid"])]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object_uuid}"


class SentReminder(models.Model):
    """The claim on a reminder: one row per key, so each reminder is queued exactly once.

    The unique key is what makes a second run of the daily command, or a second worker, skip a
    reminder that was already queued. Holds no addresses, only how many recipients there were.
    """

    key = models.CharField(
        _("sleutel"),
        max_length=200,
        unique=True,
        help_text=_(
            "Waaraan en voor wanneer herinnerd is, bijvoorbeeld evaluation:<uuid>:<datum>."
        ),
    )
    recipients = models.PositiveIntegerField(
        _("aantal ontvangers"), help_text=_("Aan hoeveel adressen de herinnering ging.")
    )
    created_at = models.DateTimeField(
        _("verstuurd op"),
        auto_now_add=True,
        help_text=_("Wanneer de herinnering in de wachtrij is gezet."),
    )

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")

    def __str__(self) -> str:
        return self.key
