"""Pages, PDF, API, balance, overdue steps and reminders."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.agreements import reminders
from samenspel.agreements.models import PartnerAgreement, ProcessStep
from samenspel.agreements.selectors import balance_overview, overdue_steps
from samenspel.agreements.tests.factories import (
    CovenantFactory,
    PartnerAgreementFactory,
    ProcessStepFactory,
    SignatoryFactory,
)
from samenspel.core.testing import pdf_text
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_balance_flags_taking_without_contribution(coalition):
    PartnerAgreementFactory(coalition=coalition, hours_per_month=10, money=Decimal("250"))
    taker = PartnerFactory(coalition=coalition, takes="Bereik voor ons aanbod")
    PartnerAgreementFactory(
        coalition=coalition, partner=taker, hours_per_month=0, money=0, expectations="x"
    )
    PartnerFactory(coalition=coalition, takes="Netwerk", brings="Een zaal")
    overview = balance_overview(coalition)
    assert overview.total_hours == 10
    assert overview.total_money == Decimal("250")
    assert overview.with_agreement == 2
    assert [row.partner for row in overview.flagged] == [taker]


def test_agreement_list_shows_balance_in_constant_queries(coalition, coordinator_client):
    def count(n):
        for _ in range(n):
            PartnerAgreementFactory(coalition=coalition)
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(reverse("agreements:list", args=[coalition.uuid]))
        assert response.status_code == 200
        return len(queries)

    few = count(3)
    assert count(27) == few


def test_agreement_form_shows_dutch_message_and_saves_nothing(coalition, coordinator_client):
    partner = PartnerFactory(coalition=coalition)
    response = coordinator_client.post(
        reverse("agreements:create", args=[coalition.uuid]),
        {
            "partner": partner.pk,
            "role": "signalling",
            "hours_per_month": "-2",
            "money": "0",
            "expectations": "x",
            "start_date": "2025-02-01",
            "review_date": "2025-01-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "negatief" in form.errors["hours_per_month"][0]
    assert form.errors["review_date"] == ["De evaluatiedatum ligt vóór de ingangsdatum."]
    assert not PartnerAgreement.objects.exists()


def test_read_only_member_cannot_write(coalition, reader_client):
    step = ProcessStepFactory(coalition=coalition)
    assert (
        reader_client.get(reverse("agreements:process", args=[coalition.uuid])).status_code == 200
    )
    for url in (
        reverse("agreements:step_create", args=[coalition.uuid]),
        reverse("agreements:step_delete", args=[coalition.uuid, step.uuid]),
        reverse("agreements:ambition_create", args=[coalition.uuid]),
        reverse("agreements:covenant_edit", args=[coalition.uuid]),
    ):
        assert reader_client.post(url, {}).status_code == 403
    api = reverse("agreements_api:steps", args=[coalition.uuid])
    assert reader_client.post(api, {"title": "x"}).status_code == 403
    assert ProcessStep.objects.count() == 1


def test_outsider_gets_404(coalition):
    outsider = client_for(MembershipFactory(coordinator=True).user)
    assert outsider.get(reverse("agreements:list", args=[coalition.uuid])).status_code == 404
    assert outsider.get(reverse("agreements_api:steps", args=[coalition.uuid])).status_code == 404


def test_overdue_steps_on_the_process_page_and_dashboard(coalition, coordinator_client):
    today = datetime.date.today()
    late = ProcessStepFactory(coalition=coalition, due_date=today - datetime.timedelta(days=1))
    ProcessStepFactory(
        coalition=coalition, due_date=today - datetime.timedelta(days=3), status="done"
    )
    ProcessStepFactory(coalition=coalition, due_date=today + datetime.timedelta(days=3))
    assert overdue_steps(coalition, today) == [late]
    page = coordinator_client.get(reverse("agreements:process", args=[coalition.uuid]))
    assert "1 stap is over de streefdatum heen." in page.content.decode()
    dashboard = coordinator_client.get(reverse("coalitions:dashboard", args=[coalition.uuid]))
    assert "Processtappen over de streefdatum" in dashboard.content.decode()


def test_ambition_page_shows_history_with_reason(coalition, coordinator_client):
    url = reverse("agreements:ambition_create", args=[coalition.uuid])
    coordinator_client.post(url, {"text": "Samen", "reason": "Start"})
    coordinator_client.post(
        url, {"text": "Samen", "goals": "Meer ontmoeting", "reason": "Afstoffen"}
    )
    page = coordinator_client.get(reverse("agreements:ambition", args=[coalition.uuid]))
    content = page.content.decode()
    assert "Afstoffen" in content
    assert "Gewijzigd: doelen" in content
    empty = coordinator_client.post(url, {"text": "Nieuw", "reason": ""})
    assert empty.context["form"].errors["reason"][0].startswith("Geef een reden")


def test_covenant_pdf(coalition, coordinator_client):
    covenant = CovenantFactory(coalition=coalition)
    SignatoryFactory(covenant=covenant, name="Jansen")
    PartnerAgreementFactory(coalition=coalition)
    response = coordinator_client.get(reverse("agreements:covenant_pdf", args=[coalition.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert b"/Title (Intentieverklaring)" in text
    assert b"(Ondertekening)" in text
    pages = [int(n) for n in re.findall(rb"/Count (\d+)", text)]
    assert pages
    assert max(pages) >= 1
    api = coordinator_client.get(reverse("agreements_api:covenant_pdf", args=[coalition.uuid]))
    assert api["Content-Type"] == "application/pdf"


def test_signing_through_the_page_records_the_tipping_point(coalition, coordinator_client):
    SignatoryFactory(covenant=CovenantFactory(coalition=coalition))
    response = coordinator_client.post(
        reverse("agreements:covenant_edit", args=[coalition.uuid]),
        {
            "kind": "covenant",
            "status": "signed",
            "signed_on": "2025-04-01",
            "rules_of_play": "x",
            "record_tipping_point": "on",
            "to_phase": "establish",
        },
    )
    assert response.status_code == 302
    change = coalition.phase_changes.get()
    assert change.tipping_point == "letter_of_intent"
    assert change.to_phase == "establish"


def test_api_agreements_crud_and_problem_errors(coalition, coordinator_client):
    partner = PartnerFactory(coalition=coalition)
    url = reverse("agreements_api:agreements", args=[coalition.uuid])
    body = {
        "partner": str(partner.uuid),
        "role": "funder",
        "money": "1000",
        "expectations": "Subsidie",
        "start_date": "2025-01-01",
        "review_date": "2024-01-01",
    }
    bad = coordinator_client.post(url, body, content_type="application/json")
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    assert bad.json()["invalid_params"][0]["name"] == "review_date"
    body["review_date"] = "2026-01-01"
    created = coordinator_client.post(url, body, content_type="application/json")
    assert created.status_code == 201, created.json()
    listed = coordinator_client.get(url).json()
    assert listed["count"] == 1
    detail = reverse("agreements_api:agreement", args=[coalition.uuid, created.json()["uuid"]])
    patched = coordinator_client.patch(
        detail, {"hours_per_month": "6"}, content_type="application/json"
    )
    assert patched.status_code == 200
    assert patched.json()["hours_per_month"] == "6.0"
    assert coordinator_client.delete(detail).status_code == 204
    assert not PartnerAgreement.objects.exists()


def test_api_covenant_and_signatories(coalition, coordinator_client):
    partner = PartnerFactory(coalition=coalition)
    covenant_url = reverse("agreements_api:covenant", args=[coalition.uuid])
    assert coordinator_client.get(covenant_url).status_code == 404
    put = coordinator_client.put(
        covenant_url, {"kind": "covenant", "rules_of_play": "x"}, content_type="application/json"
    )
    assert put.status_code == 200, put.json()
    signatories = reverse("agreements_api:signatories", args=[coalition.uuid])
    added = coordinator_client.post(
        signatories,
        {"partner": str(partner.uuid), "name": "De Vries"},
        content_type="application/json",
    )
    assert added.status_code == 201, added.json()
    signed = coordinator_client.put(
        covenant_url,
        {
            "kind": "covenant",
            "status": "signed",
            "signed_on": "2025-05-01",
            "record_tipping_point": True,
        },
        content_type="application/json",
    )
    assert signed.status_code == 200, signed.json()
    assert coalition.phase_changes.get().tipping_point == "letter_of_intent"


def test_api_ambition_versions(coalition, coordinator_client):
    url = reverse("agreements_api:ambition", args=[coalition.uuid])
    assert (
        coordinator_client.post(
            url, {"text": "A", "reason": "B"}, content_type="application/json"
        ).status_code
        == 201
    )
    assert coordinator_client.get(url).json()["count"] == 1


def test_review_reminders_go_to_coordinators_once_per_review_date(coalition, coordinator):
    today = datetime.date(2025, 6, 1)
    due = PartnerAgreementFactory(
        coalition=coalition, start_date=today, review_date=today + datetime.timedelta(days=14)
    )
    PartnerAgreementFactory(
        coalition=coalition, start_date=today, review_date=today + datetime.timedelta(days=15)
    )
    found = list(reminders.due(today))
    assert [r.key for r in found] == [f"agreement-review:{due.uuid}:{due.review_date.isoformat()}"]
    assert found[0].to == (coordinator.user.email,)
    assert found[0].coalition == due.coalition


def test_api_covenant_reads_its_signatories_in_constant_queries(coalition, coordinator_client):
    covenant = CovenantFactory(coalition=coalition)
    url = reverse("agreements_api:covenant", args=[coalition.uuid])

    def count(n):
        for _ in range(n):
            SignatoryFactory(covenant=covenant, partner=PartnerFactory(coalition=coalition))
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(url)
        assert response.status_code == 200
        assert len(response.json()["signatories"]) == covenant.signatories.count()
        return len(queries)

    few = count(1)
    assert count(6) == few
