"""Logging in through the real login form."""

import re

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, url

pytestmark = pytest.mark.browser


def test_coordinator_logs_in_and_lands_on_the_dashboard(page: Page, demo: Demo) -> None:
    page.goto(url("coalitions:home"))
    # Not logged in: the login page, with the next page remembered.
    expect(page).to_have_url(re.compile(re.escape(url("accounts:login"))))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")

    page.get_by_label("E-mailadres").fill(demo.coordinator)
    page.get_by_label("Wachtwoord", exact=True).fill(demo.password)
    page.get_by_role("button", name="Inloggen").click()

    coalition = demo.coalition
    expect(page).to_have_url(
        re.compile(re.escape(url("coalitions:dashboard", coalition.uuid)) + "$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen Dijkerveen")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_advisor_with_two_coalitions_lands_on_the_overview(page: Page, demo: Demo) -> None:
    page.goto(url("accounts:login"))
    page.get_by_label("E-mailadres").fill(demo.advisor)
    page.get_by_label("Wachtwoord", exact=True).fill(demo.password)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn coalities")
    expect(page.get_by_role("link", name="Samen Dijkerveen")).to_be_visible()
    expect(page.get_by_role("link", name="Lindewaarde Verbindt")).to_be_visible()


def test_wrong_password_shows_a_dutch_error(page: Page, demo: Demo) -> None:
    page.goto(url("accounts:login"))
    page.get_by_label("E-mailadres").fill(demo.coordinator)
    page.get_by_label("Wachtwoord", exact=True).fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Dit e-mailadres en wachtwoord horen niet bij elkaar."
    )
    expect(page).to_have_url(re.compile(re.escape(url("accounts:login")) + "$"))
    # The address is kept, the password is not.
    expect(page.get_by_label("E-mailadres")).to_have_value(demo.coordinator)
    expect(page.get_by_label("Wachtwoord", exact=True)).to_have_value("")
    # Still logged out.
    page.goto(url("coalitions:home"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
