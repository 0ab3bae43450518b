"""A resident uses the public finder with the keyboard only, and axe-core finds nothing on the
finder (with results), an activity page and the embeddable list. No login; the test makes its
own coalition and offer."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from samenspel.activities.models import ActivityKind, TargetGroup
from samenspel.activities.tests.test_public_finder import (
    make_activity,
    make_finder,
    make_neighbourhood,
)
from samenspel.tests.browser.helpers import assert_accessible, tab_until
from samenspel.tests.browser.test_keyboard import assert_focus_visible

pytestmark = pytest.mark.browser


@pytest.fixture
def offer(transactional_db: None) -> dict[str, Any]:
    finder = make_finder(
        slug="samen-dijkerveen",
        title="Activiteiten in Dijkerveen",
        introduction="Zoek iets leuks om samen te doen.",
        contact="Bel de Welzijnswinkel: 0123 456 789",
    )
    coalition = finder.coalition
    north, south = make_neighbourhood(coalition, "Noord"), make_neighbourhood(coalition, "Zuid")
    walk = make_activity(
        coalition,
        "Wandelen in het park",
        description="Elke dinsdag een rustige wandeling, daarna koffie.",
        neighbourhood=north,
        location_name="Parkpaviljoen",
        street_address="Parklaan 1",
        city="Dijkerveen",
        slots=[(2, datetime.time(10), datetime.time(11, 30))],
        groups=[TargetGroup.OLDER],
        kind=ActivityKind.SPORTS,
        cost=Decimal("0"),
        how_to_join="Gewoon aansluiten bij het paviljoen.",
        contact_phone="0123 456 789",
        wheelchair_accessible=True,
    )
    make_activity(
        coalition,
        "Taalcafé",
        neighbourhood=south,
        slots=[(2, datetime.time(19), datetime.time(21))],
        groups=[TargetGroup.MIGRANTS],
        kind=ActivityKind.LEARNING,
        cost=Decimal("2.50"),
    )
    make_activity(
        coalition,
        "Schilderclub",
        neighbourhood=north,
        slots=[(4, datetime.time(14), datetime.time(16))],
        groups=[TargetGroup.EVERYONE],
        kind=ActivityKind.CULTURE,
    )
    return {"finder": finder, "north": north, "walk": walk}


def assert_no_violations(page: Page, label: str) -> None:
    """Not even the moderate or minor findings that `assert_accessible` lets pass."""
    violations = assert_accessible(page, label=label)
    assert violations == [], [v["id"] for v in violations]


def test_a_resident_finds_an_activity_by_wijk_and_day_with_the_keyboard(
    page: Page, offer: dict[str, Any]
) -> None:
    finder, north, walk = offer["finder"], offer["north"], offer["walk"]
    page.goto(reverse("finder:index", args=[finder.slug]))
    expect(page.get_by_role("heading", level=1)).to_have_text("Activiteiten in Dijkerveen")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    # The first Tab reaches the skip link; Enter moves to the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    assert_focus_visible(page, outline_only=True)
    page.keyboard.press("Enter")
    expect(page.locator("#inhoud")).to_be_focused()

    # The search box comes first, then the wijk: chosen by typing its name.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Zoek op woord")).to_be_focused()
    tab_until(page, "#id_wijk", limit=3)
    assert_focus_visible(page)
    page.keyboard.type("Noord")
    expect(page.get_by_label("Wijk of kern")).to_have_value(str(north.uuid))

    tab_until(page, "#id_dag", limit=4)
    assert_focus_visible(page)
    page.keyboard.type("dinsdag")
    expect(page.get_by_label("Dag", exact=True)).to_have_value("2")

    tab_until(page, "form[role=search] button[type=submit]", limit=4)
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    # The results: counted in a heading, and the next Tab lands on the first result.
    expect(page).to_have_url(re.compile(rf"wijk={north.uuid}.*dag=2.*#resultaten$"))
    expect(page.locator("#resultaten")).to_have_text("1 activiteit gevonden")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Wandelen in het park")).to_be_focused()
    assert_focus_visible(page)
    assert_no_violations(page, "finder with results")

    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelen in het park")
    # The search travels with the result's link, so the way back finds it again.
    expect(page).to_have_url(
        re.compile(
            re.escape(reverse("finder:activity", args=[finder.slug, walk.uuid]))
            + rf"\?.*wijk={north.uuid}.*dag=2"
        )
    )
    expect(page.get_by_text("dinsdag 10:00–11:30")).to_be_visible()
    assert_no_violations(page, "public activity page")

    # The calendar and the print version are reachable from the keyboard too.
    tab_until(page, "main a[href$='agenda.ics']")
    assert_focus_visible(page)
    tab_until(page, "main a[href$='/afdrukken/']", limit=3)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelen in het park")
    expect(page.locator("header")).to_have_count(0)


def test_a_resident_finds_an_activity_by_typing_cafe_with_the_keyboard(
    page: Page, offer: dict[str, Any]
) -> None:
    """No accent needed ("cafe" finds "Taalcafé"), a typing error is forgiven and a better
    word suggested, and going back from a result keeps the search."""
    finder = offer["finder"]
    page.goto(reverse("finder:index", args=[finder.slug]))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    page.keyboard.press("Tab")
    expect(page.get_by_label("Zoek op woord")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type("cafe")
    page.keyboard.press("Enter")  # submits the search form
    expect(page.locator("#resultaten")).to_have_text("1 activiteit gevonden")
    page.keyboard.press("Tab")
    result = page.get_by_role("link", name="Taalcafé")
    expect(result).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Taalcafé")

    back = page.get_by_role("link", name="Terug naar de zoekresultaten")
    tab_until(page, "nav.samenspel-breadcrumbs a", limit=8)
    expect(back).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Zoek op woord")).to_have_value("cafe")
    expect(page.locator("#resultaten")).to_have_text("1 activiteit gevonden")

    # A typing error: still found, with the word it was read as offered as a link.
    page.get_by_label("Zoek op woord").fill("wandeling kofie")
    page.get_by_label("Zoek op woord").press("Enter")
    expect(page.locator("#resultaten")).to_have_text("1 activiteit gevonden")
    suggestion = page.get_by_role("link", name="wandeling koffie")
    expect(suggestion).to_be_visible()
    assert_no_violations(page, "finder with a suggestion")
    tab_until(page, ".samenspel-finder-suggestion a", limit=3)  # right after the count
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Zoek op woord")).to_have_value("wandeling koffie")
    expect(page.get_by_text("Bedoelde u:")).to_have_count(0)


def test_the_embeddable_list_is_accessible(page: Page, offer: dict[str, Any]) -> None:
    finder, north = offer["finder"], offer["north"]
    page.goto(reverse("finder:embed", args=[finder.slug]) + f"?wijk={north.uuid}")
    expect(page.locator("#resultaten")).to_have_text("2 activiteiten gevonden")
    assert_no_violations(page, "embeddable finder list")


def test_the_finder_fits_a_phone_screen(page: Page, offer: dict[str, Any]) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(reverse("finder:index", args=[offer["finder"].slug]))
    expect(page.locator("#resultaten")).to_have_text("3 activiteiten gevonden")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
    assert_no_violations(page, "finder on a phone")


def test_public_pages_work_under_the_content_security_policy(
    strict_context: BrowserContext, offer: dict[str, Any]
) -> None:
    """No inline styles or scripts that the policy would block, also in the embed (whose policy
    only differs in who may frame it)."""
    finder, walk = offer["finder"], offer["walk"]
    page = strict_context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in {"error", "warning"} else None)
    for path in (
        reverse("finder:index", args=[finder.slug]),
        reverse("finder:embed", args=[finder.slug]),
        reverse("finder:activity", args=[finder.slug, walk.uuid]),
        reverse("finder:print", args=[finder.slug, walk.uuid]),
    ):
        page.goto(path)
        border = page.evaluate(
            "() => getComputedStyle(document.querySelector('.samenspel-finder-result, dl'))"
            ".borderTopStyle + ' ' + getComputedStyle(document.body).marginTop"
        )
        assert border.endswith(" 0px"), f"the stylesheets did not apply on {path}: {border}"
    assert console == []
