"""Correcting a recorded meeting in a real browser, with axe-core on the new pages."""

import re

import pytest
from playwright.sync_api import Page, expect

from samenspel.meetings.models import Meeting
from samenspel.tests.browser.helpers import Demo, assert_accessible, url

pytestmark = pytest.mark.browser


def named(verb: str, subject: str) -> re.Pattern[str]:
    """A link's accessible name: the verb, then the visually hidden subject (browsers may put a
    space before the colon)."""
    return re.compile(rf"^{verb}\s*: {re.escape(subject)}$")


def test_coordinator_corrects_and_removes_what_was_recorded(
    coordinator_page: Page,
    demo: Demo,
) -> None:
    browser = coordinator_page
    meeting = Meeting.objects.get(coalition=demo.coalition, title="Kerngroep oktober")
    browser.goto(url("meetings:detail", demo.coalition.uuid, meeting.uuid))

    browser.get_by_role("link", name=named("Wijzigen", "Jaargesprek voorbereiden")).click()
    expect(browser.get_by_role("heading", level=1)).to_have_text("Actiepunt wijzigen")
    browser.get_by_label("Wie pakt de actie op").fill("Sanne")
    browser.get_by_label("Afgerond op").fill("2099-01-01")
    browser.get_by_role("button", name="Opslaan").click()
    expect(browser.locator(".samenspel-error-summary")).to_contain_text(
        "Een actie kan niet in de toekomst zijn afgerond."
    )
    assert_accessible(browser, label="action form with errors")
    browser.get_by_label("Afgerond op").fill("")
    browser.get_by_role("button", name="Opslaan").click()
    expect(browser.get_by_role("status")).to_contain_text("Het actiepunt is gewijzigd.")
    expect(browser.locator("main")).to_contain_text("Sanne")

    browser.get_by_role("link", name=named("Verwijderen", "besluit 2")).click()
    expect(browser.get_by_role("heading", level=1)).to_have_text("Besluit verwijderen")
    assert_accessible(browser, label="decision delete confirmation")
    browser.get_by_role("button", name="Verwijderen").click()
    expect(browser.get_by_role("status")).to_contain_text("Het besluit is verwijderd.")
    expect(browser.locator(".samenspel-decisions li")).to_have_count(1)
    assert_accessible(browser, label="meeting detail with corrections")

    browser.get_by_role("link", name="Overleg verwijderen").click()
    expect(browser.locator("main")).to_contain_text("1 besluit")
    assert_accessible(browser, label="meeting delete confirmation")
    browser.get_by_role("button", name="Overleg verwijderen").click()
    expect(browser.get_by_role("status")).to_contain_text("Het overleg is verwijderd.")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
