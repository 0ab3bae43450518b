"""A scan round from both sides, in a real browser: the respondent answers the whole
questionnaire with the keyboard only, and axe-core checks the questionnaire and the
coordinator's round pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from samenspel.tests.browser.helpers import Demo, assert_accessible, focused, tab_until, url

pytestmark = pytest.mark.browser

INSTRUMENT = "conditions"  # the longest questionnaire for partners


def open_round(demo: Demo, *, anonymous: bool = True) -> Any:
    from samenspel.accounts.models import User
    from samenspel.partners.models import ContactPerson
    from samenspel.scans import services

    coordinator = User.objects.get(email=demo.coordinator)
    contacts = list(
        ContactPerson.objects.filter(partner__coalition=demo.coalition)
        .exclude(email="")
        .order_by("name")[:3]
    )
    scan_round = services.create_round(
        demo.coalition,
        acting_user=coordinator,
        instrument_key=INSTRUMENT,
        title="Browsertest",
        anonymous=anonymous,
        closes_on=datetime.date.today() + datetime.timedelta(days=14),
        contacts=contacts,
    )
    services.open_round(scan_round, acting_user=coordinator)
    scan_round.refresh_from_db()
    return scan_round


def choose_with_keyboard(page: Page, name: str, position: int) -> None:
    """In the radio group `name` (which has focus, nothing checked yet): Space checks the first
    option, each arrow key moves to and checks the next one."""
    assert focused(page, f"input[type=radio][name='{name}']"), f"focus is not in {name}"
    if position == 0:
        page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")


def test_a_respondent_answers_the_whole_questionnaire_with_the_keyboard_only(
    page: Page, demo: Demo
) -> None:
    from samenspel.scans.instruments import get_instrument
    from samenspel.scans.models import Response, ResponseStatus

    scan_round = open_round(demo)
    respondent = scan_round.respondents.order_by("name").first()
    instrument = get_instrument(INSTRUMENT, scan_round.instrument_version)
    options = [str(p.value) for p in instrument.scale.points] + ["weet-niet"]

    sent_referers: list[str] = []
    page.on(
        "request",
        lambda request: sent_referers.append(request.headers.get("referer", ""))
        if request.method == "POST"
        else None,
    )
    response = page.goto(url("scans:answer", respondent.link_token))
    assert response is not None
    assert response.status == 200
    assert response.headers["referrer-policy"] == "strict-origin"
    expect(page.get_by_role("heading", level=1)).to_have_text(instrument.title)
    expect(page.get_by_text("Deze vragenlijst is anoniem.")).to_be_visible()
    assert_accessible(page, label="questionnaire")

    # Sending too early, with Tab and Enter only: an error summary and errors at the items.
    tab_until(page, "button[value=submit]", limit=400)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("nog niet verstuurd")
    expect(page.locator(".utrecht-form-field-error-message")).to_have_count(len(instrument.items))
    assert page.title().startswith("Fout:")
    assert_accessible(page, label="questionnaire with errors")

    # The summary's first link takes the focus to the first question.
    tab_until(page, ".samenspel-error-summary a", limit=20)
    page.keyboard.press("Enter")
    first = instrument.items_of(instrument.subscales[0].key)[0]
    assert page.url.endswith(f"#vraag-{first.key}-1")
    assert focused(page, f"#vraag-{first.key}-1")

    # Every question: Tab into its radio group, choose with Space or the arrow keys.
    expected: dict[str, int | None] = {}
    items_in_order = [
        item for subscale in instrument.subscales for item in instrument.items_of(subscale.key)
    ]
    for index, item in enumerate(items_in_order):
        name = f"vraag-{item.key}"
        if not focused(page, f"input[type=radio][name='{name}']"):
            tab_until(page, f"input[type=radio][name='{name}']", limit=1)  # one Tab per group
        position = index % len(options)
        choose_with_keyboard(page, name, position)
        expect(page.locator(f"#{name}-{options[position]}")).to_be_checked()
        value = options[position]
        expected[item.key] = None if value == "weet-niet" else int(value)

    # Past "Tussentijds opslaan" to "Versturen", and Enter.
    page.keyboard.press("Tab")
    assert focused(page, "button[value=draft]")
    page.keyboard.press("Tab")
    assert focused(page, "button[value=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    # The browser never sent the link (with its token) along as Referer.
    assert sent_referers
    assert not [referer for referer in sent_referers if respondent.link_token in referer]
    assert_accessible(page, label="questionnaire thanks")
    stored = Response.objects.get(round=scan_round)
    assert stored.status == ResponseStatus.SUBMITTED
    assert stored.answers == expected
    assert stored.respondent_id is None
    assert stored.draft_key is None


def test_the_coordinators_round_pages_are_accessible(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition.uuid

    page.goto(url("scans:rounds", coalition))
    expect(page.get_by_role("heading", level=1)).to_have_text("Scans")
    assert_accessible(page, label="round list")

    page.goto(url("scans:round_create", coalition))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe scanronde")
    assert_accessible(page, label="round create")

    # Errors at the fields: no title, a date in the past, nobody invited.
    page.get_by_label("Titel van de ronde").fill("")
    page.get_by_label("Sluitdatum").fill("2020-01-01")
    for box in page.locator("input[name=contacts]").all():
        box.uncheck()
    page.get_by_role("button", name="Ronde klaarzetten").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Geef de ronde een titel.")
    expect(alert).to_contain_text("Kies een sluitdatum na vandaag.")
    expect(alert).to_contain_text("Kies ten minste één contactpersoon")
    assert_accessible(page, label="round create with errors")

    # A valid round; its page, then opened.
    page.get_by_label("Titel van de ronde").fill("Najaar")
    page.get_by_label("Sluitdatum").fill(
        (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    )
    page.locator("input[name=contacts]").first.check()
    page.get_by_role("button", name="Ronde klaarzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Najaar")
    assert_accessible(page, label="round detail (draft)")
    page.get_by_role("button", name="Openen en uitnodigingen versturen").click()
    expect(page.get_by_role("status")).to_contain_text("De ronde is geopend")
    expect(page.get_by_role("button", name="Ronde sluiten")).to_be_visible()
    assert_accessible(page, label="round detail (open)")
