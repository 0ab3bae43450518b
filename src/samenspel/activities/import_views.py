"""Pages for importing activities from a spreadsheet and exporting activities and reach.

Upload → preview (every row with its errors) → commit all or nothing, or discard. Only the
coordinator (MANAGE_ACTIVITIES) may do any of this."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.activities import exporting
from samenspel.activities.import_forms import ActivityUploadForm
from samenspel.activities.importing import (
    ImportRefused,
    batch_or_404,
    batches_of,
    commit_import,
    discard_import,
    preview_import,
)
from samenspel.activities.importing.rows import row_message
from samenspel.activities.models import (
    ActivityImport,
    ActivityKind,
    ImportStatus,
    Weekday,
)
from samenspel.coalitions.models import Neighbourhood
from samenspel.core import spreadsheets
from samenspel.core.downloads import download
from samenspel.core.views import ServiceFormMixin
from samenspel.partners.models import Partner

ROWS_PER_PAGE = 100


class ImportStartView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "activities/import/start.html"
    form_class = ActivityUploadForm
    permission = Permission.MANAGE_ACTIVITIES

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["recent"] = batches_of(self.coalition)[:10]
        return context

    def perform(self, form: ActivityUploadForm) -> ActivityImport:
        upload = form.cleaned_data["file"]
        try:
            return preview_import(
                self.coalition, upload, upload.name, acting_user=acting_user(self.request)
            )
        except ImportRefused as error:
            raise ValidationError({"file": error.messages}) from error

    def get_success_url(self) -> str:
        return reverse("activity_imports:preview", args=[self.coalition.uuid, self.result.uuid])


def _slots_text(slots: list[list[Any]]) -> str:
    parts = []
    for day, start, end in slots:
        parts.append(f"{Weekday(day).label} {start}" + (f"–{end}" if end else ""))
    return ", ".join(parts)


class ImportPreviewView(CoalitionMixin, TemplateView):
    """Every row of the file with what will be stored and, per row, what is wrong."""

    template_name = "activities/import/preview.html"
    permission = Permission.MANAGE_ACTIVITIES

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        batch = batch_or_404(self.coalition, self.kwargs["batch"])
        only_errors = self.request.GET.get("fouten") == "1"
        rows = [row for row in batch.rows if row["errors"]] if only_errors else batch.rows
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("pagina"))
        places = dict(Neighbourhood.objects.visible_to(self.membership).values_list("pk", "name"))
        partners = dict(Partner.objects.visible_to(self.membership).values_list("pk", "name"))
        kinds = dict(ActivityKind.choices)
        context.update(
            batch=batch,
            page=page,
            only_errors=only_errors,
            can_commit=batch.status == ImportStatus.PREVIEW and not batch.error_count,
            is_open=batch.status == ImportStatus.PREVIEW,
            shown_rows=[
                {
                    "number": row["row"],
                    "title": row["values"].get("title", ""),
                    "kind": kinds.get(row["values"].get("kind") or "", ""),
                    "place": places.get(row["values"].get("neighbourhood"), ""),
                    "when": _slots_text(row["values"].get("slots", [])),
                    "providers": ", ".join(
                        partners.get(pk, "") for pk in row["values"].get("providers", [])
                    ),
                    "errors": [row_message(row["row"], error) for error in row["errors"]],
                }
                for row in page.object_list
            ],
        )
        return context


class _BatchActionView(CoalitionMixin, View):
    """A POST on a preview; on a ValidationError its message is shown on the preview."""

    permission = Permission.MANAGE_ACTIVITIES
    http_method_names = ["post"]
    act: Callable[[ActivityImport], tuple[ActivityImport, str]]  # each view names its action

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        batch = batch_or_404(self.coalition, kwargs["batch"])
        try:
            batch, message = self.act(batch)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect("activity_imports:preview", self.coalition.uuid, batch.uuid)
        messages.success(request, message)
        return redirect("activity_imports:start", self.coalition.uuid)


class ImportCommitView(_BatchActionView):
    def act(self, batch: ActivityImport) -> tuple[ActivityImport, str]:
        batch = commit_import(batch, acting_user=acting_user(self.request))
        return batch, _("%(count)s activiteiten ingelezen uit %(file)s.") % {
            "count": batch.created_count,
            "file": batch.file_name,
        }


class ImportDiscardView(_BatchActionView):
    def act(self, batch: ActivityImport) -> tuple[ActivityImport, str]:
        batch = discard_import(batch, acting_user=acting_user(self.request))
        return batch, _("Het bestand %(file)s is weggegooid; er is niets ingelezen.") % {
            "file": batch.file_name
        }


class ExportPageView(CoalitionMixin, TemplateView):
    template_name = "activities/import/export.html"
    permission = Permission.MANAGE_ACTIVITIES


def export_file(coalition: Any, what: str, file_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of an export; shared by the pages and the API."""
    stamp = f"{timezone.localdate():%Y-%m-%d}"
    tables: dict[str, Callable[[], tuple[list[str], Any]]] = {
        "activities": lambda: exporting.activity_table(coalition),
        "reach": lambda: exporting.reach_table(coalition),
        "template": exporting.template_table,
    }
    names = {
        "activities": f"activiteiten-{stamp}",
        "reach": f"bereik-{stamp}",
        "template": "voorbeeld-activiteiten",
    }
    headers, rows = tables[what]()
    if file_format == "csv":
        return spreadsheets.to_csv(headers, rows), spreadsheets.CSV_TYPE, f"{names[what]}.csv"
    sheet = _("Bereik") if what == "reach" else _("Activiteiten")
    explanation = exporting.template_explanation(coalition) if what == "template" else None
    content = spreadsheets.to_xlsx(headers, rows, sheet, explanation)
    return content, spreadsheets.XLSX_TYPE, f"{names[what]}.xlsx"


class FileView(CoalitionMixin, View):
    permission = Permission.MANAGE_ACTIVITIES
    what = "activities"
    file_format = "xlsx"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return download(*export_file(self.coalition, self.what, self.file_format))
