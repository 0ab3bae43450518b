"""HTTP caching of the public surface: the finder, the embeddable list, an activity page, its
.ics and the open data carry an ETag from the data's version and a Cache-Control a proxy can use,
answer 304 to a repeat request without making the page, change their ETag when the offer
changes, never vary on the Cookie header and stay Dutch; personal pages are private and not
stored."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.renderers import JSONRenderer

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities import hsds, services
from samenspel.activities.api.public_serializers import ServiceSerializer
from samenspel.activities.public_selectors import open_data_activities
from samenspel.activities.tests.test_public_finder import (
    make_activity,
    make_finder,
    make_neighbourhood,
)
from samenspel.partners.tests.factories import PartnerFactory

PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=30"


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    finder = make_finder()
    wijk = make_neighbourhood(finder.coalition, "Noord")
    provider = PartnerFactory(coalition=finder.coalition, name="Welzijn Noord")
    activity = make_activity(
        finder.coalition, "Koffieochtend", neighbourhood=wijk, providers=[provider]
    )
    cache.clear()  # throttle counters
    return {"finder": finder, "activity": activity, "provider": provider}


def public_urls(world: dict[str, Any]) -> dict[str, str]:
    slug, uuid = world["finder"].slug, world["activity"].uuid
    return {
        "finder": reverse("finder:index", args=[slug]) + "?dag=2",
        "embed": reverse("finder:embed", args=[slug]),
        "activity": reverse("finder:activity", args=[slug, uuid]),
        "print": reverse("finder:print", args=[slug, uuid]),
        "ics": reverse("finder:ics", args=[slug, uuid]),
        "open data": reverse("finder_api:services", args=[slug]),
    }


def test_public_answers_can_be_kept_by_a_proxy(world: dict[str, Any]) -> None:
    client = Client()
    client.cookies["django_language"] = "en"  # a visitor who chose English while logged in
    for name, url in public_urls(world).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Cache-Control"] == PUBLIC_CACHE, name
        assert response["ETag"].startswith('"'), name
        assert "Cookie" not in response.get("Vary", ""), name
        assert response["Content-Language"] == "nl", name
        assert not response.cookies, name
    page = client.get(public_urls(world)["finder"]).content.decode()
    assert "Zoek op woord" in page  # Dutch, whatever the cookie says


def test_a_repeat_request_is_answered_304_without_making_the_page(world: dict[str, Any]) -> None:
    client = Client()
    for name, url in public_urls(world).items():
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, name
        assert again.content == b"", name
        assert again["ETag"] == first["ETag"], name
        assert again["Cache-Control"] == PUBLIC_CACHE, name
        assert len(queries) == 1, name  # the finder with the version of its data


@pytest.mark.parametrize(
    "change",
    ["edit activity", "new activity", "delete activity", "rename provider", "new wijk", "finder"],
)
def test_the_etag_changes_with_what_the_pages_show(world: dict[str, Any], change: str) -> None:
    finder, activity = world["finder"], world["activity"]
    coordinator = MembershipFactory(coalition=finder.coalition, coordinator=True).user
    urls = public_urls(world)
    gone = make_activity(finder.coalition, "Weg")
    before = {name: Client().get(url)["ETag"] for name, url in urls.items()}
    if change == "edit activity":
        services.update_activity(activity, acting_user=coordinator, title="Koffie en koek")
    elif change == "new activity":
        make_activity(finder.coalition, "Wandelen")
    elif change == "delete activity":
        services.delete_activity(gone, acting_user=coordinator)
    elif change == "rename provider":
        provider = world["provider"]
        provider.name = "Welzijn Noord-Oost"
        provider.save()
    elif change == "new wijk":
        make_neighbourhood(finder.coalition, "Zuid")
    else:
        services.save_finder(finder.coalition, acting_user=coordinator, title="Samen in Noord")
    for name, url in urls.items():
        response = Client().get(url, HTTP_IF_NONE_MATCH=before[name])
        assert response.status_code == 200, name
        assert response["ETag"] != before[name], name


def test_the_etag_changes_at_midnight(world: dict[str, Any]) -> None:
    url = public_urls(world)["finder"]
    with time_machine.travel(datetime.datetime(2026, 5, 1, 23, 59, tzinfo=datetime.UTC)):
        tonight = Client().get(url)["ETag"]
    with time_machine.travel(datetime.datetime(2026, 5, 2, 23, 59, tzinfo=datetime.UTC)):
        tomorrow = Client().get(url, HTTP_IF_NONE_MATCH=tonight)
    assert tomorrow.status_code == 200
    assert tomorrow["ETag"] != tonight


def test_errors_are_not_marked_for_caching(world: dict[str, Any]) -> None:
    missing = reverse("finder:activity", args=[world["finder"].slug, world["provider"].uuid])
    response = Client().get(missing)
    assert response.status_code == 404
    assert "public" not in response["Cache-Control"]


def test_personal_pages_are_private_and_not_stored(world: dict[str, Any]) -> None:
    member = MembershipFactory(coalition=world["finder"].coalition, coordinator=True)
    response = client_for(member.user).get(reverse("activities:list", args=[member.coalition.uuid]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    api = client_for(member.user).get(f"/api/v1/coalitions/{member.coalition.uuid}/activities/")
    assert api["Cache-Control"] == "private, no-store"


def test_open_data_is_throttled_per_client(world: dict[str, Any]) -> None:
    url = public_urls(world)["open data"]
    statuses = [Client().get(url).status_code for _request in range(61)]
    assert statuses == [200] * 60 + [429]
    other_client = Client(REMOTE_ADDR="198.51.100.7")
    assert other_client.get(url).status_code == 200


def test_open_data_is_built_once_in_the_shape_its_serializer_describes(
    world: dict[str, Any],
) -> None:
    finder = world["finder"]
    make_activity(finder.coalition, "Met kosten", cost="2.5", ends_on=datetime.date(2099, 1, 1))
    activities = list(open_data_activities(finder))
    built = [hsds.service(a, url=f"https://example.nl/{a.uuid}/") for a in activities]
    checked = ServiceSerializer(built, many=True).data
    assert JSONRenderer().render(built) == JSONRenderer().render(checked)
