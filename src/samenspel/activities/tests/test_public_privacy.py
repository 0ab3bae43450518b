"""Nothing personal and nothing unpublished on a public page or in the open data: no contact
persons of partners, no account names or e-mail addresses, no reach figures, no residents'
names, nothing of unpublished or ended activities, nothing of other coalitions."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities.models import ActivityStatus, ReachRecord
from samenspel.activities.tests.test_public_finder import (
    make_activity,
    make_finder,
    make_neighbourhood,
)
from samenspel.partners.models import ContactPerson, PartnerKind
from samenspel.partners.tests.factories import PartnerFactory

SECRETS = {
    "contact person": "Jolanda Achterhuis",
    "contact e-mail": "j.achterhuis@welzijn.example",
    "contact phone": "06-11223344",
    "coordinator name": "Coördinator Geheimnaam",
    "coordinator e-mail": "geheim.coordinator@example.nl",
    "resident partner": "Kees Particulier",
    "reach note": "Telling door Piet Puk",
    "reach figure": "98765",
    "unpublished activity": "Onzichtbare ochtend",
    "ended activity": "Gestopte middag",
    "activity past its end date": "Verlopen cursus",
    "other coalition's activity": "Activiteit van elders",
    "other coalition's wijk": "Wijk Elders",
}


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    finder = make_finder(title="Samen in Dijkerveen", contact="Bel 0123 000 000")
    coalition = finder.coalition
    north = make_neighbourhood(coalition, "Noord")
    coordinator = MembershipFactory(
        coalition=coalition,
        coordinator=True,
        user__email=SECRETS["coordinator e-mail"],
        user__full_name=SECRETS["coordinator name"],
    )
    welfare = PartnerFactory(coalition=coalition, name="Welzijn Dijkerveen")
    ContactPerson.objects.create(
        partner=welfare,
        name=SECRETS["contact person"],
        email=SECRETS["contact e-mail"],
        phone=SECRETS["contact phone"],
        is_primary=True,
    )
    resident = PartnerFactory(
        coalition=coalition, name=SECRETS["resident partner"], kind=PartnerKind.RESIDENTS
    )
    public = make_activity(
        coalition,
        "Open koffieochtend",
        neighbourhood=north,
        providers=[welfare, resident],
        checked_by=coordinator.user,
        checked_on=datetime.date(2026, 1, 5),
        capacity=20,
    )
    ReachRecord.objects.create(
        activity=public,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
        new_participants=int(SECRETS["reach figure"]),
        returning_participants=3,
        note=SECRETS["reach note"],
        recorded_by=coordinator.user,
    )
    hidden = [
        make_activity(coalition, SECRETS["unpublished activity"], is_published=False),
        make_activity(coalition, SECRETS["ended activity"], status=ActivityStatus.ENDED),
        make_activity(
            coalition,
            SECRETS["activity past its end date"],
            ends_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
    ]
    elsewhere = make_finder(title="Elders")
    other_wijk = make_neighbourhood(elsewhere.coalition, SECRETS["other coalition's wijk"])
    hidden.append(
        make_activity(
            elsewhere.coalition, SECRETS["other coalition's activity"], neighbourhood=other_wijk
        )
    )
    return {"finder": finder, "public": public, "hidden": hidden, "north": north}


def public_outputs(world: dict[str, Any]) -> dict[str, str]:
    slug, activity = world["finder"].slug, world["public"].uuid
    client = Client()
    urls = {
        "finder": reverse("finder:index", args=[slug]),
        "finder, searching the unpublished": reverse("finder:index", args=[slug])
        + "?q=onzichtbare",
        "finder, searching the ended": reverse("finder:index", args=[slug]) + "?q=gestopte",
        "finder, searching the past": reverse("finder:index", args=[slug]) + "?q=verlopen",
        "finder, searching elsewhere": reverse("finder:index", args=[slug]) + "?q=elders",
        "finder, in a wijk": reverse("finder:index", args=[slug]) + f"?wijk={world['north'].uuid}",
        "activity page": reverse("finder:activity", args=[slug, activity]),
        "print version": reverse("finder:print", args=[slug, activity]),
        "embed": reverse("finder:embed", args=[slug]),
        "calendar": reverse("finder:ics", args=[slug, activity]),
        "open data": reverse("finder_api:services", args=[slug]) + "?per_page=100",
    }
    outputs = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        outputs[name] = response.content.decode()
    return outputs


def test_public_outputs_show_the_published_activity(world: dict[str, Any]) -> None:
    """The control for the test below: the pages do show what is public."""
    outputs = public_outputs(world)
    for name, output in outputs.items():
        if "searching" not in name:
            assert "Open koffieochtend" in output, name
    assert "Welzijn Dijkerveen" in outputs["activity page"]
    assert "Welzijn Dijkerveen" in outputs["open data"]


def test_public_outputs_leak_nothing(world: dict[str, Any]) -> None:
    hidden_ids = [str(activity.uuid) for activity in world["hidden"]]
    for name, output in public_outputs(world).items():
        for what, secret in SECRETS.items():
            assert secret not in output, f"{what} on the {name}"
        for hidden in hidden_ids:
            assert hidden not in output, f"a hidden activity's id on the {name}"


def test_hidden_activities_are_not_reachable_by_address(world: dict[str, Any]) -> None:
    slug = world["finder"].slug
    for activity in world["hidden"]:
        for name in ("finder:activity", "finder:print", "finder:ics"):
            assert Client().get(reverse(name, args=[slug, activity.uuid])).status_code == 404
