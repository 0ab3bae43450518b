"""The results report as PDF, and the one PDF helper (`core.pdf`)."""

import subprocess
import sys

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.core import pdf
from samenspel.core.testing import pdf_text
from samenspel.scans.tests.test_results import answer, invite, make_round, pulse

pytestmark = pytest.mark.django_db


@pytest.fixture
def scan_round(coalition):
    scan_round = make_round(coalition, title="Voorjaar 2026")
    invite(scan_round, 4)
    for value in (2, 4, 5):
        answer(scan_round, pulse(value, 4, value, 3))
    return scan_round


def pdf_url(scan_round):
    return reverse("scans:results_pdf", args=[scan_round.coalition.uuid, scan_round.uuid])


def test_results_pdf_is_an_accessible_pdf_with_the_round_title(scan_round, reader_client):
    response = reader_client.get(pdf_url(scan_round))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="scanresultaten-voorjaar-2026-2026-03-31.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert b"Voorjaar 2026" in text  # document title (XMP) and the first heading (outline)
    assert b"(Samenvatting)" in text
    assert b"(Verdeeldheid)" in text
    assert b"<dc:title>" in text
    assert b"/Lang (nl)" in text
    assert b"/StructTreeRoot" in text  # tagged
    if pdf.supports_pdf_ua():
        assert b"pdfuaid:part" in text


def test_results_pdf_of_a_small_anonymous_round_has_no_numbers(coalition, reader_client):
    small = make_round(coalition, title="Te klein")
    answer(small, pulse(1, 1, 1, 1))
    response = reader_client.get(pdf_url(small))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    # Headings become bookmarks: the report's sections are not there, only the notice.
    text = pdf_text(response.content)
    assert b"/Title (Resultaten: Te klein)" in text
    assert b"(Samenvatting)" not in text


def test_results_pdf_is_not_for_outsiders(scan_round):
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(pdf_url(scan_round)).status_code == 404


def test_render_pdf_sets_title_and_language():
    data = pdf.render_pdf("pdf/base.html", {}, title="Proef met ë", lang="en")
    text = pdf_text(data)
    assert data.startswith(b"%PDF")
    assert "Proef met ë".encode() in text
    assert b"/Lang (en)" in text


def test_render_pdf_fetches_nothing_from_outside():
    with pytest.raises(ValueError, match="fetches nothing"):
        pdf._refuse_fetch("https://example.org/tracker.png")


def test_weasyprint_is_imported_only_when_a_pdf_is_made():
    code = "import sys, samenspel.core.pdf; print('weasyprint' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - a fixed command
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_pdf_filename_is_safe():
    assert pdf.pdf_filename("Scanresultaten", "Voorjaar 2026 / ronde 'één'") == (
        "scanresultaten-voorjaar-2026-ronde-een.pdf"
    )
    assert pdf.pdf_filename("", "!!") == "document.pdf"
