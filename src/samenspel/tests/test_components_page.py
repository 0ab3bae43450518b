"""The component page exists only for developers (settings.DEBUG) and shows every component."""

import importlib
import re

import pytest
from django.test import Client, override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse

import samenspel.urls
from samenspel.core.templatetags.components import badge

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls():
    with override_settings(DEBUG=True):
        importlib.reload(samenspel.urls)
        clear_url_caches()
        yield
    importlib.reload(samenspel.urls)
    clear_url_caches()


def test_there_is_no_component_page_without_debug():
    with pytest.raises(NoReverseMatch):
        reverse("components")


def test_the_component_page_shows_every_component(debug_urls):
    html = Client().get(reverse("components")).content.decode()
    assert 'role="region"' in html
    assert 'aria-label="Voorbeeld: bijdragen per partner"' in html
    assert "samenspel-error-summary" in html
    assert "Kies …" in html
    assert "---------" not in html
    assert "6 december 2026" in html
    assert "6 dec. 2026" in html
    assert "6 december 2026 – 31 maart 2027" in html
    assert "€\u00a01.500,50" in html
    assert "kan twee bedragen betekenen" in html  # the refused amount
    assert 'id="id_name_limit"' in html
    assert 'type="radio"' in html
    radios = re.findall(r'<input type="radio" name="circle" value="([^"]*)"', html)
    assert radios
    assert "" not in radios


def test_the_component_page_shows_navigation_and_a_sortable_table(debug_urls):
    client = Client()
    html = client.get(reverse("components")).content.decode()
    assert 'aria-label="Kruimelpad"' in html
    assert 'aria-current="page">Kerngroepoverleg<' in html
    assert 'class="samenspel-subnav"' in html
    assert 'aria-sort="ascending"' in html
    sorted_html = client.get(reverse("components"), {"sorteer": "-bedrag"}).content.decode()
    assert sorted_html.index("Welzijn Dijkerveen") < sorted_html.index("Bibliotheek Dijkerveen")


def test_a_badge_is_a_word_with_a_known_tone_and_escapes_its_label():
    assert badge("te laat", "urgent") == (
        '<span class="samenspel-badge samenspel-badge--urgent">te laat</span>'
    )
    assert badge("<b>", "red") == '<span class="samenspel-badge">&lt;b&gt;</span>'
