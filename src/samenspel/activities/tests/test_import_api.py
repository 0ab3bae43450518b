"""API v1 for importing activities (upload → preview → commit) and downloading exports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from samenspel.accounts.tests.factories import MembershipFactory, api_token_for
from samenspel.activities.models import Activity, ActivityImport, ImportStatus
from samenspel.core.models import AuditEvent

pytestmark = pytest.mark.django_db

GOOD = b"titel;omschrijving;soort\r\nKoor;Samen zingen;Cultuur en creativiteit\r\n"
BAD = b"titel;omschrijving;soort;plaatsen\r\nKoor;Samen zingen;Anders;twintig\r\n"


@pytest.fixture
def api(coordinator):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_token_for(coordinator.user)[1]}")
    return client


def post_file(api, coalition, content: bytes, name: str = "activiteiten.csv"):
    return api.post(
        reverse("activity_imports_api:upload", args=[coalition.uuid]),
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def test_upload_preview_then_commit(api, coalition):
    response = post_file(api, coalition, GOOD)
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["row_count"], body["good_count"], body["error_count"]) == (
        "preview",
        1,
        1,
        0,
    )
    assert body["row_errors"] == []
    assert Activity.objects.count() == 0
    detail = api.get(reverse("activity_imports_api:detail", args=[coalition.uuid, body["uuid"]]))
    assert detail.json()["uuid"] == body["uuid"]
    done = api.post(reverse("activity_imports_api:commit", args=[coalition.uuid, body["uuid"]]))
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["created_count"]) == ("committed", 1)
    assert Activity.objects.get().title == "Koor"
    assert AuditEvent.objects.filter(action="activities.imported").count() == 1


def test_row_errors_in_the_preview_and_commit_refused_as_problem(api, coalition):
    body = post_file(api, coalition, BAD).json()
    assert body["row_errors"] == [
        {
            "row": 2,
            "column": "plaatsen",
            "message": "'twintig' is geen heel getal.",
            "text": "Rij 2, kolom 'plaatsen': 'twintig' is geen heel getal.",
        }
    ]
    response = api.post(reverse("activity_imports_api:commit", args=[coalition.uuid, body["uuid"]]))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "hebben nog fouten" in response.json()["invalid_params"][0]["reason"]
    assert Activity.objects.count() == 0


def test_a_refused_file_is_a_problem_at_file(api, coalition):
    response = post_file(api, coalition, ("a\tb\r\n").encode("utf-16"))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    [param] = response.json()["invalid_params"]
    assert param["name"] == "file"
    assert param["reason"].startswith("Het bestand is opgeslagen als UTF-16")
    assert ActivityImport.objects.count() == 0


def test_discard(api, coalition):
    body = post_file(api, coalition, GOOD).json()
    response = api.post(
        reverse("activity_imports_api:discard", args=[coalition.uuid, body["uuid"]])
    )
    assert response.json()["status"] == ImportStatus.DISCARDED
    assert Activity.objects.count() == 0


@pytest.mark.parametrize("name", ["activities.xlsx", "reach.xlsx", "template.xlsx"])
def test_export_xlsx(api, coalition, name):
    response = api.get(reverse("activity_imports_api:export", args=[coalition.uuid, name]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(response.content)).active.cell(1, 1).value


def test_export_csv_also_when_asked_for_by_accept(api, coalition):
    response = api.get(
        reverse("activity_imports_api:export", args=[coalition.uuid, "activities.csv"]),
        HTTP_ACCEPT="text/csv",
    )
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbftitel;omschrijving;soort")


def test_unknown_export_is_404(api, coalition):
    assert (
        api.get(
            reverse("activity_imports_api:export", args=[coalition.uuid, "wachtwoorden.csv"])
        ).status_code
        == 404
    )


def test_reader_403_and_outsider_404(coalition, api):
    from rest_framework.test import APIClient

    batch = post_file(api, coalition, GOOD).json()["uuid"]
    reader = APIClient()
    reader.force_authenticate(MembershipFactory(coalition=coalition, read_only=True).user)
    outsider = APIClient()
    outsider.force_authenticate(MembershipFactory(coordinator=True).user)
    assert post_file(reader, coalition, GOOD).status_code == 403
    assert (
        reader.post(
            reverse("activity_imports_api:commit", args=[coalition.uuid, batch])
        ).status_code
        == 403
    )
    assert (
        outsider.post(
            reverse("activity_imports_api:commit", args=[coalition.uuid, batch])
        ).status_code
        == 404
    )
    assert (
        outsider.get(
            reverse("activity_imports_api:export", args=[coalition.uuid, "activities.csv"])
        ).status_code
        == 404
    )
    assert Activity.objects.count() == 0
