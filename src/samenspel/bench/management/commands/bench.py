"""`samenspel bench`: queries per page and server time at a small and at a national scale.

Runs on a throwaway database made by Django's test-database machinery (a temporary SQLite file,
or `test_<name>` next to the PostgreSQL database that DATABASE_URL names), so the developer's
data is never touched. Exits non-zero when a page fails or when a page's number of queries
differs between the scales: a count that grows with the database is an N+1 in the making.
"""

from __future__ import annotations

import datetime
import gc
import json
import logging
import os
import platform
import secrets
import sqlite3
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Membership, NationalRole, Role, User
from samenspel.activities.models import Activity, ActivityTargetGroup, ReachRecord, TimeSlot
from samenspel.advice.measure import time_advice
from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    PartnerAgreement,
    ProcessStep,
    Signatory,
)
from samenspel.bench import measure, synthetic
from samenspel.bench.importing import IMPORT_ROWS, time_import
from samenspel.coalitions.models import ChecklistItem, Coalition, Neighbourhood, PhaseChange
from samenspel.core.models import AuditEvent
from samenspel.demo.data import load_demo
from samenspel.evaluations.models import Evaluation, EvaluationMoment
from samenspel.funding.models import FundingSource
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
)
from samenspel.monitoring.models import LonelinessEstimate
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent
from samenspel.scans.models import Respondent, Response, Round
from samenspel.signals.models import Signal
from samenspel.workspace.warming import warm_overviews

# The advice (all rules over one coalition's snapshot) should feel instant on a page.
ADVICE_LIMIT_MS = 100.0
ADVICE_REPEAT = 20
DEMO_COALITION = "Samen Dijkerveen"
FOCUS_POSITION = 0  # the measured coalition: the first one, pinned to the same size at every scale
SECOND_POSITION = 1  # the coalition the measured person also advises
SECOND_PARTNERS = 10
# Pages across coalitions, requested by one person who advises every generated coalition and
# holds the national programme's role: the portfolio and the national figures over all of them.
ACROSS_PAGES = {
    "portfolio (advisor of every coalition)": "portfolio:overview",
    "national view": "workspace:national",
    "trivial page (advisor of every coalition)": "about",  # their header lists many coalitions
}


class Command(BaseCommand):
    help = (
        "Meet queries per pagina en servertijd op kleine en landelijke schaal "
        "(op een wegwerpdatabase)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", default="bench/results.json", help="JSON-bestand met de resultaten."
        )
        parser.add_argument(
            "--small", default="2x50", help="Kleine schaal: COALITIESxPARTNERS (standaard 2x50)."
        )
        parser.add_argument(
            "--national",
            default="350x15000",
            help="Landelijke schaal: COALITIESxPARTNERS (standaard 350x15000).",
        )
        parser.add_argument(
            "--focus-partners",
            type=int,
            default=40,
            help="Partners van de gemeten coalitie (standaard 40).",
        )
        parser.add_argument(
            "--repeat", type=int, default=30, help="Gemeten verzoeken per pagina (standaard 30)."
        )
        parser.add_argument(
            "--warmup", type=int, default=3, help="Opwarmverzoeken per pagina (standaard 3)."
        )
        parser.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["repeat"] < 1 or options["warmup"] < 0:
            raise CommandError("--repeat must be at least 1 and --warmup at least 0.")
        scales = {"small": _scale(options["small"]), "national": _scale(options["national"])}
        pinned = (options["focus_partners"], SECOND_PARTNERS)
        today = timezone.localdate()  # the same day at both scales, even across midnight

        # The test client loads the middleware; without collected static files WhiteNoise warns.
        warnings.filterwarnings("ignore", message="No directory at")
        report: dict[str, Any] = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        }
        measured: dict[str, dict[str, Any]] = {}
        with ThrowawayDatabase(self.stdout.write):
            report["machine"] = _machine()
            for name, (n_coalitions, n_partners) in scales.items():
                self.stdout.write(
                    f"Scale '{name}': generating {n_coalitions} coalitions, {n_partners} partners…"
                )
                synthetic.delete_synthetic_data()
                try:
                    generated = synthetic.generate(
                        n_coalitions,
                        n_partners,
                        seed=options["seed"],
                        pinned=pinned,
                        today=today,
                    )
                except ValueError as error:
                    raise CommandError(f"Scale '{name}': {error}") from error
                self.stdout.write(f"  generated in {generated.seconds:.1f} s; measuring…")
                _refresh_statistics()
                second = (
                    generated.coalition_ids[SECOND_POSITION]
                    if len(generated.coalition_ids) > SECOND_POSITION
                    else None
                )
                subject = measure.prepare_subject(generated.coalition_ids[FOCUS_POSITION], second)
                across = _across_client(generated.coalition_ids)
                measured[name] = self._measure(
                    subject, options["repeat"], options["warmup"], across
                )
                measured[name]["generation_seconds"] = round(generated.seconds, 2)
                measured[name]["parameters"] = {"coalitions": n_coalitions, "partners": n_partners}
            self.stdout.write(f"Importing {IMPORT_ROWS:,} activity rows (CSV and .xlsx)…")
            imported = time_import(subject.coalition, subject.user)
            demo_ms = self._demo_advice_ms()

        report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        report.update(_assemble(measured, options, demo_advice_ms=demo_ms))
        report["import"] = imported
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        self._print(report)
        self.stdout.write(f"Results written to {output}.")

        problems = [f"{page}: {error}" for page, error in report["errors"].items()]
        problems += [
            f"import ({kind}): {row['created']} of {IMPORT_ROWS} rows created"
            for kind, row in imported.items()
            if row["created"] != IMPORT_ROWS
        ]
        problems += [
            f"{page}: query counts differ"
            for page, row in report["queries"].items()
            if row["equal"] is False
        ]
        if problems:
            raise CommandError("Benchmark failed:\n  " + "\n  ".join(problems))

    def _demo_advice_ms(self) -> float | None:
        """The advice for the demo coalition, loaded into the throwaway database next to the
        synthetic data (the advice reads one coalition, so the neighbours do not matter)."""
        self.stdout.write(f"Loading the demo to time the advice for '{DEMO_COALITION}'…")
        with measure.mail_outbox():
            load_demo(secrets.token_urlsafe(16))
        coalition = Coalition.objects.across_coalitions().filter(name=DEMO_COALITION).first()
        if coalition is None:
            self.stdout.write(f"  the demo has no coalition '{DEMO_COALITION}': not timed")
            return None
        return time_advice(coalition, repeat=ADVICE_REPEAT)

    def _measure(
        self, subject: measure.Subject, repeat: int, warmup: int, across: Client
    ) -> dict[str, Any]:
        # 4xx answers (a POST-only route probed with GET) are reported in the results, not logged.
        request_log = logging.getLogger("django.request")
        level = request_log.level
        request_log.setLevel(logging.ERROR)
        # Generating a national scale leaves some 400,000 objects of garbage in this process; an
        # app server never carries them. Collect them and freeze what survives (as the production
        # server does after preloading the app), so no page is charged for the generator's heap.
        gc.collect()
        gc.freeze()
        try:
            return self._measure_pages(subject, repeat, warmup, across)
        finally:
            gc.unfreeze()
            request_log.setLevel(level)

    def _measure_pages(
        self, subject: measure.Subject, repeat: int, warmup: int, across: Client
    ) -> dict[str, Any]:
        client = Client()
        client.force_login(subject.user)
        clients = measure.Clients(
            member=client,
            # Residents use the public pages (and the open data) without an account.
            visitor=measure.VisitorClient(),
            handler=measure.verified_client(subject.handler) if subject.handler else None,
            others=dict.fromkeys(ACROSS_PAGES, across),
        )
        pages = [
            measure.count_queries(clients.for_label(label), label, path, note)
            for label, path, note in measure.page_paths(subject)
        ]
        api = measure.api_paths(subject)
        pages += [
            measure.count_queries(clients.for_label(label), label, path) for label, path in api
        ]

        # As in production, where the timer `warm_overviews` computes each coalition's summary
        # ahead (workspace/warming.py); the first request after it is reported apart.
        started = time.perf_counter()
        warm_overviews()
        warmed_seconds = round(time.perf_counter() - started, 1)
        across_paths = {label: reverse(name) for label, name in ACROSS_PAGES.items()}
        cold = {label: _cold_ms(across, path) for label, path in across_paths.items()}
        pages += [
            measure.count_queries(across, label, path) for label, path in across_paths.items()
        ]

        timed = {"healthz": reverse("healthz"), "trivial page": reverse("about")}
        for label in [*measure.TIMED, *measure.TIMED_WHEN_PRESENT]:
            page = next((p for p in pages if p.label == label), None)
            if page is not None and page.path is not None and page.status == 200:
                timed[label] = page.path
        timed.update(across_paths)
        timings = measure.server_times(clients, timed, repeat, warmup)
        return {
            "rows": _row_counts(),
            "focus": _focus(subject),
            "pages": pages,
            "missing_api": measure.missing_api(api),
            "timings": timings,
            "across_cold_ms": cold,
            "warm_overviews_seconds": warmed_seconds,
            "advice_ms": time_advice(subject.coalition, repeat=ADVICE_REPEAT),
        }

    def _print(self, report: dict[str, Any]) -> None:
        scales = list(report["scales"])
        self.stdout.write("")
        self.stdout.write(
            "Rows: "
            + "; ".join(
                f"{name}: "
                + ", ".join(
                    f"{v} {k.replace('_', ' ')}" for k, v in report["scales"][name]["rows"].items()
                )
                for name in scales
            )
        )
        self.stdout.write("")
        self.stdout.write(
            f"{'queries per request':60}" + "".join(f"{s:>10}" for s in scales) + "  equal"
        )
        for page, row in report["queries"].items():
            cells = "".join(f"{_cell(row[s]):>10}" for s in scales)
            self.stdout.write(f"{page[:60]:60}{cells}  {_yes(row['equal'])}")
        for note in report["skipped"]:
            self.stdout.write(f"  skipped: {note}")
        self.stdout.write("")
        self.stdout.write(
            f"{'server time, ms: median (x trivial view) min':44}"
            + "".join(f"{s:>30}" for s in scales)
        )
        for page, row in report["server_time"].items():
            cells = "".join(_time_cell(row[s]) for s in scales)
            self.stdout.write(f"{page:44}{cells}")
        self.stdout.write("")
        advice = report["advice"]
        self.stdout.write(
            f"advice (advice.measure.time_advice), median ms, limit {advice['limit_ms']:.0f} ms:"
        )
        for label, value in advice["median_ms"].items():
            verdict = "-" if value is None else ("ok" if value < advice["limit_ms"] else "TOO SLOW")
            shown = "-" if value is None else f"{value:.1f}"
            self.stdout.write(f"  {label:44}{shown:>10}  {verdict}")
        if not advice["under_limit"]:
            self.stdout.write(
                self.style.WARNING(
                    f"WARNING: the advice took {advice['limit_ms']:.0f} ms or more "
                    "(see above); not a failure of the benchmark, but it should be looked at."
                )
            )
        self.stdout.write("")
        self.stdout.write("import of activities into the measured coalition, seconds:")
        for kind, row in report["import"].items():
            self.stdout.write(
                f"  {kind:5} {row['rows']:>6} rows, {row['bytes'] / 1e6:.1f} MB: preview "
                f"{row['preview_s']:.1f}, commit {row['commit_s']:.1f}, total {row['total_s']:.1f}"
                f" ({row['created']} created, {row['errors']} rows with errors)"
            )
        self.stdout.write("")


def _across_client(coalition_ids: list[int]) -> Client:
    """A person who advises every coalition and holds the national programme's role."""
    user = User.objects.create(
        email=f"across-{len(coalition_ids)}@bench.example",
        full_name="Adviseur en programma",
        password=make_password(None),
        national_role=NationalRole.PROGRAMME,
    )
    Membership.objects.bulk_create(
        Membership(user=user, coalition_id=cid, role=Role.ADVISOR) for cid in coalition_ids
    )
    client = Client()
    client.force_login(user)
    return client


def _cold_ms(client: Client, path: str) -> float:
    """The first request: it computes (and caches) what each coalition's data give."""
    started = time.perf_counter()
    response = client.get(path)
    if response.status_code != 200:
        raise CommandError(f"{path} answered HTTP {response.status_code}")
    return round((time.perf_counter() - started) * 1000, 1)


def _scale(text: str) -> tuple[int, int]:
    try:
        coalitions, partners = (int(part) for part in text.lower().split("x"))
    except ValueError as error:
        raise CommandError(
            f"Give a scale as COALITIONSxPARTNERS, e.g. 350x15000, not {text!r}."
        ) from error
    return coalitions, partners


class ThrowawayDatabase:
    """A fresh, migrated test database for the duration of the run; destroyed afterwards."""

    def __init__(self, write: Any) -> None:
        self.write = write
        self.tempdir: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> str:
        setup_test_environment(debug=False)
        self.old_name = connection.settings_dict["NAME"]
        test_settings = connection.settings_dict.setdefault("TEST", {})
        self.old_test_name = test_settings.get("NAME")
        if connection.vendor == "sqlite" and not self.old_test_name:
            # A file rather than an in-memory database: closer to how SQLite is really used.
            self.tempdir = tempfile.TemporaryDirectory(prefix="samenspel-bench-")
            test_settings["NAME"] = os.path.join(self.tempdir.name, "bench.sqlite3")
        self.write(f"Creating a throwaway {connection.vendor} database…")
        return connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

    def __exit__(self, *exc: object) -> None:
        try:
            connection.creation.destroy_test_db(self.old_name, verbosity=0)
        finally:
            connection.settings_dict["TEST"]["NAME"] = self.old_test_name
            if self.tempdir:
                self.tempdir.cleanup()
            teardown_test_environment()


def _refresh_statistics() -> None:
    """After a bulk load PostgreSQL's autovacuum soon vacuums and analyses the new tables, using
    CPU while we measure and changing the query plans halfway. Do it now, so the measurement sees
    the settled state of a database in use. (SQLite has no such background work: it is measured
    as it is used, unanalysed.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _machine() -> dict[str, Any]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    else:
        version = sqlite3.sqlite_version if connection.vendor == "sqlite" else ""
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": {"vendor": connection.vendor, "version": version},
        "cpu_count": os.cpu_count(),
        # Other work on the machine makes times noisy: the load when the run started says how much.
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "cpu": _cpu_model(),
        "platform": platform.platform(),
        "settings": os.environ.get("DJANGO_SETTINGS_MODULE", ""),
        "debug": settings.DEBUG,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _row_counts() -> dict[str, int]:
    return {
        "coalitions": Coalition.objects.across_coalitions().count(),
        "partners": Partner.objects.across_coalitions().count(),
        "contacts": ContactPerson.objects.across_coalitions().count(),
        "events": PartnerEvent.objects.across_coalitions().count(),
        "checklist_items": ChecklistItem.objects.across_coalitions().count(),
        "phase_changes": PhaseChange.objects.across_coalitions().count(),
        "audit_events": AuditEvent.objects.across_coalitions().count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.across_coalitions().count(),
        "scan_rounds": Round.objects.across_coalitions().count(),
        "respondents": Respondent.objects.across_coalitions().count(),
        "responses": Response.objects.across_coalitions().count(),
        "answers": _answer_count(Response.objects.across_coalitions().all()),
        "ambition_versions": AmbitionVersion.objects.across_coalitions().count(),
        "agreements": PartnerAgreement.objects.across_coalitions().count(),
        "process_steps": ProcessStep.objects.across_coalitions().count(),
        "covenants": Covenant.objects.across_coalitions().count(),
        "signatories": Signatory.objects.across_coalitions().count(),
        "bodies": Body.objects.across_coalitions().count(),
        "meetings": Meeting.objects.across_coalitions().count(),
        "agenda_items": AgendaItem.objects.across_coalitions().count(),
        "attendance": Attendance.objects.across_coalitions().count(),
        "decisions": Decision.objects.across_coalitions().count(),
        "action_items": ActionItem.objects.across_coalitions().count(),
        "funding_sources": FundingSource.objects.across_coalitions().count(),
        "evaluation_moments": EvaluationMoment.objects.across_coalitions().count(),
        "evaluations": Evaluation.objects.across_coalitions().count(),
        "neighbourhoods": Neighbourhood.objects.across_coalitions().count(),
        "activities": Activity.objects.across_coalitions().count(),
        "activity_target_groups": ActivityTargetGroup.objects.across_coalitions().count(),
        "time_slots": TimeSlot.objects.across_coalitions().count(),
        "reach_records": ReachRecord.objects.across_coalitions().count(),
        "loneliness_estimates": LonelinessEstimate.objects.count(),
        "signals": Signal.objects.across_coalitions().count(),
    }


def _answer_count(responses: Any) -> int:
    """Item values inside `Response.answers` (a "don't know" counts: it is an answer too)."""
    return sum(
        len(answers)
        for answers in responses.values_list("answers", flat=True).iterator(chunk_size=5000)
        if isinstance(answers, dict)
    )


def _focus(subject: measure.Subject) -> dict[str, Any]:
    coalition = subject.coalition
    return {
        "position": FOCUS_POSITION,
        "name": coalition.name,
        "partners": coalition.partners.count(),
        "contacts": ContactPerson.objects.across_coalitions()
        .filter(partner__coalition=coalition)
        .count(),
        "events": PartnerEvent.objects.across_coalitions()
        .filter(partner__coalition=coalition)
        .count(),
        "checklist_items": coalition.checklist_items.count(),
        "audit_events": coalition.audit_events.count(),
        "detail_partner": subject.partner.name,
        "scan_rounds": coalition.scan_rounds.count(),
        "responses": Response.objects.across_coalitions()
        .filter(round__coalition=coalition)
        .count(),
        "answers": _answer_count(
            Response.objects.across_coalitions().filter(round__coalition=coalition)
        ),
        "results_round": subject.round.title if subject.round else None,
        "ambition_versions": coalition.ambition_versions.count(),
        "agreements": coalition.partner_agreements.count(),
        "process_steps": coalition.process_steps.count(),
        "signatories": Signatory.objects.across_coalitions()
        .filter(covenant__coalition=coalition)
        .count(),
        "bodies": coalition.bodies.count(),
        "meetings": coalition.meetings.count(),
        "agenda_items": AgendaItem.objects.across_coalitions()
        .filter(meeting__coalition=coalition)
        .count(),
        "decisions": Decision.objects.across_coalitions()
        .filter(meeting__coalition=coalition)
        .count(),
        "action_items": ActionItem.objects.across_coalitions()
        .filter(meeting__coalition=coalition)
        .count(),
        "funding_sources": coalition.funding_sources.count(),
        "evaluations": coalition.evaluations.count(),
        "signals": coalition.signals.count(),
        "signals_of_handler": Signal.objects.across_coalitions()
        .filter(holder__memberships__user=subject.handler)
        .count(),
        "detail_objects": subject.objects,
    }


def _advice(measured: dict[str, dict[str, Any]], demo_advice_ms: float | None) -> dict[str, Any]:
    timings: dict[str, float | None] = {
        f"focus coalition ({scale})": measured[scale].get("advice_ms") for scale in measured
    }
    timings[f"demo coalition ({DEMO_COALITION})"] = demo_advice_ms
    rounded = {label: None if v is None else round(v, 2) for label, v in timings.items()}
    return {
        "limit_ms": ADVICE_LIMIT_MS,
        "repeat": ADVICE_REPEAT,
        "median_ms": rounded,
        "under_limit": all(v < ADVICE_LIMIT_MS for v in timings.values() if v is not None),
    }


def _assemble(
    measured: dict[str, dict[str, Any]],
    options: dict[str, Any],
    *,
    demo_advice_ms: float | None = None,
) -> dict[str, Any]:
    scales = list(measured)
    queries: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    skipped: list[str] = []
    differences: dict[str, dict[str, list[str]]] = {}
    labels: list[str] = []
    for scale in scales:
        labels += [p.label for p in measured[scale]["pages"] if p.label not in labels]
    for label in labels:
        by_scale = {
            s: next((p for p in measured[s]["pages"] if p.label == label), None) for s in scales
        }
        row: dict[str, Any] = {
            "path": next((p.path for p in by_scale.values() if p and p.path), None)
        }
        for scale, page in by_scale.items():
            row[scale] = page.queries if page and page.status == 200 else None
            if page and page.error:
                errors[f"{label} ({scale})"] = page.error
            if page and page.note and f"{label}: {page.note}" not in skipped:
                skipped.append(f"{label}: {page.note}")
        counts = [row[s] for s in scales]
        row["equal"] = None if None in counts else len(set(counts)) == 1
        if row["equal"] is False:
            differences[label] = {s: by_scale[s].sql for s in scales if by_scale[s]}  # type: ignore[union-attr]
        if all(row[s] is None for s in scales) and not any(
            p and p.error for p in by_scale.values()
        ):
            continue  # skipped everywhere: listed under "skipped"
        queries[label] = row
    for scale in scales:
        for name in measured[scale]["missing_api"]:
            note = f"api {name}: no route under /api/v1/ yet"
            if note not in skipped:
                skipped.append(note)

    server_time: dict[str, dict[str, Any]] = {}
    for label in [
        "healthz",
        "trivial page",
        *measure.TIMED,
        *measure.TIMED_WHEN_PRESENT,
        *ACROSS_PAGES,
    ]:
        server_time[label] = {}
        for scale in scales:
            timings = measured[scale]["timings"]
            value = timings.get(label)
            server_time[label][scale] = (
                None
                if value is None
                else {
                    "median_ms": round(value["median_ms"], 3),
                    "ratio_to_trivial": round(
                        value["median_ms"] / timings["trivial page"]["median_ms"], 1
                    ),
                    "ratio_to_healthz": round(
                        value["median_ms"] / timings["healthz"]["median_ms"], 1
                    ),
                    "min_ms": round(value["min_ms"], 3),
                    "p90_ms": round(value["p90_ms"], 3),
                }
            )

    return {
        "method": {
            "database": "fresh throwaway database per run (Django test-database machinery), "
            "synthetic data from samenspel.bench.synthetic",
            "subject": "the coordinator of the coalition at position 0, pinned to "
            f"{options['focus_partners']} partners at every scale (with its seed, its content "
            "is identical at every scale); they also advise the coalition at position 1 "
            f"({SECOND_PARTNERS} partners), so the home page lists two coalitions instead of "
            "redirecting",
            "queries": "SQL queries of one GET through django.test.Client after one warm-up GET",
            "statistics": "VACUUM ANALYZE after generating on PostgreSQL (as autovacuum "
            "would soon after a bulk load); none on SQLite",
            "server_time": f"median of {options['repeat']} GETs per page after "
            f"{options['warmup']} warm-ups, time.perf_counter around Client.get "
            "(middleware, view, queries and template rendering); "
            "the pages take turns so that load on the machine affects them alike; "
            "ratio_to_trivial = median / median of the trivial page in the same scale: /over/, "
            "a static page in the base layout (session, user, menu; nothing of its own); "
            "ratio_to_healthz = median / median of /healthz, a plain-text response without "
            "templates; template instrumentation of the test environment is switched off "
            "while timing, as in production",
            "advice": "median of "
            f"{ADVICE_REPEAT} runs of samenspel.advice.measure.time_advice (snapshot queries, "
            "scoring, every rule, dismissals) after one warm-up, for the focus coalition at each "
            f"scale and for the demo coalition '{DEMO_COALITION}' (loaded with "
            "samenspel.demo.data.load_demo into the same throwaway database after the national "
            f"scale); should stay under {ADVICE_LIMIT_MS:.0f} ms (reported, not a failure)",
            "scans": "every coalition has the scan rounds of samenspel.bench.synthetic.SCAN_PLAN; "
            "the results page is measured for the focus coalition's latest closed round of the "
            "five conditions, the trend for the five conditions; the respondent route with the "
            "link of an open pulse round made through the services at every scale",
            "across": "the pages across coalitions are requested by one person who advises every "
            "generated coalition and holds the national programme's role; as in production, "
            "warm_overviews first computes each coalition's summary under its data version "
            "(warm_overviews_seconds), then the first request of each page (across_cold_ms) comes "
            "before the query count and the timing; 'trivial page (advisor of every coalition)' "
            "is the trivial page for that person, whose header lists their coalitions",
            "seed": options["seed"],
        },
        "scales": {
            s: {
                "parameters": measured[s]["parameters"],
                "generation_seconds": measured[s]["generation_seconds"],
                "across_cold_ms": measured[s].get("across_cold_ms", {}),
                "warm_overviews_seconds": measured[s].get("warm_overviews_seconds"),
                "rows": measured[s]["rows"],
                "focus_coalition": measured[s]["focus"],
            }
            for s in scales
        },
        "queries": queries,
        "all_queries_equal": all(row["equal"] is not False for row in queries.values()),
        "skipped": skipped,
        "errors": errors,
        "query_differences": differences,
        "server_time": server_time,
        "advice": _advice(measured, demo_advice_ms),
    }


def _time_cell(value: dict[str, float] | None) -> str:
    if value is None:
        return f"{'-':>30}"
    return (
        f"{value['median_ms']:>12.2f} ({value['ratio_to_trivial']:>5.1f}x) {value['min_ms']:>8.2f}"
    )


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def _yes(equal: bool | None) -> str:
    return {True: "yes", False: "NO", None: "-"}[equal]
