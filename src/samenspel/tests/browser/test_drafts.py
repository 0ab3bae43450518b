"""A draft survives the end of a session: the person sees what they typed, to copy."""

import pytest
from playwright.sync_api import Page, expect

from samenspel.partners.models import Partner
from samenspel.tests.browser.helpers import Demo, url
from samenspel.tests.browser.test_finder import assert_no_violations

pytestmark = pytest.mark.browser

STORY = "Wij openen elke dinsdag de bibliotheek voor een kop koffie en een praatje."


def test_text_typed_before_the_session_ended_is_shown_to_copy(
    coordinator_page: Page, demo: Demo
) -> None:
    page = coordinator_page
    page.goto(url("partners:create", demo.coalition.uuid))
    page.get_by_label("Naam", exact=True).fill("Toneelvereniging Het Podium")
    page.get_by_label("Wat brengt de partner").fill(STORY)
    page.context.clear_cookies()  # the session and its CSRF cookie end, as after a long break
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Niet opgeslagen")
    expect(page.get_by_label("Wat brengt de partner")).to_have_value(STORY)
    expect(page.get_by_label("Naam", exact=True)).to_have_value("Toneelvereniging Het Podium")
    expect(page.get_by_role("link", name="Log opnieuw in en open het formulier")).to_be_visible()
    assert_no_violations(page, "draft kept after the session ended")
    assert (
        not Partner.objects.of_coalition(demo.coalition)
        .filter(name="Toneelvereniging Het Podium")
        .exists()
    )
