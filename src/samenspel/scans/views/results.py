"""Results of scans: one round (page and PDF), the trend of an instrument, and the health
overview ("Samenwerking") with the netwerkdip early warning.

Every member who may see scan results sees these pages: they show aggregates only, never what
one person answered (see `scans.results` for the anonymity rules).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.core.pdf import pdf_filename, pdf_response, render_pdf, svg_data_url
from samenspel.core.tenancy import lookup_or_404
from samenspel.scans.charts import distribution_chart, mean_chart, trend_chart
from samenspel.scans.instruments import get_instrument, latest_instruments
from samenspel.scans.models import Round
from samenspel.scans.netwerkdip import netwerkdip
from samenspel.scans.results import (
    MIN_ANONYMOUS_RESPONSES,
    RoundResults,
    cached_round_results,
    latest_results,
    trend,
)


def results_context(results: RoundResults) -> dict[str, Any]:
    """What the results page and the PDF both show."""
    context: dict[str, Any] = {
        "results": results,
        "round": results.round,
        "instrument": results.instrument,
        "min_responses": MIN_ANONYMOUS_RESPONSES,
    }
    if results.enough:
        context.update(
            means_chart=mean_chart(
                results.subscales,
                results.instrument.scale,
                chart_id="gemiddelden",
                title=_("Gemiddelde en spreiding per onderdeel"),
            ),
            distribution=distribution_chart(
                results.subscales,
                results.instrument.scale,
                chart_id="verdeling",
                title=_("Verdeling van de antwoorden per onderdeel"),
            ),
        )
    return context


class RoundResultsMixin(CoalitionMixin):
    permission = Permission.VIEW_SCAN_RESULTS
    kwargs: dict[str, Any]

    report_version = ""

    def get_results(self) -> RoundResults:
        scan_round = lookup_or_404(Round.objects.visible_to(self.membership), self.kwargs["round"])
        try:
            results, self.report_version = cached_round_results(scan_round)
        except KeyError as error:  # the round's instrument version is not installed
            raise Http404 from error
        return results


class RoundResultsView(RoundResultsMixin, TemplateView):
    template_name = "scans/results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(results_context(self.get_results()), report_version=self.report_version)
        return context


class RoundResultsPdfView(RoundResultsMixin, View):
    """The same report as a PDF (PDF/UA), made on request and never stored."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        results = self.get_results()
        scan_round = results.round
        title = _("Scanresultaten %(round)s — %(coalition)s") % {
            "round": scan_round.title,
            "coalition": self.coalition.name,
        }
        context = {
            **results_context(results),
            "coalition": self.coalition,
            "membership": self.membership,
        }
        if results.enough:
            # In the PDF a chart is an image with alt text: PDF/UA tags it as a figure.
            context.update(
                means_image=svg_data_url("scans/_chart_means_svg.html", context["means_chart"]),
                distribution_image=svg_data_url(
                    "scans/_chart_distribution_svg.html", context["distribution"]
                ),
            )
        pdf = render_pdf(
            "scans/pdf/results.html",
            context,
            title=title,
            lang=get_language() or "nl",
            request=request,
        )
        filename = pdf_filename(
            _("scanresultaten"), scan_round.title, date_format(scan_round.closes_on, "Y-m-d")
        )
        return pdf_response(pdf, filename)


class TrendView(CoalitionMixin, TemplateView):
    template_name = "scans/trend.html"
    permission = Permission.VIEW_SCAN_RESULTS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            found = trend(self.coalition, self.kwargs["instrument"])
        except KeyError as error:
            raise Http404 from error
        context.update(
            trend=found,
            instrument=found.instrument,
            chart=trend_chart(
                found,
                chart_id="verloop",
                title=_("Verloop van %(instrument)s per ronde")
                % {"instrument": found.instrument.title},
            ),
            min_responses=MIN_ANONYMOUS_RESPONSES,
        )
        return context


# The pulse check first (it feeds the netwerkdip), then the scans of the collaboration itself.
CARD_ORDER = ("pulse", "conditions", "success_factors", "pillars", "motives")


class HealthView(CoalitionMixin, TemplateView):
    """'Samenwerking': the latest results per instrument and the netwerkdip status."""

    template_name = "scans/health.html"
    permission = Permission.VIEW_SCAN_RESULTS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        latest = latest_results(self.coalition)
        instruments = sorted(
            latest_instruments(),
            key=lambda i: (
                CARD_ORDER.index(i.key) if i.key in CARD_ORDER else len(CARD_ORDER),
                i.key,
            ),
        )
        context.update(
            cards=[
                {"instrument": instrument, "results": latest.get(instrument.key)}
                for instrument in instruments
            ],
            dip=netwerkdip(self.coalition),
            pulse=_instrument_or_none("pulse"),
        )
        return context


def _instrument_or_none(key: str) -> Any:
    try:
        return get_instrument(key)
    except KeyError:
        return None
