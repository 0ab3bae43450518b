"""Serializers of the coalition API. They shape and validate input; the write itself is a call to
`samenspel.coalitions.services`, which holds the business rules and writes the audit trail."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.accounts import policy
from samenspel.accounts.models import Membership, Role
from samenspel.coalitions import services
from samenspel.coalitions.models import (
    AreaScope,
    ChecklistStatus,
    Coalition,
    Form,
    LegalStructure,
    Municipality,
    MunicipalityRole,
    Phase,
    PhaseChange,
    TippingPoint,
)
from samenspel.coalitions.progress import ActivityState
from samenspel.core.api.fields import CharField, ModelSerializer
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.core.models import AuditEvent
from samenspel.partners.models import ConversationStatus, EventKind, PartnerKind


class MunicipalitySerializer(ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["code", "name"]
        read_only_fields = fields


class CoalitionSerializer(ModelSerializer):
    municipality = MunicipalitySerializer(read_only=True)
    municipality_code = CharField(
        write_only=True,
        max_length=6,
        label=_("CBS-code van de gemeente"),
        help_text=_("Bijvoorbeeld GM0363 voor Amsterdam."),
    )
    areas = serializers.ListField(
        child=CharField(max_length=150),
        required=False,
        label=_("kernen of wijken"),
        help_text=_("Alleen als het werkgebied een of meer kernen of wijken is."),
    )
    area_scope = EnumField(AreaScope, required=False, label=_("werkgebied"))
    form = EnumField(Form, required=False, label=_("vorm"))
    legal_structure = EnumField(LegalStructure, required=False, label=_("juridische structuur"))
    phase = EnumField(
        Phase, read_only=True, help_text=_("Wijzig de fase met een fasewissel (phase-changes).")
    )
    phase_label = CharField(source="get_phase_display", read_only=True)
    role = serializers.SerializerMethodField(help_text=_("Uw rol in deze coalitie."))
    permissions = serializers.SerializerMethodField(help_text=_("Wat u in deze coalitie mag."))

    class Meta:
        model = Coalition
        fields = [
            "uuid", "name", "municipality", "municipality_code", "area_scope", "areas", "form",
            "legal_structure", "start_date", "phase", "phase_label", "ambition", "role", "permissions",
            "created_at", "updated_at",
        ]  # fmt: skip
        # The ambition changes only as a new version with a reason (agreements API).
        read_only_fields = ["uuid", "ambition", "created_at", "updated_at"]

    def to_representation(self, instance: Coalition) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["areas"] = instance.area_list
        return data

    def _membership(self, coalition: Coalition) -> Membership | None:
        """The requester's membership: from the view, or rebuilt from the annotated role (no query)."""
        membership = self.context.get("membership")
        if membership is not None and membership.coalition_id == coalition.pk:
            return membership
        role = getattr(coalition, "my_role", None)
        return Membership(role=role, coalition_id=coalition.pk) if role else None

    @extend_schema_field(EnumField(Role, allow_null=True))
    def get_role(self, coalition: Coalition) -> str | None:
        membership = self._membership(coalition)
        return membership.role if membership else None

    @extend_schema_field(serializers.ListField(child=EnumField(policy.Permission)))
    def get_permissions(self, coalition: Coalition) -> list[str]:
        membership = self._membership(coalition)
        return [str(p) for p in policy.Permission if policy.can(membership, p)]

    def validate_municipality_code(self, value: str) -> Municipality:
        try:
            return services.municipality_by_code(value)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Shape only; the coalition's rules are the service's (errors name the fields)."""
        if "areas" in attrs:
            attrs["areas"] = "\n".join(line.strip() for line in attrs["areas"] if line.strip())
        if "municipality_code" in attrs:
            attrs["municipality"] = attrs.pop("municipality_code")
        return attrs


class PhaseChangeSerializer(ModelSerializer):
    date = serializers.DateField(
        required=False,
        label=_("datum"),
        help_text=_("Wanneer de coalitie van fase wisselde; standaard vandaag."),
    )
    from_phase = EnumField(Phase, read_only=True, allow_blank=True)
    from_phase_label = CharField(source="get_from_phase_display", read_only=True)
    to_phase = EnumField(Phase, label=_("naar fase"))
    tipping_point = EnumField(TippingPoint, required=False, label=_("kantelmoment"))
    to_phase_label = CharField(source="get_to_phase_display", read_only=True)
    tipping_point_label = CharField(source="get_tipping_point_display", read_only=True)
    recorded_by_name = CharField(source="recorded_by.full_name", read_only=True, default=None)
    is_step_back = serializers.BooleanField(read_only=True)

    class Meta:
        model = PhaseChange
        fields = [
            "uuid", "date", "from_phase", "from_phase_label", "to_phase", "to_phase_label", "reason",
            "tipping_point", "tipping_point_label", "is_step_back", "recorded_by_name", "created_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at"]
        extra_kwargs = {
            "reason": {
                "error_messages": {
                    "required": _(
                        "Geef een reden voor de fasewissel: dat helpt later terug te kijken."
                    ),
                    "blank": _(
                        "Geef een reden voor de fasewissel: dat helpt later terug te kijken."
                    ),
                }
            }
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("date", timezone.localdate())
        return attrs


class ActivityStateSerializer(serializers.Serializer):
    """One typical activity from the guide with the coalition's progress on it."""

    key = serializers.SlugField(source="activity.key", read_only=True)
    phase = EnumField(Phase, source="activity.phase", read_only=True)
    phase_label = serializers.SerializerMethodField()
    title = CharField(source="activity.title", read_only=True)
    description = CharField(source="activity.description", read_only=True)
    status = EnumField(ChecklistStatus, read_only=True)
    status_label = CharField(read_only=True)
    note = CharField(read_only=True)

    def get_phase_label(self, state: ActivityState) -> str:
        return str(Phase(state.activity.phase).label)


class ChecklistUpdateSerializer(InputSerializer):
    status = EnumField(ChecklistStatus, label=_("status"))
    note = CharField(
        required=False, allow_blank=True, max_length=2000, default="", label=_("notitie")
    )


class PhaseProgressSerializer(serializers.Serializer):
    phase = EnumField(Phase)
    label = CharField()  # type: ignore[assignment]
    percentage = serializers.IntegerField(help_text=_("Gedaan telt heel, bezig telt half."))
    activity_count = serializers.SerializerMethodField()
    applicable_count = serializers.SerializerMethodField()

    def get_activity_count(self, progress: Any) -> int:
        return len(progress.activities)

    def get_applicable_count(self, progress: Any) -> int:
        return len(progress.applicable)


class NextStepSerializer(serializers.Serializer):
    key = serializers.SlugField(source="activity.key")
    phase = EnumField(Phase, source="activity.phase")
    title = CharField(source="activity.title")
    status = EnumField(ChecklistStatus)
    status_label = CharField()


class SuggestionSerializer(serializers.Serializer):
    """'Where are we?': a suggestion from the checklist, never a verdict."""

    current = EnumField(Phase)
    current_label = serializers.SerializerMethodField()
    suggested = EnumField(Phase)
    suggested_label = CharField()
    matches_current = serializers.BooleanField()
    phase_since = serializers.DateField(required=False)
    reasons = serializers.ListField(child=CharField())
    phases = PhaseProgressSerializer(many=True)
    next_steps = NextStepSerializer(many=True)

    def get_current_label(self, suggestion: Any) -> str:
        return str(Phase(suggestion.current).label)


class MunicipalityRolesSerializer(InputSerializer):
    """The roles the municipality agreed to play (handbook §2.10 tip 1); the service's rules."""

    municipality_roles = serializers.ListField(
        child=EnumField(MunicipalityRole),
        required=False,
        label=_("afgesproken rollen van de gemeente"),
    )
    municipality_roles_note = CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        label=_("toelichting op de rol van de gemeente"),
    )
    municipality_roles_agreed_on = serializers.DateField(
        required=False, allow_null=True, label=_("afgesproken op")
    )


class CountSerializer(serializers.Serializer):
    value = CharField()
    label = CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()


class PartnerKindSerializer(serializers.Serializer):
    value = EnumField(PartnerKind)
    label = CharField()  # type: ignore[assignment]


class PartnerRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = CharField()


class OpenConversationSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    partner = PartnerRefSerializer()
    kind = EnumField(EventKind)
    kind_label = CharField(source="get_kind_display")
    date = serializers.DateField()
    conversation = EnumField(ConversationStatus)
    conversation_label = CharField(source="get_conversation_display")


class AuditEventSerializer(ModelSerializer):
    action_label = CharField(read_only=True)
    actor_name = serializers.SerializerMethodField()

    class Meta:
        model = AuditEvent
        fields = [
            "uuid", "created_at", "action", "action_label", "object_type", "object_uuid",
            "object_label", "actor_name", "changes",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_actor_name(self, event: AuditEvent) -> str | None:
        return str(event.actor) if event.actor else None


class RecentChangeSerializer(AuditEventSerializer):
    """A line of the dashboard: who made the change is shown only to those who may see the audit
    trail (VIEW_AUDIT); for everyone else `actor_name` is null."""

    class Meta(AuditEventSerializer.Meta):
        fields = [
            "uuid", "created_at", "action", "action_label", "object_type", "object_uuid",
            "object_label", "actor_name",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CharField(allow_null=True))
    def get_actor_name(self, event: AuditEvent) -> str | None:
        if not self.context.get("show_actor"):
            return None
        return super().get_actor_name(event)


class DashboardSerializer(serializers.Serializer):
    phase = EnumField(Phase, source="coalition.phase")
    phase_label = CharField(source="coalition.get_phase_display")
    phase_since = serializers.DateField()
    days_in_phase = serializers.IntegerField()
    suggested_phase = EnumField(Phase, source="suggestion.suggested")
    suggested_phase_label = CharField(source="suggestion.suggested_label")
    next_steps = NextStepSerializer(many=True, source="suggestion.next_steps")
    partner_count = serializers.IntegerField()
    per_circle = CountSerializer(many=True)
    per_kind = CountSerializer(many=True)
    missing_kinds = PartnerKindSerializer(many=True)
    open_conversations = OpenConversationSerializer(many=True)
    recent_changes = RecentChangeSerializer(many=True)
    recent_phase_changes = PhaseChangeSerializer(many=True)
