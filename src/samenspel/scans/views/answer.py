"""The questionnaire behind a respondent's personal link: no account, no JavaScript needed.

The link is the only key, so it must not leak: the page tells the browser to send no Referer
and to keep no copy. A forged or mangled link is a 404; a used or closed one a friendly 410.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import View

from samenspel.scans import services
from samenspel.scans.forms import estimated_minutes
from samenspel.scans.instruments import Instrument, Item, get_instrument
from samenspel.scans.models import Respondent

DONT_KNOW = "weet-niet"  # the form value of 'don't know', stored as None
FIELD_PREFIX = "vraag-"
SUBMITTED_FLAG = "verstuurd"
REFERRER_POLICY = "strict-origin"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    id: str
    checked: bool


@dataclass(frozen=True)
class Question:
    number: int
    item: Item
    name: str
    id: str
    options: list[Option]
    error: str

    @property
    def first_id(self) -> str:
        return self.options[0].id


def form_value(answer: Any) -> str:
    """How a stored (or posted) answer shows as a radio value; '' for unanswered."""
    if answer is None:
        return DONT_KNOW
    return str(answer)


def parse_answers(instrument: Instrument, data: Mapping[str, Any]) -> dict[str, Any]:
    """The posted radio buttons as {item key: value, or None for 'don't know'}; unanswered items
    are left out. Values that are not whole numbers are passed on as they are, so that the
    service rejects them with its own message at the item."""
    answers: dict[str, Any] = {}
    for item in instrument.items:
        raw = data.get(FIELD_PREFIX + item.key)
        if raw is None or raw == "":
            continue
        if raw == DONT_KNOW:
            answers[item.key] = None
            continue
        try:
            answers[item.key] = int(raw)
        except ValueError:
            answers[item.key] = raw
    return answers


def build_questions(
    instrument: Instrument, values: Mapping[str, str], errors: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Per subscale, its questions with the options and what is checked."""
    number = 0
    sections = []
    for subscale in instrument.subscales:
        questions = []
        for item in instrument.items_of(subscale.key):
            number += 1
            name = FIELD_PREFIX + item.key
            choices = [
                (str(point.value), f"{point.value} – {point.label}")
                for point in instrument.scale.points
            ]
            if instrument.scale.dont_know_label is not None:
                choices.append((DONT_KNOW, instrument.scale.dont_know_label))
            current = values.get(item.key, "")
            questions.append(
                Question(
                    number=number,
                    item=item,
                    name=name,
                    id=name,
                    options=[
                        Option(
                            value=value,
                            label=label,
                            id=f"{name}-{value}",
                            checked=value == current,
                        )
                        for value, label in choices
                    ],
                    error=errors.get(item.key, ""),
                )
            )
        sections.append({"subscale": subscale, "questions": questions})
    return sections


@method_decorator(login_not_required, name="dispatch")
class AnswerView(View):
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = super().dispatch(request, *args, **kwargs)
        # The token is the respondent's only key: keep it out of Referer headers and caches.
        # `strict-origin` sends only the origin, never the path with the token, to anyone.
        # (`no-referrer` would also make the browser send `Origin: null` with the form's POST,
        # which Django's CSRF check rightly refuses.)
        response["Referrer-Policy"] = REFERRER_POLICY
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        respondent = Respondent.find(token)
        if respondent is None:
            return render(request, "scans/answer_unknown.html", status=404)
        if respondent.responded and SUBMITTED_FLAG in request.GET:
            return self.render_thanks(request, respondent)
        problem = services.answer_problem(respondent)
        if problem:
            return self.render_problem(request, respondent, problem)
        instrument = self.instrument(respondent)
        response = services.find_response(respondent, token)
        saved = response.answers if response else {}
        values = {key: form_value(value) for key, value in saved.items()}
        return self.render_form(
            request, respondent, instrument, values=values, has_draft=bool(response)
        )

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        respondent = Respondent.find(token)
        if respondent is None:
            return render(request, "scans/answer_unknown.html", status=404)
        problem = services.answer_problem(respondent)
        if problem:
            return self.render_problem(request, respondent, problem)
        instrument = self.instrument(respondent)
        submit = request.POST.get("action") == "submit"
        answers = parse_answers(instrument, request.POST)
        try:
            version = int(request.POST.get("instrument_version", ""))
        except ValueError:
            version = 0
        try:
            services.save_answers(
                respondent, token, answers=answers, instrument_version=version, submit=submit
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                item_errors = {key: " ".join(texts) for key, texts in error.message_dict.items()}
                general: list[str] = []
            else:
                item_errors, general = {}, error.messages
            values = {key: form_value(value) for key, value in answers.items()}
            return self.render_form(
                request,
                respondent,
                instrument,
                values=values,
                item_errors=item_errors,
                general_errors=general,
                submit=submit,
            )
        if submit:
            return redirect(f"{request.path}?{SUBMITTED_FLAG}=1")
        messages.success(
            request,
            _(
                "Uw antwoorden zijn tussentijds opgeslagen. U kunt later verder via dezelfde "
                "link; pas als u op 'Versturen' klikt, tellen ze mee."
            ),
        )
        return redirect(request.path)

    @staticmethod
    def instrument(respondent: Respondent) -> Instrument:
        scan_round = respondent.round
        return get_instrument(scan_round.instrument_key, scan_round.instrument_version)

    def render_form(
        self,
        request: HttpRequest,
        respondent: Respondent,
        instrument: Instrument,
        *,
        values: Mapping[str, str],
        item_errors: Mapping[str, str] | None = None,
        general_errors: list[str] | None = None,
        has_draft: bool = False,
        submit: bool = False,
    ) -> HttpResponse:
        item_errors = item_errors or {}
        sections = build_questions(instrument, values, item_errors)
        questions = [q for section in sections for q in section["questions"]]
        # Errors that belong to no question on the page (should not happen) stay visible too.
        shown = {q.item.key for q in questions}
        general = list(general_errors or []) + [
            message for key, message in item_errors.items() if key not in shown
        ]
        context = {
            "respondent": respondent,
            "round": respondent.round,
            "scan_coalition": respondent.round.coalition,
            "instrument": instrument,
            "minutes": estimated_minutes(instrument),
            "sections": sections,
            "error_questions": [q for q in questions if q.error],
            "general_errors": general,
            "has_errors": bool(general or item_errors),
            "has_draft": has_draft,
            "submit": submit,
            "dont_know_label": instrument.scale.dont_know_label,
        }
        return render(request, "scans/answer.html", context)

    @staticmethod
    def render_problem(request: HttpRequest, respondent: Respondent, problem: str) -> HttpResponse:
        context = {
            "respondent": respondent,
            "round": respondent.round,
            "scan_coalition": respondent.round.coalition,
            "problem": problem,
            "answered": respondent.responded,
        }
        return render(request, "scans/answer_closed.html", context, status=410)

    @staticmethod
    def render_thanks(request: HttpRequest, respondent: Respondent) -> HttpResponse:
        context = {
            "respondent": respondent,
            "round": respondent.round,
            "scan_coalition": respondent.round.coalition,
        }
        return render(request, "scans/answer_thanks.html", context)
