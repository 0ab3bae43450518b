"""Meetings in a real browser: record one with two decisions and an action, and axe-core checks."""

import pytest
from playwright.sync_api import Page, expect

from samenspel.meetings.models import Meeting
from samenspel.tests.browser.helpers import Demo, assert_accessible, url

pytestmark = pytest.mark.browser


def test_coordinator_records_a_meeting(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition
    page.goto(url("meetings:list", coalition.uuid))
    assert_accessible(page, label="meeting list")
    page.get_by_role("link", name="Overleg plannen").click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".samenspel-error-summary")).to_contain_text("Vul de datum en begintijd")
    assert_accessible(page, label="meeting form with errors")

    page.get_by_label("Titel").fill("Kerngroep maart")
    page.get_by_label("Begint om").fill("2027-03-11T19:30")
    page.get_by_label("Locatie").fill("Bibliotheek")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerngroep maart")
    expect(page.locator(".samenspel-lead")).to_contain_text("19:30")

    for text in ("We starten een koffieochtend.", "De bibliotheek is gastheer."):
        page.locator("#id_besluit-text").fill(text)
        page.get_by_role("button", name="Besluit vastleggen").click()
        expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    page.locator("#id_actie-text").fill("Flyers drukken")
    page.get_by_label("Wie pakt de actie op").fill("Fatima")
    page.get_by_role("button", name="Actiepunt vastleggen").click()

    decisions = page.locator(".samenspel-decisions li")
    expect(decisions).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Flyers drukken")
    assert_accessible(page, label="meeting detail")
    meeting = Meeting.objects.get(coalition=coalition, title="Kerngroep maart")
    assert meeting.decisions.count() == 2
    assert meeting.actions.count() == 1

    page.goto(url("meetings:actions", coalition.uuid))
    expect(page.locator("main")).to_contain_text("Flyers drukken")
    assert_accessible(page, label="open actions")
