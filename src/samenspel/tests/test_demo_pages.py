"""Every page and every API list of a coalition renders over the whole demo, for every demo role.

The factories in the apps' own tests make small, tidy data; the demo holds years of phase changes,
audit records of every kind, rounds, meetings and an offer. A page that breaks on real-looking data
(an audit record of a kind the page did not expect, say) fails here, not in front of a user.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.coalitions.models import Coalition
from samenspel.core.models import AuditEvent
from samenspel.demo.data import demo_email, load_demo
from samenspel.tests.test_tenancy import ROUTES

pytestmark = pytest.mark.django_db

# Pages whose only parameter is the coalition.
COALITION_ROUTES = [name for name, kwargs in ROUTES if kwargs == ("coalition",)]
ROLES = ("coordinator", "partner", "gemeente", "adviseur")


@pytest.fixture
def demo():
    with translation.override("nl"):
        load_demo("demo-wachtwoord-voor-de-test")
    return Coalition.objects.across_coalitions().get(name="Samen Dijkerveen")


def test_every_coalition_page_renders_for_every_role(demo):
    failures = []
    for role in ROLES:
        client = client_for(User.objects.get(email=demo_email(role)))
        for name in COALITION_ROUTES:
            url = reverse(name, kwargs={"coalition": demo.uuid})
            status = client.get(url).status_code
            if status >= 500 or status == 404:
                failures.append(f"{role} {name} {url}: {status}")
    assert not failures, "\n".join(failures)


def test_the_audit_trail_renders_every_record_and_filter_of_the_demo(demo):
    client = client_for(User.objects.get(email=demo_email("coordinator")))
    url = reverse("coalitions:audit", kwargs={"coalition": demo.uuid})
    events = AuditEvent.objects.of_coalition(demo)
    assert events.count() > 100
    pages = (events.count() + 49) // 50
    for page in range(1, pages + 1):
        assert client.get(url, {"pagina": page}).status_code == 200
    for action in set(events.values_list("action", flat=True)):
        response = client.get(url, {"action": action})
        assert response.status_code == 200, action
        assert response.context["page"].paginator.count == events.filter(action=action).count()
    for object_type in set(events.values_list("object_type", flat=True)):
        response = client.get(url, {"object_type": object_type})
        assert response.status_code == 200, object_type
        assert response.context["page"].paginator.count == (
            events.filter(object_type=object_type).count()
        )
    some_object = events.exclude(object_uuid=None).first()
    response = client.get(url, {"object": some_object.object_uuid})
    expected = events.filter(object_uuid=some_object.object_uuid).count()
    assert response.context["page"].paginator.count == expected
    today = datetime.date.today().isoformat()
    everything = client.get(url, {"since": "2020-01-01", "until": today})
    assert everything.context["page"].paginator.count == events.count()
    backwards = client.get(url, {"since": today, "until": "2020-01-01"})
    assert backwards.status_code == 200
    assert "Kies een einddatum op of na de begindatum." in backwards.content.decode()
