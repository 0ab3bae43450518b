"""Read-only serializers for the guide's dataclasses (no models involved)."""

from rest_framework import serializers

from samenspel.core.api.fields import CharField
from samenspel.core.api.messages import InputSerializer


class TipSerializer(serializers.Serializer):
    title = CharField(read_only=True)
    text = CharField(read_only=True)


class ActivitySerializer(serializers.Serializer):
    key = CharField(read_only=True, help_text="Stabiele sleutel, o.a. voor checklists.")
    title = CharField(read_only=True)
    description = CharField(read_only=True)
    phase = CharField(read_only=True)


class ItemSerializer(serializers.Serializer):
    section = CharField(source="section_key", read_only=True)
    key = CharField(read_only=True)
    title = CharField(read_only=True)
    summary = CharField(read_only=True)
    body = CharField(
        read_only=True, help_text="Platte tekst; alinea's gescheiden door een lege regel."
    )
    paragraphs = serializers.ListField(child=CharField(), read_only=True)
    # DRF pops declared fields from the class, so this does not clash with Field.source.
    source = CharField(  # type: ignore[assignment]
        read_only=True, help_text="Bronvermelding, bijv. §1.2.3."
    )
    tips = TipSerializer(many=True, read_only=True)
    questions = serializers.ListField(child=CharField(), read_only=True)
    activities = ActivitySerializer(many=True, read_only=True)


class SectionSerializer(serializers.Serializer):
    key = CharField(read_only=True)
    title = CharField(read_only=True)
    intro = CharField(read_only=True)
    source = CharField(read_only=True)  # type: ignore[assignment]
    item_keys = serializers.ListField(child=CharField(), read_only=True)


class SectionDetailSerializer(SectionSerializer):
    items = ItemSerializer(many=True, read_only=True)


class SearchHitSerializer(serializers.Serializer):
    section = CharField(source="section.key", read_only=True)
    section_title = CharField(source="section.title", read_only=True)
    item = CharField(source="item.key", read_only=True)
    item_title = CharField(source="item.title", read_only=True)
    snippet = CharField(read_only=True)
    title_match = serializers.BooleanField(read_only=True)


class SearchQuerySerializer(InputSerializer):
    q = CharField(
        max_length=100, help_text="Een of meer woorden; hoofdletters en accenten tellen niet mee."
    )
