"""National figures: aggregates over all coalitions with small numbers hidden, and per coalition
only what it chose to publish; the public page and its open data."""

import datetime
import json

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.models import NationalRole
from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for
from samenspel.coalitions.models import Phase
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import note_data_change
from samenspel.monitoring.tests.factories import activity
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans.instruments import get_instrument
from samenspel.scans.tests.test_results import answer, make_round
from samenspel.signals.tests.factories import SignalFactory
from samenspel.signals.workflow import Outcome, Status
from samenspel.workspace.national import PILLARS_SCAN, national_figures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


def coalitions(n, phase=Phase.INITIATE, prefix="Samen"):
    return [CoalitionFactory(name=f"{prefix} {phase} {i}", phase=phase) for i in range(n)]


def cells(labelled):
    return {row.key: row.value for row in labelled.rows}


def test_small_phases_are_hidden_with_a_second_one_so_the_total_does_not_give_them_away():
    coalitions(12)
    coalitions(3, Phase.EXPLORE)
    per_phase = national_figures().per_phase
    assert per_phase.total == 15
    assert cells(per_phase)[Phase.EXPLORE] is None
    assert cells(per_phase)[Phase.INITIATE] is None
    assert cells(per_phase)[Phase.SUSTAIN] == 0


def test_reach_is_shown_only_when_ten_coalitions_contribute():
    made = coalitions(9)
    for coalition in made:
        activity(coalition, None, reach=((datetime.date(2026, 10, 31), 5, 5),))
    assert national_figures().reach is None
    extra = coalitions(1, prefix="Extra")[0]
    activity(extra, None, reach=((datetime.date(2026, 10, 31), 5, 5),))
    figures = national_figures()
    assert figures.reach == 100
    assert figures.activities == 10


def test_a_coalition_is_named_only_when_it_chose_to_publish():
    quiet, open_ = coalitions(2)
    coordinator = MembershipFactory(coalition=open_, coordinator=True).user
    activity(open_, None, reach=((datetime.date(2026, 10, 31), 3, 2),))
    client = client_for(coordinator)
    response = client.post(reverse("reporting:publication", args=[open_.uuid]), {"publish": "1"})
    assert response.status_code == 302
    page = Client().get(reverse("national_public:figures"))  # anonymous
    html = page.content.decode()
    assert page.status_code == 200
    assert open_.name in html
    assert quiet.name not in html
    (published,) = national_figures().published
    assert published.reach is None  # 5 participants: hidden
    client.post(reverse("reporting:publication", args=[open_.uuid]), {"publish": "0"})
    assert national_figures().published == []


def test_only_the_coordinator_decides_to_publish():
    (coalition,) = coalitions(1)
    advisor = MembershipFactory(coalition=coalition, advisor=True).user
    url = reverse("reporting:publication", args=[coalition.uuid])
    assert client_for(advisor).post(url, {"publish": "1"}).status_code == 403
    assert national_figures().published == []


def test_open_data_has_no_small_number():
    coalitions(4)
    data = json.loads(Client().get(reverse("national_public:json")).content)
    assert data["suppression"] == {"minimum": 10}
    assert data["coalitions_per_phase"]["total"] is None
    assert all(v is None for v in data["coalitions_per_phase"]["cells"].values())
    csv = Client().get(reverse("national_public:csv")).content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "figure;part;value"


@pytest.fixture
def kept_analysis(settings):
    """A cache that keeps what it is given (the tests' own cache keeps nothing)."""
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    caches["analysis"].clear()  # keys of an earlier test may name the same coalition ids


@pytest.mark.usefixtures("kept_analysis")
def test_constant_queries_whatever_the_number_of_coalitions(django_assert_num_queries):
    coalitions(2)
    national_figures()  # the scan scores of each coalition are computed once per data version
    with django_assert_num_queries(QUERIES):
        national_figures()
    for coalition in coalitions(12, Phase.EXPLORE):
        activity(coalition, None, reach=((datetime.date(2026, 10, 31), 5, 5),))
        signal(coalition, 2)
        pillar_scan(coalition, 4)
    assert national_figures().per_phase.total == 14  # the new coalitions changed the versions
    with django_assert_num_queries(QUERIES):
        national_figures()


# Nothing changed: every coalition with its data version, in one query; the figures come from
# the cache.
QUERIES = 1


@pytest.mark.usefixtures("kept_analysis")
def test_a_change_in_any_coalition_is_in_the_next_figures():
    made = coalitions(11)
    assert cells(national_figures().per_phase)[Phase.INITIATE] == 11
    coordinator = MembershipFactory(coalition=made[0], coordinator=True).user
    client_for(coordinator).post(
        reverse("reporting:publication", args=[made[0].uuid]), {"publish": "1"}
    )
    assert [c.name for c in national_figures().published] == [made[0].name]


def signal(coalition, count, **fields):
    intake = PartnerFactory(coalition=coalition)
    received = datetime.datetime(2026, 10, 5, 9, tzinfo=datetime.UTC)
    for _n in range(count):
        SignalFactory(coalition=coalition, intake=intake, received_at=received, **fields)


def pillar_scan(coalition, value, closes_on=datetime.date(2026, 3, 31)):
    instrument = get_instrument(PILLARS_SCAN)
    scan_round = make_round(coalition, PILLARS_SCAN, anonymous=False, closes_on=closes_on)
    answer(scan_round, dict.fromkeys(instrument.item_keys, value))
    # As an answer through a personal link does (`scans.services.save_answers`); the factories
    # write no audit record either.
    note_data_change(coalition.pk)


def test_signals_per_outcome_are_shown_only_when_ten_coalitions_contribute():
    made = coalitions(9)
    for coalition in made:
        signal(coalition, 2, status=Status.CLOSED, outcome=Outcome.SUPPORTED)
    figures = national_figures()
    assert figures.signals_per_outcome.total is None
    assert all(row.value is None for row in figures.signals_per_outcome.rows)
    extra = coalitions(1, prefix="Extra")[0]
    signal(extra, 2, status=Status.CLOSED, outcome=Outcome.SUPPORTED)
    signal(extra, 3)  # still open, no contact: 3 of their own, hidden with a second cell
    figures = national_figures()
    outcome = cells(figures.signals_per_outcome)
    assert figures.signals_per_outcome.total == 23
    assert outcome["open"] is None
    assert outcome[Outcome.SUPPORTED] is None  # hidden too, or 3 would follow from the total
    assert outcome[Outcome.DECLINED] == 0
    wait = cells(figures.signals_per_wait)
    assert figures.signals_per_wait.total == 23
    assert wait["none"] == 23
    data = json.loads(Client().get(reverse("national_public:json")).content)
    assert data["signals_per_outcome_last_twelve_months"]["cells"]["open"] is None
    assert data["signals_per_time_to_first_contact_last_twelve_months"]["total"] == 23


@pytest.mark.usefixtures("kept_analysis")
def test_scan_scores_per_pillar_need_ten_coalitions_and_are_never_stale():
    made = coalitions(10)
    for coalition in made[:9]:
        pillar_scan(coalition, 4)
    assert all(score.mean is None for score in national_figures().scan_scores)
    pillar_scan(made[9], 2)
    scores = {score.key: score for score in national_figures().scan_scores}
    assert scores["strong_network"].coalitions == 10
    assert scores["strong_network"].mean == pytest.approx(3.8)
    # A newer round of one coalition changes its data version: the figure follows at once.
    pillar_scan(made[9], 4, closes_on=datetime.date(2026, 6, 30))
    scores = {score.key: score for score in national_figures().scan_scores}
    assert scores["strong_network"].mean == pytest.approx(4.0)
    html = client_for(UserFactory(national_role=NationalRole.PROGRAMME)).get(
        reverse("workspace:national")
    )
    assert "<dt>Een sterk netwerk</dt><dd>4,0</dd>" in html.content.decode()


def test_the_programme_page_shows_the_same_figures():
    coalitions(11)
    programme = UserFactory(national_role=NationalRole.PROGRAMME)
    html = client_for(programme).get(reverse("workspace:national")).content.decode()
    assert "Coalities per levensfase: 11" in html
