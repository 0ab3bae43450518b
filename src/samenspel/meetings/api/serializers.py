"""Serializers of the meetings API. Writes go through `samenspel.meetings.services`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.core.api.fields import (
    FOREIGN_PARTNER,
    CharField,
    DateTimeField,
    ModelSerializer,
    TenantRelatedField,
)
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    Meeting,
)
from samenspel.partners.models import Partner, PartnerEvent

CHOOSE_OWN_PARTNER = _("Kies een partner van deze coalitie.")
STARTS_AT_REQUIRED = _("Vul de datum en begintijd van het overleg in.")


class BodySerializer(ModelSerializer):
    kind = EnumField(BodyKind, label=_("soort overleg"))
    kind_label = CharField(source="get_kind_display", read_only=True)
    members = TenantRelatedField(Partner, foreign=FOREIGN_PARTNER, many=True, required=False)

    class Meta:
        model = Body
        fields = ["uuid", "name", "kind", "kind_label", "purpose", "decides", "members"]
        read_only_fields = ["uuid"]


class AgendaItemSerializer(ModelSerializer):
    source_event = TenantRelatedField(
        PartnerEvent,
        foreign=_("Deze verandering hoort niet bij deze coalitie."),
        required=False,
        allow_null=True,
        help_text=_("Een verandering bij een partner van deze coalitie."),
    )
    title = CharField(required=False, allow_blank=True, max_length=200)

    class Meta:
        model = AgendaItem
        fields = [
            "uuid",
            "title",
            "notes",
            "order",
            "source_event",
            "finding_rule",
            "finding_subject",
        ]
        read_only_fields = ["uuid", "order"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not (attrs.get("title") or attrs.get("source_event") or attrs.get("finding_rule")):
            raise serializers.ValidationError(
                {"title": _("Geef een onderwerp, of kies een verandering of bevinding.")}
            )
        return attrs


class AgendaItemUpdateSerializer(AgendaItemSerializer):
    """Corrects the subject or explanation; where the item came from stays."""

    source_event = TenantRelatedField(PartnerEvent, read_only=True)
    title = CharField(required=False, max_length=200)

    class Meta(AgendaItemSerializer.Meta):
        read_only_fields = ["uuid", "order", "finding_rule", "finding_subject"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return attrs


class AttendanceSerializer(ModelSerializer):
    partner = TenantRelatedField(Partner, foreign=CHOOSE_OWN_PARTNER)
    partner_name = CharField(source="partner.name", read_only=True)
    status = EnumField(AttendanceStatus, label=_("aanwezigheid"))

    class Meta:
        model = Attendance
        fields = ["uuid", "partner", "partner_name", "status"]
        read_only_fields = ["uuid"]


class AttendanceUpdateSerializer(ModelSerializer):
    """A new status for a partner already on the list (remove the row to take them off)."""

    partner: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True
    )
    partner_name = CharField(source="partner.name", read_only=True)
    status = EnumField(AttendanceStatus, label=_("aanwezigheid"))

    class Meta(AttendanceSerializer.Meta):
        pass


class DecisionSerializer(ModelSerializer):
    class Meta:
        model = Decision
        fields = ["uuid", "number", "text", "created_at"]
        read_only_fields = ["uuid", "number", "created_at"]


class ActionItemSerializer(ModelSerializer):
    owner_partner = TenantRelatedField(
        Partner, foreign=CHOOSE_OWN_PARTNER, required=False, allow_null=True
    )
    meeting = serializers.UUIDField(source="meeting.uuid", read_only=True)

    class Meta:
        model = ActionItem
        fields = [
            "uuid", "meeting", "text", "owner_partner", "owner_name", "due_on", "done_on",
            "created_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "meeting", "done_on", "created_at"]


class ActionItemUpdateSerializer(ActionItemSerializer):
    """Corrects an action; `done_on` null opens a finished action again."""

    class Meta(ActionItemSerializer.Meta):
        read_only_fields = ["uuid", "meeting", "created_at"]


class CompleteActionSerializer(InputSerializer):
    done_on = serializers.DateField(required=False, help_text=_("Standaard vandaag."))


class MeetingSerializer(ModelSerializer):
    body = TenantRelatedField(Body, required=False, allow_null=True)
    starts_at = DateTimeField(
        error_messages={"required": STARTS_AT_REQUIRED, "null": STARTS_AT_REQUIRED}
    )
    decision_count = serializers.IntegerField(read_only=True, default=0)
    open_action_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Meeting
        fields = [
            "uuid", "title", "body", "starts_at", "ends_at", "location", "minutes",
            "decision_count", "open_action_count", "created_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules are the service's; skip DRF's model-level validation (check constraints)."""
        return attrs


class MeetingDetailSerializer(MeetingSerializer):
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    attendance = AttendanceSerializer(many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)
    actions = ActionItemSerializer(many=True, read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda", "attendance", "decisions", "actions"]
