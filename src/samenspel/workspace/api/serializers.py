"""Read-only shapes of the portfolio and the municipality's view (`workspace.portfolio.Row`):
values, with the labels beside them, as the pages and the export show them."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers


class ScanSummarySerializer(serializers.Serializer):
    title = serializers.CharField()
    closed_on = serializers.DateField()
    mean = serializers.FloatField(help_text="gemiddelde van de subschalen, schaal 1–5")
    previous = serializers.FloatField(allow_null=True)
    trend = serializers.CharField(help_text="up, down, same, of leeg zonder vergelijking")


class PortfolioRowSerializer(serializers.Serializer):
    coalition = serializers.UUIDField(source="coalition.uuid")
    name = serializers.CharField(source="coalition.name")
    municipality = serializers.CharField(source="coalition.municipality")
    phase = serializers.CharField(source="summary.phase")
    phase_label = serializers.CharField()
    phase_since = serializers.DateField(source="summary.phase_since")
    days_in_phase = serializers.IntegerField(source="summary.days_in_phase")
    urgent_findings = serializers.IntegerField(source="summary.urgent")
    attention_findings = serializers.IntegerField(source="summary.attention")
    scan = ScanSummarySerializer(source="summary.scan", allow_null=True)
    netwerkdip = serializers.CharField(source="summary.dip")
    funding_ends_on = serializers.DateField(source="summary.funding_ends_on", allow_null=True)
    funding_ending_within_half_a_year = serializers.FloatField(source="summary.funding_ending")
    last_evaluation = serializers.DateField(source="summary.last_evaluation", allow_null=True)
    last_change = serializers.DateTimeField(allow_null=True)
    stalls = serializers.BooleanField()
    stall_reasons = serializers.ListField(child=serializers.CharField())
    advisor_note = serializers.CharField(source="note")


class MunicipalityRowSerializer(PortfolioRowSerializer):
    # When the coalition reached each phase (values of `Phase`), and what runs out when.
    milestones = inline_serializer(
        "PortfolioMilestone",
        {
            "date": serializers.DateField(),
            "from_phase": serializers.CharField(),
            "to_phase": serializers.CharField(),
        },
        source="summary.milestones",
        many=True,
    )
    funding = inline_serializer(
        "PortfolioFunding",
        {
            "uuid": serializers.CharField(),
            "funder": serializers.CharField(),
            "kind": serializers.CharField(),
            "amount": serializers.FloatField(),
            "start_date": serializers.DateField(),
            "end_date": serializers.DateField(allow_null=True),
            "has_continuity_plan": serializers.BooleanField(),
        },
        source="summary.funding",
        many=True,
    )
    reach_last_twelve_months = serializers.IntegerField(source="summary.reach")
