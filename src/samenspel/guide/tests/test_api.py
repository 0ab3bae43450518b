import pytest
from django.test import Client

from samenspel.guide.content import get_guide

pytestmark = pytest.mark.django_db
API = "/api/v1/guide"


def test_sections_are_listed_with_pagination(member_client: Client) -> None:
    data = member_client.get(f"{API}/sections/").json()
    assert data["count"] == len(get_guide().sections)
    first = data["results"][0]
    assert first["key"] == "phases"
    assert first["item_keys"][:2] == ["initiate", "explore"]
    assert {"title", "intro", "source"} <= set(first)


def test_sections_page_size(member_client: Client) -> None:
    data = member_client.get(f"{API}/sections/", {"page_size": 2}).json()
    assert len(data["results"]) == 2
    assert data["next"]


def test_section_detail_has_items(member_client: Client) -> None:
    data = member_client.get(f"{API}/sections/partner_kinds/").json()
    assert [item["key"] for item in data["items"]][-2:] == ["housing_corporation", "other"]
    assert data["items"][0]["tips"]


def test_item_detail(member_client: Client) -> None:
    data = member_client.get(f"{API}/sections/phases/items/initiate/").json()
    assert data["section"] == "phases"
    assert data["activities"][0]["key"] == "initiate-agenda-setting"
    assert data["paragraphs"] == data["body"].split("\n\n")
    assert data["source"].startswith("Handreiking §")


@pytest.mark.parametrize("path", ["sections/bestaat-niet/", "sections/phases/items/bestaat-niet/"])
def test_unknown_keys_are_404(member_client: Client, path: str) -> None:
    assert member_client.get(f"{API}/{path}").status_code == 404


def test_search(member_client: Client) -> None:
    data = member_client.get(f"{API}/search/", {"q": "initieren"}).json()
    assert data["count"] >= 1
    first = data["results"][0]
    assert (first["section"], first["item"], first["title_match"]) == ("phases", "initiate", True)
    assert first["snippet"]


def test_search_finds_words_in_the_body(member_client: Client) -> None:
    data = member_client.get(f"{API}/search/", {"q": "Welzijn op Recept"}).json()
    assert ("partner_kinds", "care_providers") in [
        (r["section"], r["item"]) for r in data["results"]
    ]


def test_search_requires_a_query(member_client: Client) -> None:
    assert member_client.get(f"{API}/search/").status_code == 400
    assert member_client.get(f"{API}/search/", {"q": " "}).status_code == 400


def test_api_requires_authentication(client: Client) -> None:
    assert client.get(f"{API}/sections/").status_code in {401, 403}


def test_openapi_schema_describes_the_guide(member_client: Client) -> None:
    response = member_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    assert f"{API}/sections/" in paths
    assert f"{API}/sections/{{section}}/items/{{item}}/" in paths
    search = paths[f"{API}/search/"]["get"]
    assert any(parameter["name"] == "q" for parameter in search["parameters"])
    listing = paths[f"{API}/sections/"]["get"]["responses"]["200"]["content"]
    assert "Paginated" in listing["application/json"]["schema"]["$ref"]
