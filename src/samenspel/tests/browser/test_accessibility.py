"""axe-core on every main page: no serious or critical WCAG 2.1 AA violations.

Every page is checked as rendered with its real stylesheets (so colour contrast counts) and the
demo data (so tables, lists and forms are filled).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, assert_accessible, url

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Screen:
    """A page to check: who looks at it, where it is, and what to do before checking."""

    path: Callable[[Demo], str]
    user: str | None = "coordinator"
    prepare: Callable[[Page], None] | None = field(default=None)


def submit_empty_form(page: Page) -> None:
    page.locator("form.samenspel-form").get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()


def c(demo: Demo) -> Any:
    return demo.coalition.uuid


SCREENS = {
    "login": Screen(lambda d: url("accounts:login"), user=None),
    "password-reset": Screen(lambda d: url("accounts:password_reset"), user=None),
    # A coordinator of one coalition goes straight to its dashboard; the adviser sees the list.
    "home": Screen(lambda d: url("coalitions:home"), user="advisor"),
    "dashboard": Screen(lambda d: url("coalitions:dashboard", c(d))),
    "where-are-we": Screen(lambda d: url("coalitions:where", c(d))),
    "phase-change-form": Screen(lambda d: url("coalitions:change_phase", c(d))),
    "partner-list": Screen(lambda d: url("partners:list", c(d))),
    "partner-detail": Screen(lambda d: url("partners:detail", c(d), d.partner().uuid)),
    "partner-form": Screen(lambda d: url("partners:create", c(d))),
    "partner-form-errors": Screen(
        lambda d: url("partners:create", c(d)), prepare=submit_empty_form
    ),
    "partner-map": Screen(lambda d: url("partners:map", c(d))),
    "audit-trail": Screen(lambda d: url("coalitions:audit", c(d))),
    "members": Screen(lambda d: url("members:list", c(d))),
    "tokens": Screen(lambda d: url("accounts:tokens")),
    "account": Screen(lambda d: url("accounts:account")),
    "my-work": Screen(lambda d: url("work:my_work")),
    "search": Screen(lambda d: url("work:search", c(d), query="q=koffie")),
    "exports": Screen(lambda d: url("work:exports", c(d))),
    "signals": Screen(lambda d: url("signals:home", c(d))),
    "signal-figures": Screen(lambda d: url("signals:figures", c(d))),
    "portfolio": Screen(lambda d: url("portfolio:overview", query="sorteer=-coalitie")),
    "activities-sorted": Screen(
        lambda d: url("activities:list", c(d), query="sorteer=-gecontroleerd")
    ),
    "agreements-sorted": Screen(lambda d: url("agreements:list", c(d), query="sorteer=-geld")),
    "guide-index": Screen(lambda d: url("guide:index")),
    "guide-section": Screen(lambda d: url("guide:section", "phases")),
    "guide-item": Screen(lambda d: url("guide:item", "phases", "explore")),
    "guide-search": Screen(lambda d: url("guide:search", query="q=eenzaamheid")),
    "collaboration-health": Screen(lambda d: url("scans:health", c(d))),
    "scan-results": Screen(lambda d: url("scans:results", c(d), closed_round(d).uuid)),
    "scan-trend": Screen(lambda d: url("scans:trend", c(d), "conditions")),
    "findings": Screen(lambda d: url("advice:findings", c(d))),
    "ambition": Screen(lambda d: url("agreements:ambition", c(d))),
    "agreements": Screen(lambda d: url("agreements:list", c(d))),
    "process": Screen(lambda d: url("agreements:process", c(d))),
    "covenant": Screen(lambda d: url("agreements:covenant", c(d))),
    "funding": Screen(lambda d: url("funding:overview", c(d))),
    "evaluations": Screen(lambda d: url("evaluations:list", c(d))),
    "meetings": Screen(lambda d: url("meetings:list", c(d))),
    "meeting": Screen(lambda d: url("meetings:detail", c(d), first_meeting(d).uuid)),
    "open-actions": Screen(lambda d: url("meetings:actions", c(d))),
    "bodies": Screen(lambda d: url("meetings:bodies", c(d))),
    "activities": Screen(lambda d: url("activities:list", c(d))),
    "activity": Screen(lambda d: url("activities:detail", c(d), first_activity(d).uuid)),
    "activity-form": Screen(lambda d: url("activities:create", c(d))),
    "reach-overview": Screen(lambda d: url("activities:reach_overview", c(d))),
    "finder-settings": Screen(lambda d: url("activities:finder_settings", c(d))),
    "activity-import": Screen(lambda d: url("activity_imports:start", c(d))),
    "activity-export": Screen(lambda d: url("activity_imports:export", c(d))),
    "public-finder": Screen(lambda d: url("finder:index", "samen-dijkerveen"), user=None),
    "public-activity": Screen(
        lambda d: url("finder:activity", "samen-dijkerveen", first_activity(d).uuid), user=None
    ),
    "neighbourhoods": Screen(lambda d: url("monitoring:neighbourhoods", c(d))),
    "neighbourhood-form-errors": Screen(
        lambda d: url("monitoring:neighbourhood_create", c(d)), prepare=submit_empty_form
    ),
    "gap": Screen(lambda d: url("monitoring:gap", c(d))),
    "figures": Screen(lambda d: url("monitoring:figures", c(d))),
    "findings-summary-card": Screen(
        lambda d: url("coalitions:dashboard", c(d)),
        prepare=lambda p: expect(p.locator("#bevindingen-kop")).to_be_visible(),
    ),
}


def first_activity(demo: Demo) -> Any:
    from samenspel.activities.models import Activity

    return Activity.objects.published().filter(coalition=demo.coalition).order_by("title").first()


def first_meeting(demo: Demo) -> Any:
    from samenspel.meetings.models import Meeting

    return Meeting.objects.filter(coalition=demo.coalition).order_by("starts_at").first()


def closed_round(demo: Demo) -> Any:
    from samenspel.scans.models import Round

    return (
        Round.objects.filter(coalition=demo.coalition, instrument_key="conditions", status="closed")
        .order_by("-closes_on")
        .first()
    )


@pytest.mark.parametrize("name", list(SCREENS))
def test_page_has_no_serious_accessibility_violations(
    name: str, page: Page, demo: Demo, login_as: Callable[[str], None]
) -> None:
    screen = SCREENS[name]
    if screen.user:
        login_as(getattr(demo, screen.user))
    path = screen.path(demo)
    response = page.goto(path)
    assert response is not None
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.url.endswith(path), f"{path} redirected to {page.url}"
    if screen.prepare:
        screen.prepare(page)
    # The theme is applied (the CSS loaded), so contrast is checked against the real colours.
    assert page.evaluate("() => document.styleSheets.length") >= 2
    assert page.evaluate(
        "() => getComputedStyle(document.querySelector('.samenspel-skip-link')).position"
    ) == ("absolute"), "samenspel.css did not load"
    assert_accessible(page, label=name)
