"""The shape of the open data (HSDS 3 style), for the OpenAPI document and as a check on what
`hsds.service` builds: each serializer reads the keys of the dictionaries made there."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class TaxonomyTermSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    taxonomy = serializers.CharField(
        help_text=_(
            "samenspel-activiteitsoort (soort activiteit), samenspel-doelgroep (voor wie) of "
            "samenspel-kenmerk (bijvoorbeeld de Week tegen Eenzaamheid)."
        )
    )
    language = serializers.CharField()


class AttributeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField()
    link_type = serializers.CharField()
    link_entity = serializers.CharField()
    taxonomy_term_id = serializers.UUIDField()
    taxonomy_term = TaxonomyTermSerializer()


class OrganizationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class AddressSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    address_1 = serializers.CharField(allow_blank=True)
    city = serializers.CharField(allow_blank=True)
    postal_code = serializers.CharField(allow_blank=True)
    region = serializers.CharField(allow_blank=True, help_text=_("De wijk of kern."))
    country = serializers.CharField()
    address_type = serializers.CharField()


class AccessibilitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    description = serializers.CharField(allow_blank=True)
    details = serializers.CharField(allow_blank=True)


class LocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_type = serializers.CharField()
    name = serializers.CharField(allow_blank=True)
    addresses = AddressSerializer(many=True)
    accessibility = AccessibilitySerializer(many=True)


class ServiceAtLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location = LocationSerializer()


class ServiceAreaSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField(
        allow_blank=True, help_text=_("De CBS-code van de wijk of buurt, als die bekend is.")
    )
    extent_type = serializers.CharField(allow_null=True)


class PhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    number = serializers.CharField()


class UrlSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    # HSDS's name for it; the serializer's own `label` attribute is not used here.
    label = serializers.CharField()  # type: ignore[assignment]
    url = serializers.URLField()


class ScheduleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    valid_from = serializers.DateField(allow_null=True)
    valid_to = serializers.DateField(allow_null=True)
    dtstart = serializers.DateField(help_text=_("De eerste keer."))
    until = serializers.DateField(allow_null=True)
    timezone = serializers.FloatField(
        help_text=_("Verschil met UTC in uren op de eerste keer (tijden zijn in Nederlandse tijd).")
    )
    freq = serializers.ChoiceField(
        choices=[("WEEKLY", "WEEKLY"), ("MONTHLY", "MONTHLY")],
        allow_null=True,
        help_text=_("Leeg voor een activiteit die één keer plaatsvindt."),
    )
    interval = serializers.IntegerField(allow_null=True, help_text=_("2 voor om de week."))
    byday = serializers.CharField(
        help_text=_("Dag als in iCalendar: TU, of 2TU voor de tweede dinsdag van de maand.")
    )
    opens_at = serializers.CharField(help_text=_("Begintijd, UU:MM."))
    closes_at = serializers.CharField(allow_null=True, help_text=_("Eindtijd, UU:MM."))
    description = serializers.CharField(allow_blank=True)


class CostOptionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    option = serializers.CharField(allow_blank=True)
    amount = serializers.DecimalField(max_digits=7, decimal_places=2, coerce_to_string=False)
    currency = serializers.CharField()
    amount_description = serializers.CharField(allow_blank=True)


class UnitSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class ServiceCapacitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    unit = UnitSerializer()
    maximum = serializers.IntegerField()
    description = serializers.CharField(allow_blank=True)


class ServiceSerializer(serializers.Serializer):
    """One activity of the coalition's public offer."""

    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.URLField(help_text=_("De pagina van de activiteit in de openbare zoeker."))
    additional_urls = UrlSerializer(many=True)
    email = serializers.EmailField(allow_blank=True, help_text=_("Algemeen e-mailadres."))
    status = serializers.ChoiceField(
        choices=[("active", "active"), ("temporarily closed", "temporarily closed")]
    )
    application_process = serializers.CharField(allow_blank=True)
    fees_description = serializers.CharField(allow_blank=True)
    eligibility_description = serializers.CharField(allow_blank=True)
    last_modified = serializers.DateTimeField()
    organization = OrganizationSerializer(allow_null=True)
    service_areas = ServiceAreaSerializer(many=True)
    service_at_locations = ServiceAtLocationSerializer(many=True)
    phones = PhoneSerializer(many=True)
    schedules = ScheduleSerializer(many=True)
    cost_options = CostOptionSerializer(many=True)
    service_capacities = ServiceCapacitySerializer(many=True)
    attributes = AttributeSerializer(many=True)
