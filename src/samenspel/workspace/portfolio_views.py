"""The portfolio: every coalition in which a person may read the findings, side by side."""

import hashlib
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.views.generic import TemplateView, View

from samenspel.accounts.mixins import PortfolioMixin
from samenspel.accounts.policy import Permission
from samenspel.core.analysis_cache import cached_together
from samenspel.core.downloads import download
from samenspel.core.http_cache import RELEASE
from samenspel.core.spreadsheets import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from samenspel.workspace.forms import PortfolioFilterForm
from samenspel.workspace.portfolio import (
    SORTING,
    Row,
    by_first_end,
    export_table,
    portfolio_rows,
    with_details,
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
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("pagina"))
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "rows": rows,
            "page": page,
            "row_html": rendered_rows(list(page.object_list)),
            "total": len(self.memberships),
            "stalling": sum(1 for row in rows if row.stalls),
            "query": sort.page_query(),
            "sort": sort,
        }


def rendered_rows(rows: Sequence[Row]) -> list[str]:
    """The HTML of the table rows shown, kept per `Row.fragment_key`: a page reads its rows as
    strings from the cache and renders (with their details) only those whose data changed."""
    by_coalition = {row.coalition.coalition_id: row for row in rows}

    def render(missing: list[int]) -> dict[int, str]:
        shown = with_details([by_coalition[cid] for cid in missing])
        return {
            row.coalition.coalition_id: render_to_string(ROW_TEMPLATE, {"row": row})
            for row in shown
        }

    html = cached_together(
        f"portfolio-row-{_row_markup()}",
        {cid: row.fragment_key for cid, row in by_coalition.items()},
        render,
    )
    return [html[cid] for cid in by_coalition]


ROW_TEMPLATE = "workspace/_portfolio_row.html"


def _row_markup() -> str:
    """The release and the row template's source, so that rows kept by an earlier release or
    template are not shown after a deployment (they age out of the cache)."""
    source = get_template(ROW_TEMPLATE).template.source  # type: ignore[attr-defined]
    return hashlib.blake2b(f"{RELEASE}\n{source}".encode(), digest_size=8).hexdigest()


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
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("pagina"))
        with_details(list(page.object_list))
        return {**super().get_context_data(**kwargs), "page": page}
