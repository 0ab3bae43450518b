"""Read-only serializers for the guide's dataclasses (no models involved)."""

from rest_framework import serializers


class TipSerializer(serializers.Serializer):
    title = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)


class ActivitySerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True, help_text="Stabiele sleutel, o.a. voor checklists.")
    title = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    phase = serializers.CharField(read_only=True)


class ItemSerializer(serializers.Serializer):
    section = serializers.CharField(source="section_key", read_only=True)
    key = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    body = serializers.CharField(
        read_only=True, help_text="Platte tekst; alinea's gescheiden door een lege regel."
    )
    paragraphs = serializers.ListField(child=serializers.CharField(), read_only=True)
    # DRF pops declared fields from the class, so this does not clash with Field.source.
    source = serializers.CharField(  # type: ignore[assignment]
        read_only=True, help_text="Bronvermelding, bijv. §1.2.3."
    )
    tips = TipSerializer(many=True, read_only=True)
    questions = serializers.ListField(child=serializers.CharField(), read_only=True)
    activities = ActivitySerializer(many=True, read_only=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    intro = serializers.CharField(read_only=True)
    source = serializers.CharField(read_only=True)  # type: ignore[assignment]
    item_keys = serializers.ListField(child=serializers.CharField(), read_only=True)


class SectionDetailSerializer(SectionSerializer):
    items = ItemSerializer(many=True, read_only=True)


class SearchHitSerializer(serializers.Serializer):
    section = serializers.CharField(source="section.key", read_only=True)
    section_title = serializers.CharField(source="section.title", read_only=True)
    item = serializers.CharField(source="item.key", read_only=True)
    item_title = serializers.CharField(source="item.title", read_only=True)
    snippet = serializers.CharField(read_only=True)
    title_match = serializers.BooleanField(read_only=True)


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=100, help_text="Een of meer woorden; hoofdletters en accenten tellen niet mee."
    )
