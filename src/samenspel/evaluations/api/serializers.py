"""Serializers of the evaluations API. Writes go through `samenspel.evaluations.services`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from samenspel.core.api.fields import (
    FOREIGN_PARTNER,
    CharField,
    ModelSerializer,
    TenantRelatedField,
)
from samenspel.core.api.schema import EnumField
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.partners.models import Partner


class MomentSerializer(ModelSerializer):
    status = EnumField(MomentStatus, required=False, label=_("status"))
    status_label = CharField(source="get_status_display", read_only=True)

    class Meta:
        model = EvaluationMoment
        fields = ["uuid", "planned_on", "status", "status_label", "created_at", "updated_at"]
        read_only_fields = ["uuid", "created_at", "updated_at"]


class EvaluationSerializer(ModelSerializer):
    moment = TenantRelatedField(
        EvaluationMoment,
        foreign=_("Dit evaluatiemoment hoort niet bij deze coalitie."),
        required=False,
        allow_null=True,
        help_text=_("UUID van een evaluatiemoment van deze coalitie, of null."),
    )
    participants = TenantRelatedField(
        Partner,
        foreign=FOREIGN_PARTNER,
        many=True,
        required=False,
        help_text=_("UUID's van partners van deze coalitie."),
    )
    recorded_by_name = CharField(source="recorded_by.full_name", read_only=True, default=None)

    class Meta:
        model = Evaluation
        fields = [
            "uuid", "moment", "held_on", "participants", "successes", "bottlenecks",
            "continuation", "agreement_changes", "recorded_by_name", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]
        validators: list[Any] = []
