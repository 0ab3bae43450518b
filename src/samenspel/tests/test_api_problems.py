"""Every /api/v1/ answer that is not documented JSON is application/problem+json."""

from unittest import mock

import pytest
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, api_token_for
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return MembershipFactory(coordinator=True)


@pytest.fixture
def client(coordinator):
    _token, raw = api_token_for(coordinator.user)
    return APIClient(headers={"Authorization": f"Token {raw}"})


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nothing-here",
        "/api/v1/coalitions/not-a-uuid/partners/",
        "/api/v1/coalitions/00000000-0000-0000-0000-000000000000/no-such-list/",
    ],
)
@pytest.mark.parametrize("authenticated", [True, False])
def test_an_unknown_api_path_is_a_404_problem(client, path, authenticated):
    response = (client if authenticated else APIClient()).get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_an_unexpected_error_is_a_500_problem(client, coordinator):
    client.raise_request_exception = False
    url = f"/api/v1/coalitions/{coordinator.coalition.uuid}/partners/"
    with mock.patch("samenspel.partners.api.views.with_counts", side_effect=RuntimeError("boom")):
        response = client.get(url)

    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "boom" not in response.content.decode()


@pytest.mark.parametrize(
    ("method", "kwargs", "status"),
    [
        ("put", {}, 405),
        ("get", {"HTTP_ACCEPT": "application/xml"}, 406),
        ("post", {"data": "x", "content_type": "text/plain"}, 415),
    ],
)
def test_protocol_errors_are_problems(client, coordinator, method, kwargs, status):
    url = f"/api/v1/coalitions/{coordinator.coalition.uuid}/partners/"

    response = getattr(client, method)(url, **kwargs)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] != "Fout"  # each has its own Dutch title


def test_options_answers_metadata_for_a_member_and_401_for_a_stranger(client, coordinator):
    partner = PartnerFactory(coalition=coordinator.coalition)
    url = f"/api/v1/coalitions/{coordinator.coalition.uuid}/partners/{partner.uuid}/"

    assert client.options(url).status_code == 200
    anonymous = APIClient().options(url)
    assert anonymous.status_code == 401
    assert anonymous["Content-Type"] == "application/problem+json"
