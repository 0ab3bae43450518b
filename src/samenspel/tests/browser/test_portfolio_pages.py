"""The advisor finds the coalition that stalls and opens it; the municipality reads what runs out
when. Keyboard only, axe-core clean, also at 320 px."""

import re

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, assert_accessible, tab_until, url

pytestmark = pytest.mark.browser


def test_the_advisor_finds_the_stalling_coalition_and_opens_it(
    page: Page, login_as, demo: Demo
) -> None:
    login_as(demo.advisor)
    page.goto(url("coalitions:home"))
    tab_until(page, f"a[href='{url('portfolio:overview')}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn coalities naast elkaar")
    assert_accessible(page, label="portfolio")

    first_row = page.locator("tbody tr").first
    expect(first_row).to_contain_text("Lindewaarde Verbindt")
    expect(first_row).to_contain_text("Valt stil")
    expect(first_row).to_contain_text("75 dagen geen wijziging in Samenspel")

    # Only the stalling ones, through the filter, with the keyboard.
    tab_until(page, "select[name='toestand']")
    page.keyboard.press("ArrowDown")  # "Alleen coalities die stilvallen"
    tab_until(page, "form[role='search'] button[type='submit']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"toestand=stil"))
    expect(page.locator("tbody tr").filter(has_not_text="Valt stil")).to_have_count(0)

    lindewaarde = page.locator("tbody tr").first.get_by_role(
        "link", name="Lindewaarde Verbindt", exact=True
    )
    href = lindewaarde.get_attribute("href")
    tab_until(page, f"tbody a[href='{href}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lindewaarde Verbindt")


def test_the_portfolio_reads_at_320_px(page: Page, login_as, demo: Demo) -> None:
    login_as(demo.advisor)
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(url("portfolio:overview"))
    # The wide table scrolls inside its own region; the page itself does not scroll sideways.
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    assert_accessible(page, label="portfolio at 320 px")


def test_the_municipality_reads_what_runs_out_when(page: Page, login_as, demo: Demo) -> None:
    login_as(demo.municipality)
    page.goto(url("coalitions:home"))  # one coalition: straight to its dashboard
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen Dijkerveen")
    tab_until(page, "nav[aria-label='Hoofdmenu'] a[href$='/monitor/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor")
    assert_accessible(page, label="monitor")
    tab_until(page, f"a[href='{url('portfolio:municipality')}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Voortgang en geld")
    money = page.get_by_role("table", name="Financiering van Samen Dijkerveen")
    expect(money).to_be_visible()
    expect(money.locator("tbody tr").first).to_contain_text("20")  # an end date in 20xx
    # The roles the municipality agreed to play (demo: commissioner and funder, director), each
    # with the guide's tips and a way into the guide.
    expect(page.get_by_role("heading", name="Rol van de gemeente")).to_be_visible()
    expect(page.get_by_text("Opdrachtgever en financier", exact=True)).to_be_visible()
    tab_until(page, "a[href$='/gids/municipality_roles/director/']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Regie voeren")
    page.go_back()
    assert_accessible(page, label="progress and money")


def test_the_monitor_reads_at_320_px(page: Page, login_as, demo: Demo) -> None:
    login_as(demo.coordinator)
    page.set_viewport_size({"width": 320, "height": 720})
    page.goto(url("reporting:monitor", demo.coalition.uuid))
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitor")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    assert_accessible(page, label="monitor at 320 px")
    page.goto(url("reporting:outcomes", demo.coalition.uuid))
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0
    assert_accessible(page, label="outcomes at 320 px")


def test_the_public_national_figures_are_accessible(page: Page, demo: Demo) -> None:
    page.goto(url("national_public:figures"))  # anonymous
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Lokale coalities tegen eenzaamheid in cijfers"
    )
    expect(
        page.get_by_text("Nog geen coalitie heeft haar cijfers openbaar gemaakt.")
    ).to_be_visible()
    assert_accessible(page, label="public national figures")
