"""The shape of the open data (HSDS 3 style), for the OpenAPI document and as a check on what
`hsds.service` builds: each serializer reads the keys of the dictionaries made there."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.core.api.fields import CharField, DateTimeField


class TaxonomyTermSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = CharField()
    name = CharField()
    description = CharField(allow_blank=True)
    taxonomy = CharField(
        help_text=_(
            "samenspel-activiteitsoort (soort activiteit), samenspel-doelgroep (voor wie) of "
            "samenspel-kenmerk (bijvoorbeeld de Week tegen Eenzaamheid)."
        )
    )
    language = CharField()


class AttributeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField()
    link_type = CharField()
    link_entity = CharField()
    taxonomy_term_id = serializers.UUIDField()
    taxonomy_term = TaxonomyTermSerializer()


class OrganizationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = CharField()
    description = CharField(allow_blank=True)


class AddressSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    address_1 = CharField(allow_blank=True)
    city = CharField(allow_blank=True)
    postal_code = CharField(allow_blank=True)
    region = CharField(allow_blank=True, help_text=_("De wijk of kern."))
    country = CharField()
    address_type = CharField()


class AccessibilitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    description = CharField(allow_blank=True)
    details = CharField(allow_blank=True)


class LocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_type = CharField()
    name = CharField(allow_blank=True)
    addresses = AddressSerializer(many=True)
    accessibility = AccessibilitySerializer(many=True)


class ServiceAtLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location = LocationSerializer()


class ServiceAreaSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = CharField()
    description = CharField(
        allow_blank=True, help_text=_("De CBS-code van de wijk of buurt, als die bekend is.")
    )
    extent_type = CharField(allow_null=True)


class PhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    number = CharField()


class UrlSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    # HSDS's name for it; the serializer's own `label` attribute is not used here.
    label = CharField()  # type: ignore[assignment]
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
    byday = CharField(
        help_text=_("Dag als in iCalendar: TU, of 2TU voor de tweede dinsdag van de maand.")
    )
    opens_at = CharField(help_text=_("Begintijd, UU:MM."))
    closes_at = CharField(allow_null=True, help_text=_("Eindtijd, UU:MM."))
    description = CharField(allow_blank=True)


class CostOptionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    option = CharField(allow_blank=True)
    amount = serializers.DecimalField(max_digits=7, decimal_places=2, coerce_to_string=False)
    currency = CharField()
    amount_description = CharField(allow_blank=True)


class UnitSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = CharField()


class ServiceCapacitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    unit = UnitSerializer()
    maximum = serializers.IntegerField()
    description = CharField(allow_blank=True)


class ServiceSerializer(serializers.Serializer):
    """One activity of the coalition's public offer."""

    id = serializers.UUIDField()
    name = CharField()
    description = CharField()
    url = serializers.URLField(help_text=_("De pagina van de activiteit in de openbare zoeker."))
    additional_urls = UrlSerializer(many=True)
    email = serializers.EmailField(allow_blank=True, help_text=_("Algemeen e-mailadres."))
    status = serializers.ChoiceField(
        choices=[("active", "active"), ("temporarily closed", "temporarily closed")]
    )
    application_process = CharField(allow_blank=True)
    fees_description = CharField(allow_blank=True)
    eligibility_description = CharField(allow_blank=True)
    last_modified = DateTimeField()
    organization = OrganizationSerializer(allow_null=True)
    service_areas = ServiceAreaSerializer(many=True)
    service_at_locations = ServiceAtLocationSerializer(many=True)
    phones = PhoneSerializer(many=True)
    schedules = ScheduleSerializer(many=True)
    cost_options = CostOptionSerializer(many=True)
    service_capacities = ServiceCapacitySerializer(many=True)
    attributes = AttributeSerializer(many=True)
