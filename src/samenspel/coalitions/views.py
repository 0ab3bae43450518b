from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission, memberships_of
from samenspel.accounts.requests import acting_user
from samenspel.coalitions import services
from samenspel.coalitions.dashboard import cached_dashboard
from samenspel.coalitions.forms import (
    ChecklistItemForm,
    CoalitionForm,
    MunicipalityRolesForm,
    PhaseChangeForm,
)
from samenspel.coalitions.models import ChecklistItem, ChecklistStatus, Coalition
from samenspel.coalitions.progress import ActivityState, phase_since, suggest_phase
from samenspel.core.audit_display import describe
from samenspel.core.audit_filter import AuditFilterForm
from samenspel.core.models import AuditEvent
from samenspel.core.views import ServiceFormMixin
from samenspel.guide.content import all_activity_keys, get_activity, get_item


class HomeView(TemplateView):
    """The person's coalitions; with exactly one, go straight to its dashboard. The national
    programme, which is a member of none, starts at its national figures."""

    template_name = "coalitions/home.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        memberships = memberships_of(request)
        if not memberships and request.user.national_role:  # type: ignore[union-attr]
            return redirect("workspace:national")
        if len(memberships) == 1:
            return redirect("coalitions:dashboard", memberships[0].coalition.uuid)
        return self.render_to_response(self.get_context_data(memberships=memberships))


class CoalitionCreateView(ServiceFormMixin, FormView):
    template_name = "coalitions/coalition_form.html"
    form_class = CoalitionForm
    success_message = _("De coalitie is aangemaakt. U bent de coördinator.")

    def perform(self, form: CoalitionForm) -> Coalition:
        return services.create_coalition(
            acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("coalitions:dashboard", args=[self.result.uuid])


class CoalitionUpdateView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "coalitions/coalition_form.html"
    form_class = CoalitionForm
    permission = Permission.EDIT_COALITION
    success_message = _("De gegevens van de coalitie zijn opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.coalition}

    def perform(self, form: CoalitionForm) -> Coalition:
        coalition = Coalition.objects.visible_to(self.membership).get()
        return services.update_coalition(
            coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("coalitions:dashboard", args=[self.coalition.uuid])


class MunicipalityRolesView(CoalitionMixin, ServiceFormMixin, FormView):
    """The roles the municipality agreed to play, with the guide's tips for each."""

    template_name = "coalitions/municipality_roles_form.html"
    form_class = MunicipalityRolesForm
    permission = Permission.EDIT_COALITION
    success_message = _("De rollen van de gemeente zijn opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.coalition}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        roles = self.coalition.municipality_roles
        items = [get_item("municipality_roles", role) for role in roles]
        return {**super().get_context_data(**kwargs), "role_items": items}

    def perform(self, form: MunicipalityRolesForm) -> Coalition:
        coalition = Coalition.objects.visible_to(self.membership).get()
        return services.update_municipality_roles(
            coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("coalitions:municipality_roles", args=[self.coalition.uuid])


class DashboardView(CoalitionMixin, TemplateView):
    template_name = "coalitions/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["dashboard"] = cached_dashboard(self.coalition)
        return context


class WhereAreWeView(CoalitionMixin, TemplateView):
    template_name = "coalitions/where.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        history = list(self.coalition.phase_changes.select_related("recorded_by"))
        context.update(
            suggestion=suggest_phase(self.coalition, history),
            phase_since=phase_since(self.coalition, history),
            history=history,
            status_choices=ChecklistStatus.choices,
        )
        return context


class PhaseChangeView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "coalitions/phase_change_form.html"
    form_class = PhaseChangeForm
    permission = Permission.CHANGE_PHASE
    success_message = _("De fasewissel is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: PhaseChangeForm) -> Any:
        return services.change_phase(
            self.coalition, acting_user=acting_user(self.request), **form.change()
        )

    def get_success_url(self) -> str:
        return reverse("coalitions:where", args=[self.coalition.uuid])


class ChecklistItemView(CoalitionMixin, ServiceFormMixin, FormView):
    """One activity's status; htmx swaps just the row, without JS the page reloads."""

    template_name = "coalitions/checklist_item_form.html"
    form_class = ChecklistItemForm
    permission = Permission.EDIT_CHECKLIST

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if kwargs["activity"] not in all_activity_keys():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        item = (
            ChecklistItem.objects.visible_to(self.membership)
            .filter(activity_key=self.kwargs["activity"])
            .first()
        )
        return {**super().get_form_kwargs(), "instance": item}

    def perform(self, form: ChecklistItemForm) -> ChecklistItem:
        return services.set_checklist_status(
            self.coalition,
            self.kwargs["activity"],
            acting_user=acting_user(self.request),
            **form.cleaned_data,
        )

    def form_valid(self, form: ChecklistItemForm) -> HttpResponse:
        response = super().form_valid(form)
        if self.request.headers.get("HX-Request") and response.status_code == 302:
            item = self.result
            state = ActivityState(get_activity(item.activity_key), item.status, item.note)
            return render(
                self.request,
                "coalitions/_checklist_row.html",
                {
                    "state": state,
                    "coalition": self.coalition,
                    "membership": self.membership,
                    "saved": True,
                    "status_choices": ChecklistStatus.choices,
                },
            )
        return response

    def get_success_url(self) -> str:
        return (
            reverse("coalitions:where", args=[self.coalition.uuid])
            + f"#activiteit-{self.kwargs['activity']}"
        )


class AuditTrailView(CoalitionMixin, TemplateView):
    template_name = "coalitions/audit.html"
    permission = Permission.VIEW_AUDIT

    per_page = 50

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = AuditEvent.objects.for_coalition(self.coalition)
        form = AuditFilterForm(self.request.GET or None)
        page = Paginator(form.apply(events), self.per_page).get_page(self.request.GET.get("pagina"))
        query = self.request.GET.copy()
        query.pop("pagina", None)
        context.update(
            form=form,
            page=page,
            rows=[(event, describe(event)) for event in page],
            query=query.urlencode(),
            filtered_object=self._filtered("object", form, page, lambda e: e.object_label),
            filtered_actor=self._filtered("actor", form, page, lambda e: str(e.actor)),
        )
        return context

    @staticmethod
    def _filtered(name: str, form: AuditFilterForm, page: Any, label: Any) -> str | None:
        """The name of the one object or person the trail is narrowed to, from a record on the
        page (no query for it)."""
        if not form.is_valid() or not form.cleaned_data[name]:
            return None
        return next((label(event) for event in page), str(form.cleaned_data[name]))
