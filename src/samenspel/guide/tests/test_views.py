import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from samenspel.guide.content import get_guide

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "guide"


def _h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_index_lists_every_section(member_client: Client) -> None:
    response = member_client.get(reverse("guide:index"))
    assert response.status_code == 200
    html = response.content.decode()
    for section in get_guide().sections:
        assert reverse("guide:section", args=[section.key]) in html
    assert _h1_count(html) == 1
    assert 'aria-label="Kruimelpad"' in html
    assert '<label class="utrecht-form-label" for="guide-q">' in html


def test_guide_requires_login(client: Client) -> None:
    response = client.get(reverse("guide:index"))
    assert response.status_code == 302


@pytest.mark.parametrize("section", [section.key for section in get_guide().sections])
def test_every_section_page_renders(member_client: Client, section: str) -> None:
    response = member_client.get(reverse("guide:section", args=[section]))
    assert response.status_code == 200
    assert _h1_count(response.content.decode()) == 1


def test_every_item_page_renders(member_client: Client) -> None:
    for item in get_guide().items():
        response = member_client.get(reverse("guide:item", args=[item.section_key, item.key]))
        assert response.status_code == 200, item.key
        assert _h1_count(response.content.decode()) == 1


def test_item_page_shows_everything(member_client: Client) -> None:
    response = member_client.get(reverse("guide:item", args=["phases", "initiate"]))
    html = response.content.decode()
    item = response.context["item"]
    assert item.paragraphs[0] in html
    assert item.tips[0].title in html
    assert item.questions[0] in html
    assert 'id="initiate-agenda-setting"' in html
    assert "Handreiking §1.2.1–1.2.2" in html
    assert reverse("guide:item", args=["phases", "explore"]) in html  # next item


@pytest.mark.parametrize(
    "url",
    [
        "/gids/bestaat-niet/",
        "/gids/phases/bestaat-niet/",
        "/gids/bestaat-niet/initiate/",
    ],
)
def test_unknown_keys_are_404(member_client: Client, url: str) -> None:
    assert member_client.get(url).status_code == 404


def test_search_page_finds_an_item(member_client: Client) -> None:
    response = member_client.get(reverse("guide:search"), {"q": "initieren"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("guide:item", args=["phases", "initiate"]) in html
    assert 'value="initieren"' in html
    assert _h1_count(html) == 1


def test_search_page_without_query(member_client: Client) -> None:
    response = member_client.get(reverse("guide:search"))
    assert response.status_code == 200
    assert response.context["hits"] == []


def test_search_query_is_escaped(member_client: Client) -> None:
    response = member_client.get(reverse("guide:search"), {"q": "<script>x</script>"})
    assert "<script>x</script>" not in response.content.decode()


def test_templates_have_no_inline_styles_or_scripts() -> None:
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "style=" not in text, template.name
        assert "<script" not in text, template.name
        assert "<style" not in text, template.name


def _render(source: str) -> str:
    return Template("{% load guide_tags %}" + source).render(Context({}))


def test_guide_tips_tag_renders_up_to_three_tips_and_a_link() -> None:
    html = _render('{% guide_tips "phases" "explore" %}')
    assert "Tips uit de gids" in html
    assert html.count('class="utrecht-unordered-list__item"') == 3
    assert reverse("guide:item", args=["phases", "explore"]) in html
    assert "<h2 " in html


def test_guide_tips_tag_options() -> None:
    html = _render('{% guide_tips "partner_kinds" "welfare" limit=1 heading_level=3 %}')
    assert html.count('class="utrecht-unordered-list__item"') == 1
    assert "<h3 " in html


def test_guide_tips_tag_renders_nothing_for_unknown_keys() -> None:
    assert _render('{% guide_tips "phases" "bestaat-niet" %}').strip() == ""
    assert _render('{% guide_tips "phases" "" %}').strip() == ""
