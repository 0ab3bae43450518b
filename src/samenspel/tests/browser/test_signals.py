"""Signals in a real browser: a partner records and hands over a signal with the keyboard only;
the meldpunt works without JavaScript; axe-core finds no serious violation on the new pages."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from samenspel.signals.models import Handover, Signal
from samenspel.tests.browser.helpers import Demo, assert_accessible, tab_until, url

# The signal page writes the read log through the "audit" database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, databases=["default", "audit"]),
]


def _type_into(page: Page, selector: str, text: str) -> None:
    tab_until(page, selector, limit=120)
    page.keyboard.type(text)


def _check(page: Page, selector: str) -> None:
    tab_until(page, selector, limit=120)
    page.keyboard.press("Space")


def test_a_partner_records_and_hands_over_a_signal_with_the_keyboard_only(
    page: Page, login_as: Callable[[str], None], demo: Demo
) -> None:
    login_as(demo.partner_member)
    coalition = demo.coalition
    page.goto(url("signals:record", coalition.uuid))
    assert_accessible(page, label="signaal vastleggen")

    _type_into(page, "#id_resident_name", "Mevrouw Toetsenbord (verzonnen)")
    _type_into(page, "#id_phone", "0600000000")
    _check(page, "#id_signs_0")
    _type_into(page, "#id_situation", "Komt niet meer naar de koffieochtend.")
    # The radio group of awareness: Tab lands on the first option, Space chooses it.
    _check(page, "#id_awareness_0")
    _check(page, "#id_consent_purposes_0")
    tab_until(page, "#id_consent_method", limit=40)
    page.keyboard.type("Mondeling")
    tab_until(page, "button[type=submit]", limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Het signaal is vastgelegd")).to_be_visible()
    assert_accessible(page, label="signalen van de organisatie")

    signal = Signal.objects.visible_to(_membership(demo)).order_by("-received_at").first()
    assert signal is not None
    assert signal.resident_name.startswith("Mevrouw Toetsenbord")
    device = _app_of(demo.partner_member)
    tab_until(page, f"a[href*='{signal.uuid}']", limit=200)
    page.keyboard.press("Enter")
    # Personal data needs the second factor: the code page, then back to the signal.
    expect(page.get_by_role("heading", level=1)).to_have_text("Code uit uw app")
    _type_into(page, "#id_code", _code(device))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(signal.short_code)
    assert_accessible(page, label="signaal")

    # Hand over to the neighbourhood team: type-ahead in the select, then the form's button.
    tab_until(page, "#id_to", limit=120)
    page.keyboard.type("Buurtteam")
    tab_until(page, "form[action$='/overdragen/'] button[type=submit]", limit=20)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Het signaal is overgedragen.")).to_be_visible()
    handover = Handover.objects.correlated().get(signal=signal)
    assert handover.to.name.startswith("Buurtteam")


def _app_of(email: str) -> Any:
    """A confirmed authenticator app for the person (as after setting it up)."""
    from samenspel.accounts import two_factor

    device = two_factor.pending_app_device(_user(email))
    device.confirmed = True
    device.save()
    return device


def _code(device: Any) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _membership(demo: Demo) -> Any:
    from samenspel.accounts.models import Membership

    return Membership.objects.for_user(_user(demo.partner_member)).get(coalition=demo.coalition)


def _user(email: str) -> Any:
    from samenspel.accounts.models import User

    return User.objects.get(email=email)


def _answer(page: Page) -> str:
    label = page.locator("label[for='id_answer']").inner_text()
    first, second = (int(n) for n in re.findall(r"\d+", label)[:2])
    return str(first + second)


def test_the_meldpunt_works_without_javascript(
    chromium: Browser, live_server: Any, demo: Demo
) -> None:
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    coalition = demo.coalition
    page.goto(url("meldpunt:form", coalition.uuid))
    expect(page.get_by_text("Bel bij direct gevaar 112")).to_be_visible()
    page.get_by_label("Naam van uw buurtgenoot").fill("Meneer Zonderscript (verzonnen)")
    page.get_by_label("Adres").fill("Dijkstraat 99, Dijkerveen")
    page.get_by_label("Vertel kort wat u zorgen baart").fill("Zie hem nooit meer buiten.")
    page.get_by_label("De inwoner weet er niet van").check()
    page.get_by_label(re.compile("Controlevraag")).fill(_answer(page))
    page.get_by_role("button", name="Melding versturen").click()
    code = page.locator(".samenspel-receipt").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{10}", code)

    page.get_by_role("link", name="Status bekijken").click()
    page.get_by_label("Uw ontvangstcode").fill(code)
    page.get_by_role("button", name="Status bekijken").click()
    expect(page.get_by_text("Uw melding is ontvangen.")).to_be_visible()
    context.close()


def test_the_signal_pages_pass_axe(page: Page, login_as: Callable[[str], None], demo: Demo) -> None:
    coalition = demo.coalition
    page.goto(url("meldpunt:form", coalition.uuid))
    assert_accessible(page, label="meldpunt")
    page.goto(url("meldpunt:status", coalition.uuid))
    assert_accessible(page, label="meldpunt: status")
    login_as(demo.coordinator)
    for name in ("signals:home", "signals:figures", "signals:settings"):
        page.goto(url(name, coalition.uuid))
        assert_accessible(page, label=name)
    page.goto(url("accounts:two_factor_setup"))
    assert_accessible(page, label="tweestapsverificatie instellen")
    login_as(demo.partner_member)
    device = _app_of(demo.partner_member)
    signal = Signal.objects.visible_to(_membership(demo)).filter(status="handed_over").get()
    page.goto(url("signals:detail", coalition.uuid, signal.uuid))
    assert_accessible(page, label="code uit uw app")
    page.get_by_label("Code").fill(_code(device))
    page.get_by_role("button", name="Controleren").click()
    for name in ("signals:detail", "signals:reads", "signals:decide", "signals:erase"):
        page.goto(url(name, coalition.uuid, signal.uuid))
        assert_accessible(page, label=name)
