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
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin
from samenspel.evaluations import services
from samenspel.evaluations.forms import EvaluationForm, MomentForm
from samenspel.evaluations.models import Evaluation, EvaluationMoment
from samenspel.evaluations.selectors import (
    evaluations_of,
    moments_of,
    suggested_date,
)


class EvaluationListView(CoalitionMixin, TemplateView):
    """The evaluations held, the moments planned, and when the next one is due."""

    template_name = "evaluations/evaluation_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        evaluations = list(evaluations_of(self.coalition))
        moments = list(moments_of(self.coalition))
        upcoming = sorted(
            (m for m in moments if m.status == "planned" and m.planned_on >= today),
            key=lambda m: m.planned_on,
        )
        context.update(
            today=today,
            evaluations=evaluations,
            moments=moments,
            next_moment=upcoming[0] if upcoming else None,
            suggested=suggested_date(evaluations[0].held_on if evaluations else None, today),
        )
        return context


class MomentFormView(CoalitionMixin, ServiceFormMixin, FormView):
    """Plans a moment, or reschedules (or marks held or cancelled) the one the URL names."""

    template_name = "evaluations/moment_form.html"
    form_class = MomentForm
    permission = Permission.EDIT_COALITION
    success_message = _("Het evaluatiemoment is opgeslagen.")
    moment: EvaluationMoment | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "moment" in self.kwargs:
            self.moment = lookup_or_404(moments_of(self.coalition), self.kwargs["moment"])
        return {**super().get_form_kwargs(), "instance": self.moment}

    def get_initial(self) -> dict[str, Any]:
        if self.moment is not None or "datum" not in self.request.GET:
            return super().get_initial()
        return {"planned_on": self.request.GET["datum"]}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "moment": self.moment}

    def perform(self, form: MomentForm) -> EvaluationMoment:
        user = acting_user(self.request)
        if self.moment is None:
            return services.plan_moment(self.coalition, acting_user=user, **form.service_fields())
        return services.update_moment(self.moment, acting_user=user, **form.service_fields())

    def get_success_url(self) -> str:
        return reverse("evaluations:list", args=[self.coalition.uuid])


class EvaluationFormView(CoalitionMixin, ServiceFormMixin, FormView):
    """Records an evaluation, or edits the one the URL names."""

    template_name = "evaluations/evaluation_form.html"
    form_class = EvaluationForm
    permission = Permission.EDIT_COALITION
    success_message = _("De evaluatie is opgeslagen.")
    evaluation: Evaluation | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "evaluation" in self.kwargs:
            self.evaluation = lookup_or_404(
                evaluations_of(self.coalition), self.kwargs["evaluation"]
            )
        return {
            **super().get_form_kwargs(),
            "instance": self.evaluation,
            "coalition": self.coalition,
        }

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        if self.evaluation is None:
            initial.setdefault("held_on", timezone.localdate())
            if "moment" in self.request.GET:
                initial["moment"] = self.request.GET["moment"]
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "evaluation": self.evaluation}

    def perform(self, form: EvaluationForm) -> Evaluation:
        user = acting_user(self.request)
        if self.evaluation is None:
            return services.record_evaluation(
                self.coalition, acting_user=user, **form.service_fields()
            )
        return services.update_evaluation(
            self.evaluation, acting_user=user, **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("evaluations:detail", args=[self.coalition.uuid, self.result.uuid])


class EvaluationDetailView(CoalitionMixin, TemplateView):
    template_name = "evaluations/evaluation_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["evaluation"] = lookup_or_404(
            evaluations_of(self.coalition), self.kwargs["evaluation"]
        )
        return context


class MomentDeleteView(CoalitionMixin, TemplateView):
    """GET asks to confirm (and says the evaluations held at the moment stay); POST deletes."""

    template_name = "evaluations/moment_delete.html"
    permission = Permission.EDIT_COALITION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        moment = lookup_or_404(moments_of(self.coalition), self.kwargs["moment"])
        return {
            **super().get_context_data(**kwargs),
            "moment": moment,
            "evaluation_count": moment.evaluations.count(),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        moment = lookup_or_404(moments_of(self.coalition), kwargs["moment"])
        services.delete_moment(moment, acting_user=acting_user(request))
        messages.success(request, _("Het evaluatiemoment is verwijderd."))
        return redirect("evaluations:list", self.coalition.uuid)


class EvaluationDeleteView(CoalitionMixin, TemplateView):
    """GET shows the evaluation and asks to confirm; POST deletes it."""

    template_name = "evaluations/evaluation_delete.html"
    permission = Permission.EDIT_COALITION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        evaluation = lookup_or_404(evaluations_of(self.coalition), self.kwargs["evaluation"])
        return {**super().get_context_data(**kwargs), "evaluation": evaluation}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        evaluation = lookup_or_404(evaluations_of(self.coalition), kwargs["evaluation"])
        services.delete_evaluation(evaluation, acting_user=acting_user(request))
        messages.success(request, _("De evaluatie is verwijderd."))
        return redirect("evaluations:list", self.coalition.uuid)
