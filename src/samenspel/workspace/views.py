"""Pages across the domain apps: the national programme's figures and their public version,
search in a coalition, "Mijn werk" and exports."""

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from samenspel.accounts.mixins import CoalitionMixin, NationalMixin
from samenspel.accounts.models import User
from samenspel.accounts.policy import can, memberships_of, require
from samenspel.accounts.requests import acting_user
from samenspel.core import audit, spreadsheets
from samenspel.core.downloads import download
from samenspel.workspace.exports import EXPORTS
from samenspel.workspace.national import national_figures, open_data, open_data_rows
from samenspel.workspace.search import search
from samenspel.workspace.services import last_visits, record_visit
from samenspel.workspace.suppression import MIN_COUNT
from samenspel.workspace.work import changes_since, my_work, per_coalition


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
                (_("Signalen per uitkomst, afgelopen twaalf maanden"), figures.signals_per_outcome),
                (
                    _("Signalen naar tijd tot het eerste contact, afgelopen twaalf maanden"),
                    figures.signals_per_wait,
                ),
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
        return download(
            spreadsheets.to_csv(headers, rows),
            spreadsheets.CSV_TYPE,
            "samenspel-landelijke-cijfers.csv",
        )


class CoalitionSearchView(CoalitionMixin, TemplateView):
    """'Zoeken' in one coalition: a plain GET form, results grouped by kind."""

    template_name = "workspace/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET.get("q", "").strip()[:200]
        results = search(self.membership, query)
        suggestion_query = urlencode({"q": results.suggestion}) if results.suggestion else ""
        return {
            **super().get_context_data(**kwargs),
            "query": query,
            "results": results,
            "suggestion_query": suggestion_query,
        }


class MyWorkView(TemplateView):
    """'Mijn werk': what asks for the person's attention in all their coalitions, and what
    changed in each since their last visit (which this visit then becomes)."""

    template_name = "workspace/my_work.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        memberships = memberships_of(self.request)
        user: User = self.request.user  # type: ignore[assignment]  # login is required
        now = timezone.now()
        visits = last_visits(memberships)
        kinds = my_work(memberships, user, timezone.localdate()) if memberships else []
        changes = changes_since(memberships, visits)
        if memberships:
            record_visit(memberships, now)
        return {
            **super().get_context_data(**kwargs),
            "rows": per_coalition(memberships, kinds, changes, visits),
            "first_visit": not visits,
        }


class ExportListView(CoalitionMixin, TemplateView):
    """'Exporteren': every table the person may download, as .xlsx or CSV."""

    template_name = "workspace/exports.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        exports = [e for e in EXPORTS.values() if can(self.membership, e.permission)]
        return {**super().get_context_data(**kwargs), "exports": exports}


class ExportView(CoalitionMixin, View):
    """One table as a download; a table with personal data is logged as a read."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        export = EXPORTS.get(kwargs["table"])
        if export is None or kwargs["format"] not in ("xlsx", "csv"):
            raise Http404
        require(self.membership, export.permission)
        headers, rows = export.table(self.coalition)
        if kwargs["format"] == "csv":
            content, content_type = spreadsheets.to_csv(headers, rows), spreadsheets.CSV_TYPE
        else:
            content = spreadsheets.to_xlsx(headers, rows, str(export.title))
            content_type = spreadsheets.XLSX_TYPE
        if export.personal:
            audit.log_read(
                self.coalition,
                acting_user=acting_user(request),
                coalition=self.coalition,
                purpose=f"export: {export.key}",
                ip_address=request.META.get("REMOTE_ADDR"),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        filename = f"{slugify(self.coalition.name)}-{export.key}.{kwargs['format']}"
        return download(content, content_type, filename)
