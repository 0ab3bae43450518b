"""Serializers of the signals API. A list or a step's answer shows no personal field; only the
signal's own representation does (`SignalDetailSerializer`), for the holding organisation's
members. Writes go through `samenspel.signals.services`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.activities.models import Activity
from samenspel.coalitions.models import Neighbourhood
from samenspel.core.api.fields import CharField, ModelSerializer, TenantRelatedField
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.partners.models import Partner
from samenspel.signals.models import (
    PERSONAL,
    Awareness,
    Consent,
    ConsentMethod,
    Handover,
    Purpose,
    Signal,
    SignalSettings,
    SourceKind,
)
from samenspel.signals.services import FOREIGN_ACTIVITY, FOREIGN_NEIGHBOURHOOD, FOREIGN_PARTNER
from samenspel.signals.signs import Sign
from samenspel.signals.workflow import HOLDER_STEPS, Outcome, Status, Urgency

# Steps of `POST …/steps/`: handover, its answer and referral have routes of their own.
STEPS = [
    (value, label) for value, label in Status.choices if value in HOLDER_STEPS - {Status.REFERRED}
]


class SettingsSerializer(ModelSerializer):
    """Which organisation triages the coalition's signals, and its public meldpunt."""

    intake = TenantRelatedField(Partner, foreign=FOREIGN_PARTNER)

    class Meta:
        model = SignalSettings
        fields = ["intake", "meldpunt_open", "urgent_help"]


class SignalListSerializer(ModelSerializer):
    """What a list shows, and what a step answers: never a personal field."""

    status = EnumField(Status, read_only=True)
    status_label = CharField(source="get_status_display", read_only=True)
    urgency = EnumField(Urgency, read_only=True)
    source_kind = EnumField(SourceKind, read_only=True)
    neighbourhood = serializers.CharField(
        source="neighbourhood.name", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Signal
        fields = [
            "uuid",
            "status",
            "status_label",
            "urgency",
            "deadline",
            "received_at",
            "source_kind",
            "neighbourhood",
        ]
        read_only_fields = fields


class ConsentSerializer(ModelSerializer):
    purpose = EnumField(Purpose)
    method = EnumField(ConsentMethod)

    class Meta:
        model = Consent
        fields = ["uuid", "purpose", "method", "given_on", "recorded_at", "withdrawn_at"]
        read_only_fields = ["uuid", "recorded_at", "withdrawn_at"]


class HandoverSerializer(ModelSerializer):
    to = serializers.UUIDField(source="to.uuid", read_only=True)
    to_name = CharField(source="to.name", read_only=True)

    class Meta:
        model = Handover
        fields = [
            "uuid",
            "to",
            "to_name",
            "handed_over_at",
            "answer_by",
            "exception_reason",
            "decision",
            "decided_at",
            "decline_reason",
        ]
        read_only_fields = fields


class SignalDetailSerializer(SignalListSerializer):
    """The signal with the resident's personal data: only for the holding organisation's
    members, through a second factor, and every read is logged."""

    awareness = EnumField(Awareness, read_only=True)
    outcome = EnumField(Outcome, read_only=True, allow_blank=True)
    signs = serializers.ListField(child=serializers.CharField(), source="sign_keys", read_only=True)
    holder = serializers.UUIDField(source="holder.uuid", read_only=True)
    intake = serializers.UUIDField(source="intake.uuid", read_only=True)
    handling = serializers.UUIDField(
        source="handling.uuid", read_only=True, allow_null=True, default=None
    )
    activity = serializers.UUIDField(
        source="activity.uuid", read_only=True, allow_null=True, default=None
    )
    consents = ConsentSerializer(many=True, read_only=True)
    handovers = HandoverSerializer(many=True, read_only=True)

    class Meta(SignalListSerializer.Meta):
        fields = [
            *SignalListSerializer.Meta.fields,
            *PERSONAL,
            "awareness",
            "status_since",
            "first_contact_at",
            "closed_at",
            "outcome",
            "holder",
            "intake",
            "handling",
            "activity",
            "anonymised_at",
            "consents",
            "handovers",
        ]
        read_only_fields = fields


class RecordSignalSerializer(InputSerializer):
    """A worry about a resident, recorded by a partner member (`services.record_signal`)."""

    resident_name = CharField(max_length=150, label=_("naam van de inwoner"))
    address = CharField(max_length=200, required=False, allow_blank=True)
    phone = CharField(max_length=30, required=False, allow_blank=True)
    birth_date = serializers.DateField(required=False, allow_null=True)
    how_to_reach = CharField(max_length=500, required=False, allow_blank=True)
    situation = CharField(
        max_length=2000,
        required=False,
        allow_blank=True,
        help_text=_("Alleen wat nodig is om contact te leggen. Geen BSN of medische gegevens."),
    )
    neighbourhood = TenantRelatedField(
        Neighbourhood, foreign=FOREIGN_NEIGHBOURHOOD, required=False, allow_null=True
    )
    urgency = EnumField(Urgency, required=False)
    awareness = EnumField(Awareness)
    signs = serializers.ListField(child=EnumField(Sign), required=False)
    consent_purposes = serializers.ListField(
        child=EnumField(Purpose),
        required=False,
        help_text=_("Waarvoor de inwoner toestemming gaf; alleen als de inwoner het goedvindt."),
    )
    consent_method = EnumField(ConsentMethod, required=False)


class StepSerializer(InputSerializer):
    status = serializers.ChoiceField(choices=STEPS, label=_("volgende stap"))
    outcome = serializers.ChoiceField(
        choices=Outcome.choices,
        required=False,
        allow_blank=True,
        help_text=_("Bij afsluiten: de uitkomst."),
    )


class HandoverCreateSerializer(InputSerializer):
    to = TenantRelatedField(Partner, foreign=FOREIGN_PARTNER, allow_null=True)
    answer_by = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("Leeg: binnen de gewone termijn in werkdagen."),
    )
    exception_reason = CharField(
        max_length=1000,
        required=False,
        allow_blank=True,
        help_text=_("Alleen als de inwoner geen toestemming gaf voor overdracht."),
    )


class HandoverDecisionSerializer(InputSerializer):
    accept = serializers.BooleanField(label=_("accepteren"))
    reason = CharField(
        max_length=1000, required=False, allow_blank=True, help_text=_("Verplicht bij afwijzen.")
    )


class ReferralSerializer(InputSerializer):
    activity = TenantRelatedField(Activity, foreign=FOREIGN_ACTIVITY, allow_null=True)


class ReadSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    who = serializers.CharField()
    purpose = serializers.CharField()
    ip_address = serializers.CharField(allow_null=True)


class FigureRowSerializer(serializers.Serializer):
    month = serializers.CharField(source="label", help_text=_("De maand (jjjj-mm)."))
    cells = serializers.ListField(
        child=serializers.IntegerField(allow_null=True),
        help_text=_("Per kolom; null is verborgen (kleine aantallen)."),
    )
    total = serializers.IntegerField(allow_null=True)


class FigureTableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = FigureRowSerializer(many=True)
    totals = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    grand = serializers.IntegerField(allow_null=True)
