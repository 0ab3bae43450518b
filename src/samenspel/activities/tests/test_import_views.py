"""The import and export pages: upload, preview, commit or discard; coordinator only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities.models import Activity, ActivityImport, ImportStatus

GOOD = "titel;omschrijving;soort\r\nKoor;Samen zingen;Cultuur en creativiteit\r\n".encode("cp1252")
BAD = b"titel;omschrijving;soort;kosten\r\nKoor;Samen zingen;Cultuur;twee euro\r\n"


def upload(client, coalition, content: bytes, name: str = "activiteiten.csv"):
    return client.post(
        reverse("activity_imports:start", args=[coalition.uuid]),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_upload_shows_a_preview_then_commit_creates_the_activities(coordinator_client, coalition):
    page = coordinator_client.get(reverse("activity_imports:start", args=[coalition.uuid]))
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = upload(coordinator_client, coalition, GOOD)
    batch = ActivityImport.objects.get()
    assert response.url == reverse("activity_imports:preview", args=[coalition.uuid, batch.uuid])
    preview = coordinator_client.get(response.url).content.decode()
    assert "Koor" in preview
    assert "1 activiteit importeren" in preview
    assert Activity.objects.count() == 0
    done = coordinator_client.post(
        reverse("activity_imports:commit", args=[coalition.uuid, batch.uuid]), follow=True
    )
    assert "1 activiteiten ingelezen uit activiteiten.csv." in done.content.decode()
    assert list(Activity.objects.values_list("title", flat=True)) == ["Koor"]


def test_preview_lists_the_errors_per_row_and_offers_no_commit(coordinator_client, coalition):
    response = upload(coordinator_client, coalition, BAD, "fout.csv")
    page = coordinator_client.get(response.url).content.decode()
    assert "Rij 2, kolom &#x27;soort&#x27;: &#x27;Cultuur&#x27; is geen bekende soort." in page
    assert "Rij 2, kolom &#x27;kosten&#x27;: &#x27;twee euro&#x27; is geen bedrag" in page
    assert "activiteit importeren" not in page
    only_errors = coordinator_client.get(response.url + "?fouten=1").content.decode()
    assert "Rij 2, kolom" in only_errors
    batch = ActivityImport.objects.get()
    forced = coordinator_client.post(
        reverse("activity_imports:commit", args=[coalition.uuid, batch.uuid]), follow=True
    )
    assert "1 rij(en) hebben nog fouten" in forced.content.decode()
    assert Activity.objects.count() == 0


def test_a_refused_file_is_reported_at_the_field(coordinator_client, coalition):
    response = upload(coordinator_client, coalition, b"titel|omschrijving|soort\r\na|b|c\r\n")
    assert response.status_code == 200
    assert "gescheiden door &#x27;|&#x27;" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert ActivityImport.objects.count() == 0


def test_discard(coordinator_client, coalition):
    upload(coordinator_client, coalition, GOOD)
    batch = ActivityImport.objects.get()
    coordinator_client.post(reverse("activity_imports:discard", args=[coalition.uuid, batch.uuid]))
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DISCARDED
    assert Activity.objects.count() == 0


def test_preview_page_query_count_does_not_grow_with_rows(coordinator_client, coalition):
    def queries(rows: int) -> int:
        content = (
            "titel;omschrijving;soort\r\n" + "".join(f"A{n};B;Anders\r\n" for n in range(rows))
        ).encode()
        upload(coordinator_client, coalition, content)
        batch = ActivityImport.objects.latest("id")
        with CaptureQueriesContext(connection) as context:
            assert (
                coordinator_client.get(
                    reverse("activity_imports:preview", args=[coalition.uuid, batch.uuid])
                ).status_code
                == 200
            )
        return len(context)

    assert queries(2) == queries(150)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("template_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("template_csv", "text/csv; charset=utf-8"),
        ("activities_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("activities_csv", "text/csv; charset=utf-8"),
        ("reach_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("reach_csv", "text/csv; charset=utf-8"),
    ],
)
def test_downloads(coordinator_client, coalition, name, content_type):
    response = coordinator_client.get(reverse(f"activity_imports:{name}", args=[coalition.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")


def test_export_page(coordinator_client, coalition):
    page = coordinator_client.get(
        reverse("activity_imports:export", args=[coalition.uuid])
    ).content.decode()
    assert reverse("activity_imports:reach_csv", args=[coalition.uuid]) in page


def test_only_the_coordinator_may_import_or_export(reader_client, coalition, coordinator_client):
    upload(coordinator_client, coalition, GOOD)
    batch = ActivityImport.objects.get()
    partner_member = client_for(MembershipFactory(coalition=coalition, partner_member=True).user)
    for client in (reader_client, partner_member):
        assert (
            client.get(reverse("activity_imports:start", args=[coalition.uuid])).status_code == 403
        )
        assert (
            client.get(
                reverse("activity_imports:activities_csv", args=[coalition.uuid])
            ).status_code
            == 403
        )
        assert (
            client.post(
                reverse("activity_imports:commit", args=[coalition.uuid, batch.uuid])
            ).status_code
            == 403
        )
    assert Activity.objects.count() == 0


def test_outsiders_get_404_also_for_another_coalitions_batch(coalition, coordinator_client):
    upload(coordinator_client, coalition, GOOD)
    batch = ActivityImport.objects.get()
    outsider = MembershipFactory(coordinator=True)
    client = client_for(outsider.user)
    assert client.get(reverse("activity_imports:start", args=[coalition.uuid])).status_code == 404
    assert (
        client.get(reverse("activity_imports:reach_xlsx", args=[coalition.uuid])).status_code == 404
    )
    # Their own coalition in the URL, our batch: does not exist for them.
    own = outsider.coalition.uuid
    assert (
        client.get(reverse("activity_imports:preview", args=[own, batch.uuid])).status_code == 404
    )
    assert (
        client.post(reverse("activity_imports:commit", args=[own, batch.uuid])).status_code == 404
    )
    assert Activity.objects.count() == 0
