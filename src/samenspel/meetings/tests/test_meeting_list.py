import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.meetings.views import PAST_PER_PAGE

pytestmark = pytest.mark.django_db


def past_titles(client, coalition, page: str = "") -> tuple[list[str], str]:
    url = reverse("meetings:list", args=[coalition.uuid]) + (f"?pagina={page}" if page else "")
    response = client.get(url)
    return [m.title for m in response.context["past"]], response.content.decode()


def test_past_meetings_page_by_next_and_previous_without_counting(coordinator_client, coalition):
    first = datetime.datetime(2020, 1, 6, 19, 0, tzinfo=datetime.UTC)
    for week in range(PAST_PER_PAGE + 3):
        MeetingFactory(
            coalition=coalition,
            title=f"Overleg {week:02d}",
            starts_at=first + datetime.timedelta(weeks=week),
        )

    newest, html = past_titles(coordinator_client, coalition)
    assert newest == [f"Overleg {w:02d}" for w in range(PAST_PER_PAGE + 2, 2, -1)]
    assert 'rel="next"' in html
    assert 'rel="prev"' not in html
    assert "Pagina 1<" in html

    oldest, html = past_titles(coordinator_client, coalition, "2")
    assert oldest == ["Overleg 02", "Overleg 01", "Overleg 00"]
    assert 'rel="prev"' in html
    assert 'rel="next"' not in html

    assert past_titles(coordinator_client, coalition, "abc")[0] == newest
    assert past_titles(coordinator_client, coalition, "9")[0] == []


def test_the_meeting_list_reads_the_same_queries_for_few_or_many_meetings(
    coordinator_client, coalition
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            coordinator_client.get(reverse("meetings:list", args=[coalition.uuid]))
        return len(captured)

    MeetingFactory(
        coalition=coalition, starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    few = queries()
    for day in range(1, 29):
        MeetingFactory(
            coalition=coalition, starts_at=datetime.datetime(2020, 2, day, tzinfo=datetime.UTC)
        )
        MeetingFactory(
            coalition=coalition, starts_at=datetime.datetime(2099, 2, day, tzinfo=datetime.UTC)
        )
    assert queries() == few
