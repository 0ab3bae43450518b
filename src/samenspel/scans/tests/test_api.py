"""API v1 for scans: the policy of the pages, the respondent's link as the only key, and no
answer of one respondent in anything a coalition member can read."""

import datetime
import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.testing import generated_schema
from samenspel.partners.models import ContactPerson
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans import services
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
PULSE = ["energy_now", "energy_own", "attendance_meetings", "delivery_agreements"]
COMPLETE = {"energy_now": 4, "energy_own": 5, "attendance_meetings": None, "delivery_agreements": 2}
TODAY = datetime.date(2025, 6, 2)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC), tick=False)


@pytest.fixture(autouse=True)
def _clean_throttle():
    """The respondent route is throttled in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outsider():
    """Coordinator of another coalition: every right, but not here."""
    return MembershipFactory(coordinator=True).user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


def contacts_of(coalition, n, *, kind="welfare", circle="active", prefix="r"):
    partner = PartnerFactory(coalition=coalition, kind=kind, circle=circle)
    return [
        ContactPerson.objects.create(
            partner=partner, name=f"Respondent {prefix}{i}", email=f"{prefix}{i}@{partner.pk}.nl"
        )
        for i in range(n)
    ]


def make_round(
    coalition, *, n=3, anonymous=True, key="pulse", opened=True, title="Voorjaar", days=14
):
    user = coalition.memberships.first().user
    scan_round = services.create_round(
        coalition,
        acting_user=user,
        instrument_key=key,
        title=title,
        anonymous=anonymous,
        closes_on=TODAY + datetime.timedelta(days=days),
        contacts=contacts_of(coalition, n, prefix=title[:3].lower()),
    )
    if opened:
        services.open_round(scan_round, acting_user=user)
        scan_round.refresh_from_db()
    return scan_round


def answer_all(scan_round, answers=COMPLETE):
    for respondent in scan_round.respondents.all():
        services.save_answers(
            respondent, respondent.link_token, answers=answers, instrument_version=1, submit=True
        )


def base(coalition) -> str:
    return f"/api/v1/coalitions/{coalition.uuid}/"


def round_url(scan_round, suffix="") -> str:
    return f"{base(scan_round.coalition)}scans/rounds/{scan_round.uuid}/{suffix}"


def respond_url(respondent) -> str:
    return f"/api/v1/respond/{respondent.link_token}/"


def invalid_names(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM
    return {param["name"] for param in response.json()["invalid_params"]}


def assert_private(response):
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


# --- tenancy and the policy -----------------------------------------------------------------


READS = [
    "scans/rounds/",
    "scans/rounds/{round}/",
    "scans/rounds/{round}/respondents/",
    "scans/rounds/{round}/results/",
    "scans/trends/pulse/",
    "health/",
]
WRITES = [
    ("post", "scans/rounds/"),
    ("post", "scans/rounds/{round}/open"),
    ("post", "scans/rounds/{round}/close"),
]


@pytest.mark.parametrize("suffix", READS)
def test_outsider_gets_404_on_every_read(coalition, outsider, suffix):
    scan_round = make_round(coalition, opened=False)

    response = api_client_for(outsider).get(base(coalition) + suffix.format(round=scan_round.uuid))

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize(("method", "suffix"), WRITES)
def test_outsider_gets_404_on_every_write_and_nothing_changes(coalition, outsider, method, suffix):
    scan_round = make_round(coalition, opened=False)
    body = {"instrument_key": "pulse", "title": "X", "closes_on": "2025-07-01", "contacts": []}

    response = getattr(api_client_for(outsider), method)(
        base(coalition) + suffix.format(round=scan_round.uuid), body, format="json"
    )

    assert response.status_code == 404
    assert Round.objects.get().status == RoundStatus.DRAFT
    assert not mail.outbox


def test_a_round_of_another_coalition_is_not_found_under_mine(coalition, outsider):
    theirs = make_round(MembershipFactory(coordinator=True).coalition, opened=False)
    url = f"{base(coalition)}scans/rounds/{theirs.uuid}/"

    assert api_client_for(coalition.memberships.first().user).get(url).status_code == 404
    assert (
        api_client_for(coalition.memberships.first().user).get(url + "results/").status_code == 404
    )


@pytest.mark.parametrize(("method", "suffix"), WRITES)
def test_read_only_member_gets_403_on_every_write(coalition, reader, method, suffix):
    scan_round = make_round(coalition, opened=False)
    contact = contacts_of(coalition, 1, prefix="x")[0]
    body = {
        "instrument_key": "pulse",
        "title": "X",
        "closes_on": "2025-07-01",
        "contacts": [str(contact.uuid)],
    }

    response = getattr(api_client_for(reader), method)(
        base(coalition) + suffix.format(round=scan_round.uuid), body, format="json"
    )

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert Round.objects.get().status == RoundStatus.DRAFT


def test_read_only_member_sees_rounds_and_results_but_not_who_was_invited(coalition, reader):
    scan_round = make_round(coalition)
    client = api_client_for(reader)

    assert client.get(base(coalition) + "scans/rounds/").status_code == 200
    assert client.get(round_url(scan_round, "results/")).status_code == 200
    assert client.get(round_url(scan_round, "respondents/")).status_code == 403


def test_anonymous_requests_get_401(coalition):
    scan_round = make_round(coalition, opened=False)
    for url in ("/api/v1/instruments/", round_url(scan_round), base(coalition) + "health/"):
        response = APIClient().get(url)
        assert response.status_code == 401
        assert response["Content-Type"] == PROBLEM


# --- instruments ----------------------------------------------------------------------------


def test_instruments_list_the_newest_version_with_scale_subscales_and_items(coordinator):
    response = api_client_for(coordinator.user).get("/api/v1/instruments/")

    assert response.status_code == 200
    data = response.json()
    keys = [instrument["key"] for instrument in data["results"]]
    assert {"conditions", "pulse", "success_factors"} <= set(keys)
    pulse = next(i for i in data["results"] if i["key"] == "pulse")
    assert pulse["version"] == 1
    assert pulse["audience"] == "partners"
    assert [p["value"] for p in pulse["scale"]["points"]] == [1, 2, 3, 4, 5]
    assert pulse["scale"]["dont_know_label"] == "Weet ik niet"
    assert [s["key"] for s in pulse["subscales"]] == ["energy", "attendance", "delivery"]
    assert [i["key"] for i in pulse["items"]] == PULSE
    assert pulse["subscales"][0]["guide"]["url"].startswith("/gids/")


def test_instrument_detail_latest_and_by_version(coordinator):
    client = api_client_for(coordinator.user)

    latest = client.get("/api/v1/instruments/conditions/")
    version = client.get("/api/v1/instruments/conditions/versions/1/")

    assert latest.status_code == version.status_code == 200
    assert latest.json() == version.json()
    assert len(latest.json()["items"]) == 25
    assert latest.json()["versions"] == [1]


@pytest.mark.parametrize("url", ["instruments/bestaat-niet/", "instruments/pulse/versions/99/"])
def test_unknown_instrument_or_version_is_404(coordinator, url):
    response = api_client_for(coordinator.user).get("/api/v1/" + url)

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


# --- rounds ---------------------------------------------------------------------------------


def test_create_round_through_the_service(coalition, coordinator):
    contacts = contacts_of(coalition, 2)

    response = api_client_for(coordinator.user).post(
        base(coalition) + "scans/rounds/",
        {
            "instrument_key": "conditions",
            "title": "Najaar 2025",
            "anonymous": True,
            "closes_on": "2025-06-30",
            "contacts": [str(c.uuid) for c in contacts],
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    data = response.json()
    scan_round = Round.objects.get()
    assert data["uuid"] == str(scan_round.uuid)
    assert "id" not in data
    assert (data["status"], data["invited"], data["responded"]) == ("draft", 2, 0)
    assert data["instrument_version"] == 1
    assert data["instrument_title"]
    assert scan_round.created_by == coordinator.user
    assert not mail.outbox  # invitations go out when the round is opened


def test_create_round_errors_name_the_fields(coalition, coordinator):
    foreign = contacts_of(CoalitionFactory(), 1, prefix="f")[0]

    response = api_client_for(coordinator.user).post(
        base(coalition) + "scans/rounds/",
        {
            "instrument_key": "bestaat-niet",
            "title": "X",
            "closes_on": "2025-06-30",
            "contacts": [str(foreign.uuid)],
        },
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"contacts"}
    assert not Round.objects.exists()

    mine = contacts_of(coalition, 1)[0]
    response = api_client_for(coordinator.user).post(
        base(coalition) + "scans/rounds/",
        {
            "instrument_key": "bestaat-niet",
            "title": "X",
            "closes_on": "2025-06-01",
            "contacts": [str(mine.uuid)],
        },
        format="json",
    )
    assert response.status_code == 400
    assert invalid_names(response) == {"instrument_key", "closes_on"}
    assert not Round.objects.exists()


def test_open_and_close_a_round(coalition, coordinator, django_capture_on_commit_callbacks):
    scan_round = make_round(coalition, opened=False, n=2)
    client = api_client_for(coordinator.user)

    with django_capture_on_commit_callbacks(execute=True):
        opened = client.post(round_url(scan_round, "open"))
    assert opened.status_code == 200
    assert opened.json()["status"] == "open"
    assert opened.json()["accepting_answers"] is True
    assert len(mail.outbox) == 2

    again = client.post(round_url(scan_round, "open"))
    assert again.status_code == 400
    assert again["Content-Type"] == PROBLEM

    closed = client.post(round_url(scan_round, "close"))
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    assert client.post(round_url(scan_round, "close")).status_code == 400


def test_open_and_close_are_post_only(coalition, coordinator):
    scan_round = make_round(coalition, opened=False)
    assert api_client_for(coordinator.user).get(round_url(scan_round, "open")).status_code == 405


def test_round_list_has_counts(coalition, coordinator):
    scan_round = make_round(coalition, n=4)
    respondents = list(scan_round.respondents.order_by("pk"))
    services.save_answers(
        respondents[0],
        respondents[0].link_token,
        answers=COMPLETE,
        instrument_version=1,
        submit=True,
    )
    services.save_answers(
        respondents[1],
        respondents[1].link_token,
        answers={"energy_now": 2},
        instrument_version=1,
        submit=False,
    )

    data = api_client_for(coordinator.user).get(base(coalition) + "scans/rounds/").json()

    (row,) = data["results"]
    assert (row["invited"], row["responded"], row["submitted"]) == (4, 1, 1)
    detail = api_client_for(coordinator.user).get(round_url(scan_round)).json()
    assert detail == row


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_round_list_runs_the_same_number_of_queries_for_3_or_30_rounds(coordinator):
    def count_for(n):
        membership = MembershipFactory(coordinator=True)
        coalition = membership.coalition
        contacts = contacts_of(coalition, 2)
        for i in range(n):
            services.create_round(
                coalition,
                acting_user=membership.user,
                instrument_key="pulse",
                title=f"Ronde {i}",
                anonymous=True,
                closes_on=TODAY + datetime.timedelta(days=5),
                contacts=contacts,
            )
        client = api_client_for(membership.user)
        url = base(coalition) + "scans/rounds/"
        assert client.get(url).json()["count"] == n
        return _count_queries(client, url)

    assert count_for(3) == count_for(30)


def test_respondent_list_runs_the_same_number_of_queries_for_3_or_30(coalition, coordinator):
    small, large = make_round(coalition, n=3, title="Klein"), make_round(coalition, n=30)
    client = api_client_for(coordinator.user)

    assert client.get(round_url(large, "respondents/")).json()["count"] == 30
    assert _count_queries(client, round_url(small, "respondents/")) == _count_queries(
        client, round_url(large, "respondents/")
    )


def test_respondents_show_who_answered_but_never_what_or_their_link(coalition, coordinator):
    scan_round = make_round(coalition, n=3, anonymous=True)
    first = scan_round.respondents.order_by("name").first()
    services.save_answers(
        first, first.link_token, answers=COMPLETE, instrument_version=1, submit=True
    )

    response = api_client_for(coordinator.user).get(round_url(scan_round, "respondents/"))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["name"], r["responded"]) for r in rows] == [
        ("Respondent voo0", True),
        ("Respondent voo1", False),
        ("Respondent voo2", False),
    ]
    assert rows[0]["partner"]["name"] == first.partner.name
    text = json.dumps(response.json())
    assert "answers" not in text
    assert first.link_token not in text
    assert "email" not in rows[0]


# --- results, trend, health -----------------------------------------------------------------


def test_anonymous_round_below_the_minimum_shows_nothing(coalition, coordinator):
    scan_round = make_round(coalition, n=3, anonymous=True)
    first, second = list(scan_round.respondents.all())[:2]
    for respondent in (first, second):
        services.save_answers(
            respondent,
            respondent.link_token,
            answers=COMPLETE,
            instrument_version=1,
            submit=True,
        )

    data = api_client_for(coordinator.user).get(round_url(scan_round, "results/")).json()

    assert data["enough"] is False
    assert data["submitted"] == 2
    assert data["missing_for_anonymity"] == 1
    assert data["subscales"] == []


def test_results_give_aggregates_per_subscale_and_never_one_respondents_answers(
    coalition, coordinator
):
    scan_round = make_round(coalition, n=4, anonymous=True)
    answer_all(scan_round)
    services.close_round(scan_round, acting_user=coordinator.user)

    response = api_client_for(coordinator.user).get(round_url(scan_round, "results/"))

    assert response.status_code == 200
    data = response.json()
    assert data["enough"] is True
    assert data["provisional"] is False
    assert (data["invited"], data["submitted"]) == (4, 4)
    energy = data["subscales"][0]
    assert energy["key"] == "energy"
    assert energy["aggregate"]["n"] == 4
    assert energy["aggregate"]["mean"] == 4.5
    assert energy["aggregate"]["sd"] == 0.0
    assert {d["value"]: d["count"] for d in energy["aggregate"]["distribution"]}[5] == 4
    assert energy["aggregate"]["disagreement"] is False
    assert energy["by_kind"][0]["aggregate"]["n"] == 4
    attendance = data["subscales"][1]
    assert attendance["aggregate"] is None  # everyone answered 'weet ik niet'
    assert attendance["items"][0]["dont_know"] == 4
    # Nothing per respondent: no answers, no response ids, no names.
    text = json.dumps(data)
    assert "answers" not in text
    for response_uuid in Response.objects.values_list("uuid", flat=True):
        assert str(response_uuid) not in text
    assert "Respondent" not in text


def test_results_compare_with_the_previous_closed_round(coalition, coordinator):
    before = make_round(coalition, n=3, title="Eerder")
    answer_all(before, {**COMPLETE, "energy_now": 2, "energy_own": 2})
    services.close_round(before, acting_user=coordinator.user)
    now = make_round(coalition, n=3, title="Nu", days=20)
    answer_all(now)
    services.close_round(now, acting_user=coordinator.user)

    data = api_client_for(coordinator.user).get(round_url(now, "results/")).json()

    assert data["previous_round"]["uuid"] == str(before.uuid)
    energy = data["subscales"][0]
    assert energy["previous"] == {"mean": 2.0, "n": 3}
    assert energy["delta"] == 2.5
    assert energy["direction"] == "up"


def test_trend_and_health(coalition, coordinator):
    for title, energy, days in (("Eerste", 4, 10), ("Tweede", 2, 20)):
        scan_round = make_round(coalition, n=3, title=title, days=days)
        answer_all(scan_round, {**COMPLETE, "energy_now": energy, "energy_own": energy})
        services.close_round(scan_round, acting_user=coordinator.user)
    client = api_client_for(coordinator.user)

    trend = client.get(base(coalition) + "scans/trends/pulse/")
    health = client.get(base(coalition) + "health/")

    assert trend.status_code == 200
    points = trend.json()["points"]
    assert [p["round"]["title"] for p in points] == ["Eerste", "Tweede"]
    assert points[1]["values"][0] == {"subscale": "energy", "mean": 2.0, "n": 3}
    assert health.status_code == 200
    cards = {card["instrument"]["key"]: card for card in health.json()["instruments"]}
    assert cards["pulse"]["latest"]["round"]["title"] == "Tweede"
    assert cards["conditions"]["latest"] is None
    dip = health.json()["netwerkdip"]
    assert dip["level"] == "warning"  # energy below 3 and lower than before
    assert "pulse" in dip["signals"]
    assert dip["evidence"]
    assert dip["explanation"]


def test_a_trend_keeps_a_round_with_too_few_answers_as_a_gap_and_health_shows_empty_subscales(
    coalition, coordinator
):
    few = make_round(coalition, n=3, title="Weinig", days=10)
    respondent = few.respondents.first()
    services.save_answers(
        respondent, respondent.link_token, answers=COMPLETE, instrument_version=1, submit=True
    )
    services.close_round(few, acting_user=coordinator.user)
    enough = make_round(coalition, n=3, title="Genoeg", days=20)
    answer_all(enough)
    services.close_round(enough, acting_user=coordinator.user)
    client = api_client_for(coordinator.user)

    trend = client.get(base(coalition) + "scans/trends/pulse/").json()
    health = client.get(base(coalition) + "health/").json()

    gap, point = trend["points"]
    assert (gap["round"]["title"], gap["submitted"], gap["enough"]) == ("Weinig", 1, False)
    assert gap["values"] == [
        {"subscale": key, "mean": None, "n": 0} for key in ("energy", "attendance", "delivery")
    ]
    assert [value["subscale"] for value in point["values"]] == [
        subscale["key"] for subscale in trend["subscales"]
    ]
    (pulse,) = [card for card in health["instruments"] if card["instrument"]["key"] == "pulse"]
    assert pulse["latest"]["previous_round"] is None  # the round before had too few answers
    attendance = pulse["latest"]["subscales"][1]
    assert attendance == {
        "key": "attendance",
        "title": attendance["title"],
        "mean": None,
        "sd": None,
        "n": 0,
        "disagreement": False,
        "delta": None,
        "direction": "",
    }


def test_trend_of_an_unknown_instrument_is_404(coalition, coordinator):
    response = api_client_for(coordinator.user).get(base(coalition) + "scans/trends/bestaat-niet/")
    assert response.status_code == 404


# --- the respondent's link ------------------------------------------------------------------


@pytest.fixture
def respondent(coalition):
    return make_round(coalition, n=1).respondents.get()


def test_the_questionnaire_behind_the_link(coalition, respondent):
    response = APIClient().get(respond_url(respondent))

    assert response.status_code == 200
    assert_private(response)
    data = response.json()
    assert data["coalition_name"] == coalition.name
    assert data["round_title"] == "Voorjaar"
    assert data["anonymous"] is True
    assert data["closes_on"] == "2025-06-16"
    assert data["instrument"]["key"] == "pulse"
    assert [i["key"] for i in data["instrument"]["items"]] == PULSE
    assert (data["answers"], data["has_draft"]) == ({}, False)


def test_draft_then_submit_then_replay_is_gone(respondent):
    url = respond_url(respondent)
    client = APIClient()

    draft = client.put(
        url,
        {"answers": {"energy_now": 3, "attendance_meetings": None}, "instrument_version": 1},
        format="json",
    )
    assert draft.status_code == 200, draft.json()
    assert_private(draft)
    assert draft.json()["status"] == "draft"
    assert Response.objects.get().status == ResponseStatus.DRAFT

    again = APIClient().get(url).json()  # another device: only the link counts
    assert again["has_draft"] is True
    assert again["answers"] == {"energy_now": 3, "attendance_meetings": None}

    incomplete = client.put(
        url,
        {"answers": {"energy_now": 3}, "instrument_version": 1, "submit": True},
        format="json",
    )
    assert incomplete.status_code == 400
    assert invalid_names(incomplete) == {
        "answers.energy_own",
        "answers.attendance_meetings",
        "answers.delivery_agreements",
    }

    submitted = client.post(
        url, {"answers": COMPLETE, "instrument_version": 1, "submit": True}, format="json"
    )
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["submitted_on"] == "2025-06-02"
    saved = Response.objects.get()
    assert (saved.status, saved.answers, saved.respondent) == ("submitted", COMPLETE, None)
    assert saved.draft_key is None

    for replay in (
        client.get(url),
        client.put(
            url, {"answers": COMPLETE, "instrument_version": 1, "submit": True}, format="json"
        ),
    ):
        assert replay.status_code == 410
        assert replay["Content-Type"] == PROBLEM
        assert "al ingevuld" in replay.json()["detail"]
        assert_private(replay)
    assert Response.objects.count() == 1


def test_out_of_range_is_400_at_the_item_and_nothing_saved(respondent):
    response = APIClient().put(
        respond_url(respondent),
        {"answers": {**COMPLETE, "energy_now": 9}, "instrument_version": 1, "submit": True},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"answers.energy_now"}
    assert "van 1 tot 5" in response.json()["invalid_params"][0]["reason"]
    assert not Response.objects.exists()


def test_an_unknown_question_or_a_non_number_is_400_at_that_key(respondent):
    client = APIClient()
    unknown = client.put(
        respond_url(respondent),
        {"answers": {"bestaat_niet": 3}, "instrument_version": 1},
        format="json",
    )
    text = client.put(
        respond_url(respondent),
        {"answers": {"energy_now": "veel"}, "instrument_version": 1},
        format="json",
    )

    assert unknown.status_code == text.status_code == 400
    assert invalid_names(unknown) == {"answers.bestaat_niet"}
    assert invalid_names(text) == {"answers.energy_now"}
    assert not Response.objects.exists()


def test_another_version_is_400_at_instrument_version(respondent):
    response = APIClient().put(
        respond_url(respondent),
        {"answers": COMPLETE, "instrument_version": 2, "submit": True},
        format="json",
    )

    assert response.status_code == 400
    assert invalid_names(response) == {"instrument_version"}
    assert not Response.objects.exists()


def test_a_closed_round_is_gone(coalition, coordinator, respondent):
    services.close_round(respondent.round, acting_user=coordinator.user)
    url = respond_url(respondent)

    for response in (
        APIClient().get(url),
        APIClient().put(url, {"answers": COMPLETE, "instrument_version": 1}, format="json"),
    ):
        assert response.status_code == 410
        assert response["Content-Type"] == PROBLEM
        assert response.json()["title"] == "Niet meer beschikbaar"
        assert "gesloten" in response.json()["detail"]


def test_a_round_past_its_closing_date_is_gone(respondent, time_machine):
    time_machine.move_to(datetime.datetime(2025, 7, 1, 10, tzinfo=datetime.UTC), tick=False)
    assert APIClient().get(respond_url(respondent)).status_code == 410


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("0" if token[-1] != "0" else "1"),
        lambda token: token[:40],
        lambda token: "f" * 32 + token[32:],
        lambda token: "niet-een-link",
    ],
)
def test_a_forged_link_is_404(respondent, mangle):
    url = f"/api/v1/respond/{mangle(respondent.link_token)}/"

    for response in (
        APIClient().get(url),
        APIClient().put(url, {"answers": COMPLETE, "instrument_version": 1}, format="json"),
    ):
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        assert_private(response)
    assert not Response.objects.exists()


def test_the_link_works_without_an_account_and_ignores_one(respondent, outsider):
    """A session or token of someone else does not matter: only the link counts."""
    assert api_client_for(outsider).get(respond_url(respondent)).status_code == 200


def test_the_respondent_route_is_throttled(respondent):
    client = APIClient()
    statuses = [client.get(respond_url(respondent)).status_code for _ in range(61)]

    assert statuses[:60] == [200] * 60
    assert statuses[60] == 429


def test_a_named_round_links_the_answers_to_the_respondent(coalition):
    respondent = make_round(coalition, n=1, anonymous=False).respondents.get()

    APIClient().put(
        respond_url(respondent),
        {"answers": COMPLETE, "instrument_version": 1, "submit": True},
        format="json",
    )

    assert Response.objects.get().respondent == respondent
    assert Respondent.objects.get().responded is True


# --- the OpenAPI document -------------------------------------------------------------------

C = "/api/v1/coalitions/{coalition}/"
R = C + "scans/rounds/{round}/"
EXPECTED = {
    "/api/v1/instruments/": {"get"},
    "/api/v1/instruments/{instrument}/": {"get"},
    "/api/v1/instruments/{instrument}/versions/{version}/": {"get"},
    C + "scans/rounds/": {"get", "post"},
    R: {"get"},
    R + "open": {"post"},
    R + "close": {"post"},
    R + "respondents/": {"get"},
    R + "results/": {"get"},
    C + "scans/trends/{instrument}/": {"get"},
    C + "health/": {"get"},
    "/api/v1/respond/{token}/": {"get", "put", "post"},
}


def test_scan_routes_generate_without_warnings_and_are_all_documented():
    schema, problems = generated_schema("samenspel.scans.api.urls")

    assert not problems, "\n".join(problems)
    assert set(schema["paths"]) == set(EXPECTED)
    for route, methods in EXPECTED.items():
        assert set(schema["paths"][route]) - {"parameters"} == methods, route
    respond = schema["paths"]["/api/v1/respond/{token}/"]
    assert "security" not in respond["get"]
    assert {"404", "410", "429"} <= set(respond["put"]["responses"])
    assert "401" not in respond["put"]["responses"]
    rounds = schema["paths"][C + "scans/rounds/"]["get"]["responses"]["200"]
    assert rounds["content"]["application/json"]["schema"]["$ref"].endswith("PaginatedRoundList")


def test_the_whole_openapi_document_renders(coordinator):
    response = api_client_for(coordinator.user).get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert set(EXPECTED) <= set(response.json()["paths"])
