"""Open data: GET /api/v1/open/<finder>/services/ gives the published offer in the style of
Open Referral HSDS 3, without a token, in a fixed number of queries."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.activities import hsds
from samenspel.activities.models import ActivityKind, ActivityStatus, Frequency, TargetGroup
from samenspel.activities.tests.test_public_finder import (
    make_activity,
    make_finder,
    make_neighbourhood,
)
from samenspel.coalitions.models import Neighbourhood
from samenspel.partners.tests.factories import PartnerFactory

NOW = datetime.datetime(2026, 2, 2, 12, tzinfo=datetime.UTC)


def services_url(finder: Any, query: str = "") -> str:
    url = reverse("finder_api:services", args=[finder.slug])
    return f"{url}?{query}" if query else url


@pytest.fixture
def finder(db: None) -> Any:
    return make_finder()


@pytest.fixture
def full_activity(finder: Any) -> Any:
    coalition = finder.coalition
    north = Neighbourhood.objects.create(coalition=coalition, name="Noord", cbs_code="WK999901")
    provider = PartnerFactory(coalition=coalition, name="Welzijn Dijkerveen")
    return make_activity(
        coalition,
        "Taalcafé",
        description="Oefen Nederlands praten.",
        kind=ActivityKind.LEARNING,
        groups=[TargetGroup.MIGRANTS, TargetGroup.LOW_LITERACY],
        slots=[(4, datetime.time(19), datetime.time(21))],
        frequency=Frequency.BIWEEKLY,
        starts_on=datetime.date(2026, 3, 5),
        ends_on=datetime.date(2026, 12, 17),
        neighbourhood=north,
        location_name="Bibliotheek",
        street_address="Kerkstraat 1",
        postal_code="9999 AA",
        city="Dijkerveen",
        cost=Decimal("2.50"),
        cost_note="per keer",
        wheelchair_accessible=True,
        accessibility="Lift aanwezig",
        capacity=15,
        how_to_join="Gewoon binnenlopen",
        contact_phone="0123 456 789",
        contact_email="taalcafe@bibliotheek.example",
        website="https://bibliotheek.example/taalcafe",
        week_against_loneliness=True,
        providers=[provider],
    )


@time_machine.travel(NOW, tick=False)
def test_service_in_hsds_shape(finder: Any, full_activity: Any) -> None:
    response = Client().get(services_url(finder))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert {k: body[k] for k in ("total_items", "total_pages", "page_number", "size")} == {
        "total_items": 1,
        "total_pages": 1,
        "page_number": 1,
        "size": 1,
    }
    assert body["first_page"] is True
    assert body["last_page"] is True
    assert body["empty"] is False
    (service,) = body["contents"]
    activity = full_activity
    page = reverse("finder:activity", args=[finder.slug, activity.uuid])
    assert service["id"] == str(activity.uuid)
    assert service["name"] == "Taalcafé"
    assert service["description"] == "Oefen Nederlands praten."
    assert service["url"] == f"http://testserver{page}"
    assert service["additional_urls"][0]["url"] == "https://bibliotheek.example/taalcafe"
    assert service["email"] == "taalcafe@bibliotheek.example"
    assert service["status"] == "active"
    assert service["application_process"] == "Gewoon binnenlopen"
    assert service["fees_description"] == "€ 2,50 (per keer)"
    assert service["eligibility_description"] == (
        "Mensen die moeite hebben met lezen en schrijven, Nieuwkomers en migranten"
    )
    assert service["organization"]["name"] == "Welzijn Dijkerveen"
    assert service["phones"][0]["number"] == "0123 456 789"
    assert service["service_areas"][0]["name"] == "Noord"
    assert service["service_areas"][0]["description"] == "WK999901"
    (at_location,) = service["service_at_locations"]
    location = at_location["location"]
    assert location["name"] == "Bibliotheek"
    assert location["addresses"][0] | {"id": None, "location_id": None} == {
        "id": None,
        "location_id": None,
        "address_1": "Kerkstraat 1",
        "city": "Dijkerveen",
        "postal_code": "9999 AA",
        "region": "Noord",
        "country": "NL",
        "address_type": "physical",
    }
    assert location["addresses"][0]["location_id"] == location["id"]
    assert location["accessibility"][0]["description"] == "Lift aanwezig"
    assert location["accessibility"][0]["details"] == "Toegankelijk met een rolstoel."
    (schedule,) = service["schedules"]
    assert {k: schedule[k] for k in ("freq", "interval", "byday", "opens_at", "closes_at")} == {
        "freq": "WEEKLY",
        "interval": 2,
        "byday": "TH",
        "opens_at": "19:00",
        "closes_at": "21:00",
    }
    assert schedule["dtstart"] == "2026-03-05"
    assert schedule["valid_from"] == "2026-03-05"
    assert schedule["valid_to"] == "2026-12-17"
    assert schedule["until"] == "2026-12-17"
    assert schedule["timezone"] == 1.0  # 5 March: winter time in Amsterdam
    assert schedule["service_id"] == service["id"]
    (cost,) = service["cost_options"]
    assert (cost["amount"], cost["currency"], cost["option"]) == (2.5, "EUR", "per keer")
    assert service["service_capacities"][0]["maximum"] == 15
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"], a["taxonomy_term"]["name"])
        for a in service["attributes"]
    }
    assert terms == {
        ("samenspel-activiteitsoort", "learning", "Leren en ontwikkelen"),
        ("samenspel-doelgroep", "migrants", "Nieuwkomers en migranten"),
        ("samenspel-doelgroep", "low_literacy", "Mensen die moeite hebben met lezen en schrijven"),
        ("samenspel-kenmerk", "week_tegen_eenzaamheid", "Week tegen Eenzaamheid"),
    }
    assert all(a["link_id"] == service["id"] for a in service["attributes"])


def test_identifiers_are_uuids_and_stable(finder: Any, full_activity: Any) -> None:
    def ids(node: Any) -> list[str]:
        if isinstance(node, dict):
            found = [v for k, v in node.items() if k == "id" or k.endswith("_id")]
            return found + [i for v in node.values() for i in ids(v)]
        if isinstance(node, list):
            return [i for v in node for i in ids(v)]
        return []

    first = Client().get(services_url(finder)).json()["contents"]
    again = Client().get(services_url(finder)).json()["contents"]
    found = ids(first)
    assert found == ids(again)
    assert len(found) > 10
    for value in found:
        uuid.UUID(value)  # raises for a database key or anything else
    # The same taxonomy term has the same id in every service.
    other = make_activity(finder.coalition, "Andere", kind=ActivityKind.LEARNING, groups=[])
    contents = Client().get(services_url(finder)).json()["contents"]
    kind_ids = {
        a["taxonomy_term"]["id"]
        for s in contents
        for a in s["attributes"]
        if a["taxonomy_term"]["code"] == "learning"
    }
    assert len(kind_ids) == 1
    assert str(other.uuid) in {s["id"] for s in contents}


def test_paused_activity_is_temporarily_closed_and_monthly_has_a_position(finder: Any) -> None:
    make_activity(
        finder.coalition,
        "Soep",
        status=ActivityStatus.PAUSED,
        frequency=Frequency.MONTHLY,
        starts_on=datetime.date(2026, 7, 1),  # the first tuesday is 7 July
        cost=Decimal("0"),
    )
    (service,) = Client().get(services_url(finder)).json()["contents"]
    assert service["status"] == "temporarily closed"
    assert service["schedules"][0]["byday"] == "1TU"
    assert service["schedules"][0]["freq"] == "MONTHLY"
    assert service["schedules"][0]["timezone"] == 2.0
    assert service["fees_description"] == "Gratis"
    assert service["cost_options"][0]["amount"] == 0


def test_no_token_needed_and_a_bad_one_is_ignored(finder: Any, full_activity: Any) -> None:
    response = Client().get(services_url(finder), HTTP_AUTHORIZATION="Token onzin")
    assert response.status_code == 200
    assert response.json()["total_items"] == 1


def test_unknown_or_unpublished_finder_is_a_404_problem(finder: Any, db: None) -> None:
    hidden = make_finder(published=False)
    make_activity(hidden.coalition, "Verborgen")
    for slug in (hidden.slug, "bestaat-niet"):
        response = Client().get(reverse("finder_api:services", args=[slug]))
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_pages_and_per_page(finder: Any) -> None:
    for n in range(5):
        make_activity(finder.coalition, f"Activiteit {n}")
    body = Client().get(services_url(finder, "per_page=2&page=3")).json()
    assert (body["total_items"], body["total_pages"], body["page_number"], body["size"]) == (
        5,
        3,
        3,
        1,
    )
    assert body["last_page"] is True
    assert body["first_page"] is False
    assert [s["name"] for s in body["contents"]] == ["Activiteit 4"]
    everything = Client().get(services_url(finder, "per_page=100")).json()
    assert everything["size"] == 5
    too_many = Client().get(services_url(finder, "per_page=101"))
    assert too_many.status_code == 400
    assert too_many.json()["invalid_params"] == [
        {"name": "per_page", "reason": "Geef een heel getal van 1 tot en met 100."}
    ]
    assert Client().get(services_url(finder, "page=9")).status_code == 404


def test_query_count_does_not_grow_with_the_offer(finder: Any) -> None:
    coalition = finder.coalition
    wijk = make_neighbourhood(coalition, "Zuid")
    provider = PartnerFactory(coalition=coalition)

    def add(n: int) -> None:
        for i in range(n):
            make_activity(
                coalition,
                f"Activiteit {i}",
                neighbourhood=wijk,
                slots=[(1, datetime.time(9), None), (3, datetime.time(14), datetime.time(15))],
                groups=[TargetGroup.OLDER, TargetGroup.YOUNG],
                providers=[provider],
                cost=Decimal("1"),
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(services_url(finder))
        assert response.status_code == 200
        return len(queries)

    add(2)
    small = count()
    add(40)
    assert count() == small
    # finder (with its version), count, page, wijken, time slots, target groups, providers
    assert small == 7


@pytest.mark.parametrize(
    ("owner", "part"),
    [
        (uuid.UUID("12345678-1234-5678-1234-567812345678"), "location"),
        ("samenspel-doelgroep", "ouderen"),
        ("5633e6f6-c7fc-457d-b42b-accec6affff2", "schedule/3/10:00"),
        (uuid.UUID("67c16128-7b40-4903-8f11-5fe79476ce7e"), "attribute/samenspel-kenmerk/week"),
    ],
)
def test_derived_ids_are_uuid5_of_owner_and_part(owner: Any, part: str) -> None:
    assert hsds.derived_id(owner, part) == str(uuid.uuid5(hsds.NAMESPACE, f"{owner}/{part}"))
