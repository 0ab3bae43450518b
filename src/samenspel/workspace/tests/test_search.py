"""Search across one coalition: every source, accents and typing errors, tenancy, and a fixed
number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities.models import Activity
from samenspel.agreements.tests.factories import PartnerAgreementFactory
from samenspel.meetings import services as meetings
from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def search_url(coalition, query=""):
    url = reverse("work:search", args=[coalition.uuid])
    return f"{url}?q={query}" if query else url


@pytest.fixture
def content(coalition, coordinator):
    library = PartnerFactory(coalition=coalition, name="Bibliotheek Dijkerveen", brings="Ruimte")
    Activity.objects.create(
        coalition=coalition,
        title="Digitaal café",
        description="Hulp met de telefoon.",
        kind="learning",
    )
    meeting = MeetingFactory(coalition=coalition, title="Kerngroep", minutes="Over de koffie.")
    meetings.record_decision(meeting, acting_user=coordinator.user, text="Koffie voor iedereen.")
    PartnerAgreementFactory(coalition=coalition, partner=library, expectations="Taalcafé elke week")
    return {"library": library, "meeting": meeting}


def groups(response):
    return {
        group.key: [hit.title for hit in group.hits] for group in response.context["results"].groups
    }


def test_every_source_is_searched_forgiving_accents(reader_client, coalition, content):
    response = reader_client.get(search_url(coalition, "cafe"))
    assert response.status_code == 200
    found = groups(response)
    assert found["activities"] == ["Digitaal café"]
    assert found["agreements"] == ["Bibliotheek Dijkerveen"]
    coffee = groups(reader_client.get(search_url(coalition, "koffie")))
    assert coffee["meetings"] == ["Kerngroep"]
    assert coffee["decisions"] == ["Kerngroep, besluit 1"]
    partners = groups(reader_client.get(search_url(coalition, "bibliotheek")))
    assert partners["partners"] == ["Bibliotheek Dijkerveen"]
    page = reader_client.get(search_url(coalition, "bibliotheek")).content.decode()
    assert reverse("partners:detail", args=[coalition.uuid, content["library"].uuid]) in page


def test_a_typing_error_is_forgiven_and_suggested(reader_client, coalition, content):
    response = reader_client.get(search_url(coalition, "kofie"))
    assert groups(response)["decisions"] == ["Kerngroep, besluit 1"]
    assert response.context["results"].suggestion == "koffie"
    assert 'Bedoelde u: <a class="utrecht-link" href="?q=koffie">koffie</a>' in (
        response.content.decode()
    )


def test_the_guide_is_searched(reader_client, coalition):
    found = groups(reader_client.get(search_url(coalition, "netwerkdip")))
    assert found["guide"]


def test_nothing_of_another_coalition_is_found(reader_client, coalition, content):
    other = MembershipFactory(coordinator=True).coalition
    Activity.objects.create(coalition=other, title="Geheim café", description="x", kind="learning")
    assert groups(reader_client.get(search_url(coalition, "geheim"))) == {}
    assert client_for(MembershipFactory().user).get(search_url(coalition)).status_code == 404


def test_an_empty_search_shows_only_the_form(reader_client, coalition, content):
    response = reader_client.get(search_url(coalition))
    assert response.status_code == 200
    assert response.context["results"].groups == []
    assert 'role="search"' in response.content.decode()


def test_the_search_reads_the_same_queries_for_a_small_or_large_coalition(
    coordinator_client, coordinator, coalition, content
):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert coordinator_client.get(search_url(coalition, "koffie")).status_code == 200
        return len(captured)

    small = count()
    for n in range(20):
        PartnerFactory(coalition=coalition, name=f"Koffiehuis {n}")
        Activity.objects.create(
            coalition=coalition, title=f"Koffie {n}", description="Samen", kind="learning"
        )
        meeting = MeetingFactory(coalition=coalition, title=f"Koffieoverleg {n}")
        meetings.record_decision(meeting, acting_user=coordinator.user, text="Koffie erbij")
    assert count() == small
