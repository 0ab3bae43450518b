"""The pages of issue 13 in a real browser: 'Waar staan we?' with its evidence and the
municipality's agreed roles, keyboard-only, at 320 px, with axe-core."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, assert_accessible, url

pytestmark = pytest.mark.browser


def fits_320(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 720})
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 320 px"


def test_municipality_roles_are_recorded_by_keyboard_and_the_tips_follow(
    page: Page, demo: Demo, login_as: Callable[[str], None]
) -> None:
    login_as(demo.coordinator)
    page.goto(url("coalitions:municipality_roles", demo.coalition.uuid))
    expect(page.get_by_role("heading", name="Rol van de gemeente", level=1)).to_be_visible()
    # The demo agreed on 'Regie voeren': its tips are shown.
    expect(page.get_by_role("heading", name="Regie voeren", level=3)).to_be_visible()
    assert_accessible(page, label="municipality roles")

    page.get_by_label("Mediator").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Opslaan").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mediator", level=3)).to_be_visible()
    fits_320(page)
    assert_accessible(page, label="municipality roles at 320 px")


def test_an_equal_partner_who_directs_is_refused_at_the_field(
    page: Page, demo: Demo, login_as: Callable[[str], None]
) -> None:
    login_as(demo.coordinator)
    page.goto(url("coalitions:municipality_roles", demo.coalition.uuid))
    page.get_by_label("Gelijkwaardige partner").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een gelijkwaardige partner voert geen regie").first).to_be_visible()
    assert_accessible(page, label="municipality roles with an error")


def test_where_are_we_explains_the_suggestion_at_320(
    page: Page, demo: Demo, login_as: Callable[[str], None]
) -> None:
    login_as(demo.coordinator)
    page.goto(url("coalitions:where", demo.coalition.uuid))
    expect(page.locator("#suggestie-kop")).to_be_visible()
    expect(page.locator(".samenspel-suggestion li").first).to_contain_text("Handreiking")
    fits_320(page)
    assert_accessible(page, label="where are we at 320 px")
