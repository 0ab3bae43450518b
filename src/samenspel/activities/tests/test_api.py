"""API v1 for activities, reach, reach totals and the finder's settings: permissions (a partner
member only their own organisation's activities), problem+json errors and tenancy."""

import datetime

import pytest

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.activities.models import Activity, Finder, ReachRecord
from samenspel.activities.tests.test_activities import make_activity
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen West")


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def member(coalition):
    return MembershipFactory(coalition=coalition, partner_member=True)


@pytest.fixture
def library(coalition):
    return PartnerFactory(coalition=coalition, name="Bibliotheek West")


def url(coalition, suffix=""):
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


def invalid(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    return {p["name"]: p["reason"] for p in response.json()["invalid_params"]}


NEW = {
    "title": "Taalcafé",
    "description": "Samen Nederlands oefenen met koffie.",
    "kind": "learning",
    "target_groups": ["migrants", "low_literacy"],
    "time_slots": [{"weekday": 4, "start_time": "19:00", "end_time": "21:00"}],
    "cost": "0.00",
}


def test_crud_by_coordinator(coalition, coordinator, library):
    client = api_client_for(coordinator)
    wijk = Neighbourhood.objects.create(coalition=coalition, name="Noord")
    created = client.post(
        url(coalition, "activities/"),
        {**NEW, "providers": [str(library.uuid)], "neighbourhood": str(wijk.uuid)},
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["providers"] == [str(library.uuid)]
    assert body["target_groups"] == ["low_literacy", "migrants"]
    assert body["time_slots"] == [{"weekday": 4, "start_time": "19:00:00", "end_time": "21:00:00"}]
    assert body["checked_on"] == "2026-11-23"
    assert body["is_stale"] is False
    detail = url(coalition, f"activities/{body['uuid']}/")
    patched = client.patch(detail, {"title": "Taalcafé West", "time_slots": []}, format="json")
    assert patched.status_code == 200, patched.json()
    assert patched.json()["time_slots"] == []
    assert patched.json()["target_groups"] == ["low_literacy", "migrants"]
    assert client.get(url(coalition, "activities/")).json()["count"] == 1
    assert client.delete(detail).status_code == 204
    assert not Activity.objects.exists()


def test_validation_errors_are_problems_in_dutch(coalition, coordinator):
    client = api_client_for(coordinator)
    foreign_wijk = Neighbourhood.objects.create(coalition=CoalitionFactory(), name="Elders")
    problems = invalid(
        client.post(
            url(coalition, "activities/"),
            {**NEW, "starts_on": "2026-06-01", "ends_on": "2026-05-01"},
            format="json",
        )
    )
    assert problems["ends_on"] == "De einddatum ligt vóór de startdatum."
    problems = invalid(
        client.post(
            url(coalition, "activities/"),
            {**NEW, "neighbourhood": str(foreign_wijk.uuid)},
            format="json",
        )
    )
    assert problems["neighbourhood"] == "Deze wijk of kern hoort niet bij deze coalitie."
    problems = invalid(
        client.post(
            url(coalition, "activities/"),
            {**NEW, "time_slots": [{"weekday": 1, "start_time": "12:00", "end_time": "11:00"}]},
            format="json",
        )
    )
    assert problems["time_slots"] == "Tijdstip 1: De eindtijd ligt vóór de begintijd."
    problems = invalid(
        client.post(
            url(coalition, "activities/"),
            {**NEW, "providers": [str(PartnerFactory().uuid)]},
            format="json",
        )
    )
    assert problems["providers"] == "Deze partner hoort niet bij deze coalitie."
    assert not Activity.objects.exists()


def test_partner_member_only_changes_own_activities(coalition, coordinator, member, library):
    own = make_activity(coalition, coordinator, title="Eigen", providers=[member.partner])
    other = make_activity(coalition, coordinator, title="Ander", providers=[library])
    client = api_client_for(member.user)
    assert client.get(url(coalition, f"activities/{other.uuid}/")).status_code == 200
    forbidden = client.patch(
        url(coalition, f"activities/{other.uuid}/"), {"title": "x"}, format="json"
    )
    assert forbidden.status_code == 403
    assert forbidden["Content-Type"] == PROBLEM
    assert client.delete(url(coalition, f"activities/{other.uuid}/")).status_code == 403
    assert client.post(url(coalition, f"activities/{other.uuid}/check/")).status_code == 403
    reach = {"period_start": "2026-01-01", "period_end": "2026-03-31", "new_participants": 3}
    assert (
        client.post(
            url(coalition, f"activities/{other.uuid}/reach/"), reach, format="json"
        ).status_code
        == 403
    )
    ok = client.patch(url(coalition, f"activities/{own.uuid}/"), {"title": "Eigen!"}, format="json")
    assert ok.status_code == 200
    assert (
        client.post(
            url(coalition, f"activities/{own.uuid}/reach/"), reach, format="json"
        ).status_code
        == 201
    )
    problems = invalid(
        client.patch(
            url(coalition, f"activities/{own.uuid}/"),
            {"providers": [str(library.uuid)]},
            format="json",
        )
    )
    assert "eigen organisatie" in problems["providers"]
    other.refresh_from_db()
    assert other.title == "Ander"


def test_partner_member_creates_with_own_partner(coalition, member, library):
    client = api_client_for(member.user)
    response = client.post(url(coalition, "activities/"), NEW, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["providers"] == [str(member.partner.uuid)]


def test_partner_member_cannot_name_another_organisation(coalition, member, library):
    response = api_client_for(member.user).post(
        url(coalition, "activities/"), {**NEW, "providers": [str(library.uuid)]}, format="json"
    )
    assert "Alleen uw eigen organisatie" in invalid(response)["providers"]
    assert not Activity.objects.filter(coalition=coalition).exists()


def test_reader_cannot_write(coalition, coordinator):
    reader = MembershipFactory(coalition=coalition, read_only=True).user
    activity = make_activity(coalition, coordinator)
    client = api_client_for(reader)
    assert client.get(url(coalition, "activities/")).status_code == 200
    assert client.post(url(coalition, "activities/"), {}, format="json").status_code == 403
    assert (
        client.patch(url(coalition, f"activities/{activity.uuid}/"), {}, format="json").status_code
        == 403
    )
    assert (
        client.put(url(coalition, "finder/"), {"slug": "samen-west"}, format="json").status_code
        == 403
    )


def test_tenancy(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    record = ReachRecord.objects.create(
        activity=activity,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
    )
    outsider = api_client_for(MembershipFactory(coordinator=True).user)
    for suffix in (
        "activities/",
        f"activities/{activity.uuid}/",
        f"activities/{activity.uuid}/reach/",
        f"activities/{activity.uuid}/reach/{record.uuid}/",
        "reach-totals/",
        "finder/",
    ):
        response = outsider.get(url(coalition, suffix))
        assert response.status_code == 404, suffix
        assert response["Content-Type"] == PROBLEM
    # Another coalition's activity is not found under my own coalition either.
    mine = MembershipFactory(coordinator=True)
    response = api_client_for(mine.user).get(url(mine.coalition, f"activities/{activity.uuid}/"))
    assert response.status_code == 404
    response = api_client_for(mine.user).get(
        url(mine.coalition, f"activities/{activity.uuid}/reach/{record.uuid}/")
    )
    assert response.status_code == 404


def test_filters(coalition, coordinator, library):
    make_activity(coalition, coordinator, title="Jong", groups=["young"])
    old = make_activity(coalition, coordinator, title="Oud", providers=[library])
    Activity.objects.filter(pk=old.pk).update(checked_on=datetime.date(2025, 1, 1))
    client = api_client_for(coordinator)

    def titles(**params):
        response = client.get(url(coalition, "activities/"), params)
        assert response.status_code == 200, response.json()
        return [row["title"] for row in response.json()["results"]]

    assert titles(target_group="young") == ["Jong"]
    assert titles(provider=str(library.uuid)) == ["Oud"]
    assert titles(stale="true") == ["Oud"]
    assert titles() == ["Jong", "Oud"]
    assert "status" in invalid(client.get(url(coalition, "activities/"), {"status": "kwijt"}))


def test_reach_crud_and_validation(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    client = api_client_for(coordinator)
    base = url(coalition, f"activities/{activity.uuid}/reach/")
    body = {
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "new_participants": 10,
        "returning_participants": 20,
        "by_group": [{"group": "older", "participants": 25}],
    }
    created = client.post(base, body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["total"] == 30
    assert created.json()["by_group"] == [{"group": "older", "participants": 25}]
    problems = invalid(client.post(base, body, format="json"))
    assert problems["period_start"] == "Voor deze periode is het bereik al vastgelegd."
    too_many = {
        **body,
        "period_start": "2026-04-01",
        "period_end": "2026-06-30",
        "by_group": [{"group": "older", "participants": 31}],
    }
    assert "meer dan het totaal" in invalid(client.post(base, too_many, format="json"))["by_group"]
    backwards = {**body, "period_start": "2026-07-01", "period_end": "2026-06-30"}
    assert invalid(client.post(base, backwards, format="json"))["period_end"] == (
        "De einddatum ligt vóór de startdatum."
    )
    detail = f"{base}{created.json()['uuid']}/"
    patched = client.patch(detail, {"returning_participants": 25}, format="json")
    assert patched.status_code == 200
    assert patched.json()["by_group"] == [{"group": "older", "participants": 25}]
    assert client.delete(detail).status_code == 204
    assert not ReachRecord.objects.exists()


def test_reach_totals(coalition, coordinator, library):
    activity = make_activity(coalition, coordinator, providers=[library])
    ReachRecord.objects.create(
        activity=activity,
        period_start=datetime.date(2026, 4, 1),
        period_end=datetime.date(2026, 6, 30),
        new_participants=4,
        returning_participants=6,
    )
    client = api_client_for(coordinator)
    body = client.get(url(coalition, "reach-totals/")).json()
    assert (body["start"], body["end"]) == ("2025-11-24", "2026-11-23")
    assert body["total"]["total"] == 10
    assert body["by_partner"] == [
        {
            "key": str(library.uuid),
            "label": "Bibliotheek West",
            "new": 4,
            "returning": 6,
            "total": 10,
            "activities": 1,
        }
    ]
    later = client.get(url(coalition, "reach-totals/"), {"start": "2026-07-01"}).json()
    assert later["total"]["total"] == 0
    assert "end" in invalid(
        client.get(url(coalition, "reach-totals/"), {"start": "2026-07-01", "end": "2026-01-01"})
    )


def test_finder_settings(coalition, coordinator):
    client = api_client_for(coordinator)
    initial = client.get(url(coalition, "finder/")).json()
    assert initial["slug"] == "samen-west"
    assert initial["exists"] is False
    saved = client.put(
        url(coalition, "finder/"), {"slug": "samen-west", "is_published": True}, format="json"
    )
    assert saved.status_code == 200, saved.json()
    assert saved.json()["exists"] is True
    assert Finder.objects.get(coalition=coalition).is_published
    Finder.objects.create(coalition=CoalitionFactory(), slug="bezet")
    problems = invalid(client.patch(url(coalition, "finder/"), {"slug": "bezet"}, format="json"))
    assert "al in gebruik" in problems["slug"]
    problems = invalid(
        client.patch(url(coalition, "finder/"), {"slug": "Met Spaties"}, format="json")
    )
    assert "kleine letters" in problems["slug"]


def test_list_queries_do_not_grow(coalition, coordinator, library):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_client_for(coordinator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(coalition, "activities/")).status_code == 200
        return len(queries)

    make_activity(coalition, coordinator, providers=[library])
    few = count()
    for n in range(10):
        make_activity(
            coalition, coordinator, title=f"A{n}", providers=[library], groups=["young", "older"]
        )
    assert count() == few


def test_errors_never_name_another_coalitions_partner(coalition, coordinator):
    foreign = PartnerFactory(name="Stichting Elders Geheim")
    client = api_client_for(coordinator)
    response = client.post(
        url(coalition, "activities/"), {**NEW, "providers": [str(foreign.uuid)]}, format="json"
    )
    assert "providers" in invalid(response)
    assert "Elders Geheim" not in response.content.decode()
    activity = make_activity(coalition, coordinator)
    response = client.patch(
        url(coalition, f"activities/{activity.uuid}/"),
        {"providers": [str(foreign.uuid)]},
        format="json",
    )
    assert "providers" in invalid(response)
    assert "Elders Geheim" not in response.content.decode()


def test_the_list_comes_in_pages_of_25_and_more_on_request(coalition, coordinator):
    Activity.objects.bulk_create(
        Activity(coalition=coalition, title=f"Activiteit {n:02d}", kind="meeting_place")
        for n in range(30)
    )
    client = api_client_for(coordinator)
    first = client.get(url(coalition, "activities/")).json()
    assert (first["count"], len(first["results"])) == (30, 25)
    assert first["results"][0]["title"] == "Activiteit 00"
    assert len(client.get(url(coalition, "activities/?page_size=30")).json()["results"]) == 30
