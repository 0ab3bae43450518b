"""Read-only shapes of the monitor and the yearly report (values, with the labels beside them)."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from samenspel.reporting.outcomes import Group


class IndicatorSerializer(serializers.Serializer):
    key = serializers.CharField()
    pillar = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field's own attribute
    unit = serializers.CharField(source="kind")
    value = serializers.FloatField(allow_null=True)
    previous = serializers.FloatField(allow_null=True)
    trend = serializers.CharField(help_text="up, down, same, of leeg zonder vergelijking")
    hidden = serializers.BooleanField(help_text="waarde verborgen: kleine aantallen (onder 10)")
    previous_hidden = serializers.BooleanField()
    source = serializers.CharField()  # type: ignore[assignment]  # a field named like Field's own attribute
    period = serializers.CharField()
    previous_period = serializers.CharField()


class EvidenceSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field's own attribute
    value = serializers.CharField()


class ScanAnswerSerializer(serializers.Serializer):
    mean = serializers.FloatField(allow_null=True)
    n = serializers.IntegerField()
    dont_know = serializers.IntegerField()


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    evidence = EvidenceSerializer(many=True)
    scan = ScanAnswerSerializer(allow_null=True)


class MonitorSerializer(serializers.Serializer):
    indicators = IndicatorSerializer(many=True)
    questions = QuestionSerializer(many=True)


class HappeningSerializer(serializers.Serializer):
    date = serializers.DateField()
    what = serializers.CharField()


class ReportIndicatorSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field's own attribute
    value = serializers.FloatField(allow_null=True)
    previous = serializers.FloatField(allow_null=True)
    hidden = serializers.BooleanField(help_text="waarde verborgen: kleine aantallen (onder 10)")
    previous_hidden = serializers.BooleanField()
    unit = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]  # a field named like Field's own attribute
    period = serializers.CharField()


class ReportPillarSerializer(serializers.Serializer):
    pillar = serializers.CharField()
    title = serializers.CharField()
    conclusions = serializers.CharField()
    next_steps = serializers.CharField()
    happened = HappeningSerializer(many=True)
    indicators = ReportIndicatorSerializer(many=True)


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


class YearReportSerializer(serializers.Serializer):
    coalition = serializers.CharField()
    municipality = serializers.CharField()
    year = serializers.IntegerField()
    period = PeriodSerializer()
    pillars = ReportPillarSerializer(many=True)


class GroupSerializer(serializers.Serializer):
    """One measurement of an activity's participants, before or after."""

    moment = serializers.CharField()
    measured_on = serializers.DateField()
    participants = serializers.SerializerMethodField(
        help_text="leeg als de groep kleiner is dan 10 (dan is niets van de groep te zien)"
    )
    # Participants per band of the De Jong Gierveld scale; none when the group is too small.
    bands = inline_serializer(
        "OutcomeBand",
        {
            "key": serializers.CharField(),
            "label": serializers.CharField(),
            "count": serializers.IntegerField(),
        },
        many=True,
        allow_null=True,
    )
    lonely_share = serializers.FloatField(allow_null=True)

    def get_participants(self, group: Group) -> int | None:
        return None if group.suppressed else group.n


class ActivityOutcomeSerializer(serializers.Serializer):
    activity = serializers.CharField(source="title")
    before = GroupSerializer(allow_null=True)
    after = GroupSerializer(allow_null=True)
    change = serializers.FloatField(
        allow_null=True, help_text="aandeel eenzamen na min voor; alleen als beide groepen er zijn"
    )
