"""Serializers of the funding API. Writes go through `samenspel.funding.services`, which holds the
rules (amount not negative, end not before start, funder partner of this coalition)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.core.api.fields import (
    FOREIGN_PARTNER,
    CharField,
    CountField,
    ModelSerializer,
    TenantRelatedField,
)
from samenspel.core.api.schema import EnumField
from samenspel.funding.models import FundingKind, FundingSource
from samenspel.partners.models import Partner


class FundingSourceSerializer(ModelSerializer):
    kind = EnumField(FundingKind, label=_("soort financiering"))
    kind_label = CharField(source="get_kind_display", read_only=True)
    funder = CharField(read_only=True, help_text=_("Naam van de financier."))
    funder_partner = TenantRelatedField(
        Partner,
        foreign=FOREIGN_PARTNER,
        required=False,
        allow_null=True,
        help_text=_("UUID van een partner van deze coalitie, of null."),
    )
    # Validated by the service (Dutch message at the field), not by DRF.
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, label=_("bedrag in euro"))
    has_continuity_plan = serializers.BooleanField(read_only=True)

    class Meta:
        model = FundingSource
        fields = [
            "uuid", "kind", "kind_label", "funder", "funder_name", "funder_partner", "amount",
            "start_date", "end_date", "conditions", "carries_activities", "continuity_plan",
            "has_continuity_plan", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["uuid", "created_at", "updated_at"]
        validators: list[Any] = []  # the model's constraints are checked by the service


class RunsOutSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="source.uuid", help_text=_("De financieringsbron."))
    funder = CharField(source="source.funder")
    kind = EnumField(FundingKind, source="source.kind")
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, source="source.amount")
    end_date = serializers.DateField()
    days_left = serializers.IntegerField(help_text=_("Negatief als de bron al is afgelopen."))
    ended = serializers.BooleanField()
    within_twelve_months = serializers.BooleanField()
    carries_activities = serializers.BooleanField(source="source.carries_activities")
    has_continuity_plan = serializers.BooleanField(source="source.has_continuity_plan")
    needs_plan = serializers.BooleanField(
        help_text=_(
            "Activiteiten hangen ervan af, ze loopt binnen twaalf maanden af en er is geen plan "
            "voor daarna (Handreiking §1.3)."
        )
    )


class KindTotalSerializer(serializers.Serializer):
    kind = EnumField(FundingKind)
    label = CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)


class YearTotalSerializer(serializers.Serializer):
    """One (year, amount) pair of `Overview.by_year`."""

    year = serializers.IntegerField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)

    def to_representation(self, instance: Any) -> Any:
        return super().to_representation(dict(zip(("year", "amount"), instance, strict=True)))


class FundingOverviewSerializer(serializers.Serializer):
    """Serializes a `samenspel.funding.overview.Overview`."""

    today = serializers.DateField()
    source_count = CountField(source="sources")
    total = serializers.DecimalField(max_digits=14, decimal_places=2)
    by_kind = KindTotalSerializer(many=True)
    by_year = YearTotalSerializer(many=True)
    runs_out = RunsOutSerializer(many=True)
    warnings = RunsOutSerializer(many=True)
