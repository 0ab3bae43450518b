"""Serializers of the activities API. Writes go through `samenspel.activities.services`, which
holds the rules (dates and times in order, wijk and providers of this coalition, counts per group
not more than the total, one record per period)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.activities.models import (
    END_BEFORE_START,
    FOREIGN_NEIGHBOURHOOD,
    Activity,
    ActivityKind,
    ActivityStatus,
    Finder,
    Frequency,
    ReachRecord,
    TargetGroup,
    TimeSlot,
)
from samenspel.activities.reach import Period, referrals_to
from samenspel.activities.selectors import GROUP_LIST, PROVIDER_LIST, SLOT_LIST, is_stale
from samenspel.activities.services import ACTIVITY_FIELDS, Slot
from samenspel.coalitions.models import Neighbourhood
from samenspel.core.api.fields import (
    FOREIGN_PARTNER,
    BuiltFieldsOnce,
    CharField,
    ModelSerializer,
    TenantRelatedField,
)
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.partners.models import Partner


class TimeSlotSerializer(ModelSerializer):
    weekday = serializers.IntegerField(
        min_value=1, max_value=7, help_text=_("1 = maandag … 7 = zondag (ISO).")
    )
    end_time = serializers.TimeField(required=False, allow_null=True)

    class Meta:
        model = TimeSlot
        fields = ["weekday", "start_time", "end_time"]
        validators: list[Any] = []  # the service checks that the end lies after the start


class TargetGroupsField(serializers.ListField):
    child = EnumField(TargetGroup)

    def to_representation(self, data: Any) -> list[str]:
        return [row.group for row in data]


class CoalitionActivitySerializer(BuiltFieldsOnce, ModelSerializer):
    kind = EnumField(ActivityKind, label=_("soort"))
    status = EnumField(ActivityStatus, required=False)
    frequency = EnumField(Frequency, required=False)
    providers = TenantRelatedField(
        Partner,
        foreign=FOREIGN_PARTNER,
        many=True,
        required=False,
        source=PROVIDER_LIST,
        help_text=_(
            "UUID's van huidige partners van deze coalitie. Een partnerlid is altijd zelf "
            "aanbieder."
        ),
    )
    neighbourhood = TenantRelatedField(
        Neighbourhood,
        foreign=FOREIGN_NEIGHBOURHOOD,
        required=False,
        allow_null=True,
        help_text=_("UUID van een wijk of kern van deze coalitie, of null (hele gemeente)."),
    )
    # The related rows as `selectors.for_api` reads them (every activity this serializer shows
    # comes from there); written under these sources, `service_parts` names them for the service.
    target_groups = TargetGroupsField(required=False, source=GROUP_LIST)
    time_slots = TimeSlotSerializer(many=True, required=False, source=SLOT_LIST)
    # Validated by the service (Dutch message at the field), not by DRF.
    cost = serializers.DecimalField(
        max_digits=7, decimal_places=2, required=False, allow_null=True, label=_("kosten in euro")
    )
    is_stale = serializers.SerializerMethodField(
        help_text=_("Langer dan zes maanden niet gecontroleerd (of nog nooit); niet bij gestopt.")
    )

    class Meta:
        model = Activity
        fields = [
            "uuid",
            *ACTIVITY_FIELDS,
            "providers",
            "target_groups",
            "time_slots",
            "checked_on",
            "is_stale",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["uuid", "checked_on", "created_at", "updated_at"]
        validators: list[Any] = []  # the model's constraints are checked by the service

    def get_is_stale(self, activity: Activity) -> bool:
        return is_stale(activity, self.context.get("today") or datetime.date.today())

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Rules are the service's; skip DRF's model-level validation."""
        return attrs


class ActivityDetailSerializer(CoalitionActivitySerializer):
    """One activity, with the residents that signals referred to it (a count, never who)."""

    referrals = serializers.SerializerMethodField(
        help_text=_(
            "Hoeveel inwoners na een zorgsignaal naar deze activiteit zijn doorverwezen; null "
            "onder de 10 (kleine aantallen tonen we niet)."
        )
    )

    class Meta(CoalitionActivitySerializer.Meta):
        fields = [*CoalitionActivitySerializer.Meta.fields, "referrals"]

    def get_referrals(self, activity: Activity) -> int | None:
        return referrals_to(activity)


def service_parts(data: dict[str, Any]) -> dict[str, Any]:
    """Validated data split into the service's keyword arguments."""
    data = dict(data)
    parts: dict[str, Any] = {}
    if PROVIDER_LIST in data:
        parts["providers"] = data.pop(PROVIDER_LIST)
    if GROUP_LIST in data:
        parts["target_groups"] = data.pop(GROUP_LIST)
    if SLOT_LIST in data:
        parts["time_slots"] = [
            Slot(slot["weekday"], slot["start_time"], slot.get("end_time"))
            for slot in data.pop(SLOT_LIST)
        ]
    return {**parts, **data}


class GroupCountSerializer(serializers.Serializer):
    group = EnumField(TargetGroup)
    participants = serializers.IntegerField(min_value=0)


class ReachRecordSerializer(ModelSerializer):
    activity = serializers.UUIDField(source="activity.uuid", read_only=True)
    total = serializers.IntegerField(read_only=True)
    by_group = GroupCountSerializer(
        many=True,
        required=False,
        help_text=_(
            "Deel van de deelnemers per doelgroep, waar bekend; samen niet meer dan het totaal."
        ),
    )

    class Meta:
        model = ReachRecord
        fields = [
            "uuid",
            "activity",
            "period_start",
            "period_end",
            "new_participants",
            "returning_participants",
            "total",
            "note",
            "by_group",
            "created_at",
        ]
        read_only_fields = ["uuid", "created_at"]
        validators: list[Any] = []  # one record per period: checked by the service

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return attrs


def reach_parts(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    if "by_group" in data:
        data["by_group"] = {row["group"]: row["participants"] for row in data["by_group"]}
    return data


class FinderSerializer(ModelSerializer):
    # The service checks the address, with a message that says which characters are allowed.
    slug = CharField(max_length=60, help_text=_("Bijvoorbeeld samen-dijkerveen."))
    exists = serializers.SerializerMethodField(
        help_text=_("Onwaar zolang de instellingen nooit zijn opgeslagen (dan: voorstellen).")
    )

    class Meta:
        model = Finder
        fields = ["slug", "is_published", "title", "introduction", "contact", "exists"]

    def get_exists(self, finder: Finder) -> bool:
        return finder.pk is not None


class TotalRowSerializer(serializers.Serializer):
    key = CharField(help_text=_("UUID van de partner of wijk; leeg voor het totaal."))
    label = CharField()  # type: ignore[assignment]
    new = serializers.IntegerField()
    returning = serializers.IntegerField()
    total = serializers.IntegerField()
    activities = serializers.IntegerField()


class GroupTotalSerializer(serializers.Serializer):
    group = EnumField(TargetGroup)
    label = CharField()  # type: ignore[assignment]
    participants = serializers.IntegerField()


class ReachTotalsSerializer(serializers.Serializer):
    start = serializers.DateField(source="period.start")
    end = serializers.DateField(source="period.end")
    records = serializers.IntegerField()
    total = TotalRowSerializer()
    by_partner = TotalRowSerializer(many=True)
    by_neighbourhood = TotalRowSerializer(many=True)
    by_group = GroupTotalSerializer(many=True)


class PeriodQuerySerializer(InputSerializer):
    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """The chosen period, each end defaulting to that of the context's `default`."""
        default: Period = self.context["default"]
        period = Period(attrs.get("start", default.start), attrs.get("end", default.end))
        if period.end < period.start:
            raise serializers.ValidationError({"end": END_BEFORE_START})
        return {"period": period}
