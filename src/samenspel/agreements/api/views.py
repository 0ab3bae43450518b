"""API v1 for the ambition, agreements per partner, process design and covenant.

Same policy as the pages: reading needs VIEW_COALITION, writing EDIT_COALITION; outsiders get 404
through `CoalitionScopedMixin`. Every write is one call to `agreements.services`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.permissions import CoalitionScopedMixin
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
from samenspel.agreements.views import pdf_response
from samenspel.core.api.views import ApiViewMixin
from samenspel.core.tenancy import lookup_or_404

TAG = "afspraken"
WRITES = {
    "POST": Permission.EDIT_COALITION,
    "PUT": Permission.EDIT_COALITION,
    "PATCH": Permission.EDIT_COALITION,
    "DELETE": Permission.EDIT_COALITION,
}


class Scoped(ApiViewMixin, CoalitionScopedMixin):
    permission_by_method = WRITES


@extend_schema_view(
    get=extend_schema(
        tags=[TAG], summary="Versies van de gedeelde ambitie", description="Nieuwste eerst."
    ),
    post=extend_schema(tags=[TAG], summary="Nieuwe versie van de ambitie vastleggen"),
)
class AmbitionVersionListCreate(Scoped, generics.ListCreateAPIView):
    filter_backends: list[Any] = []
    serializer_class = AmbitionVersionSerializer

    def get_queryset(self) -> QuerySet[AmbitionVersion]:
        if getattr(self, "swagger_fake_view", False):
            return AmbitionVersion.objects.none()
        return AmbitionVersion.objects.filter(coalition=self.coalition).select_related("created_by")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.record_ambition(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Afspraken per partner"),
    post=extend_schema(tags=[TAG], summary="Afspraken met een partner vastleggen"),
)
class AgreementListCreate(Scoped, generics.ListCreateAPIView):
    filter_backends: list[Any] = []
    serializer_class = PartnerAgreementSerializer

    def get_queryset(self) -> QuerySet[PartnerAgreement]:
        if getattr(self, "swagger_fake_view", False):
            return PartnerAgreement.objects.none()
        return (
            PartnerAgreement.objects.filter(coalition=self.coalition)
            .select_related("partner")
            .order_by("partner__name", "pk")
        )

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
class AgreementDetail(Scoped, generics.RetrieveUpdateDestroyAPIView):
    filter_backends: list[Any] = []
    serializer_class = PartnerAgreementSerializer

    def get_object(self) -> PartnerAgreement:
        return lookup_or_404(selectors.agreements_for(self.membership), self.kwargs["agreement"])

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_agreement(
            self.coalition,
            self.get_object(),
            acting_user=self.acting_user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: PartnerAgreement) -> None:
        services.delete_agreement(instance, acting_user=self.acting_user)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Procesontwerp: stappen en mijlpalen"),
    post=extend_schema(tags=[TAG], summary="Processtap toevoegen"),
)
class StepListCreate(Scoped, generics.ListCreateAPIView):
    filter_backends: list[Any] = []
    serializer_class = ProcessStepSerializer

    def get_queryset(self) -> QuerySet[ProcessStep]:
        if getattr(self, "swagger_fake_view", False):
            return ProcessStep.objects.none()
        return ProcessStep.objects.filter(coalition=self.coalition).select_related("owner")

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
class StepDetail(Scoped, generics.RetrieveUpdateDestroyAPIView):
    filter_backends: list[Any] = []
    serializer_class = ProcessStepSerializer

    def get_object(self) -> ProcessStep:
        return lookup_or_404(selectors.steps_for(self.membership), self.kwargs["step"])

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.save_step(
            self.coalition,
            self.get_object(),
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
class CovenantDetail(Scoped, generics.GenericAPIView):
    filter_backends: list[Any] = []
    serializer_class = CovenantSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        covenant = selectors.covenant_or_404(self.membership)
        return Response(self.get_serializer(covenant).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(selectors.covenant_of(self.coalition), data=request.data)
        serializer.is_valid(raise_exception=True)
        covenant = services.save_covenant(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )
        return Response(self.get_serializer(Covenant.objects.get(pk=covenant.pk)).data)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Ondertekenaars"),
    post=extend_schema(tags=[TAG], summary="Ondertekenaar toevoegen"),
)
class SignatoryListCreate(Scoped, generics.ListCreateAPIView):
    filter_backends: list[Any] = []
    serializer_class = SignatorySerializer

    def get_queryset(self) -> QuerySet[Signatory]:
        if getattr(self, "swagger_fake_view", False):
            return Signatory.objects.none()
        return selectors.covenant_or_404(self.membership).signatories.select_related("partner")

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
class SignatoryDetail(Scoped, generics.RetrieveDestroyAPIView):
    filter_backends: list[Any] = []
    serializer_class = SignatorySerializer

    def get_object(self) -> Signatory:
        return lookup_or_404(selectors.signatories_for(self.membership), self.kwargs["signatory"])

    def perform_destroy(self, instance: Signatory) -> None:
        services.remove_signatory(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Intentieverklaring of convenant als PDF",
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class CovenantPdf(Scoped, generics.GenericAPIView):
    filter_backends: list[Any] = []
    serializer_class = CovenantSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        covenant = selectors.covenant_or_404(self.membership)
        data, filename = covenant_pdf(covenant, lang=get_language() or "nl")
        return pdf_response(data, filename)
