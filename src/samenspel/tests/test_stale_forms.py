"""An edit form opened before someone else saved: the other change is kept, or, when both changed
the same field, nothing is saved and the form says what the other person saved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from samenspel.accounts import services as accounts
from samenspel.accounts.models import Role
from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.activities import services as activities
from samenspel.activities.tests.test_activities import make_activity
from samenspel.coalitions import services as coalitions
from samenspel.coalitions.tests.factories import MunicipalityFactory
from samenspel.core.forms import fingerprint
from samenspel.meetings import services as meetings
from samenspel.meetings.models import Decision, Meeting
from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.partners import services
from samenspel.partners.models import Partner
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(coalition):
    return PartnerFactory(coalition=coalition, brings="Vrijwilligers", takes="Bereik")


@pytest.fixture
def colleague(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


def opened_form(client, url) -> dict:
    """What the browser would send back unchanged: every field as the page showed it, the
    rows of a formset beside the form included."""
    context = client.get(url).context
    forms = [context["form"]]
    if context.get("formset") is not None:
        forms += [context["formset"].management_form, *context["formset"]]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(value, list):
                data[field.html_name] = [str(item) for item in value]
            elif value not in (None, False):
                data[field.html_name] = str(value.pk if hasattr(value, "pk") else value)
    return data


def edit_url(partner):
    return reverse("partners:edit", args=[partner.coalition.uuid, partner.uuid])


def test_the_form_carries_a_version(coordinator_client, partner):
    page = coordinator_client.get(edit_url(partner)).content.decode()
    assert 'type="hidden" name="version"' in page


def test_another_persons_change_to_another_field_is_kept(coordinator_client, partner, colleague):
    data = opened_form(coordinator_client, edit_url(partner))
    services.update_partner(partner, acting_user=colleague, takes="Contacten")

    response = coordinator_client.post(edit_url(partner), {**data, "brings": "Ruimte"})

    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.brings, partner.takes) == ("Ruimte", "Contacten")


def test_both_changing_one_field_saves_nothing_and_names_the_other_value(
    coordinator_client, partner, colleague
):
    data = opened_form(coordinator_client, edit_url(partner))
    services.update_partner(partner, acting_user=colleague, brings="Een zaal")

    response = coordinator_client.post(
        edit_url(partner), {**data, "brings": "Ruimte", "takes": "Zichtbaarheid"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Iemand anders heeft dit intussen ook gewijzigd" in page
    assert "Wat brengt de partner (Een zaal)" in page
    assert "Er is niets opgeslagen" in page
    assert Partner.objects.get(pk=partner.pk).takes == "Bereik"
    # Saving again, knowing the other value, overwrites it.
    again = {**data, "brings": "Ruimte", "version": response.context["form"]["version"].value()}
    assert coordinator_client.post(edit_url(partner), again).status_code == 302
    assert Partner.objects.get(pk=partner.pk).brings == "Ruimte"


def test_both_making_the_same_change_is_no_conflict(coordinator_client, partner, colleague):
    data = opened_form(coordinator_client, edit_url(partner))
    services.update_partner(partner, acting_user=colleague, brings="Ruimte")

    response = coordinator_client.post(edit_url(partner), {**data, "brings": "Ruimte"})

    assert response.status_code == 302


def test_a_form_without_version_saves_what_differs(coordinator_client, partner):
    data = opened_form(coordinator_client, edit_url(partner))
    del data["version"]

    response = coordinator_client.post(edit_url(partner), {**data, "brings": "Ruimte"})

    assert response.status_code == 302
    assert Partner.objects.get(pk=partner.pk).brings == "Ruimte"


def test_fingerprints_of_saved_and_cleaned_values_agree(partner):
    assert fingerprint(Decimal("12500.00")) == fingerprint(Decimal("12500"))
    assert fingerprint(partner.coalition) == fingerprint(partner.coalition.pk)
    assert fingerprint(["b", "a"]) == fingerprint(["a", "b"])
    assert fingerprint("x") != fingerprint("y")


def test_a_meeting_keeps_the_place_someone_else_set(coordinator_client, coalition, colleague):
    meeting = MeetingFactory(coalition=coalition, location="Buurthuis")
    url = reverse("meetings:edit", args=[coalition.uuid, meeting.uuid])
    data = opened_form(coordinator_client, url)
    meetings.save_meeting(coalition, acting_user=colleague, meeting=meeting, location="Bibliotheek")

    response = coordinator_client.post(url, {**data, "title": "Kerngroep maart"})

    assert response.status_code == 302
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.title, saved.location) == ("Kerngroep maart", "Bibliotheek")


def test_a_decision_changed_by_both_is_not_saved(coordinator_client, coalition, colleague):
    meeting = MeetingFactory(coalition=coalition)
    decision = meetings.record_decision(meeting, acting_user=colleague, text="Koffie op dinsdag")
    url = reverse("meetings:decision_edit", args=[coalition.uuid, meeting.uuid, decision.uuid])
    data = opened_form(coordinator_client, url)
    meetings.update_decision(decision, acting_user=colleague, text="Koffie op woensdag")

    response = coordinator_client.post(url, {**data, "text": "Koffie op donderdag"})

    assert response.status_code == 200
    assert (
        "Intussen gewijzigd door iemand anders in: Koffie op woensdag" in response.content.decode()
    )
    assert Decision.objects.get(pk=decision.pk).text == "Koffie op woensdag"


def activity_url(activity):
    return reverse("activities:edit", args=[activity.coalition.uuid, activity.uuid])


def test_providers_someone_else_added_are_kept(coordinator_client, coalition, colleague):
    first, second = PartnerFactory(coalition=coalition), PartnerFactory(coalition=coalition)
    activity = make_activity(coalition, colleague, providers=[first])
    data = opened_form(coordinator_client, activity_url(activity))
    activities.update_activity(activity, acting_user=colleague, providers=[first, second])

    response = coordinator_client.post(activity_url(activity), {**data, "title": "Soepmiddag"})

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Soepmiddag"
    assert set(activity.providers.all()) == {first, second}


def test_target_groups_changed_by_both_are_not_saved(coordinator_client, coalition, colleague):
    activity = make_activity(coalition, colleague, groups=["older"])
    data = opened_form(coordinator_client, activity_url(activity))
    activities.update_activity(activity, acting_user=colleague, target_groups=["young"])

    response = coordinator_client.post(
        activity_url(activity), {**data, "title": "Soepmiddag", "target_groups": ["carers"]}
    )

    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen ook gewijzigd" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Koffieochtend"
    assert [group.group for group in activity.target_groups.all()] == ["young"]


def test_a_municipality_someone_else_chose_is_kept(coordinator_client, coalition, colleague):
    url = reverse("coalitions:edit", args=[coalition.uuid])
    data = opened_form(coordinator_client, url)
    elsewhere = MunicipalityFactory()
    coalitions.update_coalition(coalition, acting_user=colleague, municipality=elsewhere)

    response = coordinator_client.post(url, {**data, "name": "Samen Oost"})

    assert response.status_code == 302
    coalition.refresh_from_db()
    assert (coalition.name, coalition.municipality) == ("Samen Oost", elsewhere)


def test_a_role_changed_by_both_is_not_saved(coordinator_client, coalition, colleague):
    member = MembershipFactory(coalition=coalition, read_only=True)
    url = reverse("members:edit", args=[coalition.uuid, member.uuid])
    data = opened_form(coordinator_client, url)
    accounts.change_member_role(member, acting_user=colleague, role=Role.MUNICIPALITY)

    response = coordinator_client.post(url, {**data, "role": Role.ADVISOR})

    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen ook gewijzigd" in response.content.decode()
    member.refresh_from_db()
    assert member.role == Role.MUNICIPALITY
