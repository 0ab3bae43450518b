"""'Waar staan we?' reads the checklist and the records of other apps in one query (the apps
register their records in `coalitions.evidence`); the page shows the evidence."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.agreements.models import CovenantStatus
from samenspel.agreements.tests.factories import CovenantFactory, ProcessStepFactory
from samenspel.coalitions import services
from samenspel.coalitions.evidence import MARKER_PREFIX, SOURCES, gather
from samenspel.coalitions.models import Phase
from samenspel.coalitions.progress import suggest_phase
from samenspel.guide.content import phase_activities
from samenspel.meetings.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_every_source_shows_a_guide_activity_or_marks_a_phase():
    keys = {a.key for phase in Phase for a in phase_activities(phase)}
    assert {"agreements.process_steps", "meetings.bodies", "evaluations.evaluations"} <= set(
        SOURCES
    )
    for source in SOURCES.values():
        assert source.shows in keys or source.shows == MARKER_PREFIX + Phase.ESTABLISH


def test_records_and_checklist_come_in_one_query(coalition, coordinator):
    services.set_checklist_status(
        coalition, "initiate-agenda-setting", acting_user=coordinator.user, status="done"
    )
    ProcessStepFactory.create_batch(3, coalition=coalition)
    BodyFactory(coalition=coalition)
    CovenantFactory(
        coalition=coalition, status=CovenantStatus.SIGNED, signed_on=datetime.date(2025, 1, 1)
    )
    with CaptureQueriesContext(connection) as queries:
        evidence = gather(coalition)
    assert len(queries) == 1
    assert evidence.checklist["initiate-agenda-setting"].status == "done"
    assert len(evidence.of("establish-process-design")) == 3
    assert len(evidence.of("establish-work-structure")) == 1
    assert [r.day for r in evidence.of(MARKER_PREFIX + Phase.ESTABLISH)] == [
        datetime.date(2025, 1, 1)
    ]


def test_a_draft_covenant_marks_nothing(coalition):
    CovenantFactory(coalition=coalition)
    assert not gather(coalition).of(MARKER_PREFIX + Phase.ESTABLISH)


def test_another_coalitions_records_do_not_count(coalition):
    ProcessStepFactory()  # its own coalition
    assert not gather(coalition).of("establish-process-design")


def test_the_page_shows_the_records_as_evidence(coordinator_client, coalition):
    ProcessStepFactory.create_batch(2, coalition=coalition)
    response = coordinator_client.get(reverse("coalitions:where", args=[coalition.uuid]))
    assert response.status_code == 200
    assert "Aangetoond door: processtappen (2)" in response.content.decode()
    assert suggest_phase(coalition).progress(Phase.ESTABLISH).activities[1].evidence


def test_the_page_runs_the_same_number_of_queries_with_many_records(coordinator_client, coalition):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            coordinator_client.get(reverse("coalitions:where", args=[coalition.uuid]))
        return len(queries)

    ProcessStepFactory(coalition=coalition)
    few = count()
    ProcessStepFactory.create_batch(20, coalition=coalition)
    BodyFactory.create_batch(5, coalition=coalition)
    assert count() == few
