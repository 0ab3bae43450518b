"""API v1 for partners, their contact persons and the changes that call for a conversation.

Partners are found only inside the coalition resolved for the requester (404 otherwise). Rights
on one partner are asked of the policy with that partner, so a partner member may edit their own
organisation and no other. Every write is one call to a service function.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Model, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission, require
from samenspel.core.tenancy import lookup_or_404
from samenspel.partners import services
from samenspel.partners.api.serializers import (
    ContactSerializer,
    ConversationSerializer,
    PartnerEventSerializer,
    PartnerMap,
    PartnerMapSerializer,
    PartnerSerializer,
)
from samenspel.partners.forms import PartnerFilter
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent, PartnerQuerySet
from samenspel.partners.partner_map import build_map
from samenspel.partners.selectors import missing_kinds, with_counts

TAG = "partners"


class PartnerScopedMixin(CoalitionEndpoint):
    """Resolves `self.partner` inside the coalition (404 otherwise), asks the policy for
    `partner_permission_by_method[method]` on that partner (403 otherwise), and shows only that
    partner's rows."""

    permission = Permission.VIEW_PARTNERS
    partner_permission_by_method: dict[str, Permission] = {}
    partner: Partner

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        partners = self.visible(Partner).select_related("coalition")
        self.partner = lookup_or_404(partners, kwargs["partner"])
        permission = self.partner_permission_by_method.get(request.method or "GET")
        if permission is not None:
            require(self.membership, permission, self.partner)

    def scope(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(partner=self.partner)

    def find_object(self) -> Any:
        obj = super().find_object()  # type: ignore[misc]
        obj.partner = self.partner  # saves a query per serialization
        return obj


class PartnerEndpoint:
    """Partners with their number of contacts and open conversations."""

    model: type[Model] = Partner
    permission = Permission.VIEW_PARTNERS

    def scope(self, queryset: QuerySet[Partner]) -> QuerySet[Partner]:
        return with_counts(queryset)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Partners van de coalitie"),
    post=extend_schema(
        tags=[TAG],
        summary="Partner toevoegen",
        description="Een naam komt per coalitie één keer voor (hoofdletters tellen niet).",
    ),
)
class PartnerListCreate(PartnerEndpoint, CoalitionEndpoint, generics.ListCreateAPIView):
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    permission_by_method = {"POST": Permission.ADD_PARTNER}

    def scope(self, queryset: QuerySet[Partner]) -> QuerySet[Partner]:
        return super().scope(queryset).order_by("name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        partner = services.create_partner(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )
        partner.contact_count = partner.open_conversations = 0  # type: ignore[attr-defined]
        serializer.instance = partner


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Partner bekijken"),
    patch=extend_schema(
        tags=[TAG],
        summary="Partner wijzigen",
        description="Coördinatoren wijzigen elke partner; leden namens een partner alleen hun eigen organisatie.",
    ),
)
class PartnerDetail(PartnerEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView):
    serializer_class = PartnerSerializer
    lookup_url_kwarg = "partner"

    def check_object_permissions(self, request: Request, obj: Any) -> None:
        super().check_object_permissions(request, obj)
        if request.method == "PATCH":
            require(self.membership, Permission.EDIT_PARTNER, obj)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_partner(
            cast(Partner, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Contactpersonen van een partner"),
    post=extend_schema(tags=[TAG], summary="Contactpersoon toevoegen"),
)
class ContactListCreate(PartnerScopedMixin, generics.ListCreateAPIView):
    model = ContactPerson
    serializer_class = ContactSerializer
    partner_permission_by_method = {"POST": Permission.EDIT_PARTNER}

    def scope(self, queryset: QuerySet[ContactPerson]) -> QuerySet[ContactPerson]:
        return super().scope(queryset).order_by("-is_primary", "name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_contact(
            self.partner, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Contactpersoon bekijken"),
    patch=extend_schema(tags=[TAG], summary="Contactpersoon wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Contactpersoon verwijderen"),
)
class ContactDetail(
    PartnerScopedMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    model = ContactPerson
    serializer_class = ContactSerializer
    lookup_url_kwarg = "contact"
    partner_permission_by_method = {
        "PATCH": Permission.EDIT_PARTNER,
        "DELETE": Permission.EDIT_PARTNER,
    }

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_contact(
            self.partner,
            acting_user=self.acting_user,
            contact=cast(ContactPerson, serializer.instance),
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: ContactPerson) -> None:
        services.delete_contact(instance, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Veranderingen bij een partner", description="Nieuwste eerst."
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Verandering vastleggen",
        description="Een verandering bij een partner (Handreiking §1.2.4) die om een gesprek vraagt.",
    ),
)
class PartnerEventListCreate(PartnerScopedMixin, generics.ListCreateAPIView):
    model = PartnerEvent
    serializer_class = PartnerEventSerializer
    partner_permission_by_method = {"POST": Permission.RECORD_PARTNER_EVENT}

    def scope(self, queryset: QuerySet[PartnerEvent]) -> QuerySet[PartnerEvent]:
        events = super().scope(queryset).select_related("recorded_by")
        return events.order_by("-date", "-created_at", "-pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.record_event(
            self.partner, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Verandering bekijken", responses=PartnerEventSerializer),
    patch=extend_schema(
        tags=[TAG],
        summary="Stand van het gesprek bijwerken",
        request=ConversationSerializer,
        responses=PartnerEventSerializer,
    ),
)
class PartnerEventDetail(
    PartnerScopedMixin, CoalitionObjectEndpoint, generics.RetrieveUpdateAPIView
):
    model = PartnerEvent
    serializer_class = ConversationSerializer
    lookup_url_kwarg = "event"
    partner_permission_by_method = {"PATCH": Permission.RECORD_PARTNER_EVENT}

    def scope(self, queryset: QuerySet[PartnerEvent]) -> QuerySet[PartnerEvent]:
        return super().scope(queryset).select_related("recorded_by")

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.update_event(
            cast(PartnerEvent, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )


@extend_schema(
    tags=[TAG],
    summary="Partnerkaart",
    description=(
        "De huidige partners per cirkel van betrokkenheid (Handreiking §3.2.5), genummerd zoals op "
        "de pagina, en de soorten partners uit de handreiking die nog ontbreken."
    ),
    responses=PartnerMapSerializer,
)
class PartnerMapView(CoalitionEndpoint):
    model = Partner
    serializer_class = PartnerMapSerializer
    permission = Permission.VIEW_PARTNERS
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partners = list(cast(PartnerQuerySet, self.visible_rows()).current().order_by("name"))
        _rings, dots = build_map(partners)
        missing = missing_kinds({partner.kind for partner in partners})
        return Response(self.get_serializer(PartnerMap(partners, dots, missing)).data)
