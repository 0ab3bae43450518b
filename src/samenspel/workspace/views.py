"""Pages above one coalition: the national programme's figures, and their public version."""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from samenspel.accounts.mixins import NationalMixin
from samenspel.activities.exporting import CSV_TYPE, to_csv
from samenspel.activities.import_views import file_response
from samenspel.workspace.national import national_figures, open_data, open_data_rows
from samenspel.workspace.suppression import MIN_COUNT


class FiguresMixin:
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        figures = national_figures()
        return {
            **super().get_context_data(**kwargs),  # type: ignore[misc]
            "figures": figures,
            "min_count": MIN_COUNT,
            "figures_tables": [
                (_("Coalities per levensfase"), figures.per_phase),
                (_("Partners per soort"), figures.per_kind),
                (_("Partners per kring"), figures.per_circle),
            ],
        }


class NationalOverviewView(NationalMixin, FiguresMixin, TemplateView):
    template_name = "workspace/national.html"


@method_decorator(login_not_required, name="dispatch")
class PublicFiguresView(FiguresMixin, TemplateView):
    """The same figures for everyone, with the coalitions that chose to be named."""

    template_name = "workspace/public_figures.html"


@method_decorator(login_not_required, name="dispatch")
class OpenDataView(View):
    """The published figures as JSON, or as CSV (one row per figure)."""

    def get(self, request: HttpRequest, format: str) -> HttpResponse:
        figures = national_figures()
        if format == "json":
            return JsonResponse(open_data(figures), json_dumps_params={"ensure_ascii": False})
        headers, rows = open_data_rows(figures)
        return file_response(to_csv(headers, rows), CSV_TYPE, "samenspel-landelijke-cijfers.csv")
