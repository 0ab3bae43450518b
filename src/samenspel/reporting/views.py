from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.core.downloads import download
from samenspel.core.pdf import render_pdf
from samenspel.core.spreadsheets import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from samenspel.core.views import ServiceFormMixin
from samenspel.guide.content import get_item
from samenspel.reporting import services
from samenspel.reporting.forms import (
    AdvisorNoteForm,
    IndicatorNoteForm,
    OutcomeForm,
    ReportSectionForm,
)
from samenspel.reporting.indicators import Indicator, Pillar, per_pillar
from samenspel.reporting.models import (
    AdvisorNote,
    IndicatorNote,
    OutcomeMeasurement,
    Publication,
    ReportSection,
)
from samenspel.reporting.monitor import monitor_of, notes_of
from samenspel.reporting.outcomes import MIN_GROUP, outcomes_of
from samenspel.reporting.yearly import (
    report_json,
    report_of,
    report_rows,
    sections_of,
    years_of,
)


class MonitorView(CoalitionMixin, TemplateView):
    """Indicators per pillar with the coalition's comments, the eleven questions, and the
    advisor's note."""

    template_name = "reporting/monitor.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        monitor = monitor_of(self.coalition)
        notes = notes_of(self.coalition)
        return {
            **super().get_context_data(**kwargs),
            "pillars": [
                (pillar, [(i, notes.get(i.key)) for i in pillar.indicators])
                for pillar in per_pillar(monitor.indicators)
            ],
            "questions": monitor.questions,
            "years": years_of(self.coalition),
            "published": Publication.objects.of_coalition(self.coalition)
            .filter(publish=True)
            .exists(),
            "advisor_note": AdvisorNote.objects.of_coalition(self.coalition)
            .select_related("updated_by")
            .first(),
        }


class IndicatorNoteView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "reporting/note_form.html"
    form_class = IndicatorNoteForm
    permission = Permission.EDIT_COALITION
    success_message = _("De toelichting is opgeslagen.")

    def indicator(self) -> Indicator:
        found = monitor_of(self.coalition).indicator(self.kwargs["indicator"])
        if found is None:
            raise Http404
        return found

    def get_form_kwargs(self) -> dict[str, Any]:
        key = self.indicator().key
        note = IndicatorNote.objects.of_coalition(self.coalition).filter(indicator=key).first()
        return {
            **super().get_form_kwargs(),
            "instance": note or IndicatorNote(coalition=self.coalition, indicator=key),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "indicator": self.indicator()}

    def perform(self, form: IndicatorNoteForm) -> IndicatorNote:
        return services.save_indicator_note(
            self.coalition,
            self.indicator().key,
            acting_user=acting_user(self.request),
            **form.service_fields(),
        )

    def get_success_url(self) -> str:
        return (
            reverse("reporting:monitor", args=[self.coalition.uuid]) + f"#{self.result.indicator}"
        )


class AdvisorNoteView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "reporting/advisor_note_form.html"
    form_class = AdvisorNoteForm
    permission = Permission.WRITE_ADVISOR_NOTE
    success_message = _("De notitie is opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        note = AdvisorNote.objects.of_coalition(self.coalition).first()
        return {
            **super().get_form_kwargs(),
            "instance": note or AdvisorNote(coalition=self.coalition),
        }

    def perform(self, form: AdvisorNoteForm) -> AdvisorNote:
        return services.save_advisor_note(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("reporting:monitor", args=[self.coalition.uuid])


class OutcomesView(CoalitionMixin, TemplateView):
    """The De Jong Gierveld bands per activity, before and after, groups under ten hidden."""

    template_name = "reporting/outcomes.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "outcomes": outcomes_of(self.coalition),
            "min_group": MIN_GROUP,
        }


class OutcomeFormView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "reporting/outcome_form.html"
    form_class = OutcomeForm
    permission = Permission.MANAGE_ACTIVITIES
    success_message = _("De meting is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: OutcomeForm) -> OutcomeMeasurement:
        return services.record_outcome(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("reporting:outcomes", args=[self.coalition.uuid])


class YearMixin(CoalitionMixin):
    """The year in the URL: from the coalition's start to this year (404 otherwise)."""

    kwargs: dict[str, Any]

    @property
    def year(self) -> int:
        year = int(self.kwargs["year"])
        if year not in years_of(self.coalition):
            raise Http404
        return year

    def report_context(self) -> dict[str, Any]:
        year = self.year
        sections = sections_of(self.coalition, year)
        report = report_of(self.coalition, year)
        return {
            "year": year,
            "years": years_of(self.coalition),
            "published": Publication.objects.of_coalition(self.coalition)
            .filter(publish=True)
            .exists(),
            "report": report,
            "chapters": [(s, sections.get(s.pillar)) for s in report.sections],
        }


class YearReportView(YearMixin, TemplateView):
    template_name = "reporting/year_report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **self.report_context()}


class YearReportFileView(YearMixin, View):
    """The report as PDF/UA, or its figures as CSV, xlsx or JSON."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        name = f"jaarverslag-{slugify(self.coalition.name)}-{self.year}"
        match kwargs["format"]:
            case "pdf":
                title = _("Jaarverslag %(year)s: %(name)s") % {
                    "year": self.year,
                    "name": self.coalition.name,
                }
                context = {"coalition": self.coalition, **self.report_context()}
                pdf = render_pdf("reporting/pdf/year_report.html", context, title=str(title))
                return download(pdf, "application/pdf", f"{name}.pdf")
            case "json":
                data = report_json(
                    report_of(self.coalition, self.year),
                    self.coalition,
                    sections_of(self.coalition, self.year),
                )
                return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
            case "csv":
                headers, rows = report_rows(report_of(self.coalition, self.year))
                return download(to_csv(headers, rows), CSV_TYPE, f"{name}.csv")
            case "xlsx":
                headers, rows = report_rows(report_of(self.coalition, self.year))
                content = to_xlsx(headers, rows, str(self.year))
                return download(content, XLSX_TYPE, f"{name}.xlsx")
        raise Http404


class ReportSectionView(YearMixin, ServiceFormMixin, FormView):
    template_name = "reporting/section_form.html"
    form_class = ReportSectionForm
    permission = Permission.EDIT_COALITION
    success_message = _("Het hoofdstuk is opgeslagen.")

    def pillar(self) -> str:
        if self.kwargs["pillar"] not in {pillar.value for pillar in Pillar}:
            raise Http404
        return str(self.kwargs["pillar"])

    def get_form_kwargs(self) -> dict[str, Any]:
        section = sections_of(self.coalition, self.year).get(self.pillar())
        return {
            **super().get_form_kwargs(),
            "instance": section
            or ReportSection(coalition=self.coalition, year=self.year, pillar=self.pillar()),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        title = get_item("pillars", self.pillar()).title
        return {**super().get_context_data(**kwargs), "year": self.year, "pillar_title": title}

    def perform(self, form: ReportSectionForm) -> ReportSection:
        return services.save_report_section(
            self.coalition,
            self.year,
            self.pillar(),
            acting_user=acting_user(self.request),
            **form.service_fields(),
        )

    def get_success_url(self) -> str:
        url = reverse("reporting:year_report", args=[self.coalition.uuid, self.year])
        return f"{url}#{self.pillar()}"


class PublicationView(CoalitionMixin, View):
    """Turns the coalition's figures on the public national page on or off (a POST)."""

    permission = Permission.EDIT_COALITION

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        publish = request.POST.get("publish") == "1"
        try:
            services.set_publication(
                self.coalition, acting_user=acting_user(request), publish=publish
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("De cijfers van de coalitie zijn nu openbaar.")
                if publish
                else _("De cijfers van de coalitie zijn niet meer openbaar."),
            )
        return redirect(reverse("reporting:monitor", args=[self.coalition.uuid]) + "#openbaar")
