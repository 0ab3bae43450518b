from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.core.views import ServiceFormMixin
from samenspel.reporting import services
from samenspel.reporting.forms import AdvisorNoteForm, IndicatorNoteForm, OutcomeForm
from samenspel.reporting.indicators import Indicator, per_pillar
from samenspel.reporting.models import AdvisorNote, IndicatorNote, OutcomeMeasurement
from samenspel.reporting.monitor import monitor_of, notes_of
from samenspel.reporting.outcomes import MIN_GROUP, outcomes_of


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
