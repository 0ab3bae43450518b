"""Pages of monitoring: the coalition's wijken and kernen, the gap between loneliness and offer
per wijk, and the import of the CBS figures."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.coalitions.models import Neighbourhood
from samenspel.core.links import coalition_url
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin, apply_service_errors
from samenspel.monitoring import services
from samenspel.monitoring.figures_log import imports_for
from samenspel.monitoring.forms import FiguresOnlineForm, FiguresUploadForm, NeighbourhoodForm
from samenspel.monitoring.gap import gap_of
from samenspel.monitoring.models import FiguresImport
from samenspel.monitoring.selectors import latest_estimates, listed_neighbourhoods


class NeighbourhoodMixin(CoalitionMixin):
    """The coalition's wijken and kernen as this person sees them, with their activity counts."""

    def neighbourhoods(self) -> QuerySet[Neighbourhood]:
        return listed_neighbourhoods(Neighbourhood.objects.visible_to(self.membership))

    def find_neighbourhood(self, uuid: UUID | str) -> Neighbourhood:
        neighbourhood = lookup_or_404(self.neighbourhoods(), uuid)
        neighbourhood.coalition = self.coalition
        return neighbourhood


class NeighbourhoodListView(NeighbourhoodMixin, TemplateView):
    template_name = "monitoring/neighbourhood_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        neighbourhoods = list(self.neighbourhoods())
        estimates = latest_estimates([n.cbs_code for n in neighbourhoods if n.cbs_code])
        context.update(
            rows=[(n, estimates.get(n.cbs_code)) for n in neighbourhoods],
            to_adopt=services.districts_to_adopt(self.coalition),
        )
        return context


class NeighbourhoodFormView(NeighbourhoodMixin, ServiceFormMixin, FormView):
    """Adds a wijk or kern, or edits one when the URL names it."""

    template_name = "monitoring/neighbourhood_form.html"
    form_class = NeighbourhoodForm
    permission = Permission.MANAGE_NEIGHBOURHOODS
    success_message = gettext_lazy("De wijk of kern is opgeslagen.")
    neighbourhood: Neighbourhood | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "neighbourhood" in self.kwargs:
            self.neighbourhood = self.find_neighbourhood(self.kwargs["neighbourhood"])
        return {**super().get_form_kwargs(), "instance": self.neighbourhood}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "neighbourhood": self.neighbourhood}

    def perform(self, form: NeighbourhoodForm) -> Neighbourhood:
        user = acting_user(self.request)
        if self.neighbourhood is None:
            return services.create_neighbourhood(
                self.coalition, acting_user=user, **form.service_fields()
            )
        return services.update_neighbourhood(
            self.neighbourhood, acting_user=user, **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("monitoring:neighbourhoods", args=[self.coalition.uuid])


class NeighbourhoodDeleteView(NeighbourhoodMixin, TemplateView):
    template_name = "monitoring/neighbourhood_delete.html"
    permission = Permission.MANAGE_NEIGHBOURHOODS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "neighbourhood": self.find_neighbourhood(self.kwargs["neighbourhood"]),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        neighbourhood = self.find_neighbourhood(kwargs["neighbourhood"])
        try:
            services.delete_neighbourhood(neighbourhood, acting_user=acting_user(request))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s is verwijderd.") % {"name": neighbourhood.name})
        return redirect("monitoring:neighbourhoods", self.coalition.uuid)


class AdoptDistrictsView(CoalitionMixin, View):
    """POST: takes over the CBS wijken of the coalition's municipality."""

    permission = Permission.MANAGE_NEIGHBOURHOODS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        created = services.adopt_districts(self.coalition, acting_user=acting_user(request))
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)s wijk overgenomen uit de CBS-cijfers.",
                    "%(count)s wijken overgenomen uit de CBS-cijfers.",
                    len(created),
                )
                % {"count": len(created)},
            )
        else:
            messages.info(request, _("Er waren geen nieuwe wijken om over te nemen."))
        return redirect("monitoring:neighbourhoods", self.coalition.uuid)


class GapView(CoalitionMixin, TemplateView):
    template_name = "monitoring/gap.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["gap"] = gap_of(self.coalition, timezone.localdate())
        # Partner links are the partner list's address + uuid: one reverse() for the page.
        context["partner_base"] = coalition_url("partners:list", self.coalition.uuid)
        return context


class FiguresView(CoalitionMixin, FormView):
    """The import of the figures: upload of a StatLine CSV, or (a form with `online` set) a
    fetch from the CBS open-data API; with the recent imports."""

    template_name = "monitoring/figures.html"
    form_class = FiguresUploadForm
    permission = Permission.IMPORT_FIGURES

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("online_form", FiguresOnlineForm())
        context["imports"] = list(imports_for(self.coalition.municipality.code)[:10])
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "online" in request.POST:
            return self.fetch_online(request)
        return super().post(request, *args, **kwargs)

    def fetch_online(self, request: HttpRequest) -> HttpResponse:
        form = FiguresOnlineForm(request.POST)
        if form.is_valid():
            try:
                log = services.import_online(
                    table=form.cleaned_data["table"],
                    municipality_code=self.coalition.municipality.code,
                    acting_user=acting_user(request),
                    coalition=self.coalition,
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, imported_message(log))
                return redirect("monitoring:gap", self.coalition.uuid)
        return self.render_to_response(
            self.get_context_data(form=FiguresUploadForm(), online_form=form)
        )

    def form_valid(self, form: FiguresUploadForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        try:
            log = services.import_csv(
                upload.read(),
                table=form.cleaned_data["table"],
                source=upload.name,
                acting_user=acting_user(self.request),
                coalition=self.coalition,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, imported_message(log))
        return redirect("monitoring:gap", self.coalition.uuid)


def imported_message(log: FiguresImport) -> str:
    return _(
        "Tabel %(table)s ingelezen: %(estimates)s schattingen voor %(regions)s regio's "
        "(%(rows)s regels, %(skipped)s overgeslagen)."
    ) % {
        "table": log.table,
        "estimates": log.estimates,
        "regions": log.regions,
        "rows": log.rows,
        "skipped": log.skipped,
    }
