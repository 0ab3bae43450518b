"""API v1 of monitoring: wijken CRUD, the figures of the municipality, the gap and the import."""

import cbsodata
import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory, MunicipalityFactory
from samenspel.monitoring.models import FiguresImport, LonelinessEstimate
from samenspel.monitoring.tests.cbs_files import make_csv, row
from samenspel.monitoring.tests.factories import activity, estimate, region, wijk

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def coalition():
    return CoalitionFactory(municipality=MunicipalityFactory(code="GM9901", name="Dijkerveen"))


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def municipality_officer(coalition):
    return MembershipFactory(coalition=coalition, municipality=True).user


@pytest.fixture
def reader(coalition):
    return MembershipFactory(coalition=coalition, read_only=True).user


@pytest.fixture
def outsider():
    return MembershipFactory(coordinator=True).user


def url(coalition, suffix=""):
    return f"/api/v1/coalitions/{coalition.uuid}/{suffix}"


def invalid(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM
    return {p["name"]: p["reason"] for p in response.json()["invalid_params"]}


def test_neighbourhood_crud(coalition, coordinator):
    client = api_client_for(coordinator)
    created = client.post(
        url(coalition, "neighbourhoods/"), {"name": "Noord", "cbs_code": "WK990102"}, format="json"
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["kind"], body["activity_count"]) == ("district", 0)
    detail = url(coalition, f"neighbourhoods/{body['uuid']}/")
    patched = client.patch(detail, {"name": "Noordkwartier"}, format="json")
    assert patched.json()["name"] == "Noordkwartier"
    assert client.get(url(coalition, "neighbourhoods/")).json()["count"] == 1
    assert client.delete(detail).status_code == 204
    assert not Neighbourhood.objects.exists()


def test_bad_input_and_a_used_wijk_give_problems_in_dutch(coalition, coordinator):
    client = api_client_for(coordinator)
    wrong = client.post(
        url(coalition, "neighbourhoods/"), {"name": "Zuid", "cbs_code": "WK036301"}, format="json"
    )
    assert "hoort niet bij gemeente Dijkerveen" in invalid(wrong)["cbs_code"]
    used = wijk(coalition, "Noord")
    activity(coalition, used)
    refused = client.delete(url(coalition, f"neighbourhoods/{used.uuid}/"))
    assert "nog gebruikt door 1 activiteit" in invalid(refused)["non_field_errors"]
    assert Neighbourhood.objects.filter(pk=used.pk).exists()


def test_permissions_and_tenancy(coalition, coordinator, reader, outsider):
    noord = wijk(coalition, "Noord")
    assert api_client_for(reader).get(url(coalition, "neighbourhoods/")).status_code == 200
    assert (
        api_client_for(reader)
        .post(url(coalition, "neighbourhoods/"), {"name": "X"}, format="json")
        .status_code
        == 403
    )
    assert (
        api_client_for(reader)
        .patch(url(coalition, f"neighbourhoods/{noord.uuid}/"), {"name": "X"}, format="json")
        .status_code
        == 403
    )
    foreign = api_client_for(outsider)
    assert foreign.get(url(coalition, "neighbourhoods/")).status_code == 404
    outsider_coalition = outsider.memberships.get().coalition
    assert foreign.get(url(outsider_coalition, f"neighbourhoods/{noord.uuid}/")).status_code == 404
    assert (
        foreign.delete(url(outsider_coalition, f"neighbourhoods/{noord.uuid}/")).status_code == 404
    )
    assert foreign.get(url(coalition, "gap/")).status_code == 404
    assert foreign.get(url(coalition, "loneliness/")).status_code == 404
    assert Neighbourhood.objects.filter(pk=noord.pk).exists()
    assert APIClient().get(url(coalition, "gap/")).status_code == 401


def test_adopt_districts(coalition, coordinator):
    region("WK990101", "Centrum")
    response = api_client_for(coordinator).post(url(coalition, "neighbourhoods/adopt-districts/"))
    assert response.status_code == 201
    assert [n["cbs_code"] for n in response.json()] == ["WK990101"]


def test_loneliness_lists_only_the_municipality_with_its_estimates(coalition, reader):
    estimate("GM9901", "12.8")
    estimate("WK990101", "19.6")
    estimate("WK990101", "17.0", period=2020)
    estimate("WK990101", "30.0", age_group="80200")  # 65+: not in this list
    estimate("WK036301", "18.0")
    body = api_client_for(reader).get(url(coalition, "loneliness/")).json()
    assert [r["code"] for r in body["results"]] == ["GM9901", "WK990101"]
    wk = body["results"][1]
    assert [e["period"] for e in wk["estimates"]] == [2022, 2020]
    assert wk["estimates"][0]["strongly_lonely"] == "19.6"
    assert wk["estimates"][0]["strongly_lonely_lower"] == "17.6"


def test_gap(coalition, reader):
    estimate("WK990101", "20.0")
    estimate("WK990102", "10.0")
    noord = wijk(coalition, "Noord", "WK990101")
    wijk(coalition, "Zuid", "WK990102")
    wijk(coalition, "Oudedijk")
    activity(coalition, noord)
    client = api_client_for(reader)
    body = client.get(url(coalition, "gap/")).json()
    assert [(r["name"], r["gap"]) for r in body["rows"]] == [("Zuid", 33.3), ("Noord", -33.3)]
    assert body["without_figures"][0]["name"] == "Oudedijk"
    assert body["whole_municipality"]["activities"] == 0
    with CaptureQueriesContext(connection) as small:
        client.get(url(coalition, "gap/"))
    for i in range(5):
        place = wijk(coalition, f"Wijk {i}", f"WK9901{20 + i}")
        estimate(place.cbs_code, "11.0")
        activity(coalition, place)
    with CaptureQueriesContext(connection) as large:
        client.get(url(coalition, "gap/"))
    assert len(small) == len(large)


def test_upload_import_only_for_import_figures(coalition, municipality_officer, reader):
    data = make_csv(
        [row("WK990101", [50.0, 15.0, 30.0, 35.0]), row("WK036301", [1.0, 1.0, 1.0, 1.0])]
    )
    endpoint = url(coalition, "loneliness-figures/imports/")
    upload = {"table": "50150NED", "file": SimpleUploadedFile("50150NED.csv", data, "text/csv")}
    assert api_client_for(reader).post(endpoint, upload, format="multipart").status_code == 403
    upload["file"].seek(0)
    response = api_client_for(municipality_officer).post(endpoint, upload, format="multipart")
    assert response.status_code == 201, response.json()
    assert (response.json()["estimates"], response.json()["skipped"]) == (1, 1)
    assert LonelinessEstimate.objects.get().region.code == "WK990101"
    assert api_client_for(municipality_officer).get(endpoint).json()["count"] == 1
    bad = api_client_for(municipality_officer).post(
        endpoint,
        {"table": "50150NED", "file": SimpleUploadedFile("x.csv", b"naam;adres\r\n")},
        format="multipart",
    )
    assert "Dit lijkt geen bestand van CBS-tabel" in invalid(bad)["file"]
    assert FiguresImport.objects.count() == 1


def test_fetch_when_offline(coalition, coordinator, monkeypatch):
    def offline(table_id, **kwargs):
        raise requests.ConnectionError("no network")

    monkeypatch.setattr(cbsodata, "get_data", offline)
    response = api_client_for(coordinator).post(
        url(coalition, "loneliness-figures/fetch/"), {"table": "50120NED"}, format="json"
    )
    assert "niet bereikbaar" in invalid(response)["non_field_errors"]
