"""The benchmark at a tiny scale: every new page and API route is filled in and answers 200."""

import pytest
from django.test import Client

from samenspel.bench import measure, synthetic

pytestmark = pytest.mark.django_db


@pytest.fixture
def subject():
    generated = synthetic.generate(2, 50, seed=11, pinned=(40, 10))
    return measure.prepare_subject(generated.coalition_ids[0], generated.coalition_ids[1])


def test_the_subject_has_a_closed_round_an_open_link_and_a_token(subject):
    assert subject.round.instrument_key == "conditions"
    assert subject.round.status == "closed"
    assert subject.link_token
    assert subject.api_token


def test_scan_and_advice_pages_are_measured(subject):
    client = Client()
    client.force_login(subject.user)
    pages = {label: path for label, path, _note in measure.page_paths(subject)}

    for label in ("scan rounds", "scan results", "scan trend", "collaboration health", "findings"):
        assert pages[label], label
        result = measure.count_queries(client, label, pages[label])
        assert (result.status, result.error) == (200, ""), label
    api = {label for label, _path in measure.api_paths(subject)}
    assert set(measure.TIMED) <= set(pages) | api


def test_new_api_routes_are_filled_not_skipped(subject):
    client = Client()
    client.force_login(subject.user)
    api = dict(measure.api_paths(subject))

    for label in (
        "api instruments/",
        "api instruments/{instrument}/",
        "api instruments/{instrument}/versions/{version}/",
        "api coalitions/{coalition}/scans/rounds/",
        "api coalitions/{coalition}/scans/rounds/{round}/",
        "api coalitions/{coalition}/scans/rounds/{round}/respondents/",
        "api coalitions/{coalition}/scans/rounds/{round}/results/",
        "api coalitions/{coalition}/scans/trends/{instrument}/",
        "api coalitions/{coalition}/health/",
        "api coalitions/{coalition}/findings/",
        "api respond/{token}/",
    ):
        assert label in api, label
        result = measure.count_queries(client, label, api[label])
        assert (result.status, result.error) == (200, ""), label
    # POST-only routes are found too, and reported as having no GET.
    dismiss = measure.count_queries(
        client, "dismiss", api["api coalitions/{coalition}/findings/{rule}/dismiss"]
    )
    assert dismiss.status == 405
    assert not {"scan rounds", "findings", "respond", "instruments"} & set(
        measure.missing_api(list(api.items()))
    )


def test_agreement_meeting_funding_and_evaluation_pages_are_measured(subject):
    client = Client()
    client.force_login(subject.user)
    pages = {label: path for label, path, _note in measure.page_paths(subject)}

    for label in (
        "meeting list",
        "meeting detail",
        "open actions",
        "bodies",
        "calendar feed (iCal)",
        "agreements overview",
        "process",
        "ambition",
        "covenant",
        "funding overview",
        "evaluations list",
        "evaluation detail",
    ):
        assert pages[label], label
        result = measure.count_queries(client, label, pages[label])
        assert (result.status, result.error) == (200, ""), label


def test_detail_routes_of_the_new_apps_are_filled(subject):
    client = Client()
    client.force_login(subject.user)
    api = dict(measure.api_paths(subject))

    for label in (
        "api coalitions/{coalition}/meetings/{meeting}/",
        "api coalitions/{coalition}/bodies/{body}/",
        "api coalitions/{coalition}/agreements/{agreement}/",
        "api coalitions/{coalition}/process-steps/{step}/",
        "api coalitions/{coalition}/covenant/signatories/{signatory}/",
        "api coalitions/{coalition}/funding-sources/{source}/",
        "api coalitions/{coalition}/evaluation-moments/{moment}/",
        "api coalitions/{coalition}/evaluations/{evaluation}/",
        "api coalitions/{coalition}/funding-overview/",
    ):
        assert label in api, label
        result = measure.count_queries(client, label, api[label])
        assert (result.status, result.error) == (200, ""), label
    complete = api["api coalitions/{coalition}/actions/{action}/complete/"]
    assert measure.count_queries(client, "complete", complete).status == 405


def test_signal_pages_are_measured_as_the_handling_organisation(subject):
    client = Client()
    client.force_login(subject.user)
    clients = measure.Clients(
        member=client, visitor=Client(), handler=measure.verified_client(subject.handler)
    )
    pages = {label: path for label, path, _note in measure.page_paths(subject)}

    for label in ("signal list", "signal figures"):
        result = measure.count_queries(clients.for_label(label), label, pages[label])
        assert (result.status, result.error) == (200, ""), label
    listed = clients.for_label("signal list").get(pages["signal list"]).content.decode()
    assert listed.count('scope="row"') == 25  # a full first page of the organisation's signals
    assert clients.for_label("signal figures") is client

    api = dict(measure.api_paths(subject))
    signal_routes = [label for label in api if "/signals/" in label]
    assert "api coalitions/{coalition}/signals/settings/" in signal_routes
    for label in signal_routes:
        result = measure.count_queries(clients.for_label(label), label, api[label])
        assert result.status in (200, 405), (label, result.status, result.error)


def test_open_data_is_timed_as_a_visitor_past_its_throttle(subject):
    api = dict(measure.api_paths(subject))
    assert measure.OPEN_DATA in api
    assert measure.OPEN_DATA in measure.TIMED
    clients = measure.Clients(member=Client(), visitor=measure.VisitorClient())
    assert clients.for_label(measure.OPEN_DATA) is clients.visitor
    # More requests than the 60 a minute one address may make: each comes from another one.
    times = measure.server_times(clients, {measure.OPEN_DATA: api[measure.OPEN_DATA]}, 60, 1)
    assert times[measure.OPEN_DATA]["median_ms"] > 0
    assert Client().get(api[measure.OPEN_DATA]).json()["size"] == 100
