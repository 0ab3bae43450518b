"""The portfolio: every coalition in which a person may read the findings, side by side."""

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView, View

from samenspel.accounts.mixins import PortfolioMixin
from samenspel.accounts.policy import Permission
from samenspel.core.downloads import download
from samenspel.core.spreadsheets import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from samenspel.workspace.forms import PortfolioFilterForm
from samenspel.workspace.portfolio import (
    SORTING,
    Row,
    by_first_end,
    export_table,
    portfolio_rows,
)


class FilteredRowsMixin(PortfolioMixin):
    permission = Permission.VIEW_FINDINGS
    request: HttpRequest

    def filtered(self) -> tuple[PortfolioFilterForm, list[Row]]:
        form = PortfolioFilterForm(self.request.GET or None)
        return form, form.apply(portfolio_rows(self.memberships))


class PortfolioView(FilteredRowsMixin, TemplateView):
    template_name = "workspace/portfolio.html"
    paginate_by = 25

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form, rows = self.filtered()
        rows, sort = SORTING.apply(rows, self.request.GET)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "rows": rows,
            "page": Paginator(rows, self.paginate_by).get_page(self.request.GET.get("pagina")),
            "total": len(self.memberships),
            "stalling": sum(1 for row in rows if row.stalls),
            "query": sort.page_query(),
            "sort": sort,
        }


class PortfolioExportView(FilteredRowsMixin, View):
    def get(self, request: HttpRequest, format: str) -> HttpResponse:
        if format not in ("csv", "xlsx"):
            raise Http404
        _form, rows = self.filtered()
        headers, body = export_table(rows)
        name = f"portefeuille-{timezone.localdate():%Y-%m-%d}.{format}"
        if format == "csv":
            return download(to_csv(headers, body), CSV_TYPE, name)
        return download(to_xlsx(headers, body, "Portefeuille"), XLSX_TYPE, name)


class MunicipalityView(PortfolioMixin, TemplateView):
    """Progress and money at a glance for the municipality: per coalition its phase and when it
    reached each phase, what runs out when, the reach, the last evaluation and open findings;
    the coalitions whose money ends first come first."""

    template_name = "workspace/municipality.html"
    permission = Permission.VIEW_FINDINGS
    paginate_by = 10

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rows = sorted(portfolio_rows(self.memberships), key=by_first_end)
        return {
            **super().get_context_data(**kwargs),
            "page": Paginator(rows, self.paginate_by).get_page(self.request.GET.get("pagina")),
        }
