"""Serializers of the partner API. Writes go through `samenspel.partners.services`, which holds the
rules (unique name per coalition, motives, resident fields) and writes the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.accounts import policy
from samenspel.core.api.fields import CharField, CountField, ModelSerializer
from samenspel.core.api.schema import EnumField
from samenspel.partners.models import (
    Circle,
    CoalitionRole,
    ContactPerson,
    ConversationStatus,
    EventKind,
    Motive,
    ParticipationReason,
    Partner,
    PartnerEvent,
    PartnerKind,
    ResidentType,
)
from samenspel.partners.partner_map import Dot

MOTIVES_REQUIRED = _("Kies ten minste één dominant motief.")


class PartnerSerializer(ModelSerializer):
    kind = EnumField(PartnerKind, label=_("soort partner"))
    kind_label = CharField(source="get_kind_display", read_only=True)
    circle = EnumField(Circle, required=False, label=_("cirkel van betrokkenheid"))
    circle_label = CharField(source="get_circle_display", read_only=True)
    resident_type = EnumField(
        ResidentType,
        required=False,
        allow_blank=True,
        help_text=_("Alleen voor inwoners (Tonkens)."),
    )
    participation_reason = EnumField(ParticipationReason, required=False, allow_blank=True)
    motives = serializers.ListField(
        child=EnumField(Motive),
        allow_empty=False,
        label=_("dominante motieven"),
        help_text=_("Eén of meer: instrumental, moral, affective (Handreiking §3.3.2)."),
        error_messages={"required": MOTIVES_REQUIRED, "empty": MOTIVES_REQUIRED},
    )
    roles = serializers.ListField(
        child=EnumField(CoalitionRole),
        required=False,
        label=_("rollen in de coalitie"),
    )
    contact_count = serializers.IntegerField(read_only=True, default=0)
    open_conversations = serializers.IntegerField(
        read_only=True,
        default=0,
        help_text=_("Veranderingen waarover nog een gesprek gepland of gevoerd moet worden."),
    )
    can_edit = serializers.SerializerMethodField(help_text=_("Mag u deze partner bewerken?"))
    can_record_event = serializers.SerializerMethodField(
        help_text=_("Mag u een verandering bij deze partner vastleggen?")
    )

    class Meta:
        model = Partner
        fields = [
            "uuid", "name", "kind", "kind_label", "circle", "circle_label", "motives", "roles",
            "resident_type", "represents", "participation_reason", "brings", "takes", "deal_breakers",
            "success_criteria", "joined_on", "left_on", "contact_count", "open_conversations",
            "can_edit", "can_record_event", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]

    def _can(self, permission: policy.Permission, partner: Partner) -> bool:
        return policy.can(self.context.get("membership"), permission, partner)

    def get_can_edit(self, partner: Partner) -> bool:
        return self._can(policy.Permission.EDIT_PARTNER, partner)

    def get_can_record_event(self, partner: Partner) -> bool:
        return self._can(policy.Permission.RECORD_PARTNER_EVENT, partner)


class ContactSerializer(ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = ["uuid", "name", "function", "email", "phone", "is_primary"]
        read_only_fields = ["uuid"]


class PartnerEventSerializer(ModelSerializer):
    kind = EnumField(EventKind, label=_("soort verandering"))
    kind_label = CharField(source="get_kind_display", read_only=True)
    conversation = EnumField(ConversationStatus, required=False, label=_("gesprek"))
    conversation_label = CharField(source="get_conversation_display", read_only=True)
    recorded_by_name = CharField(source="recorded_by.full_name", read_only=True, default=None)

    class Meta:
        model = PartnerEvent
        fields = [
            "uuid", "kind", "kind_label", "date", "description", "conversation", "conversation_label",
            "recorded_by_name", "created_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at"]


class ConversationSerializer(PartnerEventSerializer):
    """After recording, only the state of the conversation changes."""

    kind = EnumField(EventKind, read_only=True)
    conversation = EnumField(ConversationStatus, label=_("gesprek"))

    class Meta(PartnerEventSerializer.Meta):
        read_only_fields = [
            name for name in PartnerEventSerializer.Meta.fields if name != "conversation"
        ]


@dataclass(frozen=True)
class MapCircle:
    """One circle of involvement with its partners' dots: the input of MapCircleSerializer."""

    circle: Circle
    dots: list[Dot]


@dataclass(frozen=True)
class PartnerMap:
    """The input of PartnerMapSerializer."""

    partners: list[Partner]
    dots: list[Dot]
    missing: list[str]

    @property
    def circles(self) -> list[MapCircle]:
        return [
            MapCircle(circle, [dot for dot in self.dots if dot.partner.circle == circle.value])
            for circle in Circle
        ]

    @property
    def missing_kinds(self) -> list[PartnerKind]:
        return [PartnerKind(kind) for kind in self.missing]


class MapPartnerSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Het nummer van de partner op de kaart."))
    uuid = serializers.UUIDField(source="partner.uuid")
    name = CharField(source="partner.name")
    kind = EnumField(PartnerKind, source="partner.kind")
    kind_label = CharField(source="partner.get_kind_display")


class MapCircleSerializer(serializers.Serializer):
    circle = EnumField(Circle)
    label = CharField(source="circle.label")  # type: ignore[assignment]
    partners = MapPartnerSerializer(source="dots", many=True)


class KindSerializer(serializers.Serializer):
    value = EnumField(PartnerKind)
    label = CharField()  # type: ignore[assignment]


class PartnerMapSerializer(serializers.Serializer):
    """The circles of involvement (Handreiking §3.2.5) with the current partners in each, numbered
    as on the page, and the handbook's partner kinds the coalition does not have yet."""

    partner_count = CountField(source="partners")
    circles = MapCircleSerializer(many=True)
    missing_kinds = KindSerializer(many=True)
