"""No lost updates through the API: ETag, If-Match and parallel PATCHes of one partner."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from django.db import connection
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, api_token_for
from samenspel.partners.models import Partner
from samenspel.partners.tests.factories import PartnerFactory

THREADS = 20


def _sqlite_waits_for_writers() -> bool:
    """Threads need their own connections to a file database in IMMEDIATE mode (set for tests on
    the audit branch, in conf/base.py and conf/test.py); a shared in-memory database fails at once
    instead of waiting."""
    settings = connection.settings_dict
    return settings["OPTIONS"].get("transaction_mode") == "IMMEDIATE" and ":memory:" not in str(
        settings["TEST"].get("NAME") or ":memory:"
    )


@pytest.fixture
def coordinator(db):
    return MembershipFactory(coordinator=True)


@pytest.fixture
def partner(coordinator):
    return PartnerFactory(coalition=coordinator.coalition, brings="ruimte", takes="bereik")


def _url(partner: Partner) -> str:
    return f"/api/v1/coalitions/{partner.coalition.uuid}/partners/{partner.uuid}/"


def _client(coordinator) -> APIClient:
    _token, raw = api_token_for(coordinator.user)
    return APIClient(headers={"Authorization": f"Token {raw}"})


def test_every_object_answer_carries_its_etag(coordinator, partner):
    client = _client(coordinator)

    shown = client.get(_url(partner))
    changed = client.patch(_url(partner), {"brings": "koffie"}, format="json")

    assert shown["ETag"].startswith('"')
    assert changed.status_code == 200
    assert changed["ETag"] != shown["ETag"]
    assert client.get(_url(partner))["ETag"] == changed["ETag"]


def test_a_stale_if_match_is_refused_and_changes_nothing(coordinator, partner):
    client = _client(coordinator)
    seen = client.get(_url(partner))["ETag"]
    client.patch(_url(partner), {"takes": "naamsbekendheid"}, format="json")

    response = client.patch(
        _url(partner), {"brings": "koffie"}, format="json", headers={"If-Match": seen}
    )

    assert response.status_code == 412
    assert response["Content-Type"] == "application/problem+json"
    assert "gewijzigd" in response.json()["detail"]
    partner.refresh_from_db()
    assert (partner.brings, partner.takes) == ("ruimte", "naamsbekendheid")


def test_a_current_if_match_is_accepted(coordinator, partner):
    client = _client(coordinator)
    current = client.get(_url(partner))["ETag"]

    response = client.patch(
        _url(partner), {"brings": "koffie"}, format="json", headers={"If-Match": current}
    )

    assert response.status_code == 200
    assert response.json()["brings"] == "koffie"


def test_a_stale_if_match_on_delete_keeps_the_contact(coordinator, partner):
    client = _client(coordinator)
    url = _url(partner) + "contacts/"
    contact = client.post(url, {"name": "Anna"}, format="json").json()
    detail = f"{url}{contact['uuid']}/"
    seen = client.get(detail)["ETag"]
    client.patch(detail, {"function": "secretaris"}, format="json")

    assert client.delete(detail, headers={"If-Match": seen}).status_code == 412
    assert client.get(detail).status_code == 200


def _patch(base: str, token: str, body: dict[str, str], if_match: str | None) -> dict[str, Any]:
    headers = {"Authorization": f"Token {token}"}
    if if_match == "fresh":
        if_match = requests.get(base, headers=headers, timeout=30).headers["ETag"]
    if if_match:
        headers["If-Match"] = if_match
    response = requests.patch(base, json=body, headers=headers, timeout=60)
    return {"status": response.status_code, "sent": body, "stale": if_match, "body": response}


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_parallel_patches_either_stick_or_are_refused(live_server, coordinator, partner):
    if connection.vendor == "sqlite" and not _sqlite_waits_for_writers():
        pytest.skip("SQLite needs transaction_mode IMMEDIATE and file test databases")
    _token, raw = api_token_for(coordinator.user)
    base = live_server.url + _url(partner)
    stale = requests.get(base, headers={"Authorization": f"Token {raw}"}, timeout=30).headers[
        "ETag"
    ]
    Partner.objects.filter(pk=partner.pk).update(represents="iemand")  # now `stale` is stale
    jobs = []
    for number in range(THREADS):
        field = "brings" if number % 2 else "takes"
        if_match = (stale, "fresh", None)[number % 3]
        jobs.append(({field: f"{field} {number}"}, if_match))

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda job: _patch(base, raw, *job), jobs))

    assert {result["status"] for result in results} <= {200, 412}
    assert all(result["status"] == 412 for result in results if result["stale"] == stale)
    stuck = [result for result in results if result["status"] == 200]
    assert stuck, "at least the requests without If-Match succeed"
    partner.refresh_from_db()
    for field in ("brings", "takes"):
        answers = [result["body"].json() for result in stuck if field in result["sent"]]
        if answers:  # the last accepted change of each field is what the partner now says
            last = max(answers, key=lambda answer: answer["updated_at"])
            assert getattr(partner, field) == last[field], field
    for result in stuck:
        field, value = next(iter(result["sent"].items()))
        assert result["body"].json()[field] == value  # each accepted change was applied
