"""API v1 for importing activities from a spreadsheet and exporting activities and reach.

Upload (multipart, field `file`) gives a preview with every row's errors; committing it creates
all activities at once, or nothing. Only the coordinator (MANAGE_ACTIVITIES) may do this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.policy import Permission
from samenspel.activities.import_views import export_file
from samenspel.activities.importing import (
    MAX_UPLOAD_BYTES,
    ImportRefused,
    commit_import,
    discard_import,
    preview_import,
)
from samenspel.activities.importing import (
    row_errors as errors_of,
)
from samenspel.activities.models import ActivityImport, ImportStatus
from samenspel.core.api.fields import CharField, ModelSerializer
from samenspel.core.api.messages import InputSerializer
from samenspel.core.api.schema import EnumField
from samenspel.core.spreadsheets import XLSX_TYPE

TAG = "activity-imports"
MAX_ERRORS_SHOWN = 1000
EXPORT_NAMES = {
    "activities.xlsx": ("activities", "xlsx"),
    "activities.csv": ("activities", "csv"),
    "reach.xlsx": ("reach", "xlsx"),
    "reach.csv": ("reach", "csv"),
    "template.xlsx": ("template", "xlsx"),
    "template.csv": ("template", "csv"),
}


class UploadSerializer(InputSerializer):
    file = serializers.FileField(
        help_text=_lazy("Een .xlsx- of CSV-bestand met de kolommen van het voorbeeldbestand.")
    )

    def validate_file(self, upload: Any) -> Any:
        if (upload.size or 0) > MAX_UPLOAD_BYTES:
            raise serializers.ValidationError(
                _("Het bestand is groter dan %(size)s MB. Splits het in kleinere bestanden.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text=_lazy("Rijnummer zoals het rekenblad het toont."))
    column = CharField(help_text=_lazy("De kolomkop zoals in het bestand; leeg voor de hele rij."))
    message = CharField()
    text = CharField(
        help_text=_lazy(
            "De hele melding, bijvoorbeeld: Rij 7, kolom 'kosten': 'twee euro' is geen bedrag."
        )
    )


class ImportSerializer(ModelSerializer):
    status = EnumField(ImportStatus, read_only=True)
    good_count = serializers.IntegerField(read_only=True)
    notes = serializers.ListField(child=CharField(), read_only=True)
    row_errors = serializers.SerializerMethodField(
        help_text=_lazy("De fouten per rij en kolom (hoogstens 1000), zolang het een voorbeeld is.")
    )
    row_errors_truncated = serializers.SerializerMethodField()

    class Meta:
        model = ActivityImport
        fields = [
            "uuid",
            "file_name",
            "status",
            "created_at",
            "finished_at",
            "row_count",
            "good_count",
            "error_count",
            "created_count",
            "notes",
            "row_errors",
            "row_errors_truncated",
        ]
        read_only_fields = fields

    @extend_schema_field(RowErrorSerializer(many=True))
    def get_row_errors(self, batch: ActivityImport) -> Any:
        return RowErrorSerializer(errors_of(batch)[:MAX_ERRORS_SHOWN], many=True).data

    def get_row_errors_truncated(self, batch: ActivityImport) -> bool:
        return sum(len(row["errors"]) for row in batch.rows) > MAX_ERRORS_SHOWN


class FileRenderer(BaseRenderer):
    """Lets a client ask for the file's own type; errors still come as problem+json."""

    charset = None

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return JSONRenderer().render(data) if not isinstance(data, bytes) else data


class XlsxRenderer(FileRenderer):
    media_type = XLSX_TYPE
    format = "xlsx"


class CsvRenderer(FileRenderer):
    media_type = "text/csv"
    format = "csv"


@extend_schema(
    tags=[TAG],
    summary="Bestand met activiteiten laden (voorbeeld)",
    description=(
        "Leest een .xlsx- of CSV-bestand (puntkomma's; UTF-8 of Windows-1252) en controleert "
        "elke rij. Er wordt nog niets aangemaakt: het antwoord is een voorbeeld met per rij en "
        "kolom wat er niet klopt. Een bestand dat als geheel niet te lezen is (leeg, verkeerde "
        "codering of scheidingsteken, ontbrekende kolommen, te veel rijen) geeft 400 met de "
        "melding bij `file`."
    ),
    request={"multipart/form-data": UploadSerializer},
    responses={201: ImportSerializer},
)
class ImportEndpoint(CoalitionEndpoint):
    model = ActivityImport
    permission = Permission.MANAGE_ACTIVITIES
    serializer_class = ImportSerializer
    pagination_class = None

    def scope(self, queryset: QuerySet[ActivityImport]) -> QuerySet[ActivityImport]:
        return queryset.select_related("uploaded_by")


class ImportUploadView(ImportEndpoint):
    parser_classes = [MultiPartParser, FormParser]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        upload_serializer = UploadSerializer(data=request.data)
        upload_serializer.is_valid(raise_exception=True)
        upload = upload_serializer.validated_data["file"]
        try:
            batch = preview_import(
                self.coalition, upload, upload.name, acting_user=self.acting_user
            )
        except ImportRefused as error:
            raise ValidationError({"file": error.messages}) from error
        return Response(ImportSerializer(batch).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG], summary="Voorbeeld van een geladen bestand bekijken")
class ImportDetailView(ImportEndpoint, CoalitionObjectEndpoint, generics.RetrieveAPIView):
    lookup_url_kwarg = "batch"


class _ImportActionView(ImportEndpoint, CoalitionObjectEndpoint):
    lookup_url_kwarg = "batch"
    http_method_names = ["post", "options"]

    act: Callable[[ActivityImport], ActivityImport]  # each view names its service call

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        batch = self.act(self.get_object())  # locks the batch; If-Match if sent
        return Response(ImportSerializer(batch).data)


@extend_schema(
    tags=[TAG],
    summary="Voorbeeld inlezen: alle activiteiten aanmaken",
    description=(
        "Maakt alle activiteiten van het voorbeeld in één keer aan, met hun doelgroepen, "
        "tijden en aanbieders; of niets, als er nog een rij met fouten is (400)."
    ),
    request=None,
    responses={200: ImportSerializer},
)
class ImportCommitView(_ImportActionView):
    def act(self, batch: ActivityImport) -> ActivityImport:
        return commit_import(batch, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Voorbeeld weggooien",
    request=None,
    responses={200: ImportSerializer},
)
class ImportDiscardView(_ImportActionView):
    def act(self, batch: ActivityImport) -> ActivityImport:
        return discard_import(batch, acting_user=self.acting_user)


@extend_schema(
    tags=[TAG],
    summary="Activiteiten, bereik of het voorbeeldbestand downloaden",
    description=(
        "`activities.*`: alle activiteiten in de kolommen van het importbestand (weer in te "
        "lezen). `reach.*`: bereik per activiteit per periode, alleen aantallen. "
        "`template.*`: lege kolommen met één voorbeeldrij. CSV met puntkomma's, UTF-8 met BOM, "
        "datums als dd-mm-jjjj en bedragen met een komma. Tekst die als formule gelezen zou "
        "worden, krijgt een apostrof ervoor."
    ),
    parameters=[
        OpenApiParameter(
            "name", str, OpenApiParameter.PATH, enum=list(EXPORT_NAMES), description="Welk bestand."
        )
    ],
    responses={
        (200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="Excel-werkmap"),
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="CSV-bestand"),
    },
)
class ExportView(ImportEndpoint):
    renderer_classes = [JSONRenderer, XlsxRenderer, CsvRenderer]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs["name"] not in EXPORT_NAMES:
            raise Http404
        content, content_type, filename = export_file(self.coalition, *EXPORT_NAMES[kwargs["name"]])
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
