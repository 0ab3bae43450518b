"""Helpers for the browser tests: URLs, keyboard navigation and axe-core checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page

REPO_ROOT = Path(__file__).resolve().parents[4]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
DEMO_PASSWORD = "demo-wachtwoord-123"


@dataclass(frozen=True)
class Demo:
    """The demo coalitions and handy lookups for the tests."""

    password: str

    coordinator: str = "coordinator@demo.samenspel.nl"
    coordinator2: str = "coordinator2@demo.samenspel.nl"
    partner_member: str = "partner@demo.samenspel.nl"
    municipality: str = "gemeente@demo.samenspel.nl"
    advisor: str = "adviseur@demo.samenspel.nl"

    @property
    def coalition(self) -> Any:
        from samenspel.coalitions.models import Coalition

        return Coalition.objects.get(municipality__code="GM9901")

    def partner(self, name: str = "Welzijn Dijkerveen") -> Any:
        from samenspel.partners.models import Partner

        return Partner.objects.get(coalition=self.coalition, name=name)


def url(name: str, *args: Any, query: str = "") -> str:
    """A path relative to the context's base_url."""
    path = reverse(name, args=args)
    return f"{path}?{query}" if query else path


def focused(page: Page, selector: str) -> bool:
    return bool(
        page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        )
    )


def tab_until(page: Page, selector: str, *, limit: int = 60, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press(key)
        if focused(page, selector):
            return
    active = page.evaluate(
        "() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)"
    )
    raise AssertionError(f"{key} × {limit} never reached {selector!r}; focus is on {active}")


def log_in_as(context: BrowserContext, live_server: Any, email: str) -> None:
    """Skip the login form: put a Django session cookie for `email` into the browser context.
    (The login form itself is exercised in test_login.py and test_keyboard.py.)"""
    from django.conf import settings

    from samenspel.accounts.models import User

    client = Client()
    client.force_login(
        User.objects.get(email=email), backend="samenspel.accounts.backends.EmailBackend"
    )
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session_cookie.value,
                "url": live_server.url,
            }
        ]
    )


# --- axe-core ---------------------------------------------------------------------------------

AXE_RESULTS: list[dict[str, Any]] = []


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Every axe violation of the WCAG 2.0/2.1 A and AA rules on the current page."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}; run `npm ci`.")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations: list[dict[str, Any]] = results["violations"]
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {node['html'][:160]}")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


def assert_accessible(page: Page, *, label: str | None = None) -> list[dict[str, Any]]:
    """Fail with a readable list when axe finds a serious or critical WCAG 2.1 AA violation.
    Lesser findings are returned (and listed at the end of the run) but do not fail."""
    violations = run_axe(page)
    AXE_RESULTS.append({"page": label or page.url, "violations": violations})
    blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
    assert not blocking, (
        f"axe found {len(blocking)} serious/critical WCAG 2.1 AA violation(s) on {label or page.url}:\n"
        + format_violations(blocking)
    )
    return violations
