"""The "Wie wijzigde wat" page: Dutch field names and readable values, filters, paging."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core.models import AuditEvent
from samenspel.partners import services
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def audit_url(coalition, **query):
    url = reverse("coalitions:audit", args=[coalition.uuid])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, name="Buurtkamer", kind="welfare")


def test_changes_read_in_dutch(coordinator_client, coordinator, coalition, partner):
    services.update_partner(
        partner,
        acting_user=coordinator.user,
        kind="libraries_culture",
        joined_on=datetime.date(2024, 3, 5),
    )

    page = coordinator_client.get(audit_url(coalition)).content.decode()

    assert "Soort partner: Welzijnsorganisatie → Bibliotheken en culturele instellingen" in page
    assert "Lid sinds: – → 5 maart 2024" in page
    assert "Partner gewijzigd" in page
    assert "welfare" not in page


def test_a_personal_field_shows_only_that_it_changed(
    coordinator_client, coordinator, coalition, partner
):
    services.save_contact(partner, acting_user=coordinator.user, name="An", email="an@example.nl")

    page = coordinator_client.get(audit_url(coalition)).content.decode()

    assert "E-mailadres (werk):" in page
    assert "gewijzigd (persoonsgegeven, waarde niet bewaard)" in page
    assert "an@example.nl" not in page


def test_records_from_before_the_current_layout_still_show(coordinator_client, coalition):
    AuditEvent.objects.create(
        coalition=coalition,
        action="partner.updated",
        object_type="partner",
        object_label="Oud",
        changes={"kind": ["welfare", "education"], "brings": "Koffie"},
    )
    AuditEvent.objects.create(
        coalition=coalition,
        action="contact.updated",
        object_type="contactperson",
        object_label="Oud contact",
        changes={"fields": ["email"]},
    )

    page = coordinator_client.get(audit_url(coalition)).content.decode()

    assert "Soort partner: Welzijnsorganisatie → Onderwijs" in page
    assert "Wat brengt de partner: Koffie" in page
    assert "E-mailadres (werk):" in page


def test_filters_by_person_kind_of_change_object_and_period(
    coordinator_client, coordinator, coalition, partner
):
    other = MembershipFactory(coalition=coalition, coordinator=True).user
    second = PartnerFactory(coalition=coalition, name="Bibliotheek Oost")
    with time_machine.travel(datetime.datetime(2025, 1, 10, 12), tick=False):
        services.update_partner(partner, acting_user=coordinator.user, brings="Januari")
    with time_machine.travel(datetime.datetime(2025, 3, 10, 12), tick=False):
        services.update_partner(second, acting_user=other, brings="Maart")
        services.save_contact(second, acting_user=other, name="Bo")

    def shown(**query):
        page = coordinator_client.get(audit_url(coalition, **query)).content.decode()
        return {text for text in ("Januari", "Maart", "Contactpersoon bij") if text in page}

    assert shown() == {"Januari", "Maart", "Contactpersoon bij"}
    assert shown(actor=coordinator.user.uuid) == {"Januari"}
    assert shown(action="contact.created") == {"Contactpersoon bij"}
    assert shown(object_type="partner") == {"Januari", "Maart"}
    assert shown(object=second.uuid) == {"Maart"}
    assert shown(since="2025-03-01") == {"Maart", "Contactpersoon bij"}
    assert shown(until="2025-01-10") == {"Januari"}
    wrong = coordinator_client.get(audit_url(coalition, since="2025-03-01", until="2025-01-01"))
    assert "Kies een einddatum op of na de begindatum." in wrong.content.decode()


def test_the_filter_form_has_labels_and_works_without_javascript(coordinator_client, coalition):
    page = coordinator_client.get(audit_url(coalition)).content.decode()

    assert '<form method="get"' in page
    for name, label in (
        ("object_type", "Soort object"),
        ("action", "Soort wijziging"),
        ("since", "Vanaf"),
    ):
        assert f'for="id_{name}"' in page
        assert label in page


def test_a_person_is_chosen_by_following_their_name(
    coordinator_client, coalition, coordinator, partner
):
    services.update_partner(partner, acting_user=coordinator.user, brings="Koffie")
    page = coordinator_client.get(audit_url(coalition)).content.decode()
    assert f'href="?actor={coordinator.user.uuid}"' in page
    narrowed = coordinator_client.get(audit_url(coalition, actor=coordinator.user.uuid))
    assert f"Alleen de wijzigingen door: {coordinator.user}" in narrowed.content.decode()


def test_pages_of_fifty_in_a_constant_number_of_queries(coordinator_client, coordinator):
    def queries_for(n: int) -> int:
        coalition = coordinator.coalition
        AuditEvent.objects.all().delete()
        for i in range(n):
            partner = PartnerFactory(coalition=coalition)
            services.update_partner(partner, acting_user=coordinator.user, brings=f"Nummer {i}")
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(audit_url(coalition))
        assert response.status_code == 200
        return len(queries)

    assert queries_for(3) == queries_for(60)
    second = coordinator_client.get(audit_url(coordinator.coalition, pagina=2)).content.decode()
    assert "Pagina 2 van 2" in second
    assert "Nummer 0" in second  # the oldest change is on the last page
