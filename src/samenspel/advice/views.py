"""The findings page, and setting a finding aside or back. Thin: the rules live in the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from samenspel.accounts import policy
from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.advice import services
from samenspel.advice.findings import Finding
from samenspel.advice.forms import DismissForm
from samenspel.advice.models import Dismissal
from samenspel.advice.rules import LABELS

# The dashboard shows the most pressing few; the findings page has them all.
SUMMARY_SIZE = 3


@dataclass(frozen=True)
class Shown:
    """A finding on the page, with its dismiss form (for those who may) and, when it came back
    after being set aside, that earlier dismissal."""

    finding: Finding
    form: DismissForm | None
    returned: Dismissal | None


class FindingsView(CoalitionMixin, TemplateView):
    template_name = "advice/findings.html"
    permission = Permission.VIEW_FINDINGS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        bound: DismissForm | None = kwargs.pop("bound_form", None)
        bound_key: tuple[str, str] | None = kwargs.pop("bound_key", None)
        context = super().get_context_data(**kwargs)
        result = services.advice(self.coalition)
        can_dismiss = policy.can(self.membership, Permission.DISMISS_FINDING)
        shown = []
        for finding in result.findings:
            form = None
            if can_dismiss:
                form = (
                    bound
                    if bound is not None and bound_key == finding.key
                    else DismissForm(initial={"subject": finding.subject}, anchor=finding.anchor)
                )
            shown.append(Shown(finding, form, result.returned.get(finding.key)))
        context.update(shown=shown, dismissed=result.dismissed, can_dismiss=can_dismiss)
        return context


def _findings_url(view: CoalitionMixin, anchor: str = "") -> str:
    url = reverse("advice:findings", args=[view.coalition.uuid])
    return f"{url}#{anchor}" if anchor else url


class DismissView(FindingsView):
    """POST a reason to set the finding `rule` (+ `subject`) aside. Errors show at the field."""

    permission = Permission.DISMISS_FINDING
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rule = kwargs["rule"]
        if rule not in LABELS:
            raise Http404
        subject = request.POST.get("subject", "")
        key = (rule, subject)
        anchor = Finding(rule=rule, subject=subject, severity="info", title="").anchor
        form = DismissForm(request.POST, anchor=anchor)
        if form.is_valid():
            try:
                services.dismiss(
                    self.coalition,
                    rule,
                    form.cleaned_data["subject"],
                    acting_user=acting_user(request),
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                if not hasattr(error, "error_dict") or set(error.error_dict) - {"reason"}:
                    messages.error(request, " ".join(error.messages))
                    return redirect(_findings_url(self))
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("De bevinding ligt terzijde. Die komt vanzelf terug als die sterker wordt."),
                )
                return redirect(_findings_url(self, "terzijde"))
        context = self.get_context_data(bound_form=form, bound_key=key)
        if not any(item.finding.key == key for item in context["shown"]):
            messages.error(
                request, " ".join(str(e) for errors in form.errors.values() for e in errors)
            )
            return redirect(_findings_url(self))
        return self.render_to_response(context)


class RestoreView(CoalitionMixin, TemplateView):
    """POST to show a finding that was set aside again."""

    permission = Permission.DISMISS_FINDING
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        rule, subject = kwargs["rule"], request.POST.get("subject", "")
        try:
            services.restore(self.coalition, rule, subject, acting_user=acting_user(request))
        except ValidationError:
            raise Http404 from None
        messages.success(request, _("De bevinding is teruggezet."))
        return redirect(_findings_url(self))


class FindingsSummaryView(CoalitionMixin, TemplateView):
    """The dashboard's card with the most pressing findings, loaded after the page (htmx), so the
    analysis does not slow the dashboard itself down."""

    template_name = "advice/_summary.html"
    permission = Permission.VIEW_FINDINGS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        findings = services.current_findings(self.coalition)
        return {
            **super().get_context_data(**kwargs),
            "show": True,
            "top": findings[:SUMMARY_SIZE],
            "total": len(findings),
        }
