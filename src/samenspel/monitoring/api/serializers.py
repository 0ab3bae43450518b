"""Serializers of the monitoring API. Writes go through `samenspel.monitoring.services`, which
holds the rules (a name once per coalition, a CBS code of the coalition's own municipality, no
deleting a wijk that activities use, only the coalition's municipality from a coalition)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.coalitions.models import Neighbourhood, NeighbourhoodKind
from samenspel.core.api.fields import CharField, ModelSerializer
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.monitoring.cbs import TABLES
from samenspel.monitoring.gap import Offer
from samenspel.monitoring.models import FiguresImport, LonelinessEstimate, Region, RegionKind

TABLE_CHOICES = list(TABLES)


class CoalitionNeighbourhoodSerializer(ModelSerializer):
    kind = EnumField(NeighbourhoodKind, label=_("soort"), required=False)
    kind_label = CharField(source="get_kind_display", read_only=True)
    activity_count = serializers.IntegerField(
        read_only=True, help_text=_("Activiteiten in deze wijk of kern (elke status).")
    )

    class Meta:
        model = Neighbourhood
        fields = ["uuid", "name", "kind", "kind_label", "cbs_code", "activity_count"]
        read_only_fields = ["uuid"]
        validators: list[Any] = []  # the model's constraints are checked by the service
        extra_kwargs: dict[str, Any] = {"cbs_code": {"validators": []}}


class LonelinessEstimateSerializer(ModelSerializer):
    class Meta:
        model = LonelinessEstimate
        fields = [
            "period", "age_group", "source_table", "is_demo",
            "lonely", "lonely_lower", "lonely_upper",
            "strongly_lonely", "strongly_lonely_lower", "strongly_lonely_upper",
            "emotionally_lonely", "emotionally_lonely_lower", "emotionally_lonely_upper",
            "socially_lonely", "socially_lonely_lower", "socially_lonely_upper",
        ]  # fmt: skip
        read_only_fields = fields


class LonelinessRegionSerializer(ModelSerializer):
    kind = EnumField(RegionKind, read_only=True)
    estimates = LonelinessEstimateSerializer(
        many=True,
        read_only=True,
        help_text=_("Nieuwste jaar eerst; lege waarden: niet gepubliceerd."),
    )

    class Meta:
        model = Region
        fields = ["code", "kind", "name", "municipality_code", "municipality_name", "estimates"]
        read_only_fields = fields


class GapPartnerSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = CharField()


class GapOfferSerializer(serializers.Serializer):
    activities = serializers.IntegerField(help_text=_("Actieve activiteiten."))
    capacity = serializers.IntegerField(
        help_text=_("Plaatsen van de activiteiten met een maximum.")
    )
    without_capacity = serializers.IntegerField(help_text=_("Activiteiten zonder maximum."))
    reach = serializers.IntegerField(
        help_text=_(
            "Nieuwe + terugkerende deelnemers, perioden die de laatste 12 maanden eindigden."
        )
    )
    partners = serializers.SerializerMethodField()

    @extend_schema_field(GapPartnerSerializer(many=True))
    def get_partners(self, offer: Offer) -> list[dict[str, str]]:
        return [{"uuid": uuid, "name": name} for uuid, name in offer.partners]


class GapRowSerializer(serializers.Serializer):
    neighbourhood = serializers.UUIDField(source="neighbourhood.uuid")
    name = CharField(source="neighbourhood.name")
    cbs_code = CharField(source="neighbourhood.cbs_code")
    estimate = LonelinessEstimateSerializer(allow_null=True)
    offer = GapOfferSerializer()
    need_share = serializers.FloatField(
        allow_null=True, help_text=_("Aandeel van de wijk in de ernstige eenzaamheid (%).")
    )
    offer_share = serializers.FloatField(
        allow_null=True, help_text=_("Aandeel van de wijk in de actieve activiteiten (%).")
    )
    gap = serializers.FloatField(
        allow_null=True, help_text=_("need_share − offer_share, in procentpunten; groot = tekort.")
    )
    reason = CharField(help_text=_("Waarom er geen verschil is (anders leeg)."))


class GapSerializer(serializers.Serializer):
    today = serializers.DateField()
    reach_since = serializers.DateField()
    municipality = LonelinessEstimateSerializer(allow_null=True)
    rows = GapRowSerializer(many=True, help_text=_("Met een verschil, het grootste eerst."))
    without_figures = GapRowSerializer(many=True)
    whole_municipality = GapOfferSerializer(help_text=_("Activiteiten zonder wijk."))


class FiguresImportSerializer(ModelSerializer):
    imported_by_name = serializers.SerializerMethodField()

    class Meta:
        model = FiguresImport
        fields = [
            "uuid", "imported_at", "imported_by_name", "source", "table", "municipality_code",
            "rows", "regions", "estimates", "skipped",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CharField(allow_null=True))
    def get_imported_by_name(self, log: FiguresImport) -> str | None:
        return str(log.imported_by) if log.imported_by_id else None


class FiguresUploadSerializer(InputSerializer):
    table = serializers.ChoiceField(choices=TABLE_CHOICES, label=_("tabel"))
    file = serializers.FileField(
        label=_("CSV-bestand"), help_text=_("De onbewerkte dataset als CSV.")
    )


class FiguresFetchSerializer(InputSerializer):
    table = serializers.ChoiceField(choices=TABLE_CHOICES, label=_("tabel"), default="50150NED")
