"""Real-browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
`live_server`, with axe-core for automated WCAG 2.1 AA checks.

- One Chromium per session; a fresh context (cookies, storage) and page per test.
- Data: the demo coalitions (`load_demo`), fresh for every test because `live_server` needs
  `transactional_db`, which empties the tables after each test. On the in-memory SQLite test
  database the loaded demo is copied once and restored from that copy (milliseconds); on
  PostgreSQL (`DATABASE_URL`) it is rebuilt each time (about half a second).
- Helpers (URLs, logging in, keyboard navigation, axe-core) live in `helpers.py`.
- `SAMENSPEL_CHROMIUM` overrides the browser (default /usr/bin/chromium); with
  `SAMENSPEL_AXE_REPORT=path.json` every axe finding of the run is also written to a file.
- Every test module sets `pytestmark = pytest.mark.browser`; `make test` runs them separately.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

from samenspel.tests.browser.helpers import (
    AXE_RESULTS,
    DEMO_PASSWORD,
    Demo,
    format_violations,
    log_in_as,
)

CHROMIUM = os.environ.get("SAMENSPEL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Expect's default of 5 s is plenty on a quiet machine; a loaded CI box gets some slack.
EXPECT_TIMEOUT_MS = 10_000


# --- browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    # Playwright's sync API runs an event loop in the test thread, which makes Django refuse ORM
    # calls there (SynchronousOnlyOperation). The tests' own ORM calls (fixtures, assertions on
    # the database) are plain synchronous code, so allow them, for the browser tests only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        yield playwright
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def chromium(playwright_instance: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}; run `make chromium` (apt-get install chromium)."
        )
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@dataclass
class PageProblems:
    """What went wrong while a page was open: failed requests to our own origin, script errors."""

    failed_responses: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def _new_context(browser: Browser, base_url: str, *, bypass_csp: bool) -> BrowserContext:
    context = browser.new_context(
        base_url=base_url,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport={"width": 1280, "height": 900},
        # axe is injected with a <script> tag; the site's CSP only admits scripts with a nonce.
        bypass_csp=bypass_csp,
    )
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    context.set_default_navigation_timeout(15_000)
    return context


@pytest.fixture
def context(chromium: Browser, live_server: Any) -> Iterator[BrowserContext]:
    context = _new_context(chromium, live_server.url, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(context: BrowserContext, live_server: Any, page_problems: PageProblems) -> Iterator[Page]:
    """A page that fails the test afterwards if a stylesheet, script or page of our own origin
    answered with an error (a 404 on the CSS would make the contrast checks meaningless) or if a
    script threw."""
    page = context.new_page()

    def on_response(response: Any) -> None:
        if (
            response.url.startswith(live_server.url)
            and response.status >= 400
            and response.request.resource_type in {"stylesheet", "script", "image", "font"}
        ):
            page_problems.failed_responses.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: page_problems.page_errors.append(str(error)))
    yield page
    assert not page_problems.failed_responses, (
        "Assets of our own origin failed to load:\n" + "\n".join(page_problems.failed_responses)
    )
    assert not page_problems.page_errors, "Script errors on the page:\n" + "\n".join(
        page_problems.page_errors
    )


@pytest.fixture
def strict_context(chromium: Browser, live_server: Any) -> Iterator[BrowserContext]:
    """A context that honours the Content Security Policy (for checking the CSP itself)."""
    context = _new_context(chromium, live_server.url, bypass_csp=False)
    yield context
    context.close()


@pytest.fixture(autouse=True)
def _expect_timeout() -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


# --- data -------------------------------------------------------------------------------------


def _restore_municipalities() -> None:
    """The municipality register is loaded by a data migration; `transactional_db` flushes it
    after every test, so put it back (the demo needs its fictional GM9901 and GM9902)."""
    from samenspel.coalitions.models import Municipality
    from samenspel.coalitions.municipalities import BUNDLED, read_rows

    if Municipality.objects.filter(code__in=["GM9901", "GM9902"]).count() == 2:
        return
    for code, name, fictional in read_rows(BUNDLED.read_bytes()):
        Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "is_fictional": fictional}
        )


# A copy of the freshly loaded demo, to restore in milliseconds instead of rebuilding it for every
# test (only for the in-memory SQLite test database; PostgreSQL rebuilds it each time).
_demo_snapshot: sqlite3.Connection | None = None


def _load_demo() -> None:
    global _demo_snapshot
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from samenspel.demo.data import load_demo

    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if in_memory and _demo_snapshot is not None:
        connection.ensure_connection()
        _demo_snapshot.backup(connection.connection)
        ContentType.objects.clear_cache()  # the flush recreated content types with other ids
        return
    _restore_municipalities()
    load_demo(DEMO_PASSWORD)
    if in_memory:
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _demo_snapshot = snapshot


@pytest.fixture
def demo(transactional_db: None) -> Demo:
    """The two demo coalitions with all their partners, members and history."""
    from django.core.cache import cache

    cache.clear()
    _load_demo()
    return Demo(password=DEMO_PASSWORD)


# --- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def login_as(context: BrowserContext, live_server: Any, demo: Demo) -> Callable[[str], None]:
    return lambda email: log_in_as(context, live_server, email)


@pytest.fixture
def coordinator_page(page: Page, login_as: Callable[[str], None], demo: Demo) -> Page:
    login_as(demo.coordinator)
    return page


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """List every axe finding of the run (also the moderate and minor ones that do not fail)."""
    found = [entry for entry in AXE_RESULTS if entry["violations"]]
    if not AXE_RESULTS:
        return
    terminalreporter.section("axe-core findings")
    if not found:
        terminalreporter.write_line(
            f"No WCAG 2.1 AA violations on {len(AXE_RESULTS)} checked page(s)."
        )
    for entry in found:
        terminalreporter.write_line(f"{entry['page']}:")
        terminalreporter.write_line(format_violations(entry["violations"]))
    report = os.environ.get("SAMENSPEL_AXE_REPORT")
    if report:
        Path(report).write_text(
            json.dumps(AXE_RESULTS, indent=2, ensure_ascii=False), encoding="utf-8"
        )
