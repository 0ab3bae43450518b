"""The demo gives the advisor and the municipality something real to look at."""

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.demo.data import load_demo

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
