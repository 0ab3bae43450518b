"""The coordinator's main flows, in a real browser: partners, phase changes and the checklist."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from samenspel.coalitions.models import ChecklistItem, Phase, PhaseChange
from samenspel.partners.models import Partner
from samenspel.tests.browser.helpers import Demo, url

pytestmark = pytest.mark.browser


def test_coordinator_adds_a_partner(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition
    page.goto(url("partners:list", coalition.uuid))
    page.get_by_role("link", name="Partner toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner toevoegen")

    page.get_by_label("Naam", exact=True).fill("Sportclub De Linde")
    page.get_by_label("Soort partner").select_option(label="Verenigingen en gemeenschappen")
    circle = page.get_by_role("group", name=re.compile("Cirkel van betrokkenheid"))
    circle.get_by_role("radio", name="Actief").check()
    motives = page.get_by_role("group", name=re.compile("Dominante motieven"))
    motives.get_by_role("checkbox", name="Affectief").check()
    page.get_by_label("Wat brengt de partner").fill("Een kantine waar iedereen welkom is")
    page.get_by_role("button", name="Opslaan").click()

    # The detail page of the new partner, with a confirmation.
    expect(page.get_by_role("heading", level=1)).to_have_text("Sportclub De Linde")
    expect(page.get_by_role("status")).to_contain_text("De partner is toegevoegd.")
    expect(page.locator("main")).to_contain_text("Verenigingen en gemeenschappen")
    expect(page.locator("main")).to_contain_text("Een kantine waar iedereen welkom is")
    partner = Partner.objects.get(coalition=coalition, name="Sportclub De Linde")
    assert (partner.kind, partner.circle, partner.motives) == (
        "associations",
        "active",
        ["affective"],
    )
    expect(page).to_have_url(
        re.compile(re.escape(url("partners:detail", coalition.uuid, partner.uuid)) + "$")
    )

    # And in the partner list, with its circle and motive.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Partners").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Sportclub De Linde"))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Actief")
    expect(row).to_contain_text("Affectief")


def test_coordinator_records_a_phase_change(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition
    assert coalition.phase == Phase.SUSTAIN
    page.goto(url("coalitions:where", coalition.uuid))
    page.get_by_role("link", name="Fasewissel vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fasewissel vastleggen")

    today = timezone.localdate()
    page.get_by_label("Naar fase").select_option(label="5. Doorontwikkelen")
    page.get_by_label("Datum").fill(today.isoformat())
    page.get_by_label("Kantelmoment").select_option(label="Project succesvol afgerond")
    page.get_by_label("Reden").fill("De evaluatie vraagt om een herijking van de ambitie.")
    page.get_by_role("button", name="Fasewissel vastleggen").click()

    # Back on "Waar staan we?", with the change at the top of the history.
    expect(page).to_have_url(re.compile(re.escape(url("coalitions:where", coalition.uuid)) + "$"))
    expect(page.get_by_role("status")).to_contain_text("De fasewissel is vastgelegd.")
    expect(page.locator(".samenspel-lead")).to_contain_text("5. Doorontwikkelen")
    history = page.locator("table").filter(
        has=page.get_by_role("columnheader", name="Kantelmoment")
    )
    newest = history.locator("tbody tr").first
    expect(newest).to_contain_text("De evaluatie vraagt om een herijking van de ambitie.")
    expect(newest).to_contain_text("Project succesvol afgerond")
    expect(newest).to_contain_text("4. Levend houden en bestendigen")
    expect(newest).to_contain_text("5. Doorontwikkelen")
    change = PhaseChange.objects.filter(coalition=coalition).order_by("-date", "-pk").first()
    assert change is not None
    assert (change.to_phase, change.date, change.tipping_point) == (
        "develop",
        today,
        "project_completed",
    )


def test_phase_change_without_reason_is_refused_at_the_field(
    coordinator_page: Page, demo: Demo
) -> None:
    page = coordinator_page
    coalition = demo.coalition
    changes_before = PhaseChange.objects.filter(coalition=coalition).count()
    page.goto(url("coalitions:change_phase", coalition.uuid))
    page.get_by_label("Naar fase").select_option(label="5. Doorontwikkelen")
    page.get_by_label("Datum").fill((timezone.localdate() - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Fasewissel vastleggen").click()

    # The summary names the field; the message also sits at the field, tied to it for screen readers.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Niet alles is goed ingevuld.")
    summary_link = summary.get_by_role("link", name=re.compile("Reden"))
    expect(summary_link).to_be_visible()
    reason = page.get_by_label("Reden")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(reason).to_have_attribute("aria-describedby", re.compile(r"\bid_reason_error\b"))
    field_error = page.locator("#id_reason_error")
    expect(field_error).to_be_visible()
    expect(field_error).to_contain_text("Geef een reden voor de fasewissel")
    # What was filled in is kept.
    expect(page.get_by_label("Naar fase")).to_have_value("develop")

    # Following the link in the summary puts the cursor in the field.
    summary_link.focus()
    page.keyboard.press("Enter")
    expect(reason).to_be_focused()
    page.keyboard.type("Toch een reden.")
    expect(reason).to_have_value("Toch een reden.")
    assert PhaseChange.objects.filter(coalition=coalition).count() == changes_before


def test_checklist_item_is_saved_in_place_by_htmx(coordinator_page: Page, demo: Demo) -> None:
    page = coordinator_page
    coalition = demo.coalition
    page.goto(url("coalitions:where", coalition.uuid))
    expect(page.locator("script[src*='htmx']")).to_have_count(1)
    page.wait_for_function("() => typeof window.htmx !== 'undefined'")

    # The current phase is unfolded; take its first activity.
    row = (
        page.locator(".samenspel-checklist__item:visible")
        .filter(has=page.get_by_label("Status"))
        .first
    )
    key = (row.get_attribute("id") or "").removeprefix("activiteit-")
    assert key, "checklist rows have an id activiteit-<key>"
    status = row.get_by_label("Status")
    new_status = "not_applicable" if status.input_value() != "not_applicable" else "busy"
    # A marker that a full page load would wipe out.
    page.evaluate("() => { window.__noReload = 'still here'; }")

    status.select_option(new_status)
    row.get_by_label("Notitie").fill("Besproken in het kernteam")
    with page.expect_response(
        lambda r: f"/checklist/{key}/" in r.url and r.request.method == "POST"
    ) as info:
        row.get_by_role("button", name=re.compile("^Opslaan")).click()
    assert info.value.status == 200, "htmx gets the row back, not a redirect"

    swapped = page.locator(f"#activiteit-{key}")
    expect(swapped.get_by_role("status")).to_have_text("Opgeslagen")
    expect(swapped.get_by_label("Status")).to_have_value(new_status)
    assert page.evaluate("() => window.__noReload") == "still here", "the page was reloaded"
    item = ChecklistItem.objects.get(coalition=coalition, activity_key=key)
    assert (item.status, item.note) == (new_status, "Besproken in het kernteam")

    page.reload()
    row = page.locator(f"#activiteit-{key}")
    expect(row.get_by_label("Status")).to_have_value(new_status)
    expect(row.get_by_label("Notitie")).to_have_value("Besproken in het kernteam")
    expect(row.get_by_role("status")).to_have_count(0)
