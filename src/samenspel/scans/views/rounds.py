"""Scan rounds for the coordinator: list, create, open (invite) and close.

Anyone who may see the results sees the rounds and their numbers; who was invited and who
answered is for those who manage scans. What someone answered is never shown here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from samenspel.accounts import policy
from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin
from samenspel.scans import services
from samenspel.scans.forms import RoundForm, estimated_minutes
from samenspel.scans.instruments import AUDIENCES, Instrument, get_instrument, latest_instruments
from samenspel.scans.models import Round, RoundStatus


def instrument_of(scan_round: Round) -> Instrument | None:
    try:
        return get_instrument(scan_round.instrument_key, scan_round.instrument_version)
    except KeyError:
        return None


def has_results(scan_round: Round) -> bool:
    return scan_round.status == RoundStatus.CLOSED or (
        scan_round.status == RoundStatus.OPEN and getattr(scan_round, "n_submitted", 0) > 0
    )


@dataclass
class InstrumentRounds:
    key: str
    title: str
    audience: str
    instrument: Instrument | None
    rounds: list[Round] = field(default_factory=list)


class RoundListView(CoalitionMixin, TemplateView):
    template_name = "scans/round_list.html"
    permission = Permission.VIEW_SCAN_RESULTS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        groups = {
            instrument.key: InstrumentRounds(
                key=instrument.key,
                title=instrument.title,
                audience=str(AUDIENCES.get(instrument.audience, "")),
                instrument=instrument,
            )
            for instrument in latest_instruments()
        }
        for scan_round in (
            Round.objects.visible_to(self.membership).with_counts().order_by("-created_at")
        ):
            group = groups.get(scan_round.instrument_key)
            if group is None:  # an instrument that is no longer offered
                group = groups[scan_round.instrument_key] = InstrumentRounds(
                    key=scan_round.instrument_key,
                    title=scan_round.instrument_key,
                    audience="",
                    instrument=None,
                )
            scan_round.has_results = has_results(scan_round)  # type: ignore[attr-defined]
            group.rounds.append(scan_round)
        context.update(
            groups=list(groups.values()),
            can_manage=policy.can(self.membership, Permission.MANAGE_SCANS),
        )
        return context


class RoundCreateView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "scans/round_form.html"
    form_class = RoundForm
    permission = Permission.MANAGE_SCANS
    success_message = _lazy(
        "De ronde is klaargezet. Controleer wie er uitgenodigd worden en open de ronde om de "
        "uitnodigingen te versturen."
    )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "coalition": self.coalition,
            "instrument_key": self.request.GET.get("vragenlijst", ""),
        }

    def perform(self, form: RoundForm) -> Round:
        return services.create_round(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("scans:round", args=[self.coalition.uuid, self.result.uuid])


class RoundDetailView(CoalitionMixin, TemplateView):
    template_name = "scans/round_detail.html"
    permission = Permission.VIEW_SCAN_RESULTS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        scan_round = lookup_or_404(
            Round.objects.visible_to(self.membership).with_counts(), self.kwargs["round"]
        )
        instrument = instrument_of(scan_round)
        can_manage = policy.can(self.membership, Permission.MANAGE_SCANS)
        context.update(
            round=scan_round,
            instrument=instrument,
            minutes=estimated_minutes(instrument) if instrument else None,
            audience=AUDIENCES.get(instrument.audience, "") if instrument else "",
            can_manage=can_manage,
            has_results=has_results(scan_round),
            is_draft=scan_round.status == RoundStatus.DRAFT,
            is_open=scan_round.status == RoundStatus.OPEN,
            # Who was invited and whether they answered: never what they answered.
            respondents=(
                scan_round.respondents.select_related("partner").order_by("partner__name", "name")
                if can_manage
                else None
            ),
        )
        return context


class RoundActionView(CoalitionMixin, View):
    """A POST-only button on the round page; the service decides, errors come back as a message."""

    permission = Permission.MANAGE_SCANS
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scan_round = lookup_or_404(
            Round.objects.visible_to(self.membership).with_counts(), kwargs["round"]
        )
        try:
            message = self.perform(scan_round)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, message)
        return redirect("scans:round", self.coalition.uuid, scan_round.uuid)

    perform: Callable[[Round], str]  # each button names its service call


class RoundOpenView(RoundActionView):
    def perform(self, scan_round: Round) -> str:
        services.open_round(
            scan_round,
            acting_user=acting_user(self.request),
        )
        invited = scan_round.respondents.count()
        return ngettext(
            "De ronde is geopend. Er gaat %(n)d persoonlijke uitnodiging per e-mail de deur uit.",
            "De ronde is geopend. Er gaan %(n)d persoonlijke uitnodigingen per e-mail de deur uit.",
            invited,
        ) % {"n": invited}


class RoundCloseView(RoundActionView):
    def perform(self, scan_round: Round) -> str:
        services.close_round(scan_round, acting_user=acting_user(self.request))
        return _("De ronde is gesloten. Er kan niet meer worden geantwoord.")
