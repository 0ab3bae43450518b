"""API v1 for the ambition, agreements per partner, process design and covenant.

Same policy as the pages: reading needs VIEW_COALITION, writing EDIT_COALITION; outsiders get 404
through `CoalitionEndpoint`. Every write is one call to `agreements.services`."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.agreements import selectors, services
from samenspel.agreements.api.serializers import (
    AmbitionVersionSerializer,
    CovenantSerializer,
    PartnerAgreementSerializer,
    ProcessStepSerializer,
    SignatorySerializer,
)
from samenspel.agreements.document import covenant_pdf
from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    PartnerAgreement,
    ProcessStep,
    Signatory,
)
from samenspel.core.pdf import pdf_response

TAG = "afspraken"
WRITES = {
    "POST": Permission.EDIT_COALITION,
    "PUT": Permission.EDIT_COALITION,
    "PATCH": Permission.EDIT_COALITION,
    "DELETE": Permission.EDIT_COALITION,
}


class Scoped(CoalitionEndpoint):
    permission_by_method = WRITES


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Versies van de gedeelde ambitie", description="Nieuwste eerst."
    ),
    post=extend_schema(tags=[TAG], summary="Nieuwe versie van de ambitie vastleggen"),
)
class AmbitionVersionListCreate(Scoped, generics.ListCreateAPIView):
    model = AmbitionVersion
    serializer_class = AmbitionVersionSerializer

    def scope(self, queryset: QuerySet[AmbitionVersion]) -> QuerySet[AmbitionVersion]:
        return queryset.select_related("created_by")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.record_ambition(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


class AgreementEndpoint(Scoped):
    model = PartnerAgreement
    serializer_class = PartnerAgreementSerializer

    def scope(self, queryset: QuerySet[PartnerAgreement]) -> QuerySet[PartnerAgreement]:
        return queryset.select_related("partner").order_by("partner__name", "pk")


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Afspraken per partner"),
    post=extend_schema(tags=[TAG], summary="Afspraken met een partner vastleggen"),
)
class AgreementListCreate(AgreementEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_agreement(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Afspraken met een partner bekijken"),
    put=extend_schema(tags=[TAG], summary="Afspraken met een partner vervangen"),
    patch=extend_schema(tags=[TAG], summary="Afspraken met een partner wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Afspraken met een partner verwijderen"),
)
class AgreementDetail(
    AgreementEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    lookup_url_kwarg = "agreement"
    http_method_names = ["get", "put", "patch", "delete", "head", "options"]

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_agreement(
            self.coalition,
            cast(PartnerAgreement, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: PartnerAgreement) -> None:
        services.delete_agreement(instance, acting_user=self.acting_user)


class StepEndpoint(Scoped):
    model = ProcessStep
    serializer_class = ProcessStepSerializer

    def scope(self, queryset: QuerySet[ProcessStep]) -> QuerySet[ProcessStep]:
        return queryset.select_related("owner")


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Procesontwerp: stappen en mijlpalen"),
    post=extend_schema(tags=[TAG], summary="Processtap toevoegen"),
)
class StepListCreate(StepEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_step(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Processtap bekijken"),
    put=extend_schema(tags=[TAG], summary="Processtap vervangen"),
    patch=extend_schema(tags=[TAG], summary="Processtap wijzigen"),
    delete=extend_schema(tags=[TAG], summary="Processtap verwijderen"),
)
class StepDetail(StepEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView):
    lookup_url_kwarg = "step"
    http_method_names = ["get", "put", "patch", "delete", "head", "options"]

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_step(
            self.coalition,
            cast(ProcessStep, serializer.instance),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: ProcessStep) -> None:
        services.delete_step(instance, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Intentieverklaring of convenant"),
    put=extend_schema(
        tags=[TAG],
        summary="Intentieverklaring of convenant opstellen of wijzigen",
        description=(
            "Als getekend markeren kan met een datum en ten minste één ondertekenaar; met "
            "`record_tipping_point` wordt in dezelfde transactie de fasewissel vastgelegd."
        ),
    ),
)
class CovenantDetail(Scoped, CoalitionObjectEndpoint):
    """The coalition's one covenant: the URL names no uuid."""

    model = Covenant
    serializer_class = CovenantSerializer
    pagination_class = None
    http_method_names = ["get", "put", "head", "options"]

    def object_lookup(self) -> dict[str, Any]:
        return {}

    def scope(self, queryset: QuerySet[Covenant]) -> QuerySet[Covenant]:
        # The signatories and their partners in two queries, whatever their number.
        return queryset.prefetch_related("signatories__partner")

    def lockable_rows(self) -> QuerySet[Covenant]:
        return self.visible_rows()

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The first PUT creates the covenant; later ones lock it and honour If-Match.
        covenant = self.get_object() if self.rows().exists() else None
        serializer = self.get_serializer(covenant, data=request.data)
        serializer.is_valid(raise_exception=True)
        services.save_covenant(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(self.get_serializer(self.find_object()).data)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Ondertekenaars"),
    post=extend_schema(tags=[TAG], summary="Ondertekenaar toevoegen"),
)
class SignatoryListCreate(Scoped, generics.ListCreateAPIView):
    model = Signatory
    serializer_class = SignatorySerializer

    def scope(self, queryset: QuerySet[Signatory]) -> QuerySet[Signatory]:
        covenant = selectors.covenant_or_404(self.membership)  # no covenant, no signatories: 404
        return queryset.filter(covenant=covenant).select_related("partner")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.add_signatory(
            selectors.covenant_or_404(self.membership),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Ondertekenaar bekijken"),
    delete=extend_schema(tags=[TAG], summary="Ondertekenaar verwijderen"),
)
class SignatoryDetail(Scoped, CoalitionObjectEndpoint, generics.RetrieveDestroyAPIView):
    model = Signatory
    serializer_class = SignatorySerializer
    lookup_url_kwarg = "signatory"

    def scope(self, queryset: QuerySet[Signatory]) -> QuerySet[Signatory]:
        return queryset.select_related("partner", "covenant__coalition")

    def perform_destroy(self, instance: Signatory) -> None:
        services.remove_signatory(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Intentieverklaring of convenant als PDF",
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class CovenantPdf(Scoped):
    model = Covenant
    serializer_class = CovenantSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        covenant = selectors.covenant_or_404(self.membership)
        data, filename = covenant_pdf(covenant, lang=get_language() or "nl")
        return pdf_response(data, filename)
