"""Pages of signals. Lists show no personal field; the signal's own page does, only to the
holding organisation's members (`selectors.signal_for` goes through `visible_to`), and logs
every such read. The coalition sees the figures only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from samenspel.accounts import policy
from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.accounts.two_factor import require_second_factor
from samenspel.core.views import ServiceFormMixin
from samenspel.signals import forms, inzage, selectors, services, workflow
from samenspel.signals.figures import coalition_figures
from samenspel.signals.models import Signal
from samenspel.signals.workflow import Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PER_PAGE = 25  # as the activities list


class SignalsHomeView(CoalitionMixin, TemplateView):
    """What a member can do with signals: record one, the organisation's own signals (when it
    holds any), and the coalition's figures."""

    template_name = "signals/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["setup"] = services.settings_of(self.coalition)
        if self.membership.partner_id is not None:
            ordered, sort = selectors.SORTING.apply(
                selectors.held_signals(self.membership), self.request.GET
            )
            context["page"] = selectors.held_page(
                self.membership, self.request.GET.get("pagina"), PER_PAGE, ordered
            )
            context.update(sort=sort, query=sort.page_query())
        return context


class RecordView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "signals/record.html"
    form_class = forms.SignalForm
    success_message = _("Het signaal is vastgelegd en gaat naar de intake-organisatie.")

    def get_form_kwargs(self) -> dict[str, Any]:
        if self.membership.partner_id is None:
            raise PermissionDenied
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: forms.SignalForm) -> Signal:
        return services.record_signal(
            self.membership, acting_user=acting_user(self.request), **form.field_values()
        )

    def get_success_url(self) -> str:
        return reverse("signals:home", args=[self.coalition.uuid])


class SettingsView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "signals/settings.html"
    form_class = forms.SettingsForm
    permission = Permission.EDIT_COALITION
    success_message = _("De instellingen voor signalen zijn opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "coalition": self.coalition,
            "instance": services.settings_of(self.coalition),
        }

    def perform(self, form: forms.SettingsForm) -> Any:
        return services.save_settings(
            self.coalition, acting_user=acting_user(self.request), **form.field_values()
        )

    def get_success_url(self) -> str:
        return reverse("signals:home", args=[self.coalition.uuid])


class FiguresView(CoalitionMixin, TemplateView):
    template_name = "signals/figures.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "tables": coalition_figures(self.coalition)}


class SignalMixin(CoalitionMixin):
    signal: Signal
    kwargs: dict[str, Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        # The signal first (404 for everyone but its holder), then the second factor.
        self.membership = policy.request_membership_or_404(request, kwargs["coalition"])
        self.signal = selectors.signal_for(self.membership, kwargs["signal"])
        return require_second_factor(request) or super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "signal": self.signal}

    def signal_url(self) -> str:
        return reverse("signals:detail", args=[self.coalition.uuid, self.signal.uuid])


class SignalDetailView(SignalMixin, TemplateView):
    template_name = "signals/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        signal = self.signal
        selectors.log_personal_read(self.request, signal, "signaal bekeken")
        context.update(
            consents=list(selectors.consents_of(signal)),
            handovers=list(selectors.handovers_of(signal)),
            signs=[label for key, label in forms.Sign.choices if key in signal.sign_keys],
            can_hand_over=signal.status in {Status.RECEIVED, Status.IN_TRIAGE},
            can_decide=signal.status == Status.HANDED_OVER,
            can_refer=workflow.can_follow(signal.status, Status.REFERRED),
            move_form=forms.MoveForm(signal=signal),
        )
        if context["can_hand_over"]:
            context["handover_form"] = forms.HandoverForm(signal=signal)
        if context["can_refer"]:
            context["refer_form"] = forms.ReferForm(signal=signal)
        context["decide_form"] = forms.DecideForm()
        context["consent_form"] = forms.ConsentForm()
        return context


class StepView(SignalMixin, ServiceFormMixin, FormView):
    """One step on a signal; the form is on the signal's page, and comes back on a page of its
    own with the service's message when the step is refused."""

    template_name = "signals/step.html"
    title: StrOrPromise = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "signal": self.signal}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "title": self.title}

    def get_success_url(self) -> str:
        return self.signal_url()


class HandoverView(StepView):
    form_class = forms.HandoverForm
    title = _("Signaal overdragen")
    success_message = _("Het signaal is overgedragen.")

    def perform(self, form: forms.HandoverForm) -> Any:
        return services.hand_over(
            self.signal, acting_user=acting_user(self.request), **form.cleaned_data
        )

    def get_success_url(self) -> str:
        # The signal has left this organisation: back to its list.
        return reverse("signals:home", args=[self.coalition.uuid])


class DecideView(StepView):
    form_class = forms.DecideForm
    title = _("Overdracht accepteren of afwijzen")
    success_message = _("Uw besluit is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        del kwargs["signal"]
        return kwargs

    def perform(self, form: forms.DecideForm) -> Any:
        handover = selectors.open_handover(self.signal)
        if handover is None:
            raise ValidationError(services.NO_OPEN_HANDOVER)
        self.accepted = form.cleaned_data["accept"]
        return services.decide(
            handover,
            accept=self.accepted,
            reason=form.cleaned_data["reason"],
            acting_user=acting_user(self.request),
        )

    def get_success_url(self) -> str:
        if self.accepted:
            return self.signal_url()
        return reverse("signals:home", args=[self.coalition.uuid])


class MoveView(StepView):
    form_class = forms.MoveForm
    title = _("Volgende stap")
    success_message = _("De status is bijgewerkt.")

    def perform(self, form: forms.MoveForm) -> Any:
        return services.move(
            self.signal,
            form.cleaned_data["status"],
            outcome=form.cleaned_data["outcome"],
            acting_user=acting_user(self.request),
        )


class ReferView(StepView):
    form_class = forms.ReferForm
    title = _("Doorverwijzen naar een activiteit")
    success_message = _("De doorverwijzing is vastgelegd.")

    def perform(self, form: forms.ReferForm) -> Any:
        return services.refer(
            self.signal, form.cleaned_data["activity"], acting_user=acting_user(self.request)
        )


class ConsentView(StepView):
    form_class = forms.ConsentForm
    title = _("Toestemming vastleggen")
    success_message = _("De toestemming is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        del kwargs["signal"]
        return kwargs

    def perform(self, form: forms.ConsentForm) -> Any:
        return services.record_consent(
            self.signal, acting_user=acting_user(self.request), **form.cleaned_data
        )


class WithdrawView(SignalMixin, View):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        signal = self.signal
        consent = selectors.consents_of(signal).filter(uuid=kwargs["consent"]).first()
        if consent is None:
            return redirect(self.signal_url())
        try:
            services.withdraw_consent(consent, acting_user=acting_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("De toestemming is ingetrokken; het signaal is afgesloten.")
            )
        return redirect(self.signal_url())


class ExportView(SignalMixin, View):
    """Inzage: everything about the resident of this signal as one JSON file."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        signal = self.signal
        selectors.log_personal_read(request, signal, "inzage-export")
        response = JsonResponse(inzage.export(signal), json_dumps_params={"indent": 2})
        response["Content-Disposition"] = (
            content_disposition_header(True, f"inzage-signaal-{signal.short_code}.json") or ""
        )
        return response


class EraseView(SignalMixin, TemplateView):
    template_name = "signals/erase.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        services.erase(self.signal, acting_user=acting_user(request))
        messages.success(request, _("De gegevens van de inwoner zijn gewist."))
        return redirect("signals:home", self.coalition.uuid)


class ReadLogView(SignalMixin, TemplateView):
    template_name = "signals/reads.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["reads"] = selectors.read_log(self.signal)
        return context
