"""Serializers of the agreements API: shape and input only; rules and writes are the services'."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    CovenantKind,
    CovenantStatus,
    PartnerAgreement,
    ProcessStep,
    Signatory,
    StepKind,
    StepStatus,
)
from samenspel.coalitions.models import Phase
from samenspel.core.api.fields import (
    FOREIGN_PARTNER,
    CharField,
    ModelSerializer,
    TenantRelatedField,
)
from samenspel.core.api.schema import EnumField
from samenspel.partners.models import CoalitionRole, Partner


class AmbitionVersionSerializer(ModelSerializer):
    created_by_name = CharField(source="created_by.full_name", read_only=True, default=None)

    class Meta:
        model = AmbitionVersion
        fields = [
            "uuid", "text", "goals", "success_criteria", "indicators", "priorities",
            "target_groups", "not_wanted", "reason", "created_by_name", "created_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at"]


class PartnerAgreementSerializer(ModelSerializer):
    partner = TenantRelatedField(Partner, foreign=FOREIGN_PARTNER, label=_("partner"))
    partner_name = CharField(source="partner.name", read_only=True)
    role = EnumField(CoalitionRole, label=_("rol in de coalitie"))
    # The amounts' rules (not negative) are the model's, with its Dutch messages.
    hours_per_month = serializers.DecimalField(
        max_digits=7, decimal_places=1, required=False, label=_("uren per maand")
    )
    money = serializers.DecimalField(
        max_digits=11, decimal_places=2, required=False, label=_("geld (euro)")
    )

    class Meta:
        model = PartnerAgreement
        fields = [
            "uuid", "partner", "partner_name", "role", "hours_per_month", "money", "space",
            "reach", "expertise", "expectations", "financial_conditions", "start_date",
            "review_date", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]
        extra_kwargs = {
            "expectations": {"allow_blank": True},
        }


class ProcessStepSerializer(ModelSerializer):
    owner = TenantRelatedField(
        Partner, foreign=FOREIGN_PARTNER, label=_("trekker"), required=False, allow_null=True
    )
    kind = EnumField(StepKind, required=False, label=_("soort"))
    status = EnumField(StepStatus, required=False, label=_("status"))

    class Meta:
        model = ProcessStep
        fields = [
            "uuid", "title", "kind", "owner", "due_date", "status", "decisions_needed", "order",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]


class SignatorySerializer(ModelSerializer):
    partner = TenantRelatedField(Partner, foreign=FOREIGN_PARTNER, label=_("partner"))
    partner_name = CharField(source="partner.name", read_only=True)

    class Meta:
        model = Signatory
        fields = ["uuid", "partner", "partner_name", "name", "function", "signed_on", "created_at"]
        read_only_fields = ["uuid", "created_at"]


class CovenantSerializer(ModelSerializer):
    kind = EnumField(CovenantKind, required=False, label=_("soort document"))
    status = EnumField(CovenantStatus, required=False, label=_("status"))
    signatories = SignatorySerializer(many=True, read_only=True)
    record_tipping_point = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        label=_("leg dit vast als kantelmoment"),
        help_text=_("Legt bij een getekend document de fasewissel vast (kantelmoment)."),
    )
    to_phase = EnumField(
        Phase,
        write_only=True,
        required=False,
        allow_null=True,
        label=_("naar fase"),
        help_text=_("Standaard 'inrichten en markeren', of de fase daarna."),
    )

    class Meta:
        model = Covenant
        fields = [
            "uuid", "kind", "rules_of_play", "status", "signed_on", "signatories",
            "record_tipping_point", "to_phase", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]
