"""One whole flow with the keyboard only: log in, reach the partners, add one."""

import re

import pytest
from playwright.sync_api import Page, expect

from samenspel.partners.models import Partner
from samenspel.tests.browser.helpers import Demo, focused, tab_until, url

pytestmark = pytest.mark.browser

FOCUS_STYLE = """() => {
  const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), text: (el.textContent || '').trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
  };
}"""


def assert_focus_visible(page: Page, *, outline_only: bool = False) -> None:
    """The focused element shows a focus indicator (WCAG 2.4.7) and is on screen."""
    style = page.evaluate(FOCUS_STYLE)
    has_outline = style["outlineStyle"] != "none" and style["outlineWidth"] > 0
    has_ring = not outline_only and style["boxShadow"] not in ("", "none")
    assert has_outline or has_ring, f"no visible focus indicator on {style}"
    assert style["inViewport"], f"the focused element is off screen: {style}"


def test_add_a_partner_with_the_keyboard_only(page: Page, demo: Demo) -> None:
    coalition = demo.coalition

    # Log in: the e-mail field has focus from the start; Tab to the password, Enter submits.
    page.goto(url("accounts:login"))
    email = page.get_by_label("E-mailadres")
    expect(email).to_be_focused()
    page.keyboard.type(demo.coordinator)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord", exact=True)).to_be_focused()
    page.keyboard.type(demo.password)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen Dijkerveen")

    # The first Tab reaches the skip link, which becomes visible with a clear outline.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    assert_focus_visible(page, outline_only=True)

    # Through the main menu to "Partners".
    tab_until(page, "nav[aria-label='Hoofdmenu'] a[href$='/partners/']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")

    # Skip link to the content; from there, Tab reaches "Partner toevoegen".
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#inhoud")).to_be_focused()
    tab_until(page, "main a[href$='/partners/nieuw/']", limit=5)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner toevoegen")

    # The form: type, choose with the keyboard, tick with Space.
    tab_until(page, "#id_name")
    assert_focus_visible(page)
    page.keyboard.type("Toneelvereniging Het Podium")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Soort partner")).to_be_focused()
    page.keyboard.type("Ver")  # type-ahead: "Verenigingen en gemeenschappen"
    expect(page.get_by_label("Soort partner")).to_have_value("associations")

    page.keyboard.press("Tab")  # into the radio group, on the checked (default) circle
    assert focused(page, "input[type=radio][name=circle]")
    assert_focus_visible(page)
    for _ in range(4):
        if focused(page, "#id_circle_1"):
            break
        page.keyboard.press("ArrowUp")
    expect(page.get_by_role("radio", name="Actief")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="Actief")).to_be_checked()

    page.keyboard.press("Tab")  # the first motive
    expect(page.get_by_role("checkbox", name="Instrumenteel")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    affective = page.get_by_role("checkbox", name="Affectief")
    expect(affective).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(affective).to_be_checked()

    tab_until(page, "form.samenspel-form button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Toneelvereniging Het Podium")
    partner = Partner.objects.get(coalition=coalition, name="Toneelvereniging Het Podium")
    assert (partner.kind, partner.circle, partner.motives) == (
        "associations",
        "active",
        ["affective"],
    )
    expect(page).to_have_url(
        re.compile(re.escape(url("partners:detail", coalition.uuid, partner.uuid)) + "$")
    )
