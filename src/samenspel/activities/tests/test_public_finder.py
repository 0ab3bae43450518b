"""The public finder: search and filters without logging in, the activity page, its print
version and the embeddable list. (Builders here are shared by the other test_public*/hsds tests
and the browser test.)"""

from __future__ import annotations

import datetime
import itertools
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    ActivityTargetGroup,
    Finder,
    Frequency,
    TargetGroup,
    TimeSlot,
)
from samenspel.activities.public_selectors import RESULTS_PER_PAGE
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.partners.tests.factories import PartnerFactory

_slugs = itertools.count(1)


def make_finder(
    coalition: Coalition | None = None, *, published: bool = True, **fields: Any
) -> Finder:
    coalition = coalition or CoalitionFactory()
    fields.setdefault("slug", f"samen-{next(_slugs)}")
    return Finder.objects.create(coalition=coalition, is_published=published, **fields)


def make_neighbourhood(coalition: Coalition, name: str) -> Neighbourhood:
    return Neighbourhood.objects.create(coalition=coalition, name=name)


def make_activity(
    coalition: Coalition,
    title: str = "Koffieochtend",
    *,
    slots: list[tuple[int, datetime.time, datetime.time | None]] | None = None,
    groups: list[str] | None = None,
    providers: list[Any] = (),  # type: ignore[assignment]
    **fields: Any,
) -> Activity:
    fields.setdefault("description", f"{title}: samen met buurtgenoten, in gewone taal.")
    fields.setdefault("kind", ActivityKind.MEETING_PLACE)
    activity = Activity.objects.create(coalition=coalition, title=title, **fields)
    for weekday, start, end in (
        slots if slots is not None else [(2, datetime.time(10), datetime.time(12))]
    ):
        TimeSlot.objects.create(activity=activity, weekday=weekday, start_time=start, end_time=end)
    for group in groups if groups is not None else [TargetGroup.OLDER]:
        ActivityTargetGroup.objects.create(activity=activity, group=group)
    activity.providers.set(providers)
    return activity


def finder_url(finder: Finder, query: str = "") -> str:
    url = reverse("finder:index", args=[finder.slug])
    return f"{url}?{query}" if query else url


def titles(response: Any) -> list[str]:
    """The result titles on a finder or embed page, in order."""
    return [
        re.sub(r"<[^>]+>.*", "", match).strip()
        for match in re.findall(
            r'class="utrecht-heading-3 samenspel-finder-result__title"><a [^>]*>(.*?)</a>',
            response.content.decode(),
        )
    ]


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def offer(db: None) -> dict[str, Any]:
    """A coalition with a published finder, two wijken and a varied offer."""
    finder = make_finder(title="Doe mee in Dijkerveen", introduction="Kijk wat er is.")
    coalition = finder.coalition
    north, south = make_neighbourhood(coalition, "Noord"), make_neighbourhood(coalition, "Zuid")
    welfare = PartnerFactory(coalition=coalition, name="Welzijn Dijkerveen")
    activities = {
        "walk": make_activity(
            coalition,
            "Wandelclub Noord",
            neighbourhood=north,
            slots=[(2, datetime.time(10), datetime.time(11, 30))],
            groups=[TargetGroup.OLDER],
            kind=ActivityKind.SPORTS,
            cost=Decimal("0"),
            providers=[welfare],
        ),
        "language": make_activity(
            coalition,
            "Taalcafé",
            description="Oefen Nederlands praten met een kop koffie.",
            neighbourhood=south,
            slots=[(4, datetime.time(19), datetime.time(21))],
            groups=[TargetGroup.MIGRANTS],
            kind=ActivityKind.LEARNING,
            cost=Decimal("2.50"),
        ),
        "meal": make_activity(
            coalition,
            "Samen eten",
            neighbourhood=None,
            slots=[(2, datetime.time(17, 30), None)],
            groups=[TargetGroup.EVERYONE],
            kind=ActivityKind.MEALS,
            cost=Decimal("5"),
        ),
        "choir": make_activity(
            coalition,
            "Zangkoor Zuid",
            neighbourhood=south,
            slots=[(2, datetime.time(14), datetime.time(16))],
            groups=[TargetGroup.OLDER],
            kind=ActivityKind.CULTURE,
            cost=None,
        ),
    }
    return {"finder": finder, "north": north, "south": south, **activities}


# --- reaching the finder ----------------------------------------------------------------------


def test_finder_lists_the_published_offer_without_login(client: Client, offer: dict) -> None:
    response = client.get(finder_url(offer["finder"]))
    assert response.status_code == 200
    assert titles(response) == ["Samen eten", "Taalcafé", "Wandelclub Noord", "Zangkoor Zuid"]
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "4 activiteiten gevonden" in html
    assert "Doe mee in Dijkerveen" in html
    assert "Kijk wat er is." in html


def test_unknown_or_unpublished_finder_is_404(client: Client, offer: dict) -> None:
    assert client.get(reverse("finder:index", args=["bestaat-niet"])).status_code == 404
    hidden = make_finder(published=False)
    make_activity(hidden.coalition, "Verborgen")
    for name in ("finder:index", "finder:embed"):
        assert client.get(reverse(name, args=[hidden.slug])).status_code == 404


def test_activity_of_an_unpublished_finder_is_404(client: Client, offer: dict) -> None:
    finder = offer["finder"]
    activity = offer["walk"]
    finder.is_published = False
    finder.save()
    for name in ("finder:activity", "finder:print", "finder:ics"):
        assert client.get(reverse(name, args=[finder.slug, activity.uuid])).status_code == 404


# --- search and filters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=koffie", ["Taalcafé"]),  # found in the description
        ("q=ZANG", ["Zangkoor Zuid"]),  # case does not matter
        ("q=eten+samen", ["Samen eten"]),  # every word must occur
        ("wijk={south}", ["Samen eten", "Taalcafé", "Zangkoor Zuid"]),  # + whole municipality
        ("doelgroep=older", ["Samen eten", "Wandelclub Noord", "Zangkoor Zuid"]),  # + everyone
        ("soort=learning", ["Taalcafé"]),
        ("dag=2", ["Samen eten", "Wandelclub Noord", "Zangkoor Zuid"]),
        ("dag=4", ["Taalcafé"]),
        ("dag=7", []),
        ("gratis=on", ["Wandelclub Noord"]),
        ("wijk={north}&dag=2&doelgroep=older", ["Samen eten", "Wandelclub Noord"]),
        ("wijk={south}&dag=2&gratis=on", []),
    ],
)
def test_filters(client: Client, offer: dict, query: str, expected: list[str]) -> None:
    query = query.format(north=offer["north"].uuid, south=offer["south"].uuid)
    response = client.get(finder_url(offer["finder"], query))
    assert response.status_code == 200
    assert titles(response) == expected
    count = len(expected)
    noun = "activiteit" if count == 1 else "activiteiten"
    assert f"{count} {noun} gevonden" in response.content.decode()


def test_the_form_keeps_the_choices_and_works_as_a_plain_get_form(
    client: Client, offer: dict
) -> None:
    north = offer["north"]
    html = client.get(finder_url(offer["finder"], f"wijk={north.uuid}&dag=2&gratis=on")).content
    page = html.decode()
    form = re.search(r"<form method=\"get\" action=\"#resultaten\".*?</form>", page, re.S)
    assert form is not None, "the search form is a GET form that lands on the results"
    assert f'<option value="{north.uuid}" selected>Noord</option>' in form.group(0)
    assert '<option value="2" selected>dinsdag</option>' in form.group(0)
    assert 'id="id_gratis" name="gratis" checked' in form.group(0)
    for field in ("q", "wijk", "doelgroep", "soort", "dag", "gratis"):
        assert f'<label class="utrecht-form-label" for="id_{field}">' in form.group(0)
    assert "<script" not in page  # no JavaScript needed (or loaded) on a public page


def test_a_wijk_of_another_coalition_is_not_a_choice(client: Client, offer: dict) -> None:
    other = make_neighbourhood(CoalitionFactory(), "Elders")
    response = client.get(finder_url(offer["finder"], f"wijk={other.uuid}"))
    assert response.status_code == 200
    assert "Elders" not in response.content.decode()
    assert response.context["form"].errors["wijk"]


def test_results_are_paginated(client: Client, offer: dict) -> None:
    coalition = offer["finder"].coalition
    for n in range(20):
        make_activity(coalition, f"Breiclub {n:02d}", groups=[TargetGroup.OLDER])
    first = client.get(finder_url(offer["finder"], "q=breiclub"))
    assert len(titles(first)) == RESULTS_PER_PAGE == 10
    assert "20 activiteiten gevonden" in first.content.decode()
    everything = client.get(finder_url(offer["finder"]))
    assert "24 activiteiten gevonden" in everything.content.decode()
    assert "pagina=2" in everything.content.decode()
    last = client.get(finder_url(offer["finder"], "pagina=3"))
    assert titles(last) == ["Samen eten", "Taalcafé", "Wandelclub Noord", "Zangkoor Zuid"]


def test_result_shows_when_where_cost_and_for_whom(client: Client, offer: dict) -> None:
    page = client.get(finder_url(offer["finder"], "q=wandelclub")).content.decode()
    assert "dinsdag 10:00–11:30" in page
    assert "Noord" in page
    assert "Gratis" in page
    assert "Ouderen" in page
    costs = client.get(finder_url(offer["finder"], "q=taalcaf")).content.decode()
    assert "€\xa02,50" in costs


def test_finder_query_count_does_not_grow_with_the_offer(client: Client, offer: dict) -> None:
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(finder_url(offer["finder"], "dag=2"))
        assert response.status_code == 200
        return len(queries)

    small = count_queries()
    coalition = offer["finder"].coalition
    for n in range(30):
        make_activity(
            coalition,
            f"Activiteit {n}",
            neighbourhood=offer["north"] if n % 2 else offer["south"],
            slots=[(2, datetime.time(9), datetime.time(10)), (5, datetime.time(9), None)],
            groups=[TargetGroup.OLDER, TargetGroup.CARERS],
        )
    assert count_queries() == small
    assert small == 6  # finder, wijken, count, page, time slots, target groups


def test_search_forgives_accents_and_typing_errors_and_suggests(
    client: Client, offer: dict
) -> None:
    finder = offer["finder"]
    assert titles(client.get(finder_url(finder, "q=cafe"))) == ["Taalcafé"]
    typo = client.get(finder_url(finder, "q=kofie&wijk=" + str(offer["south"].uuid)))
    assert titles(typo) == ["Taalcafé"]  # "koffie" in its description
    page = typo.content.decode()
    assert "Bedoelde u:" in page
    suggestion = re.search(r'Bedoelde u: <a class="utrecht-link" href="\?([^"]+)">koffie</a>', page)
    assert suggestion is not None
    assert "q=koffie" in suggestion.group(1)
    assert f"wijk={offer['south'].uuid}" in suggestion.group(1)  # the other choices stay
    exact = client.get(finder_url(finder, "q=koffie")).content.decode()
    assert "Bedoelde u" not in exact


def test_search_query_count_does_not_grow_with_the_offer(client: Client, offer: dict) -> None:
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(finder_url(offer["finder"], "q=kofie"))
        assert response.status_code == 200
        return len(queries)

    small = count_queries()
    for n in range(30):
        make_activity(offer["finder"].coalition, f"Wandelen met koffie {n}")
    assert count_queries() == small
    assert small == 7  # the texts of the offer, then as without a search


def test_target_groups_are_offered_once_each(client: Client, offer: dict) -> None:
    page = client.get(finder_url(offer["finder"])).content.decode()
    select = re.search(r'<select[^>]*name="doelgroep".*?</select>', page, re.S)
    assert select is not None
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0))
    assert options.count("Iedereen") == 1
    assert len(options) == len(set(options))


def test_going_back_from_a_result_keeps_the_search(client: Client, offer: dict) -> None:
    finder, south = offer["finder"], offer["south"]
    search = f"q=koffie&wijk={south.uuid}&dag=4"
    page = client.get(finder_url(finder, search)).content.decode()
    link = re.search(
        r'samenspel-finder-result__title"><a class="utrecht-link" href="([^"]+)"', page
    )
    assert link is not None
    activity_page = client.get(link.group(1).replace("&amp;", "&")).content.decode()
    back = re.search(r'href="([^"]+)">Terug naar de zoekresultaten', activity_page)
    assert back is not None
    back_url = back.group(1).replace("&amp;", "&")
    assert back_url.endswith("#resultaten")
    again = client.get(back_url.split("#")[0])
    assert titles(again) == ["Taalcafé"]
    assert again.context["form"]["wijk"].value() == str(south.uuid)
    # Without a search the activity page leads back to the whole offer.
    plain = client.get(link.group(1).split("?")[0]).content.decode()
    assert "Terug naar alle activiteiten" in plain


# --- the activity page and its print version --------------------------------------------------


def test_activity_page_shows_all_public_fields(client: Client, offer: dict) -> None:
    coalition = offer["finder"].coalition
    library = PartnerFactory(coalition=coalition, name="Bibliotheek Dijkerveen")
    activity = make_activity(
        coalition,
        "Digitaal café",
        description="Hulp bij uw telefoon of tablet.",
        neighbourhood=offer["north"],
        location_name="Buurthuis De Linde",
        street_address="Lindelaan 4",
        postal_code="9999 AB",
        city="Dijkerveen",
        frequency=Frequency.BIWEEKLY,
        schedule_note="Niet in de zomervakantie",
        starts_on=datetime.date(2026, 1, 6),
        cost=Decimal("1"),
        cost_note="inclusief koffie",
        wheelchair_accessible=True,
        accessibility="Ringleiding aanwezig",
        capacity=12,
        how_to_join="Gewoon binnenlopen",
        contact_phone="0123 456 789",
        contact_email="info@buurthuisdelinde.nl",
        website="https://buurthuisdelinde.nl",
        organiser="Bewonersinitiatief De Linde",
        week_against_loneliness=True,
        groups=[TargetGroup.OLDER, TargetGroup.LOW_LITERACY],
        slots=[(2, datetime.time(13, 30), datetime.time(15, 30))],
        providers=[library],
    )
    response = client.get(reverse("finder:activity", args=[offer["finder"].slug, activity.uuid]))
    assert response.status_code == 200
    page = response.content.decode()
    for expected in (
        '<h1 class="utrecht-heading-1">Digitaal café</h1>',
        "Hulp bij uw telefoon of tablet.",
        "Ontmoetingsplek",
        "Mensen die moeite hebben met lezen en schrijven, Ouderen",
        "dinsdag 13:30–15:30",
        "Om de week",
        "Niet in de zomervakantie",
        "Vanaf 6 januari 2026",
        "Buurthuis De Linde",
        "Lindelaan 4",
        "9999 AB Dijkerveen",
        "Noord",
        "€\xa01,00 (inclusief koffie)",
        "Toegankelijk met een rolstoel.",
        "Ringleiding aanwezig",
        "12",
        "Gewoon binnenlopen",
        'href="tel:0123456789"',
        'href="mailto:info@buurthuisdelinde.nl"',
        'href="https://buurthuisdelinde.nl"',
        "Bibliotheek Dijkerveen, Bewonersinitiatief De Linde",
        "Week tegen Eenzaamheid",
        reverse("finder:ics", args=[offer["finder"].slug, activity.uuid]),
        reverse("finder:print", args=[offer["finder"].slug, activity.uuid]),
    ):
        assert expected in page, expected


def test_print_version_has_no_navigation(client: Client, offer: dict) -> None:
    activity = offer["walk"]
    slug = offer["finder"].slug
    response = client.get(reverse("finder:print", args=[slug, activity.uuid]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wandelclub Noord" in page
    assert "dinsdag 10:00–11:30" in page
    for chrome in ("<header", "<nav", "<footer"):
        assert chrome not in page
    assert "samenspel-public--print" in page
    assert f"http://testserver{reverse('finder:activity', args=[slug, activity.uuid])}" in page


def test_activity_of_another_finder_is_404(client: Client, offer: dict) -> None:
    other = make_finder()
    theirs = make_activity(other.coalition, "Elders")
    assert (
        client.get(reverse("finder:activity", args=[offer["finder"].slug, theirs.uuid])).status_code
        == 404
    )
    assert client.get(reverse("finder:activity", args=[other.slug, theirs.uuid])).status_code == 200


@pytest.mark.parametrize(
    "hidden",
    [{"is_published": False}, {"status": ActivityStatus.ENDED}],
    ids=["unpublished", "ended"],
)
def test_hidden_activity_is_404_and_not_listed(client: Client, offer: dict, hidden: dict) -> None:
    activity = make_activity(offer["finder"].coalition, "Geheime activiteit", **hidden)
    slug = offer["finder"].slug
    assert "Geheime activiteit" not in titles(client.get(finder_url(offer["finder"])))
    for name in ("finder:activity", "finder:print", "finder:ics"):
        assert client.get(reverse(name, args=[slug, activity.uuid])).status_code == 404


def test_paused_activity_is_shown_with_a_notice(client: Client, offer: dict) -> None:
    activity = make_activity(
        offer["finder"].coalition, "Tijdelijk niet", status=ActivityStatus.PAUSED
    )
    page = client.get(
        reverse("finder:activity", args=[offer["finder"].slug, activity.uuid])
    ).content.decode()
    assert "Deze activiteit is even gestopt." in page


# --- embedding --------------------------------------------------------------------------------


def test_embed_may_be_framed_and_follows_the_filters(client: Client, offer: dict) -> None:
    slug = offer["finder"].slug
    response = client.get(reverse("finder:embed", args=[slug]) + f"?wijk={offer['north'].uuid}")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    assert "script-src 'self'" in csp  # the rest of the policy still holds
    assert titles(response) == ["Samen eten", "Wandelclub Noord"]
    page = response.content.decode()
    assert "<header" not in page
    assert "<footer" not in page
    assert 'target="_blank" rel="noopener"' in page


def test_other_public_pages_may_not_be_framed(client: Client, offer: dict) -> None:
    slug, activity = offer["finder"].slug, offer["walk"].uuid
    for url in (
        reverse("finder:index", args=[slug]),
        reverse("finder:activity", args=[slug, activity]),
        reverse("finder:print", args=[slug, activity]),
    ):
        response = client.get(url)
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], url


def test_finder_page_offers_the_embed_code_with_the_current_filters(
    client: Client, offer: dict
) -> None:
    north = offer["north"].uuid
    page = client.get(finder_url(offer["finder"], f"wijk={north}")).content.decode()
    embed = reverse("finder:embed", args=[offer["finder"].slug])
    assert f'&lt;iframe src="http://testserver{embed}?wijk={north}"' in page
    assert 'title="Doe mee in Dijkerveen"' in page
    assert reverse("finder_api:services", args=[offer["finder"].slug]) in page
