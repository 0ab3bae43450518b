"""API: the coalition's e-mail that failed or waits for a retry (read-only, coordinators).

The same list as the page "Niet verstuurde e-mail"; addresses are masked here too.
"""

from typing import cast

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from samenspel.accounts import policy
from samenspel.accounts.api.base import CoalitionEndpoint
from samenspel.mail.models import OutgoingMail, OutgoingMailQuerySet


class UndeliveredMailSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    recipient = serializers.CharField(source="masked_recipient", read_only=True)
    last_error_display = serializers.CharField(source="get_last_error_display", read_only=True)

    class Meta:
        model = OutgoingMail
        fields = [
            "uuid",
            "kind",
            "kind_display",
            "recipient",
            "status",
            "attempts",
            "created_at",
            "last_attempt_at",
            "next_attempt_at",
            "last_error",
            "last_error_display",
        ]
        read_only_fields = fields


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Niet verstuurde e-mail"),
        description=gettext_lazy(
            "E-mail van deze coalitie die mislukt is of op een nieuwe poging wacht, nieuwste "
            "eerst. Alleen voor coördinatoren; e-mailadressen zijn gemaskeerd."
        ),
    ),
)
class UndeliveredMailListView(CoalitionEndpoint, generics.ListAPIView):
    model = OutgoingMail
    permission = policy.Permission.MANAGE_MEMBERS
    serializer_class = UndeliveredMailSerializer

    def scope(self, queryset: QuerySet[OutgoingMail]) -> QuerySet[OutgoingMail]:
        return (
            cast(OutgoingMailQuerySet, queryset).needing_attention().order_by("-created_at", "-pk")
        )
