"""Pages across the domain apps: the national programme's figures, and search in a coalition."""

from typing import Any
from urllib.parse import urlencode

from django.views.generic import TemplateView

from samenspel.accounts.mixins import CoalitionMixin, NationalMixin
from samenspel.workspace.national import coalitions_per_phase
from samenspel.workspace.search import search


class NationalOverviewView(NationalMixin, TemplateView):
    template_name = "workspace/national.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        per_phase = coalitions_per_phase()
        return {
            **super().get_context_data(**kwargs),
            "per_phase": per_phase,
            "total": sum(row.coalitions for row in per_phase),
        }


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
