"""The demo gives the advisor and the municipality something real to look at."""

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.coalitions.models import Coalition
from samenspel.core.pdf import supports_pdf_ua
from samenspel.core.testing import pdf_text
from samenspel.demo.data import load_demo
from samenspel.reporting.yearly import years_of

pytestmark = pytest.mark.django_db


def test_the_advisor_sees_the_quiet_coalition_first_and_the_municipality_its_money(mailoutbox):
    load_demo("demo-wachtwoord-voor-de-test")
    advisor = User.objects.get(email="adviseur@demo.samenspel.nl")
    rows = client_for(advisor).get(reverse("portfolio:overview")).context["rows"]
    assert rows[0].coalition.name == "Lindewaarde Verbindt"
    assert "75 dagen geen wijziging in Samenspel" in rows[0].stall_reasons
    assert rows[0].note.startswith("Sinds de startsubsidie")

    official = User.objects.get(email="gemeente@demo.samenspel.nl")
    page = client_for(official).get(reverse("portfolio:municipality"))
    (row,) = page.context["page"]
    assert row.coalition.name == "Samen Dijkerveen"
    assert row.summary.funding  # what runs out when
    html = page.content.decode()
    assert "Wat loopt af wanneer" in html

    dijkerveen = row.coalition
    outcomes = client_for(official).get(reverse("reporting:outcomes", args=[dijkerveen.uuid]))
    text = outcomes.content.decode()
    assert "te weinig deelnemers om te tonen" in text
    assert "Matig tot zeer ernstig eenzaam" in text


def test_every_demo_coalitions_report_renders_as_page_and_pdf(mailoutbox):
    load_demo("demo-wachtwoord-voor-de-test")
    for coalition in Coalition.objects.across_coalitions().order_by("name"):
        coordinator = coalition.memberships.filter(role="coordinator").first().user
        client = client_for(coordinator)
        for year in years_of(coalition):
            page = client.get(reverse("reporting:year_report", args=[coalition.uuid, year]))
            assert page.status_code == 200, (coalition.name, year)
        this_year = years_of(coalition)[0]
        pdf = client.get(
            reverse("reporting:year_report_file", args=[coalition.uuid, this_year, "pdf"])
        )
        assert pdf.status_code == 200
        assert pdf.content.startswith(b"%PDF")
        text = pdf_text(pdf.content)
        assert f"Jaarverslag {this_year}: {coalition.name}".encode() in text  # the title (XMP)
        assert b"/StructTreeRoot" in text  # tagged
        if supports_pdf_ua():
            assert b"pdfuaid:part" in text
