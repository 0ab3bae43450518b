"""The advisor's portfolio: every coalition side by side, the ones that stall first, filters,
export, the advisor's note, constant queries and rows that follow the data; and the same through
API v1, with the municipality's view."""

import datetime
import io

import pytest
from django.core.cache import caches
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from rest_framework.test import APIClient

from samenspel.accounts import policy
from samenspel.accounts.models import NationalRole
from samenspel.accounts.tests.factories import MembershipFactory, UserFactory, client_for
from samenspel.coalitions.models import Phase
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.analysis_cache import Version, coalition_data_version
from samenspel.partners import services as partner_services
from samenspel.reporting import services as reporting_services
from samenspel.reporting.tests.test_monitor import funding
from samenspel.workspace import portfolio, portfolio_views
from samenspel.workspace.warming import warm_overviews

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(NOW, tick=False)
    caches["analysis"].clear()
    with translation.override("nl"):
        yield


@pytest.fixture
def advisor():
    return UserFactory(email="adviseur@programma.nl")


def supported(advisor, name, *, phase=Phase.INITIATE, start=datetime.date(2026, 9, 1)):
    coalition = CoalitionFactory(name=name, phase=phase, start_date=start)
    MembershipFactory(coalition=coalition, user=advisor, advisor=True)
    return coalition


def change(coalition, user, name):
    partner_services.create_partner(
        coalition, acting_user=user, name=name, kind="welfare", motives=["moral"]
    )


@pytest.fixture
def three(advisor, time_machine):
    quiet = supported(advisor, "Samen Stil")
    busy = supported(advisor, "Samen Bezig")
    stuck = supported(advisor, "Samen Vast", phase=Phase.EXPLORE, start=datetime.date(2024, 5, 1))
    time_machine.move_to(NOW - datetime.timedelta(days=100), tick=False)
    change(quiet, advisor, "Welzijn Stil")
    time_machine.move_to(NOW, tick=False)
    change(busy, advisor, "Welzijn Bezig")
    change(stuck, advisor, "Welzijn Vast")
    return quiet, busy, stuck


def page(user, **query):
    return client_for(user).get(reverse("portfolio:overview"), query)


def names_in_order(response):
    return [row.coalition.name for row in response.context["rows"]]


def test_the_table_sorts_by_a_column_in_the_same_number_of_queries(advisor, three):
    with CaptureQueriesContext(connection) as default:
        page(advisor)
    with CaptureQueriesContext(connection) as by_name:
        response = page(advisor, sorteer="-coalitie")
    assert names_in_order(response) == ["Samen Vast", "Samen Stil", "Samen Bezig"]
    assert 'aria-sort="descending"' in response.content.decode()
    assert len(by_name) == len(default)
    assert names_in_order(page(advisor, sorteer="fase"))[-1] == "Samen Vast"


def test_the_coalitions_that_stall_come_first_with_their_reasons(advisor, three):
    response = page(advisor)
    assert names_in_order(response) == ["Samen Stil", "Samen Vast", "Samen Bezig"]
    rows = {row.coalition.name: row for row in response.context["rows"]}
    assert rows["Samen Stil"].stall_reasons == ["100 dagen geen wijziging in Samenspel"]
    assert rows["Samen Vast"].stall_reasons == ["al meer dan een jaar in dezelfde fase"]
    assert rows["Samen Bezig"].stalls is False
    html = response.content.decode()
    assert "3 coalities, waarvan 2 stilvallen" in html
    assert reverse("coalitions:dashboard", args=[three[0].uuid]) in html


def test_filters_by_state_phase_and_name(advisor, three):
    assert names_in_order(page(advisor, toestand="stil")) == ["Samen Stil", "Samen Vast"]
    assert names_in_order(page(advisor, fase=Phase.EXPLORE)) == ["Samen Vast"]
    assert names_in_order(page(advisor, zoek="bezig")) == ["Samen Bezig"]


def test_an_unknown_filter_value_is_explained_and_nothing_is_hidden(advisor, three):
    response = page(advisor, fase="vijfde")
    assert len(response.context["rows"]) == 3
    assert "Kies bij ‘Fase’ een van de mogelijkheden uit de lijst." in response.content.decode()


def test_the_export_has_the_filtered_rows_as_csv_and_xlsx(advisor, three):
    client = client_for(advisor)
    csv = client.get(reverse("portfolio:export", args=["csv"]), {"toestand": "stil"})
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Coalitie;Gemeente;Fase;Dagen in fase")
    names = [line.split(";")[0] for line in text.splitlines()[1:]]
    assert names == ["Samen Stil", "Samen Vast"]
    xlsx = client.get(reverse("portfolio:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Samen Stil", "Samen Vast", "Samen Bezig"]
    assert client.get(reverse("portfolio:export", args=["pdf"])).status_code == 404


def test_the_advisors_note_shows_in_the_row(advisor, three):
    reporting_services.save_advisor_note(three[1], acting_user=advisor, text="Kern wil verbreden")
    rows = {row.coalition.name: row for row in page(advisor).context["rows"]}
    assert rows["Samen Bezig"].note == "Kern wil verbreden"


def test_only_coalitions_where_the_person_reads_findings(advisor, three):
    other = CoalitionFactory(name="Samen Elders")
    MembershipFactory(coalition=other, user=advisor, read_only=True)
    assert "Samen Elders" not in names_in_order(page(advisor))
    reader = MembershipFactory(read_only=True).user
    assert page(reader).status_code == 404


def test_constant_queries_and_never_staler_than_the_data(
    advisor, three, settings, django_assert_max_num_queries
):
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    page(advisor)  # computes and caches the rows
    reset_queries()  # the log keeps 9000 queries; the counts below need it from empty
    with django_assert_max_num_queries(100) as three_rows:
        page(advisor)
    queries = len(three_rows)
    for n in range(5):
        supported(advisor, f"Samen Extra {n}")
    page(advisor)
    reset_queries()
    with django_assert_max_num_queries(queries):
        response = page(advisor)
    assert len(response.context["rows"]) == 8
    quiet = three[0]
    change(quiet, advisor, "Nieuwe partner")  # a change today: no longer quiet
    rows = {row.coalition.name: row for row in page(advisor).context["rows"]}
    assert rows["Samen Stil"].stalls is False


def test_the_versions_of_a_portfolio_are_the_versions_of_its_coalitions(advisor, three):
    memberships = policy.portfolio_coalitions(advisor, policy.Permission.VIEW_FINDINGS)
    versions = {m.coalition_id: m.version for m in memberships}
    assert {cid: v.key for cid, v in versions.items()} == {
        c.pk: coalition_data_version(c.pk) for c in three
    }
    quiet = three[0]
    assert versions[quiet.pk].last_change == NOW - datetime.timedelta(days=100)
    never_changed = supported(advisor, "Samen Nieuw")
    memberships = policy.portfolio_coalitions(advisor, policy.Permission.VIEW_FINDINGS)
    assert [m.version for m in memberships if m.name == "Samen Nieuw"] == [
        Version(coalition_data_version(never_changed.pk), None)
    ]


def test_a_long_portfolio_is_shown_a_page_at_a_time(advisor):
    for n in range(27):
        supported(advisor, f"Samen {n:02}")
    first = page(advisor)
    assert len(first.context["page"].object_list) == 25
    assert 'rel="next"' in first.content.decode()
    second = page(advisor, pagina=2, toestand="stil")
    assert [row.coalition.name for row in second.context["page"]] == ["Samen 25", "Samen 26"]
    assert "toestand=stil&amp;pagina=1" in second.content.decode()


# API v1: the same rows, order, filters and permissions as the pages


def api_for(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_authenticate(user)
    return client


def names(response):
    return [row["name"] for row in response.json()["results"]]


def test_the_portfolio_stalling_first_with_reasons_and_filters(advisor, three):
    url = reverse("workspace_api:portfolio")
    response = api_for(advisor).get(url)
    assert response.status_code == 200
    assert names(response) == ["Samen Stil", "Samen Vast", "Samen Bezig"]
    quiet = response.json()["results"][0]
    assert quiet["coalition"] == str(three[0].uuid)
    assert quiet["stall_reasons"] == ["100 dagen geen wijziging in Samenspel"]
    assert quiet["phase"] == "initiate"
    assert names(api_for(advisor).get(url, {"toestand": "stil"})) == ["Samen Stil", "Samen Vast"]
    assert names(api_for(advisor).get(url, {"zoek": "bezig"})) == ["Samen Bezig"]


def test_a_bad_filter_is_refused_with_a_dutch_message(advisor, three):
    response = api_for(advisor).get(reverse("workspace_api:portfolio"), {"fase": "vijfde"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "Kies bij ‘Fase’ een van de mogelijkheden uit de lijst." in response.content.decode()


def test_the_municipality_view_puts_the_money_that_ends_first_on_top(advisor, three):
    quiet, busy, _stuck = three
    funding(busy, "5000", datetime.date(2026, 1, 1), datetime.date(2027, 1, 31))
    response = api_for(advisor).get(reverse("workspace_api:municipality"))
    assert names(response)[0] == "Samen Bezig"
    first = response.json()["results"][0]
    assert first["funding"][0]["funder"] == "Fonds"
    assert first["funding"][0]["end_date"] == "2027-01-31"
    assert first["reach_last_twelve_months"] == 0


def test_nobody_else_gets_a_portfolio(three):
    for url in (reverse("workspace_api:portfolio"), reverse("workspace_api:municipality")):
        reader = MembershipFactory(coalition=three[0], read_only=True).user
        assert api_for(reader).get(url).status_code == 404
        programme = UserFactory(national_role=NationalRole.PROGRAMME)
        assert api_for(programme).get(url).status_code == 404
        assert APIClient().get(url).status_code == 401


def test_the_schema_documents_both_endpoints(advisor):
    schema = api_for(advisor).get("/api/v1/openapi.json").json()
    assert "/api/v1/portfolio/" in schema["paths"]
    assert "/api/v1/portfolio/municipality/" in schema["paths"]
    assert "/api/v1/coalitions/{coalition}/outcomes/" in schema["paths"]


@pytest.fixture
def analysis_cache(settings):
    """A real cache for the analysis, empty (a local-memory cache outlives its settings)."""
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    caches["analysis"].clear()


def test_warming_computes_every_coalition_ahead_and_only_what_changed_since(
    advisor, three, analysis_cache, monkeypatch
):
    computed = []
    original = portfolio.summarise

    def counting(coalition, today):
        computed.append(coalition.name)
        return original(coalition, today)

    monkeypatch.setattr(portfolio, "summarise", counting)
    warmed = warm_overviews()
    assert warmed.coalitions == 3
    assert sorted(computed) == sorted(["Samen Stil", "Samen Bezig", "Samen Vast"] * 2)  # nl, en
    computed.clear()
    assert page(advisor).status_code == 200
    assert computed == []  # the page read every row from the cache
    change(three[1], advisor, "Nog een partner")
    warm_overviews()
    assert computed == ["Samen Bezig", "Samen Bezig"]


def test_rows_computed_before_a_request_is_cut_off_are_kept(
    advisor, three, analysis_cache, monkeypatch
):
    original = portfolio.summarise

    def cut_off_at_the_third(coalition, today):
        if coalition.name == three[2].name:
            raise TimeoutError
        return original(coalition, today)

    monkeypatch.setattr(portfolio, "summarise", cut_off_at_the_third)
    with pytest.raises(TimeoutError):
        page(advisor)
    computed = []
    monkeypatch.setattr(
        portfolio, "summarise", lambda c, today: computed.append(c) or original(c, today)
    )
    page(advisor)
    assert computed == [three[2]]


def table_body(response) -> str:
    html = response.content.decode()
    return html[html.index("<tbody") : html.index("</tbody>")]


def test_a_page_reads_the_details_of_the_rows_it_shows_once_per_version(
    advisor, analysis_cache, monkeypatch
):
    coalitions = [supported(advisor, f"Samen {n:02}") for n in range(27)]
    detailed = []
    original = portfolio.with_details

    def recording(rows):
        detailed.append(sorted(row.coalition.name for row in rows))
        return original(rows)

    monkeypatch.setattr(portfolio_views, "with_details", recording)
    first = table_body(page(advisor))
    assert [len(rows) for rows in detailed] == [25]  # a page: not all 27
    detailed.clear()
    assert table_body(page(advisor)) == first
    assert detailed == []  # every row shown came from the cache
    change(coalitions[3], advisor, "Een nieuwe partner")  # no longer stalls: it goes down
    assert "Samen 03" not in table_body(page(advisor))
    assert detailed == [["Samen 25"]]  # the one row that came up, not yet rendered
    detailed.clear()
    assert "Samen 03" in table_body(page(advisor, pagina=2))
    assert detailed == [["Samen 03", "Samen 26"]]  # changed, and not yet rendered


def test_a_row_shows_a_new_municipality_name_at_once(advisor, three, analysis_cache):
    quiet = three[0]
    page(advisor)
    municipality = quiet.municipality
    municipality.name = "Nieuwgemeente aan Zee"  # reference data: no change of the coalition
    municipality.save()
    assert "Nieuwgemeente aan Zee" in page(advisor).content.decode()


def test_the_portfolio_answers_while_the_shared_cache_is_unreachable(advisor, three, settings):
    settings.CACHES = {
        **settings.CACHES,
        "analysis": {
            "BACKEND": "samenspel.core.cache.SharedCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    response = page(advisor)
    assert response.status_code == 200
    assert "Samen Stil" in table_body(response)  # computed, and kept nowhere


def test_rows_kept_by_an_earlier_release_are_not_shown(advisor, three, analysis_cache, monkeypatch):
    page(advisor)
    rendered = []
    original = portfolio.with_details
    monkeypatch.setattr(
        portfolio_views, "with_details", lambda rows: rendered.extend(rows) or original(rows)
    )
    page(advisor)
    assert rendered == []
    monkeypatch.setattr(portfolio_views, "RELEASE", "a later release")
    page(advisor)
    assert len(rendered) == 3
