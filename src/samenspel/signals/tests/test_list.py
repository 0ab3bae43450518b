"""The holder's list of signals: the first deadline first, a page at a time, read as plain
values (no personal field), in a number of queries that does not grow with the list."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.signals.selectors import held_page
from samenspel.signals.tests.factories import (
    RESIDENT,
    SignalFactory,
    setup_signals,
    verified_client_for,
)
from samenspel.signals.views import PER_PAGE
from samenspel.signals.workflow import Status, Urgency

pytestmark = pytest.mark.django_db(databases=["default", "audit"])


def _held(scene, count, **fields):
    return [
        SignalFactory(coalition=scene.coalition, intake=scene.intake, **fields)
        for _n in range(count)
    ]


def test_the_first_deadline_comes_first_and_closed_signals_last():
    scene = setup_signals()
    today = timezone.localdate()
    closed = _held(scene, 1, status=Status.CLOSED)[0]
    later = _held(scene, 1, deadline=today + datetime.timedelta(days=9))[0]
    sooner = _held(scene, 1, deadline=today + datetime.timedelta(days=2), urgency=Urgency.URGENT)[0]

    page = held_page(scene.intake_member, 1, PER_PAGE)

    assert [row.uuid for row in page] == [sooner.uuid, later.uuid, closed.uuid]
    assert (page.object_list[0].status, page.object_list[0].urgency) == (
        "Ontvangen",
        "Met voorrang",
    )
    assert page.object_list[2].deadline is None
    assert not page.has_next


def test_a_long_list_is_paged_in_the_same_number_of_queries():
    scene = setup_signals()
    _held(scene, 3)
    with CaptureQueriesContext(connection) as few:
        held_page(scene.intake_member, 1, PER_PAGE)
    _held(scene, 2 * PER_PAGE)
    with CaptureQueriesContext(connection) as many:
        second = held_page(scene.intake_member, 2, PER_PAGE)

    assert len(few) == len(many) == 1
    assert len(second) == PER_PAGE
    assert second.has_next
    assert second.has_previous


def test_the_list_page_shows_codes_and_no_personal_field():
    scene = setup_signals()
    signal = _held(scene, 1)[0]

    page = verified_client_for(scene.intake_member.user).get(
        reverse("signals:home", args=[scene.coalition.uuid])
    )

    text = page.content.decode()
    assert signal.short_code in text
    assert RESIDENT["resident_name"] not in text
