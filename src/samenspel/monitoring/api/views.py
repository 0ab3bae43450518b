"""API v1 for the coalition's wijken and kernen, the loneliness figures of its municipality, the
gap view and the import of the figures.

Wijken are found only inside the coalition resolved for the requester (404 otherwise). Reading
needs VIEW_COALITION; changing wijken MANAGE_NEIGHBOURHOODS; importing figures IMPORT_FIGURES (and
a coalition imports only its own municipality's rows). Every write is one service call.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.coalitions.models import Neighbourhood
from samenspel.core.tenancy import lookup_or_404
from samenspel.monitoring import services
from samenspel.monitoring.api.serializers import (
    CoalitionNeighbourhoodSerializer,
    FiguresFetchSerializer,
    FiguresImportSerializer,
    FiguresUploadSerializer,
    GapSerializer,
    LonelinessRegionSerializer,
)
from samenspel.monitoring.gap import gap_of
from samenspel.monitoring.models import ALL_ADULTS, FiguresImport, LonelinessEstimate, Region
from samenspel.monitoring.selectors import listed_neighbourhoods

TAG = "monitoring"
WRITES = dict.fromkeys(("POST", "PATCH", "DELETE"), Permission.MANAGE_NEIGHBOURHOODS)


class NeighbourhoodEndpoint(CoalitionEndpoint):
    """Wijken with their number of activities; answers show a wijk as it is after the write."""

    model = Neighbourhood
    serializer_class = CoalitionNeighbourhoodSerializer
    permission_by_method = WRITES

    def scope(self, queryset: QuerySet[Neighbourhood]) -> QuerySet[Neighbourhood]:
        return listed_neighbourhoods(queryset)

    def reread(self, neighbourhood: Neighbourhood) -> Neighbourhood:
        return lookup_or_404(self.rows(), neighbourhood.uuid)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Wijken en kernen van de coalitie"),
    post=extend_schema(tags=[TAG], summary="Wijk of kern toevoegen"),
)
class NeighbourhoodListCreate(NeighbourhoodEndpoint, generics.ListCreateAPIView):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        created = services.create_neighbourhood(
            self.coalition, acting_user=self.acting_user, **serializer.validated_data
        )
        serializer.instance = self.reread(created)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Wijk of kern bekijken"),
    patch=extend_schema(tags=[TAG], summary="Wijk of kern wijzigen"),
    delete=extend_schema(
        tags=[TAG],
        summary="Wijk of kern verwijderen",
        description="Geweigerd (400) zolang activiteiten in deze wijk of kern plaatsvinden.",
    ),
)
class NeighbourhoodDetail(
    NeighbourhoodEndpoint, CoalitionObjectEndpoint, generics.RetrieveUpdateDestroyAPIView
):
    lookup_url_kwarg = "neighbourhood"

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        neighbourhood = cast(Neighbourhood, serializer.instance)
        services.update_neighbourhood(
            neighbourhood, acting_user=self.acting_user, **serializer.validated_data
        )
        serializer.instance = self.reread(neighbourhood)

    def perform_destroy(self, instance: Neighbourhood) -> None:
        services.delete_neighbourhood(instance, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Wijken overnemen uit de CBS-cijfers",
    description=(
        "Maakt voor elke CBS-wijk van de gemeente van de coalitie die de coalitie nog niet heeft "
        "een wijk aan, met de CBS-code. Geeft de nieuwe wijken terug."
    ),
    request=None,
    responses={201: CoalitionNeighbourhoodSerializer(many=True)},
)
class AdoptDistricts(CoalitionEndpoint):
    model = Neighbourhood
    serializer_class = CoalitionNeighbourhoodSerializer
    permission = Permission.MANAGE_NEIGHBOURHOODS
    pagination_class = None

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        created = services.adopt_districts(self.coalition, acting_user=self.acting_user)
        for neighbourhood in created:
            neighbourhood.activity_count = 0  # type: ignore[attr-defined]
        return Response(
            self.get_serializer(created, many=True).data, status=status.HTTP_201_CREATED
        )


@extend_schema(
    tags=[TAG],
    summary="Cijfers over eenzaamheid in de gemeente",
    description=(
        "De CBS-regio's (gemeente, wijken, buurten) van de gemeente van de coalitie met hun "
        "schattingen voor alle volwassenen, nieuwste jaar eerst (RIVM/CBS 50120NED en 50150NED)."
    ),
)
class LonelinessList(CoalitionEndpoint, generics.ListAPIView):
    """Regions are national reference data, not a tenant's: read for the coalition's
    municipality."""

    model = Region
    serializer_class = LonelinessRegionSerializer

    def rows(self) -> QuerySet[Region]:
        estimates = LonelinessEstimate.objects.filter(age_group__in=ALL_ADULTS).order_by(
            "-period", "-age_group"
        )
        return (
            Region.objects.filter(municipality_code=self.coalition.municipality.code)
            .prefetch_related(Prefetch("estimates", queryset=estimates))
            .order_by("code")
        )


@extend_schema(
    tags=[TAG],
    summary="Aanbod en eenzaamheid per wijk",
    description=(
        "Per wijk de nieuwste schatting naast de actieve activiteiten, hun plaatsen, het bereik "
        "van de laatste twaalf maanden en de partners. Verschil = aandeel in de ernstige "
        "eenzaamheid − aandeel in het aanbod (procentpunten), grootste eerst; zie "
        "docs/monitoring.md."
    ),
    responses=GapSerializer,
)
class GapView(CoalitionEndpoint):
    model = Neighbourhood
    serializer_class = GapSerializer
    pagination_class = None

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(gap_of(self.coalition, timezone.localdate())).data)


@extend_schema_view(
    get=extend_schema(tags=[TAG], summary="Eerdere imports van cijfers voor deze gemeente"),
    post=extend_schema(
        tags=[TAG],
        summary="Cijfers inlezen uit een CSV van StatLine",
        description=(
            "Multipart: `table` (50120NED of 50150NED) en `file` (de onbewerkte dataset als CSV). "
            "Alleen de regels van de gemeente van de coalitie worden ingelezen; alles of niets."
        ),
        request={"multipart/form-data": FiguresUploadSerializer},
        responses={201: FiguresImportSerializer},
    ),
)
class FiguresImportList(CoalitionEndpoint, generics.ListCreateAPIView):
    model = FiguresImport
    serializer_class = FiguresImportSerializer
    permission = Permission.IMPORT_FIGURES
    parser_classes = [MultiPartParser, FormParser]

    def scope(self, queryset: QuerySet[FiguresImport]) -> QuerySet[FiguresImport]:
        # Only this coalition's own imports: another coalition's would name its members.
        return queryset.select_related("imported_by")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        upload = FiguresUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        log = services.import_csv(
            file.read(),
            table=upload.validated_data["table"],
            source=file.name,
            acting_user=self.acting_user,
            coalition=self.coalition,
        )
        return Response(FiguresImportSerializer(log).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=[TAG],
    summary="Cijfers ophalen bij de CBS-open-dataserver",
    description="Haalt de cijfers van de gemeente van de coalitie op; 400 als de server offline is.",
    request=FiguresFetchSerializer,
    responses={201: FiguresImportSerializer},
)
class FiguresFetch(CoalitionEndpoint):
    model = FiguresImport
    serializer_class = FiguresFetchSerializer
    permission = Permission.IMPORT_FIGURES
    pagination_class = None

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        log = services.import_online(
            table=serializer.validated_data["table"],
            municipality_code=self.coalition.municipality.code,
            acting_user=self.acting_user,
            coalition=self.coalition,
        )
        return Response(FiguresImportSerializer(log).data, status=status.HTTP_201_CREATED)
