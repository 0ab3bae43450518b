"""Every page of every demo role, on a phone and on a desktop.

For each role (coordinator, partner member, municipality, advisor, and a resident without an
account) every page of `test_accessibility.SCREENS` that the role can open is loaded once and
looked at in three widths (320, 390 and 1,280 px), resizing the same page:

- the page itself never scrolls sideways, and nothing sticks out of the screen (a wide table
  scrolls inside its own region instead);
- axe-core finds nothing, of any impact, against the WCAG 2.0/2.1 A and AA rules;
- the first stops of the Tab key show a focus outline of at least 3:1 against what is behind it.

A screenshot of each page at 390 and 1,280 px goes to `var/screenshots/<role>/` (override with
`SAMENSPEL_SCREENSHOTS`). With `SAMENSPEL_README_SCREENSHOTS=1` the main pages are also written
to `docs/screenshots/` for the README (the screen only, not the whole page, to keep them small).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from samenspel.tests.browser.helpers import REPO_ROOT, Demo, format_violations, run_axe
from samenspel.tests.browser.test_accessibility import SCREENS

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390, 320)
SCREENSHOT_WIDTHS = {390, 1280}
SCREENSHOTS = Path(os.environ.get("SAMENSPEL_SCREENSHOTS", REPO_ROOT / "var" / "screenshots"))
README_SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
README_PAGES = {
    "coordinator": ["dashboard", "partner-list", "agreements", "meeting"],
    "resident": ["public-finder"],
}
FOCUS_STOPS = 4

ROLES = {
    "coordinator": "coordinator",
    "partner": "partner_member",
    "municipality": "municipality",
    "advisor": "advisor",
    "resident": None,
}

OUTSIDE_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || el.closest(".samenspel-skip-link")) continue;
    if (box.left >= -1 && box.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === "hidden" || scrolls(el)) continue;
    found.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
  }
  return {pageWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 8)};
}"""

# The contrast of the focus outline against the colour behind the focused element (the first
# ancestor with a background), as WCAG computes it.
FOCUS_CONTRAST = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let behind = [255, 255, 255];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const bg = rgb(getComputedStyle(p).backgroundColor);
    if (bg.length >= 3 && (bg.length === 3 || bg[3] > 0)) { behind = bg.slice(0, 3); break; }
  }
  const width = parseFloat(style.outlineWidth) || 0;
  const outline = style.outlineStyle === "none" ? null : rgb(style.outlineColor).slice(0, 3);
  if (!outline || width < 2) return {element: el.outerHTML.slice(0, 120), ratio: 0};
  const [a, b] = [luminance(outline), luminance(behind)].sort((x, y) => y - x);
  return {element: el.outerHTML.slice(0, 120), ratio: (a + 0.05) / (b + 0.05)};
}"""


def reachable(page: Page, path: str) -> bool:
    response = page.goto(path)
    assert response is not None
    assert response.status < 500, f"{path} answered {response.status}"
    return response.status == 200 and page.url.endswith(path)


def check_width(page: Page, name: str, width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    layout = page.evaluate(OUTSIDE_THE_SCREEN)
    if layout["pageWidth"] > layout["width"]:
        problems.append(f"{name} @{width}: the page is {layout['pageWidth']} px wide")
    problems += [f"{name} @{width}: outside the screen: {item}" for item in layout["found"]]
    violations = run_axe(page)
    if violations:
        problems.append(f"{name} @{width}: axe\n{format_violations(violations)}")
    return problems


def check_focus(page: Page, name: str) -> list[str]:
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    page.locator("body").focus()
    problems = []
    for _ in range(FOCUS_STOPS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_CONTRAST)
        if focus and focus["ratio"] < 3:
            problems.append(f"{name}: focus {focus['ratio']:.1f}:1 on {focus['element']}")
    return problems


def screenshot(page: Page, role: str, name: str, width: int) -> None:
    page.screenshot(path=SCREENSHOTS / role / f"{name}-{width}.png", full_page=True)
    if os.environ.get("SAMENSPEL_README_SCREENSHOTS") and name in README_PAGES.get(role, []):
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        kind = "phone" if width < 1000 else "desktop"
        page.screenshot(path=README_SCREENSHOTS / f"{name}-{kind}.png")


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_fits_every_screen_and_passes_axe(
    role: str, page: Page, demo: Demo, login_as: Callable[[str], None]
) -> None:
    account = ROLES[role]
    if account:
        login_as(getattr(demo, account))
    seen, problems = 0, []
    for name, screen in SCREENS.items():
        if (screen.user is None) != (account is None):
            continue
        if screen.prepare and screen.user != account:
            continue  # a state of a page (a failed form) of the role it was written for
        if not reachable(page, screen.path(demo)):
            continue
        if screen.prepare:
            screen.prepare(page)
        seen += 1
        for width in WIDTHS:
            problems += check_width(page, name, width)
            if width in SCREENSHOT_WIDTHS:
                screenshot(page, role, name, width)
        problems += check_focus(page, name)
    assert seen, f"no page reachable for {role}"
    assert not problems, "\n".join(problems)


def test_the_skip_link_reaches_the_content_in_two_presses(
    page: Page, demo: Demo, login_as: Any
) -> None:
    login_as(demo.coordinator)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(SCREENS["dashboard"].path(demo))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className").startswith("samenspel-skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"


def test_the_menu_button_opens_the_menu_without_script(
    chromium: Any, live_server: Any, demo: Demo
) -> None:
    from samenspel.tests.browser.helpers import log_in_as

    context = chromium.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 320, "height": 700}
    )
    log_in_as(context, live_server, demo.coordinator)
    page = context.new_page()
    page.goto(SCREENS["dashboard"].path(demo))
    partners = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Partners")
    assert not partners.is_visible()
    page.get_by_text("Menu", exact=True).click()
    assert partners.is_visible()
    context.close()
