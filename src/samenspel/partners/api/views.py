"""API v1 for partners, their contact persons and the changes that call for a conversation.

Partners are found only inside the coalition resolved for the requester (404 otherwise). Rights
on one partner are asked of the policy with that partner, so a partner member may edit their own
organisation and no other. Every write is one call to a service function.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.permissions import CoalitionScopedMixin
from samenspel.accounts.policy import Permission, require
from samenspel.core.api.views import ApiViewMixin
from samenspel.core.tenancy import lookup_or_404
from samenspel.partners import services
from samenspel.partners.api.serializers import (
    ContactSerializer,
    ConversationSerializer,
    PartnerEventSerializer,
    PartnerMapSerializer,
    PartnerSerializer,
    partner_map_data,
)
from samenspel.partners.forms import PartnerFilter
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent
from samenspel.partners.partner_map import build_map
from samenspel.partners.selectors import missing_kinds, partners_with_counts

TAG = "partners"


class PartnerScopedMixin(CoalitionScopedMixin):
    """Resolves `self.partner` inside the coalition (404 otherwise) and asks the policy for
    `partner_permission_by_method[method]` on that partner (403 otherwise)."""

    permission = Permission.VIEW_PARTNERS
    partner_permission_by_method: dict[str, Permission] = {}
    partner: Partner

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.partner = lookup_or_404(
            Partner.objects.visible_to(self.membership).select_related("coalition"),
            kwargs["partner"],
        )
        permission = self.partner_permission_by_method.get(request.method or "GET")
        if permission is not None:
            require(self.membership, permission, self.partner)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Partners van de coalitie"),
    post=extend_schema(
        tags=[TAG],
        summary="Partner toevoegen",
        description="Een naam komt per coalitie één keer voor (hoofdletters tellen niet).",
    ),
)
class PartnerListCreate(ApiViewMixin, CoalitionScopedMixin, generics.ListCreateAPIView):
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    permission = Permission.VIEW_PARTNERS
    permission_by_method = {"POST": Permission.ADD_PARTNER}

    def get_queryset(self) -> QuerySet[Partner]:
        if getattr(self, "swagger_fake_view", False):
            return Partner.objects.none()
        return partners_with_counts(self.membership).order_by("name", "pk")

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
class PartnerDetail(ApiViewMixin, CoalitionScopedMixin, generics.RetrieveUpdateAPIView):
    serializer_class = PartnerSerializer
    permission = Permission.VIEW_PARTNERS
    lookup_field = "uuid"
    lookup_url_kwarg = "partner"
    http_method_names = ["get", "patch", "head", "options"]
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Partner]:
        if getattr(self, "swagger_fake_view", False):
            return Partner.objects.none()
        return partners_with_counts(self.membership).select_related("coalition")

    def get_object(self) -> Partner:
        partner = super().get_object()
        if self.request.method == "PATCH":
            require(self.membership, Permission.EDIT_PARTNER, partner)
        return partner

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
class ContactListCreate(ApiViewMixin, PartnerScopedMixin, generics.ListCreateAPIView):
    serializer_class = ContactSerializer
    partner_permission_by_method = {"POST": Permission.EDIT_PARTNER}
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[ContactPerson]:
        if getattr(self, "swagger_fake_view", False):
            return ContactPerson.objects.none()
        return self.partner.contacts.order_by("-is_primary", "name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_contact(
            self.partner, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Contactpersoon bekijken"),
    patch=extend_schema(tags=[TAG], summary="Contactpersoon wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Contactpersoon verwijderen"),
)
class ContactDetail(ApiViewMixin, PartnerScopedMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = ContactSerializer
    partner_permission_by_method = {
        "PATCH": Permission.EDIT_PARTNER,
        "DELETE": Permission.EDIT_PARTNER,
    }
    http_method_names = ["get", "patch", "delete", "head", "options"]
    filter_backends: list[Any] = []

    def get_object(self) -> ContactPerson:
        contact = get_object_or_404(
            ContactPerson, partner=self.partner, uuid=self.kwargs["contact"]
        )
        contact.partner = self.partner
        return contact

    def get_queryset(self) -> QuerySet[ContactPerson]:
        return ContactPerson.objects.none()  # objects come from get_object, scoped to the partner

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
class PartnerEventListCreate(ApiViewMixin, PartnerScopedMixin, generics.ListCreateAPIView):
    serializer_class = PartnerEventSerializer
    partner_permission_by_method = {"POST": Permission.RECORD_PARTNER_EVENT}
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[PartnerEvent]:
        if getattr(self, "swagger_fake_view", False):
            return PartnerEvent.objects.none()
        return self.partner.events.select_related("recorded_by").order_by(
            "-date", "-created_at", "-pk"
        )

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
class PartnerEventDetail(ApiViewMixin, PartnerScopedMixin, generics.RetrieveUpdateAPIView):
    serializer_class = ConversationSerializer
    partner_permission_by_method = {"PATCH": Permission.RECORD_PARTNER_EVENT}
    http_method_names = ["get", "patch", "head", "options"]
    filter_backends: list[Any] = []

    def get_object(self) -> PartnerEvent:
        event = get_object_or_404(
            PartnerEvent.objects.select_related("recorded_by"),
            partner=self.partner,
            uuid=self.kwargs["event"],
        )
        event.partner = self.partner
        return event

    def get_queryset(self) -> QuerySet[PartnerEvent]:
        return PartnerEvent.objects.none()  # objects come from get_object, scoped to the partner

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
class PartnerMapView(ApiViewMixin, CoalitionScopedMixin, generics.GenericAPIView):
    serializer_class = PartnerMapSerializer
    permission = Permission.VIEW_PARTNERS
    pagination_class = None
    filter_backends: list[Any] = []

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partners = list(Partner.objects.filter(coalition=self.coalition).current().order_by("name"))
        _rings, dots = build_map(partners)
        missing = missing_kinds({partner.kind for partner in partners})
        return Response(self.get_serializer(partner_map_data(partners, dots, missing)).data)
