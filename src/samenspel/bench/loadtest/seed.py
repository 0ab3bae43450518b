"""The actors of a load test, made in the load test's database after `load_demo`.

A coordinator of the demo coalition that has the public finder, with an API token (writes) and a
signed-in session (dashboards), and an opened scan round whose respondents are the partners'
contact persons: opening it queues one invitation e-mail per respondent.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Membership, Role
from samenspel.accounts.services import create_api_token
from samenspel.activities.models import Finder
from samenspel.partners.models import ContactPerson
from samenspel.scans import services as scans
from samenspel.scans.instruments import get_instrument

FINDER = "samen-dijkerveen"
INSTRUMENT = "pulse"


def _session_cookie(user: Any) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def seed(run: str) -> dict[str, Any]:
    finder = Finder.objects.across_coalitions().select_related("coalition").get(slug=FINDER)
    coalition = finder.coalition
    coordinator = (
        Membership.objects.of_coalition(coalition)
        .filter(role=Role.COORDINATOR)
        .select_related("user")
        .earliest("pk")
        .user
    )
    _token, raw_token = create_api_token(acting_user=coordinator, name=f"loadtest {run}")
    contacts = list(ContactPerson.objects.of_coalition(coalition).exclude(email=""))
    scan_round = scans.create_round(
        coalition,
        acting_user=coordinator,
        instrument_key=INSTRUMENT,
        title=f"Load test {run}",
        anonymous=False,
        closes_on=timezone.localdate() + datetime.timedelta(days=7),
        contacts=contacts,
    )
    scans.open_round(scan_round, acting_user=coordinator)
    instrument = get_instrument(INSTRUMENT)
    return {
        "run": run,
        "finder": FINDER,
        "coalition": str(coalition.uuid),
        "token": raw_token,
        "session": _session_cookie(coordinator),
        "round": str(scan_round.uuid),
        "respondents": [r.link_token for r in scan_round.respondents.all()],
        "instrument_version": instrument.version,
        "urls": {
            "trivial": reverse("about"),
            "finder": reverse("finder:index", args=[FINDER]),
            "open data": reverse("finder_api:services", args=[FINDER]),
            "dashboard": reverse("coalitions:dashboard", args=[coalition.uuid]),
            "invitations": reverse("members_api:invitations", args=[coalition.uuid]),
            "import": reverse("activity_imports_api:upload", args=[coalition.uuid]),
            "respond": reverse("scans_api:respond", args=["TOKEN"]),
        },
        "answers": {item.key: instrument.scale.max for item in instrument.items},
    }
