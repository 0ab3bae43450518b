"""The coalition's activity pages in a real browser: axe-core finds no serious WCAG 2.1 AA
violations, and a time slot is added in an empty row of the form, without JavaScript."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, assert_accessible, url

pytestmark = pytest.mark.browser


def _offer(demo: Demo) -> Any:
    """An activity of the demo with reach recorded."""
    from samenspel.activities.models import Activity

    return Activity.objects.filter(coalition=demo.coalition, reach__isnull=False).first()


def test_activity_pages_are_accessible(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    activity = _offer(demo)
    c = demo.coalition.uuid
    for label, path in [
        ("activity-list", url("activities:list", c)),
        ("activity-detail", url("activities:detail", c, activity.uuid)),
        ("activity-form", url("activities:edit", c, activity.uuid)),
        ("reach-form", url("activities:reach_create", c, activity.uuid)),
        ("reach-overview", url("activities:reach_overview", c)),
        ("finder-settings", url("activities:finder_settings", c)),
    ]:
        page.goto(path)
        assert_accessible(page, label=label)
    page.goto(url("activities:create", c))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, label="activity-form-errors")


def test_add_time_slot_in_an_empty_row(coordinator_page: Page, demo: Demo) -> None:
    """The schedule's empty rows add a time slot without JavaScript; existing slots stay."""
    page = coordinator_page
    activity = _offer(demo)
    before = [str(slot) for slot in activity.time_slots.all()]
    page.goto(url("activities:edit", demo.coalition.uuid, activity.uuid))
    weekdays = page.locator("select[name$='-weekday']")
    row = weekdays.count() - 1
    weekdays.nth(row).select_option("7")
    page.locator(f"input[name='tijden-{row}-start_time']").fill("14:00")
    page.locator(f"input[name='tijden-{row}-end_time']").fill("15:30")
    page.get_by_role("button", name="Opslaan").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(activity.title)
    schedule = page.locator("dt:has-text('Vaste tijden') + dd")
    for text in [*before, "zondag 14:00–15:30"]:
        expect(schedule).to_contain_text(text)
