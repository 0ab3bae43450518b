"""The work surfaces in a real browser: axe-core finds nothing (of any impact) on 'Mijn werk',
the coalition search with a suggestion, 'Mijn account', the exports and the confirmation before
mailing the minutes."""

import pytest
from playwright.sync_api import Page, expect

from samenspel.meetings.models import Meeting
from samenspel.tests.browser.helpers import Demo, url
from samenspel.tests.browser.test_finder import assert_no_violations

pytestmark = pytest.mark.browser


def test_the_work_surfaces_are_accessible(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition
    meeting = Meeting.objects.filter(coalition=coalition).first()
    assert meeting is not None

    page.goto(url("work:my_work"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    page.reload()  # the second visit shows what changed since the first
    expect(page.get_by_text("Sinds uw vorige bezoek").first).to_be_visible()
    assert_no_violations(page, "my work")

    page.goto(url("work:search", coalition.uuid, query="q=kofie"))
    expect(page.get_by_text("Bedoelde u:")).to_be_visible()
    assert_no_violations(page, "coalition search with a suggestion")

    page.goto(url("accounts:account"))
    expect(page.get_by_role("heading", name="Wachtwoord wijzigen")).to_be_visible()
    assert_no_violations(page, "my account")

    page.goto(url("work:exports", coalition.uuid))
    expect(page.get_by_role("link", name="Leden als Excel")).to_be_visible()
    assert_no_violations(page, "exports")

    page.goto(url("meetings:document_send", coalition.uuid, meeting.uuid, "verslag"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verslag mailen")
    assert_no_violations(page, "mail the minutes")
