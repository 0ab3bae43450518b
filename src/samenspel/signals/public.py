"""The public meldpunt of a coalition: a resident shares a worry about a neighbour without an
account, and later sees its status (received, picked up, closed) with a receipt code. Works
without JavaScript; acute danger is sent to 112 and the municipality's meldpunt instead."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View

from samenspel.signals import abuse, services, workflow
from samenspel.signals.forms import MeldpuntForm, StatusForm
from samenspel.signals.models import Signal, SignalSettings

TOO_MANY = _("U heeft het afgelopen uur te vaak geprobeerd. Probeer het later opnieuw.")
UNKNOWN_CODE = _("Deze code kennen wij niet. Controleer de code en probeer het opnieuw.")


def open_meldpunt(coalition_uuid: Any) -> SignalSettings:
    """The meldpunt is found by the coalition's public uuid, and only when it is open."""
    setup = (
        SignalSettings.objects.across_coalitions()
        .select_related("coalition", "intake")
        .filter(coalition__uuid=coalition_uuid, meldpunt_open=True)
        .first()
    )
    if setup is None:
        raise Http404
    return setup


@method_decorator(login_not_required, name="dispatch")
class MeldpuntView(View):
    template_name = "signals/meldpunt/form.html"

    def get(self, request: HttpRequest, coalition: Any) -> HttpResponse:
        setup = open_meldpunt(coalition)
        return self._page(request, setup, MeldpuntForm(coalition=setup.coalition))

    def post(self, request: HttpRequest, coalition: Any) -> HttpResponse:
        setup = open_meldpunt(coalition)
        form = MeldpuntForm(request.POST, coalition=setup.coalition)
        if not abuse.allow(request, "report"):
            form.add_error(None, TOO_MANY)
            return self._page(request, setup, form, status=429)
        if not form.is_valid():
            return self._page(request, setup, form)
        if form.is_bot():
            # Thanked like anyone else, and dropped: a bot learns nothing.
            return render(request, "signals/meldpunt/done.html", {"setup": setup, "code": None})
        fields = form.signal_fields()
        _signal, code = services.report_via_meldpunt(setup, **fields)
        return render(request, "signals/meldpunt/done.html", {"setup": setup, "code": code})

    def _page(
        self, request: HttpRequest, setup: SignalSettings, form: MeldpuntForm, status: int = 200
    ) -> HttpResponse:
        return render(request, self.template_name, {"setup": setup, "form": form}, status=status)


@method_decorator(login_not_required, name="dispatch")
class MeldpuntStatusView(View):
    template_name = "signals/meldpunt/status.html"

    def get(self, request: HttpRequest, coalition: Any) -> HttpResponse:
        setup = open_meldpunt(coalition)
        return render(request, self.template_name, {"setup": setup, "form": StatusForm()})

    def post(self, request: HttpRequest, coalition: Any) -> HttpResponse:
        setup = open_meldpunt(coalition)
        form = StatusForm(request.POST)
        context: dict[str, Any] = {"setup": setup, "form": form}
        if not abuse.allow(request, "status"):
            form.add_error(None, TOO_MANY)
            return render(request, self.template_name, context, status=429)
        if form.is_valid():
            status = (
                Signal.objects.with_receipt(setup.coalition, form.cleaned_data["code"])
                .values_list("status", flat=True)
                .first()
            )
            if status is None:
                form.add_error("code", UNKNOWN_CODE)
            else:
                context["word"] = workflow.feedback(status).label
        return render(request, self.template_name, context)
