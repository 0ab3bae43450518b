"""Pages above one coalition: the national programme's figures."""

from typing import Any

from django.views.generic import TemplateView

from samenspel.accounts.mixins import NationalMixin
from samenspel.workspace.national import coalitions_per_phase


class NationalOverviewView(NationalMixin, TemplateView):
    template_name = "workspace/national.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        per_phase = coalitions_per_phase()
        return {
            **super().get_context_data(**kwargs),
            "per_phase": per_phase,
            "total": sum(row.coalitions for row in per_phase),
        }
