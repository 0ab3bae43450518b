from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.core.sorting import RowSorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin
from samenspel.funding import services
from samenspel.funding.forms import FundingSourceForm
from samenspel.funding.models import FundingSource
from samenspel.funding.overview import build_overview
from samenspel.funding.selectors import sources_of

# The columns the table of end dates can be sorted by (URL key: a row's value); the first to end
# first. Sorted in Python: the overview has read every source already.
RUNS_OUT_SORTING = RowSorting(
    columns={
        "einddatum": lambda row: row.end_date,
        "financier": lambda row: row.source.funder.casefold(),
        "bedrag": lambda row: row.source.amount,
    },
    default="einddatum",
)


class FundingOverviewView(CoalitionMixin, TemplateView):
    template_name = "funding/overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        overview = build_overview(sources_of(self.coalition), timezone.localdate())
        runs_out, sort = RUNS_OUT_SORTING.apply(overview.runs_out, self.request.GET)
        context.update(overview=overview, runs_out=runs_out, sort=sort)
        return context


class SourceFormView(CoalitionMixin, ServiceFormMixin, FormView):
    """Adds a source, or edits one when the URL names it."""

    template_name = "funding/source_form.html"
    form_class = FundingSourceForm
    permission = Permission.EDIT_COALITION
    success_message = _("De financieringsbron is opgeslagen.")
    source: FundingSource | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "source" in self.kwargs:
            self.source = lookup_or_404(sources_of(self.coalition), self.kwargs["source"])
        return {
            **super().get_form_kwargs(),
            "instance": self.source,
            "coalition": self.coalition,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "source": self.source}

    def perform(self, form: FundingSourceForm) -> FundingSource:
        user = acting_user(self.request)
        if self.source is None:
            return services.create_source(self.coalition, acting_user=user, **form.service_fields())
        return services.update_source(self.source, acting_user=user, **form.service_fields())

    def get_success_url(self) -> str:
        return reverse("funding:overview", args=[self.coalition.uuid]) + f"#bron-{self.result.uuid}"


class SourceDeleteView(CoalitionMixin, TemplateView):
    template_name = "funding/source_delete.html"
    permission = Permission.EDIT_COALITION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "source": self.source}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.source = lookup_or_404(sources_of(self.coalition), kwargs["source"])
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        source = lookup_or_404(sources_of(self.coalition), kwargs["source"])
        services.delete_source(source, acting_user=acting_user(request))
        messages.success(request, _("De financieringsbron is verwijderd."))
        return redirect("funding:overview", self.coalition.uuid)
