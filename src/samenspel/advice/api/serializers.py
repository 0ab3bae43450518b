"""Serializers of the advice API: findings are plain objects (`advice.findings.Finding`)
computed from the coalition's own data; dismissals are `advice.models.Dismissal` rows. The
write itself (set aside, restore) is a call to `samenspel.advice.services`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.advice.findings import Finding, Severity
from samenspel.advice.models import Dismissal
from samenspel.core.api.fields import CharField, DateTimeField, ModelSerializer
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.scans.instruments import guide_url


class FindingGuideSerializer(serializers.Serializer):
    section = CharField(help_text=_("Sleutel van het hoofdstuk in de gids."))
    item = CharField(allow_null=True, help_text=_("Sleutel van het onderwerp."))
    title = CharField(allow_blank=True)
    url = CharField(allow_null=True, help_text=_("De pagina in de gids."))


def finding_guide(finding: Finding) -> dict[str, Any] | None:
    section, item = finding.guide
    if not section:
        return None
    return {
        "section": section,
        "item": item or None,
        "title": finding.guide_title,
        "url": guide_url(section, item or None),
    }


class DismissalSerializer(ModelSerializer):
    rule = CharField(source="rule_key")
    dismissed_by_name = serializers.SerializerMethodField()

    class Meta:
        model = Dismissal
        fields = [
            "uuid",
            "rule",
            "subject",
            "reason",
            "magnitude",
            "dismissed_at",
            "dismissed_by_name",
        ]
        read_only_fields = fields

    @extend_schema_field(CharField(allow_null=True))
    def get_dismissed_by_name(self, dismissal: Dismissal) -> str | None:
        return str(dismissal.dismissed_by) if dismissal.dismissed_by_id else None


class EarlierDismissalSerializer(DismissalSerializer):
    """The decision to set a finding aside, shown with the finding that came back."""

    class Meta(DismissalSerializer.Meta):
        fields = ["reason", "magnitude", "dismissed_at", "dismissed_by_name"]
        read_only_fields = fields


class FindingSerializer(serializers.Serializer):
    rule = CharField(help_text=_("De regel die deze bevinding gaf."))
    subject = CharField(
        allow_blank=True,
        help_text=_(
            "Onderscheidt bevindingen van dezelfde regel (bijvoorbeeld de UUID van een partner); "
            "leeg als de regel hooguit één bevinding geeft. Nodig om terzijde te leggen."
        ),
    )
    severity = EnumField(Severity)
    severity_label = CharField()
    title = CharField()
    evidence = serializers.ListField(
        child=CharField(), help_text=_("De eigen cijfers en namen van de coalitie.")
    )
    explanation = CharField(help_text=_("Waarom dit een risico is, met de bron."))
    link = CharField(
        allow_blank=True, help_text=_("Een pagina van Samenspel met het hele beeld; soms leeg.")
    )
    link_text = CharField(allow_blank=True)
    guide = serializers.SerializerMethodField()
    next_step = CharField()
    magnitude = serializers.FloatField(
        help_text=_(
            "Hoe sterk de bevinding is. Een terzijde gelegde bevinding komt terug als dit groeit."
        )
    )
    returned_after = serializers.SerializerMethodField(
        help_text=_("Terzijde gelegd, maar sindsdien sterker geworden: die eerdere beslissing.")
    )

    @extend_schema_field(FindingGuideSerializer(allow_null=True))
    def get_guide(self, finding: Finding) -> dict[str, Any] | None:
        return finding_guide(finding)

    @extend_schema_field(EarlierDismissalSerializer(allow_null=True))
    def get_returned_after(self, finding: Finding) -> dict[str, Any] | None:
        returned: dict[tuple[str, str], Dismissal] = self.context.get("returned", {})
        dismissal = returned.get(finding.key)
        return EarlierDismissalSerializer(dismissal).data if dismissal else None


class FindingSummarySerializer(serializers.Serializer):
    severity = EnumField(Severity)
    title = CharField()
    magnitude = serializers.FloatField()


class DismissedSerializer(serializers.Serializer):
    """Serializes one set-aside entry of the advice (its `dismissal` and current `finding`)."""

    uuid = serializers.UUIDField(source="dismissal.uuid")
    rule = CharField(source="dismissal.rule_key")
    subject = CharField(source="dismissal.subject", allow_blank=True)
    label = CharField(help_text=_("Korte naam van de bevinding."))  # type: ignore[assignment]
    reason = CharField(source="dismissal.reason")
    magnitude = serializers.FloatField(
        source="dismissal.magnitude", help_text=_("De omvang toen het terzijde werd gelegd.")
    )
    dismissed_at = DateTimeField(source="dismissal.dismissed_at")
    dismissed_by_name = CharField(source="dismissal.dismissed_by", allow_null=True)
    current = FindingSummarySerializer(
        source="finding",
        allow_null=True,
        help_text=_("De bevinding zoals die nu speelt; null: die speelt niet meer."),
    )


@dataclass(frozen=True)
class AdviceAnswer:
    """The input of AdviceSerializer: the coalition's advice and what the requester may do."""

    findings: list[Finding]
    dismissed: list[Any]
    can_dismiss: bool


class AdviceSerializer(serializers.Serializer):
    findings = FindingSerializer(many=True, help_text=_("Meest dringend eerst."))
    dismissed = DismissedSerializer(
        many=True, help_text=_("Terzijde gelegd en nog niet sterker geworden; nieuwste eerst.")
    )
    can_dismiss = serializers.BooleanField(help_text=_("Of u bevindingen terzijde mag leggen."))


class DismissSerializer(InputSerializer):
    subject = CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        default="",
        help_text=_("Het `subject` van de bevinding; leeg voor een regel met één bevinding."),
    )
    reason = CharField(
        required=False,
        allow_blank=True,
        default="",
        label=_("reden"),
        help_text=_("Waarom de bevinding terzijde gaat; verplicht."),
    )


class RestoreSerializer(InputSerializer):
    subject = CharField(
        required=False, allow_blank=True, max_length=64, default="", help_text=_("Zie dismiss.")
    )
