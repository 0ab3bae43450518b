"""What the benchmark measures: SQL queries per page and server time, for one signed-in person.

A "page" is one GET through Django's test client, so middleware, the view, the queries and
template rendering are all included; the network and the browser are not.
"""

from __future__ import annotations

import datetime
import math
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import (
    NoReverseMatch,
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    resolve,
    reverse,
)
from django.utils import timezone
from django.utils.safestring import SafeString
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from samenspel.accounts.models import ApiToken, Membership, Role, User
from samenspel.activities.models import Activity, Finder
from samenspel.agreements.models import PartnerAgreement, ProcessStep, Signatory
from samenspel.bench import signal_rows, synthetic
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.funding.models import FundingSource
from samenspel.meetings.models import ActionItem, Body, Meeting
from samenspel.meetings.services import issue_calendar_feed
from samenspel.partners.models import ContactPerson, Partner
from samenspel.scans import services
from samenspel.scans.models import Round, RoundStatus

API_PREFIX = "api/v1/"

# The main pages: label, URL name, which object fills the URL.
PAGES: list[tuple[str, str, str | None]] = [
    ("dashboard", "coalitions:dashboard", "coalition"),
    ("where-are-we", "coalitions:where", "coalition"),
    ("partner list", "partners:list", "coalition"),
    ("partner detail", "partners:detail", "partner"),
    ("partner map", "partners:map", "coalition"),
    ("audit", "coalitions:audit", "coalition"),
    ("home", "coalitions:home", None),
    ("guide index", "guide:index", None),
    ("scan rounds", "scans:rounds", "coalition"),
    ("scan results", "scans:results", "round"),
    ("scan trend", "scans:trend", "instrument"),
    ("collaboration health", "scans:health", "coalition"),
    ("findings", "advice:findings", "coalition"),
    ("meeting list", "meetings:list", "coalition"),
    ("meeting detail", "meetings:detail", "meeting"),
    ("open actions", "meetings:actions", "coalition"),
    ("bodies", "meetings:bodies", "coalition"),
    ("calendar feed (iCal)", "meetings:feed", "feed"),
    ("agreements overview", "agreements:list", "coalition"),
    ("process", "agreements:process", "coalition"),
    ("ambition", "agreements:ambition", "coalition"),
    ("covenant", "agreements:covenant", "coalition"),
    ("funding overview", "funding:overview", "coalition"),
    ("evaluations list", "evaluations:list", "coalition"),
    ("evaluation detail", "evaluations:detail", "evaluation"),
    ("activities", "activities:list", "coalition"),
    ("reach overview", "activities:reach_overview", "coalition"),
    ("neighbourhoods", "monitoring:neighbourhoods", "coalition"),
    ("gap view", "monitoring:gap", "coalition"),
    ("public finder", "finder:index", "finder"),
    ("public finder: wijk and day", "finder:index", "finder-filtered"),
    ("public activity", "finder:activity", "finder-activity"),
    ("signal list", "signals:home", "coalition"),
    ("signal figures", "signals:figures", "coalition"),
    ("healthz (trivial view)", "healthz", None),
]
# The open data (HSDS) of the measured coalition's finder: one page of 100 services. In
# production a proxy keeps it (core/http_cache.py); the benchmark sends no If-None-Match, so
# every request is a miss and the application builds the whole page (it has no cache of its own).
OPEN_DATA = "api open/{finder}/services/"
# Pages residents use without an account: requested without signing in.
ANONYMOUS = frozenset(
    {"public finder", "public finder: wijk and day", "public activity", OPEN_DATA}
)
# Pages of a handling organisation's signals (and the signals API, once it exists): requested by
# a member of the organisation that holds most of the focus coalition's signals, whose session
# passed the second factor. The coalition's figures are the coordinator's, like the other pages.
HANDLER_PAGES = ("signal list", "api coalitions/{coalition}/signals/")
# ... and one signal's routes; the coalition's signal figures and settings are the coordinator's.
HANDLER_PREFIXES = ("api coalitions/{coalition}/signals/{signal}",)
# The resident's search measured in "public finder: wijk and day": the wijk with the most
# activities of the measured coalition, on a Wednesday.
FINDER_DAY = 3
# Pages whose server time is measured, compared with the trivial view.
TIMED = [
    "dashboard",
    "partner list",
    "partner map",
    "scan results",
    "findings",
    "meeting list",
    "agreements overview",
    "funding overview",
    "activities",
    "gap view",
    "api coalitions/{coalition}/activities/",
    "public finder",
    "public finder: wijk and day",
    OPEN_DATA,
    "signal list",
    "signal figures",
]
# Timed as soon as the route exists: the signals API is being built next to the benchmark.
TIMED_WHEN_PRESENT = ["api coalitions/{coalition}/signals/"]
TRIVIAL = ("healthz", "healthz")

# API lists the product should have; each is found among the discovered routes by these words.
EXPECTED_API: dict[str, tuple[str, ...]] = {
    "coalitions": ("coalitions",),
    "partners": ("partners",),
    "phase-changes": ("phase-changes", "phase_changes", "phasechanges"),
    "checklist": ("checklist", "checklist-items"),
    "audit": ("audit", "audit-events", "audit-trail"),
    "events": ("events", "partner-events", "changes"),
    "contacts": ("contacts", "contact-persons"),
    "dashboard": ("dashboard",),
    "where-are-we": ("where-are-we", "where", "progress"),
    "partner-map": ("partner-map", "map"),
    "guide sections": ("sections", "guide"),
    "instruments": ("instruments",),
    "scan rounds": ("rounds",),
    "scan respondents": ("respondents",),
    "scan results": ("results",),
    "scan trends": ("trends",),
    "health": ("health",),
    "findings": ("findings",),
    "respond": ("respond",),
    "signals": ("signals",),
}
# Routes that are not lists of the coalition's data.
API_IGNORED = ("openapi.json", "schema")
# Routes that need a query to answer with 200.
API_QUERIES = {"guide/search/": "q=eenzaamheid"}


# What fills the other URL parameters: the instrument of the trend (the one with most questions),
# its version, and a rule of the advice that exists in every coalition.
INSTRUMENT = "conditions"
INSTRUMENT_VERSION = 1
RULE = "missing_partner_kinds"
# The respondent's route: its `token` is a personal link, not an API token.
RESPOND_ROUTE = "respond/"


@dataclass
class Subject:
    """Whom and what the benchmark looks at, in one scale."""

    user: User
    coalition: Coalition
    partner: Partner
    round: Round | None = None
    link_token: str | None = None  # a respondent's personal link in an open round
    api_token: str | None = None  # the uuid of one of the user's personal API tokens
    feed: str | None = None  # the secret of the user's calendar feed (iCal)
    finder: str | None = None  # the slug of the coalition's public finder
    handler: User | None = None  # a member of the organisation holding most signals
    # uuids of one object of each kind in the focus coalition, by URL parameter: meeting, body,
    # action, agreement, step, signatory, source, moment, evaluation.
    objects: dict[str, str] = field(default_factory=dict)

    def value_for(self, parameter: str, route: str = "") -> str | None:
        name = parameter.lower()
        if name == "activity" and "checklist/" in route:
            return None  # a guide activity's key there, not an activity of the offer
        if name == "action" and "meeting>" in route:
            return self.objects.get("meeting_action")  # an action of that very meeting
        if name in self.objects:
            return self.objects[name]
        if name == "feed":
            return self.feed
        if name == "finder":
            return self.finder
        if "partner" in name:
            return str(self.partner.uuid)
        if "coalition" in name:
            return str(self.coalition.uuid)
        if name == "round":
            return str(self.round.uuid) if self.round else None
        if name == "instrument":
            return INSTRUMENT
        if name == "version":
            return str(INSTRUMENT_VERSION)
        if name == "rule":
            return RULE
        if name == "token":
            # Two routes call it `token`: a respondent's link, and one of the user's API tokens.
            return self.link_token if RESPOND_ROUTE in route else self.api_token
        return None


@dataclass
class PageResult:
    label: str
    path: str | None
    status: int | None = None
    queries: int | None = None
    sql: list[str] = field(default_factory=list)
    note: str = ""
    error: str = ""


def prepare_subject(coalition_id: int, second_coalition_id: int | None) -> Subject:
    """The coordinator of the focus coalition. With a single membership the home page would only
    redirect, so they also advise a second coalition: home then lists two coalitions."""
    coalition = (
        Coalition.objects.across_coalitions().select_related("municipality").get(pk=coalition_id)
    )
    membership = (
        Membership.objects.across_coalitions()
        .select_related("user")
        .get(coalition=coalition, role=Role.COORDINATOR)
    )
    if second_coalition_id is not None:
        Membership.objects.across_coalitions().get_or_create(
            user=membership.user, coalition_id=second_coalition_id, defaults={"role": Role.ADVISOR}
        )
    partner = (
        Partner.objects.across_coalitions()
        .filter(coalition=coalition)
        .annotate(
            n_events=Count("events", distinct=True), n_contacts=Count("contacts", distinct=True)
        )
        .order_by("-n_events", "-n_contacts", "name")
        .first()
    )
    if partner is None:
        raise ValueError("The focus coalition has no partners.")
    # The round whose results are measured: the latest closed round of INSTRUMENT, which is
    # compared with the round before it (the most work the results page can do).
    scan_round = (
        Round.objects.across_coalitions()
        .filter(coalition=coalition, instrument_key=INSTRUMENT, status=RoundStatus.CLOSED)
        .order_by("-closes_on", "-pk")
        .first()
    )
    _token, _raw = ApiToken.issue(membership.user, "Benchmark")
    return Subject(
        user=membership.user,
        coalition=coalition,
        partner=partner,
        round=scan_round,
        link_token=_open_round_link(coalition, membership.user),
        api_token=str(_token.uuid),
        feed=issue_calendar_feed(acting_user=membership.user),
        objects=_objects(coalition),
        finder=Finder.objects.across_coalitions()
        .filter(coalition=coalition)
        .values_list("slug", flat=True)
        .first(),
        handler=User.objects.filter(
            email=signal_rows.handler_email(coalition, synthetic.EMAIL_DOMAIN)
        ).first(),
    )


def _objects(coalition: Coalition) -> dict[str, str]:
    """One object of each kind to fill the detail routes, chosen the same way at every scale:
    the past meeting with the most agenda items, decisions and actions; an open action; the first
    body, agreement, process step, signatory and funding source; the planned evaluation moment;
    the latest evaluation."""
    meeting = (
        Meeting.objects.across_coalitions()
        .filter(coalition=coalition, starts_at__lt=timezone.now())
        .annotate(
            n=Count("agenda_items", distinct=True)
            + Count("decisions", distinct=True)
            + Count("actions", distinct=True)
        )
        .order_by("-n", "-starts_at", "pk")
        .first()
    )
    candidates: dict[str, Any] = {
        "meeting": meeting,
        "body": Body.objects.across_coalitions()
        .filter(coalition=coalition)
        .order_by("name", "pk")
        .first(),
        "action": ActionItem.objects.across_coalitions()
        .filter(meeting__coalition=coalition, done_on__isnull=True)
        .order_by("due_on", "pk")
        .first(),
        "agreement": PartnerAgreement.objects.across_coalitions()
        .filter(coalition=coalition)
        .order_by("partner__name", "pk")
        .first(),
        "step": ProcessStep.objects.across_coalitions()
        .filter(coalition=coalition)
        .order_by("order", "pk")
        .first(),
        "signatory": Signatory.objects.across_coalitions()
        .filter(covenant__coalition=coalition)
        .order_by("partner__name", "name", "pk")
        .first(),
        "source": FundingSource.objects.across_coalitions()
        .filter(coalition=coalition)
        .order_by("start_date", "pk")
        .first(),
        "moment": EvaluationMoment.objects.across_coalitions()
        .filter(coalition=coalition, status=MomentStatus.PLANNED)
        .order_by("planned_on", "pk")
        .first(),
        "evaluation": Evaluation.objects.across_coalitions()
        .filter(coalition=coalition)
        .order_by("-held_on", "pk")
        .first(),
        "activity": Activity.objects.across_coalitions()
        .published()
        .filter(coalition=coalition)
        .order_by("title", "pk")
        .first(),
        "wijk": Neighbourhood.objects.across_coalitions()
        .filter(coalition=coalition)
        .annotate(n=Count("activities"))
        .order_by("-n", "name")
        .first(),
    }
    candidates["meeting_action"] = (
        ActionItem.objects.across_coalitions().filter(meeting=meeting).order_by("pk").first()
        if meeting
        else None
    )
    return {name: str(obj.uuid) for name, obj in candidates.items() if obj is not None}


def _open_round_link(coalition: Coalition, user: User) -> str | None:
    """A personal link of an open pulse round of the focus coalition, made through the services.
    The synthetic rounds are all closed (their dates are fixed), and a closed round's link answers
    410. Made the same way at every scale, so the pages stay comparable."""
    contacts = list(
        ContactPerson.objects.across_coalitions()
        .filter(partner__coalition=coalition, partner__left_on__isnull=True)
        .exclude(email="")
        .select_related("partner")
        .order_by("partner__name", "name", "pk")[:3]
    )
    if not contacts:
        return None
    scan_round = services.create_round(
        coalition,
        acting_user=user,
        instrument_key="pulse",
        title="Pulscheck (benchmark)",
        anonymous=True,
        closes_on=timezone.localdate() + datetime.timedelta(days=14),
        contacts=contacts,
    )
    with mail_outbox():
        services.open_round(scan_round, acting_user=user)
    respondent = scan_round.respondents.order_by("pk").first()
    return respondent.link_token if respondent else None


@contextmanager
def mail_outbox() -> Iterator[None]:
    """Invitations go to Django's in-memory outbox, never to anyone's inbox."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        yield


def page_paths(subject: Subject) -> Iterator[tuple[str, str | None, str]]:
    """(label, path or None, note) of every main page."""
    for label, name, target in PAGES:
        kwargs: dict[str, Any] = {}
        if target == "coalition":
            kwargs = {"coalition": subject.coalition.uuid}
        elif target == "partner":
            kwargs = {"coalition": subject.coalition.uuid, "partner": subject.partner.uuid}
        elif target == "instrument":
            kwargs = {"coalition": subject.coalition.uuid, "instrument": INSTRUMENT}
        elif target == "feed":
            if subject.feed is None:
                yield label, None, "The person has no calendar feed."
                continue
            kwargs = {"feed": subject.feed}
        elif target in ("meeting", "evaluation"):
            if target not in subject.objects:
                yield label, None, f"The focus coalition has no {target} to measure."
                continue
            kwargs = {"coalition": subject.coalition.uuid, target: subject.objects[target]}
        elif target in ("finder", "finder-filtered", "finder-activity"):
            if subject.finder is None:
                yield label, None, "The focus coalition has no public finder."
                continue
            kwargs = {"finder": subject.finder}
            if target == "finder-activity":
                kwargs["activity"] = subject.objects.get("activity")
            if target == "finder-filtered":
                query = f"?wijk={subject.objects.get('wijk')}&dag={FINDER_DAY}"
                yield label, reverse(name, kwargs=kwargs) + query, ""
                continue
        elif target == "round":
            if subject.round is None:
                yield label, None, "The focus coalition has no closed round to measure."
                continue
            kwargs = {"coalition": subject.coalition.uuid, "round": subject.round.uuid}
        try:
            yield label, reverse(name, kwargs=kwargs), ""
        except NoReverseMatch:
            yield label, None, f"URL '{name}' does not exist (yet)."


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        else:
            yield route, entry


_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _concrete(route: str, subject: Subject) -> str | None:
    """A path for a route whose only parameters are the coalition and/or the partner."""
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("/?", "/")
    params = _ROUTE_PARAM.findall(route) + _REGEX_PARAM.findall(route)
    values = {p: subject.value_for(p, route) for p in params}
    if any(v is None for v in values.values()):
        return None  # a detail route (its own uuid) or a format suffix: not a list
    path = _REGEX_PARAM.sub(lambda m: values[m.group(1)] or "", route)
    path = _ROUTE_PARAM.sub(lambda m: values[m.group(1)] or "", path)
    if re.search(r"[()\[\]?*+\\|{}]", path):
        return None
    return "/" + path


def api_paths(subject: Subject) -> list[tuple[str, str]]:
    """Every GET route under /api/v1/ whose only parameters are the coalition and the partner:
    the lists, plus the coalition's and the partner's own detail. Found in the URL configuration,
    so routes added later are measured without changing the benchmark."""
    found: dict[str, str] = {}
    for route, pattern in _walk(get_resolver().url_patterns):
        plain = route.replace("^", "")
        if not plain.startswith(API_PREFIX) or any(word in plain for word in API_IGNORED):
            continue
        if pattern.name == "api_not_found":  # the 404 problem for paths that name no endpoint
            continue
        path = _concrete(route, subject)
        if path is None:
            continue
        try:
            resolve(path)
        except Resolver404:
            continue
        route_label = _label(plain[len(API_PREFIX) :])
        if route_label in API_QUERIES:
            path += "?" + API_QUERIES[route_label]
        label = "api " + route_label
        found.setdefault(path, label)
    return sorted(((label, path) for path, label in found.items()), key=lambda item: item[1])


def _label(route: str) -> str:
    """'coalitions/<uuid:coalition>/partners/' -> 'coalitions/{coalition}/partners/'."""
    route = _REGEX_PARAM.sub(r"{\1}", route)
    route = _ROUTE_PARAM.sub(r"{\1}", route)
    return route.replace("^", "").replace("$", "").replace("/?", "/") or "(root)"


def missing_api(api: list[tuple[str, str]]) -> list[str]:
    """Expected API lists that no discovered route provides yet."""
    segments = [
        {s for s in re.split(r"[/{}]", label.removeprefix("api ")) if s} for label, _path in api
    ]
    return [
        name
        for name, words in EXPECTED_API.items()
        if not any(set(words) & found for found in segments)
    ]


def count_queries(client: Client, label: str, path: str | None, note: str = "") -> PageResult:
    result = PageResult(label=label, path=path, note=note)
    if path is None:
        return result
    headers = {"Accept": "application/json"} if path.startswith("/" + API_PREFIX) else {}
    try:
        client.get(path, headers=headers)  # warm-up: first-request caches are not the page's cost
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, headers=headers)
    except Exception as error:  # a page that crashes is reported, not fatal to the run
        result.error = f"{type(error).__name__}: {error}"
        return result
    result.status = response.status_code
    result.queries = len(captured.captured_queries)
    result.sql = [q["sql"] for q in captured.captured_queries]
    if response.status_code == 405:
        result.note = "No GET on this route."
    elif response.status_code != 200:
        result.error = f"HTTP {response.status_code}"
    return result


def _production_render(self: Template, context: Context) -> SafeString:
    """Django's own `Template._render` (django/template/base.py), which the test environment
    replaces with one that also sends `template_rendered`."""
    return self.nodelist.render(context)


@contextmanager
def production_rendering() -> Iterator[None]:
    """Template rendering as in production: the test environment wraps every render to send
    `template_rendered`, to which the test client answers by copying the context, which costs
    time per rendered (also included) template. (Until December 2026 this looked for a
    `Template._original_render` that Django does not have, and so measured the wrapped
    rendering.)"""
    # `_render` is a Django internal (django.test.utils replaces it), not in the stubs.
    instrumented = getattr(Template, "_render")  # noqa: B009
    setattr(Template, "_render", _production_render)  # noqa: B010
    try:
        yield
    finally:
        setattr(Template, "_render", instrumented)  # noqa: B010


@dataclass(frozen=True)
class Clients:
    """Who requests a page: the measured person, a visitor without an account (`ANONYMOUS`),
    and the member of the handling organisation (`HANDLER_PAGES`)."""

    member: Client
    visitor: Client
    handler: Client | None = None
    others: dict[str, Client] = field(default_factory=dict)  # pages requested by another person

    def for_label(self, label: str) -> Client:
        if label in self.others:
            return self.others[label]
        if label in ANONYMOUS:
            return self.visitor
        if self.handler is not None and (
            label in HANDLER_PAGES or label.startswith(HANDLER_PREFIXES)
        ):
            return self.handler
        return self.member


class VisitorClient(Client):
    """A visitor without an account whose every request comes from another address. The open
    data allows 60 requests a minute per address (`OpenDataThrottle`), fewer than the benchmark
    makes; each request still takes a slot of the throttle, as a new visitor's does."""

    requests_made = 0

    def request(self, **request: Any) -> Any:
        VisitorClient.requests_made += 1
        n = VisitorClient.requests_made
        request.setdefault("REMOTE_ADDR", f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}")
        return super().request(**request)


def verified_client(user: User) -> Client:
    """A signed-in client whose session passed the second factor, as after the code page: the
    pages of a signal ask for it."""
    client = Client()
    client.force_login(user)
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Benchmark")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def server_times(
    clients: Clients, paths: dict[str, str], repeat: int, warmup: int
) -> dict[str, dict[str, float]]:
    """Median (and spread) of `repeat` GETs per path, in milliseconds, each by the client that
    `clients` names for it.

    The paths take turns (round-robin) rather than one after the other, so that a busy moment on
    the machine slows all of them alike and the ratio to the trivial view stays fair.
    """
    by_label = {label: clients.for_label(label) for label in paths}
    samples: dict[str, list[float]] = {label: [] for label in paths}
    with production_rendering():
        for _ in range(warmup):
            for label, path in paths.items():
                by_label[label].get(path)
        for _ in range(repeat):
            for label, path in paths.items():
                started = time.perf_counter()
                response = by_label[label].get(path)
                samples[label].append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered HTTP {response.status_code}")
    return {
        label: {
            "median_ms": statistics.median(values),
            "min_ms": min(values),
            "p90_ms": sorted(values)[max(0, math.ceil(len(values) * 0.9) - 1)],
        }
        for label, values in samples.items()
    }
