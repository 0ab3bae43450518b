import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import MembershipFactory, api_client_for
from samenspel.meetings.models import Meeting
from samenspel.meetings.tests.factories import ActionItemFactory, MeetingFactory
from samenspel.partners.tests.factories import PartnerFactory


@pytest.fixture
def client(coordinator):
    return api_client_for(coordinator.user, with_token=True)


def test_record_a_meeting_with_decisions_and_actions(client, coalition):
    partner = PartnerFactory(coalition=coalition)
    url = reverse("meetings_api:meetings", args=[coalition.uuid])
    created = client.post(
        url, {"title": "Kerngroep", "starts_at": "2027-01-14T19:30:00+01:00"}, format="json"
    )
    assert created.status_code == 201, created.json()
    uuid = created.json()["uuid"]
    m = [coalition.uuid, uuid]
    assert client.post(reverse("meetings_api:decisions", args=m), {"text": "Ja"}).status_code == 201
    assert client.post(reverse("meetings_api:attendance", args=m),
                       {"partner": str(partner.uuid), "status": "present"}).status_code == 201  # fmt: skip
    action = client.post(reverse("meetings_api:actions", args=m),
                         {"text": "Bellen", "owner_partner": str(partner.uuid)})  # fmt: skip
    assert action.status_code == 201
    detail = client.get(reverse("meetings_api:meeting", args=m)).json()
    assert [d["number"] for d in detail["decisions"]] == [1]
    assert detail["attendance"][0]["status"] == "present"
    listing = client.get(url).json()
    assert listing["results"][0]["decision_count"] == 1
    assert listing["results"][0]["open_action_count"] == 1
    open_url = reverse("meetings_api:open_actions", args=[coalition.uuid])
    assert len(client.get(open_url).json()["results"]) == 1
    done = client.post(
        reverse("meetings_api:complete", args=[coalition.uuid, action.json()["uuid"]]), {}
    )
    assert done.status_code == 200
    assert done.json()["done_on"]
    assert client.get(open_url).json()["results"] == []


def test_rules_come_back_as_problems(client, coalition):
    url = reverse("meetings_api:meetings", args=[coalition.uuid])
    missing = client.post(url, {"title": "Zonder datum"}, format="json")
    assert missing.status_code == 400
    assert missing["Content-Type"] == "application/problem+json"
    assert missing.json()["invalid_params"][0]["name"] == "starts_at"
    backwards = client.post(url, {"title": "x", "starts_at": "2027-01-14T19:30:00+01:00",
                                  "ends_at": "2027-01-14T19:00:00+01:00"}, format="json")  # fmt: skip
    assert backwards.status_code == 400
    assert "eindigen na het begin" in backwards.json()["invalid_params"][0]["reason"]
    meeting = MeetingFactory(coalition=coalition)
    foreign = PartnerFactory()
    m = [coalition.uuid, meeting.uuid]
    refused = client.post(reverse("meetings_api:actions", args=m),
                          {"text": "x", "owner_partner": str(foreign.uuid)})  # fmt: skip
    assert refused.status_code == 400
    assert "deze coalitie" in refused.json()["invalid_params"][0]["reason"]
    assert Meeting.objects.count() == 1
    assert not meeting.actions.exists()


def test_read_only_cannot_write_and_outsider_sees_nothing(coalition):
    reader = api_client_for(
        MembershipFactory(coalition=coalition, read_only=True).user, with_token=True
    )
    meeting = MeetingFactory(coalition=coalition)
    action = ActionItemFactory(meeting=meeting)
    url = reverse("meetings_api:meetings", args=[coalition.uuid])
    assert reader.get(url).status_code == 200
    assert reader.post(url, {"title": "x", "starts_at": "2027-01-01T10:00:00Z"}).status_code == 403
    assert (
        reader.post(
            reverse("meetings_api:complete", args=[coalition.uuid, action.uuid])
        ).status_code
        == 403
    )
    outsider = api_client_for(MembershipFactory(coordinator=True).user, with_token=True)
    assert outsider.get(url).status_code == 404
    detail = reverse("meetings_api:meeting", args=[coalition.uuid, meeting.uuid])
    assert outsider.get(detail).status_code == 404


def test_bodies(client, coalition):
    partner = PartnerFactory(coalition=coalition)
    url = reverse("meetings_api:bodies", args=[coalition.uuid])
    created = client.post(url, {"name": "Regiegroep", "kind": "steering_group",
                                "members": [str(partner.uuid)]}, format="json")  # fmt: skip
    assert created.status_code == 201, created.json()
    assert created.json()["members"] == [str(partner.uuid)]
    body = reverse("meetings_api:body", args=[coalition.uuid, created.json()["uuid"]])
    patched = client.patch(body, {"decides": "De regiegroep"}, format="json")
    assert patched.json()["decides"] == "De regiegroep"
    assert patched.json()["members"] == [str(partner.uuid)]
