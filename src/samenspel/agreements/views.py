"""Pages for the ambition, the agreements per partner, the process design and the covenant.

Thin views: the tenancy gate and the policy come from `CoalitionMixin` (reads need
VIEW_COALITION, writes EDIT_COALITION); every write is one call to `agreements.services`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.agreements import selectors, services
from samenspel.agreements.document import covenant_pdf
from samenspel.agreements.forms import (
    AmbitionForm,
    CovenantForm,
    PartnerAgreementForm,
    ProcessStepForm,
    SignatoryForm,
)
from samenspel.agreements.models import AmbitionVersion, PartnerAgreement, ProcessStep, Signatory
from samenspel.core.pdf import pdf_response
from samenspel.core.sorting import RowSorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Ambition ---------------------------------------------------------------------------------------


class AmbitionView(CoalitionMixin, TemplateView):
    template_name = "agreements/ambition.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        history = selectors.ambition_history(self.coalition)
        context.update(history=history, current=history[0].version if history else None)
        return context


class AmbitionCreateView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "agreements/ambition_form.html"
    form_class = AmbitionForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("De nieuwe versie van de ambitie is vastgelegd.")

    def get_initial(self) -> dict[str, Any]:
        current = AmbitionVersion.objects.visible_to(self.membership).first()
        if current is None:
            return {"text": self.coalition.ambition}
        return {
            name: getattr(current, name) for name in AmbitionForm.Meta.fields if name != "reason"
        }

    def perform(self, form: AmbitionForm) -> Any:
        return services.record_ambition(
            self.coalition, acting_user=acting_user(self.request), **form.cleaned_data
        )

    def get_success_url(self) -> str:
        return reverse("agreements:ambition", args=[self.coalition.uuid])


# Agreements per partner -------------------------------------------------------------------------


# Totals cover every partner; the table is paged like the partner list.
ROWS_PER_PAGE = 25
# The columns the balance can be sorted by (URL key: a row's value), in Python: the overview has
# read every partner already.
BALANCE_SORTING = RowSorting(
    columns={
        "partner": lambda row: row.partner.name.casefold(),
        "uren": lambda row: row.hours,
        "geld": lambda row: row.money,
        "evaluatie": lambda row: row.agreement.review_date if row.agreement else None,
    },
    default="partner",
)


class AgreementListView(CoalitionMixin, TemplateView):
    template_name = "agreements/agreement_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        overview = selectors.balance_overview(self.coalition)
        rows, context["sort"] = BALANCE_SORTING.apply(overview.rows, self.request.GET)
        context["overview"] = overview
        context["page"] = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("pagina"))
        context["query"] = context["sort"].page_query()
        # Row links are this page's URL + agreement: one reverse() instead of three per row.
        context["list_url"] = self.request.path
        return context


class AgreementFormView(CoalitionMixin, ServiceFormMixin, FormView):
    """New agreement (no `agreement` in the URL) or a change to one."""

    template_name = "agreements/agreement_form.html"
    form_class = PartnerAgreementForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("De afspraken zijn opgeslagen.")
    agreement: PartnerAgreement | None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.agreement = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        if "agreement" in self.kwargs:
            self.agreement = lookup_or_404(
                selectors.agreements_for(self.membership), self.kwargs["agreement"]
            )
        initial = {}
        if self.agreement is None and (partner := self.request.GET.get("partner")):
            initial["partner"] = self.coalition.partners.filter(uuid__iexact=partner).first()
        return {
            **super().get_form_kwargs(),
            "instance": self.agreement,
            "coalition": self.coalition,
            "initial": initial,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "agreement": self.agreement}

    def perform(self, form: PartnerAgreementForm) -> PartnerAgreement:
        agreement = (
            lookup_or_404(selectors.agreements_for(self.membership), self.agreement.uuid)
            if self.agreement
            else None
        )
        return services.save_agreement(
            self.coalition,
            agreement,
            acting_user=acting_user(self.request),
            **form.service_fields(),
        )

    def get_success_url(self) -> str:
        return reverse("agreements:list", args=[self.coalition.uuid])


class DeleteView(CoalitionMixin, TemplateView):
    """Confirm, then delete through the service."""

    template_name = "agreements/confirm_delete.html"
    permission = Permission.EDIT_COALITION
    success_message: StrOrPromise = ""

    # Each subclass names what it deletes, how, and where to go afterwards.
    get_object: Callable[[], Any]
    delete: Callable[[Any], None]
    get_success_url: Callable[[], str]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "object": self.get_object(),
            "cancel_url": self.get_success_url(),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            self.delete(self.get_object())
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.get_success_url())
        messages.success(request, self.success_message)
        return redirect(self.get_success_url())


class AgreementDeleteView(DeleteView):
    success_message = _lazy("De afspraken zijn verwijderd.")

    def get_object(self) -> PartnerAgreement:
        return lookup_or_404(selectors.agreements_for(self.membership), self.kwargs["agreement"])

    def delete(self, obj: PartnerAgreement) -> None:
        services.delete_agreement(obj, acting_user=acting_user(self.request))

    def get_success_url(self) -> str:
        return reverse("agreements:list", args=[self.coalition.uuid])


# Process design ---------------------------------------------------------------------------------


class ProcessView(CoalitionMixin, TemplateView):
    template_name = "agreements/process.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        steps = selectors.process_steps(self.coalition)
        for step in steps:
            step.overdue = step.is_overdue(today)  # type: ignore[attr-defined]
        context.update(
            steps=steps,
            today=today,
            overdue_count=sum(s.overdue for s in steps),  # type: ignore[attr-defined]
        )
        return context


class StepFormView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "agreements/step_form.html"
    form_class = ProcessStepForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("De processtap is opgeslagen.")
    step: ProcessStep | None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.step = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        if "step" in self.kwargs:
            self.step = lookup_or_404(selectors.steps_for(self.membership), self.kwargs["step"])
        return {**super().get_form_kwargs(), "instance": self.step, "coalition": self.coalition}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "step": self.step}

    def perform(self, form: ProcessStepForm) -> ProcessStep:
        step = (
            lookup_or_404(selectors.steps_for(self.membership), self.step.uuid)
            if self.step
            else None
        )
        return services.save_step(
            self.coalition, step, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("agreements:process", args=[self.coalition.uuid])


class StepDeleteView(DeleteView):
    success_message = _lazy("De processtap is verwijderd.")

    def get_object(self) -> ProcessStep:
        return lookup_or_404(selectors.steps_for(self.membership), self.kwargs["step"])

    def delete(self, obj: ProcessStep) -> None:
        services.delete_step(obj, acting_user=acting_user(self.request))

    def get_success_url(self) -> str:
        return reverse("agreements:process", args=[self.coalition.uuid])


# Letter of intent or covenant -------------------------------------------------------------------


class CovenantView(CoalitionMixin, TemplateView):
    template_name = "agreements/covenant.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        covenant = selectors.covenant_of(self.coalition)
        context.update(
            covenant=covenant,
            signatories=selectors.signatories(covenant) if covenant else [],
        )
        return context


class CovenantFormView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "agreements/covenant_form.html"
    form_class = CovenantForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("Het document is opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "instance": selectors.covenant_of(self.coalition),
            "coalition": self.coalition,
        }

    def perform(self, form: CovenantForm) -> Any:
        return services.save_covenant(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("agreements:covenant", args=[self.coalition.uuid])


class SignatoryCreateView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "agreements/signatory_form.html"
    form_class = SignatoryForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("De ondertekenaar is toegevoegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.covenant = selectors.covenant_or_404(self.membership)
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: SignatoryForm) -> Signatory:
        return services.add_signatory(
            self.covenant, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("agreements:covenant", args=[self.coalition.uuid])


class SignatoryDeleteView(DeleteView):
    success_message = _lazy("De ondertekenaar is verwijderd.")

    def get_object(self) -> Signatory:
        return lookup_or_404(selectors.signatories_for(self.membership), self.kwargs["signatory"])

    def delete(self, obj: Signatory) -> None:
        services.remove_signatory(obj, acting_user=acting_user(self.request))

    def get_success_url(self) -> str:
        return reverse("agreements:covenant", args=[self.coalition.uuid])


class CovenantPdfView(CoalitionMixin, View):
    """The letter of intent or covenant as a PDF (PDF/UA), made on request and never stored."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        covenant = selectors.covenant_or_404(self.membership)
        data, filename = covenant_pdf(covenant, lang=get_language() or "nl", request=request)
        return pdf_response(data, filename)
