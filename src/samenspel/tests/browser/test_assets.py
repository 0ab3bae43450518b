"""The pages' own assets load, under the real Content Security Policy, from our own origin only."""

import re
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, expect

from samenspel.tests.browser.helpers import Demo, log_in_as, url

pytestmark = pytest.mark.browser

ASSETS = {
    "/static/vendor/utrecht/index.css": "text/css",
    "/static/samenspel/samenspel.css": "text/css",
    "/static/vendor/htmx/htmx.min.js": "javascript",
    "/static/samenspel/site.js": "javascript",
}


def test_stylesheets_and_scripts_are_served(page: Page, demo: Demo) -> None:
    page.goto(url("accounts:login"))
    linked = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')]"
        ".map(el => new URL(el.href || el.src).pathname)"
    )
    assert set(linked) == set(ASSETS), linked
    for path, content_type in ASSETS.items():
        response = page.request.get(path)
        assert response.status == 200, f"{path}: {response.status}"
        assert content_type in response.headers["content-type"], response.headers["content-type"]
        assert len(response.body()) > 1000, f"{path} is suspiciously small"
    # The theme really applies: the page background and the header colour come from the CSS.
    header_colour = page.evaluate(
        "() => getComputedStyle(document.querySelector('.samenspel-header')).backgroundColor"
    )
    assert header_colour not in ("rgba(0, 0, 0, 0)", "transparent"), header_colour


@pytest.mark.parametrize(
    "name",
    ["coalitions:where", "partners:create", "partners:map", "guide:index"],
)
def test_pages_work_under_the_content_security_policy(
    name: str, strict_context: BrowserContext, live_server: Any, demo: Demo
) -> None:
    log_in_as(strict_context, live_server, demo.coordinator)
    page = strict_context.new_page()
    console: list[str] = []
    outside: list[str] = []
    failed: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            console.append(f"{message.type}: {message.text}")

    def on_request(request: Request) -> None:
        if not request.url.startswith((live_server.url, "data:")):
            outside.append(request.url)

    page.on("console", on_console)
    page.on("request", on_request)
    page.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
    args: tuple[Any, ...] = () if name.startswith("guide:") else (demo.coalition.uuid,)
    response = page.goto(url(name, *args))
    assert response is not None
    assert response.status == 200
    csp = response.headers.get("content-security-policy", "")
    assert "script-src" in csp, "the page has a Content Security Policy"
    page.wait_for_load_state("load")
    # htmx loaded with its nonce and started.
    page.wait_for_function("() => typeof window.htmx !== 'undefined'")

    violations = [
        line for line in console if "Content Security Policy" in line or "Refused" in line
    ]
    assert not violations, "CSP violations:\n" + "\n".join(violations)
    assert not outside, "requests left the site's own origin:\n" + "\n".join(outside)
    assert not [f for f in failed if "favicon" not in f], "failed requests:\n" + "\n".join(failed)
    page.close()


def test_htmx_checklist_update_works_under_the_csp(
    strict_context: BrowserContext, live_server: Any, demo: Demo
) -> None:
    """The in-place save also works with the CSP enforced (no inline script or style needed)."""
    log_in_as(strict_context, live_server, demo.coordinator)
    page = strict_context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto(url("coalitions:where", demo.coalition.uuid))
    page.wait_for_function("() => typeof window.htmx !== 'undefined'")
    row = (
        page.locator(".samenspel-checklist__item:visible")
        .filter(has=page.get_by_label("Notitie"))
        .first
    )
    row.get_by_label("Notitie").fill("Onder CSP opgeslagen")
    row.get_by_role("button", name=re.compile("^Opslaan")).click()
    expect(row.get_by_role("status")).to_have_text("Opgeslagen")
    assert not refused, refused
    page.close()
