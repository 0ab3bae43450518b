"""Meetings in a real browser: record one with two decisions and an action, and axe-core checks."""

import pytest
from playwright.sync_api import Page, expect

from samenspel.meetings.models import Meeting
from samenspel.tests.browser.helpers import Demo, assert_accessible, tab_until, url
from samenspel.tests.browser.test_finder import assert_no_violations
from samenspel.tests.browser.test_keyboard import assert_focus_visible

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


def test_coordinator_records_attendance_and_a_decision_with_the_keyboard_only(
    coordinator_page: Page, demo: Demo
) -> None:
    """Plan the meeting, record every partner's attendance in one form and a decision, without
    touching the mouse."""
    page = coordinator_page
    coalition = demo.coalition
    page.goto(url("meetings:list", coalition.uuid))
    tab_until(page, f"main a[href$='{url('meetings:create', coalition.uuid)}']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("#id_title")).to_be_visible()
    tab_until(page, "#id_title")
    page.keyboard.type("Kerngroep april")
    tab_until(page, "#id_starts_at", limit=4)
    page.keyboard.type("15042027")  # the date part of a datetime-local field, day first
    page.keyboard.press("ArrowRight")
    page.keyboard.type("1930")
    tab_until(page, "form.samenspel-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kerngroep april")
    meeting = Meeting.objects.get(coalition=coalition, title="Kerngroep april")

    # Attendance: one page, one fieldset per partner, arrows choose within a partner.
    tab_until(page, "main a[href$='/aanwezigheid/']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanwezigheid vastleggen")
    assert_no_violations(page, "attendance form")
    groups = page.locator("fieldset.samenspel-attendance-row")
    count = groups.count()
    assert count >= 3
    for index in range(2):  # the first partner present, the second excused
        tab_until(page, f"fieldset.samenspel-attendance-row:nth-of-type({index + 1}) input")
        assert_focus_visible(page)
        for _ in range(1 if index == 0 else 3):
            page.keyboard.press("ArrowDown")  # Niet vastgelegd -> Aanwezig -> Afwezig -> Afgemeld
    tab_until(page, "form.samenspel-form button[type=submit]", limit=count * 2 + 4)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("De aanwezigheid is vastgelegd.")
    recorded = sorted(meeting.attendance.values_list("status", flat=True))
    assert recorded == ["excused", "present"]

    # A decision, typed into the form on the meeting page.
    tab_until(page, "#id_besluit-text", limit=80)
    assert_focus_visible(page)
    page.keyboard.type("We beginnen in mei met een wandelgroep.")
    tab_until(page, "#id_besluit-text ~ * button, form:has(#id_besluit-text) button", limit=4)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    assert list(meeting.decisions.values_list("text", flat=True)) == [
        "We beginnen in mei met een wandelgroep."
    ]
    assert_no_violations(page, "meeting with attendance and a decision")
