"""Activities in the coalition's workspace: the rules of the services, the pages and who may change
which activity (coordinator: all; partner member: only their own organisation's)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.tests.factories import MembershipFactory, client_for
from samenspel.activities import selectors, services
from samenspel.activities.models import Activity, ActivityStatus, TimeSlot
from samenspel.activities.plain_language import hints
from samenspel.coalitions.models import Neighbourhood
from samenspel.coalitions.tests.factories import CoalitionFactory
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False)
    with translation.override("nl"):
        yield


def make_activity(coalition, user=None, *, providers=(), groups=("older",), slots=None, **fields):
    """An activity made through the service, as the pages and the API make them."""
    values = {
        "title": "Koffieochtend",
        "description": "Samen koffie drinken.",
        "kind": "meeting_place",
    }
    values.update(fields)
    return services.create_activity(
        coalition,
        acting_user=user,
        providers=list(providers),
        target_groups=list(groups),
        time_slots=slots
        if slots is not None
        else [services.Slot(3, datetime.time(10), datetime.time(12))],
        **values,
    )


@pytest.fixture
def coalition():
    return CoalitionFactory(name="Samen Oost")


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, coordinator=True).user


@pytest.fixture
def member(coalition):
    """A partner member; `member.partner` is their organisation."""
    return MembershipFactory(coalition=coalition, partner_member=True)


@pytest.fixture
def other_partner(coalition):
    return PartnerFactory(coalition=coalition, name="Bibliotheek Oost")


@pytest.fixture
def wijk(coalition):
    return Neighbourhood.objects.create(coalition=coalition, name="Centrum")


def form_data(**overrides):
    data = {
        "title": "Wandelgroep",
        "description": "Elke week samen wandelen.",
        "kind": "sports",
        "frequency": "weekly",
        "status": "active",
        "is_published": "on",
        "wheelchair_accessible": "unknown",
        "target_groups": ["older", "carers"],
        "tijden-TOTAL_FORMS": "2",
        "tijden-INITIAL_FORMS": "0",
        "tijden-MIN_NUM_FORMS": "0",
        "tijden-MAX_NUM_FORMS": "1000",
        "tijden-0-weekday": "2",
        "tijden-0-start_time": "09:30",
        "tijden-0-end_time": "11:00",
        "tijden-1-weekday": "",
        "tijden-1-start_time": "",
        "tijden-1-end_time": "",
    }
    data.update(overrides)
    return data


# --- services -------------------------------------------------------------------------------


def test_create_saves_groups_slots_providers_and_audit(coalition, coordinator, other_partner):
    activity = make_activity(
        coalition, coordinator, providers=[other_partner], groups=["older", "young"]
    )
    assert sorted(g.group for g in activity.target_groups.all()) == ["older", "young"]
    assert [str(s) for s in activity.time_slots.all()] == ["woensdag 10:00–12:00"]
    assert list(activity.providers.all()) == [other_partner]
    assert activity.checked_on == TODAY
    event = AuditEvent.objects.get(action="activity.created")
    fields = event.changes["fields"]
    assert fields["providers"]["new"] == [
        {"uuid": str(other_partner.uuid), "label": other_partner.name}
    ]
    assert fields["time_slots"] == {"old": [], "new": ["3 10:00–12:00"]}


def test_end_date_before_start_is_refused_and_nothing_saved(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        make_activity(
            coalition,
            coordinator,
            starts_on=datetime.date(2026, 5, 1),
            ends_on=datetime.date(2026, 4, 1),
        )
    assert "De einddatum ligt vóór de startdatum." in error.value.message_dict["ends_on"]
    assert not Activity.objects.exists()


def test_time_slot_end_before_start_names_the_row(coalition, coordinator):
    slots = [
        services.Slot(1, datetime.time(10), datetime.time(11)),
        services.Slot(2, datetime.time(14), datetime.time(13)),
    ]
    with pytest.raises(ValidationError) as error:
        make_activity(coalition, coordinator, slots=slots)
    assert error.value.message_dict["time_slots"] == [
        "Tijdstip 2: De eindtijd ligt vóór de begintijd."
    ]
    assert not Activity.objects.exists()
    assert not TimeSlot.objects.exists()


def test_neighbourhood_of_another_coalition_is_refused(coalition, coordinator):
    foreign = Neighbourhood.objects.create(coalition=CoalitionFactory(), name="Elders")
    with pytest.raises(ValidationError) as error:
        make_activity(coalition, coordinator, neighbourhood=foreign)
    assert error.value.message_dict["neighbourhood"] == [
        "Deze wijk of kern hoort niet bij deze coalitie."
    ]


def test_provider_of_another_coalition_or_one_that_left_is_refused(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        make_activity(coalition, coordinator, providers=[PartnerFactory()])
    assert error.value.message_dict["providers"] == ["Deze partner hoort niet bij deze coalitie."]
    gone = PartnerFactory(
        coalition=coalition,
        name="Oud",
        joined_on=datetime.date(2020, 1, 1),
        left_on=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        make_activity(coalition, coordinator, providers=[gone])
    assert "Oud is geen partner meer" in error.value.message_dict["providers"][0]


def test_partner_member_creating_is_always_a_provider(coalition, member):
    activity = make_activity(coalition, member.user, own_partner=member.partner)
    assert list(activity.providers.all()) == [member.partner]


def test_partner_member_cannot_name_another_organisation_as_provider(
    coalition, member, other_partner
):
    with pytest.raises(ValidationError) as error:
        make_activity(coalition, member.user, providers=[other_partner], own_partner=member.partner)
    assert error.value.message_dict["providers"] == [
        "Alleen uw eigen organisatie kunt u als aanbieder toevoegen of weghalen; andere "
        "aanbieders past de coördinator aan."
    ]
    assert not Activity.objects.filter(coalition=coalition).exists()


def test_partner_member_keeps_the_other_providers_a_coordinator_named(
    coalition, coordinator, member, other_partner
):
    activity = make_activity(coalition, coordinator, providers=[member.partner, other_partner])
    own = member.partner
    services.update_activity(
        activity, acting_user=member.user, providers=[own, other_partner], own_partner=own
    )
    with pytest.raises(ValidationError, match="Alleen uw eigen organisatie"):
        services.update_activity(
            activity, acting_user=member.user, providers=[own], own_partner=own
        )
    third = PartnerFactory(coalition=coalition, name="Sportclub Oost")
    with pytest.raises(ValidationError, match="Alleen uw eigen organisatie"):
        services.update_activity(
            activity,
            acting_user=member.user,
            providers=[own, other_partner, third],
            own_partner=own,
        )
    assert set(activity.providers.all()) == {own, other_partner}


def test_partner_member_cannot_remove_their_own_organisation(coalition, member, other_partner):
    activity = make_activity(coalition, member.user, own_partner=member.partner)
    with pytest.raises(ValidationError) as error:
        services.update_activity(
            activity, acting_user=member.user, providers=[other_partner], own_partner=member.partner
        )
    assert "Uw eigen organisatie" in error.value.message_dict["providers"][0]
    assert list(activity.providers.all()) == [member.partner]


def test_update_replaces_parts_in_one_go_and_audits_the_diff(coalition, coordinator, other_partner):
    activity = make_activity(coalition, coordinator)
    services.update_activity(
        activity,
        acting_user=coordinator,
        title="Koffieochtend De Linde",
        target_groups=["everyone"],
        time_slots=[services.Slot(5, datetime.time(9))],
        providers=[other_partner],
    )
    activity.refresh_from_db()
    assert activity.title == "Koffieochtend De Linde"
    assert [g.group for g in activity.target_groups.all()] == ["everyone"]
    assert [str(s) for s in activity.time_slots.all()] == ["vrijdag 09:00"]
    changes = AuditEvent.objects.get(action="activity.updated").changes
    assert set(changes["fields"]) == {"title", "target_groups", "time_slots", "providers"}


def test_stale_threshold_is_six_months_and_never_checked_counts(coalition, coordinator):
    fresh = make_activity(coalition, coordinator, title="Vers")
    old = make_activity(coalition, coordinator, title="Oud")
    never = make_activity(coalition, coordinator, title="Nooit")
    ended = make_activity(coalition, coordinator, title="Gestopt", status=ActivityStatus.ENDED)
    Activity.objects.filter(pk=fresh.pk).update(checked_on=datetime.date(2026, 5, 23))
    Activity.objects.filter(pk=old.pk).update(checked_on=datetime.date(2026, 5, 22))
    Activity.objects.filter(pk__in=[never.pk, ended.pk]).update(checked_on=None)
    stale = [a.title for a in selectors.stale_activities(coalition, TODAY)]
    assert stale == ["Nooit", "Oud"]


def test_months_before_clamps_to_month_end():
    assert selectors.months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert selectors.months_before(datetime.date(2026, 3, 15), 6) == datetime.date(2025, 9, 15)


def test_mark_checked_sets_day_and_person(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    Activity.objects.filter(pk=activity.pk).update(checked_on=None)
    services.mark_checked(activity, acting_user=coordinator)
    activity.refresh_from_db()
    assert (activity.checked_on, activity.checked_by) == (TODAY, coordinator)
    assert AuditEvent.objects.filter(action="activity.checked").count() == 1


def test_plain_language_hints():
    assert hints("Kom gezellig koffie drinken. Iedereen is welkom.") == []
    long_text = "Wij organiseren " + "heel " * 16 + "veel."
    found = hints(long_text + " Het ontmoetingsactiviteitenprogramma.")
    assert any(h.startswith("Lange zin (19 woorden)") for h in found)
    assert any("ontmoetingsactiviteitenprogramma" in h for h in found)


# --- pages ----------------------------------------------------------------------------------


def test_list_filters_and_shows_stale_count(coalition, coordinator, other_partner, wijk):
    make_activity(coalition, coordinator, title="Eettafel", kind="meals", neighbourhood=wijk)
    old = make_activity(coalition, coordinator, title="Leesclub", providers=[other_partner])
    Activity.objects.filter(pk=old.pk).update(checked_on=datetime.date(2025, 1, 1))
    client = client_for(coordinator)
    url = reverse("activities:list", args=[coalition.uuid])
    page = client.get(url).content.decode()
    assert "Eettafel" in page
    assert "Leesclub" in page
    assert "1 activiteit is langer dan 6 maanden niet gecontroleerd" in page
    only_stale = client.get(url, {"stale": "on"}).content.decode()
    assert "Leesclub" in only_stale
    assert "Eettafel" not in only_stale
    by_wijk = client.get(url, {"neighbourhood": str(wijk.uuid)}).content.decode()
    assert "Eettafel" in by_wijk
    assert "Leesclub" not in by_wijk
    by_provider = client.get(url, {"provider": str(other_partner.uuid)}).content.decode()
    assert "Leesclub" in by_provider
    assert "Eettafel" not in by_provider


def test_list_counts_its_filtered_rows_and_warns_about_every_unchecked_one(
    coalition, coordinator, other_partner
):
    # The caption counts what the filters leave; the warning counts every unchecked activity
    # (both read in one query).
    make_activity(coalition, coordinator, title="Eettafel")
    for title, providers in (("Leesclub", [other_partner]), ("Wandelclub", [])):
        old = make_activity(coalition, coordinator, title=title, providers=providers)
        Activity.objects.filter(pk=old.pk).update(checked_on=datetime.date(2025, 1, 1))
    client = client_for(coordinator)
    url = reverse("activities:list", args=[coalition.uuid])
    everything = client.get(url).content.decode()
    assert "3 activiteiten</caption>" in everything
    assert "2 activiteiten zijn langer dan 6 maanden niet gecontroleerd" in everything
    by_provider = client.get(url, {"provider": str(other_partner.uuid)}).content.decode()
    assert "1 activiteit</caption>" in by_provider
    assert "2 activiteiten zijn langer dan 6 maanden niet gecontroleerd" in by_provider
    not_a_status = client.get(url, {"status": "onzin"}).content.decode()  # ignored, as before
    assert "3 activiteiten</caption>" in not_a_status
    nothing = client.get(url, {"q": "bestaat niet"}).content.decode()
    assert "0 activiteiten</caption>" in nothing
    assert "Geen activiteiten gevonden." in nothing


def _list_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_activities(coalition, coordinator, other_partner, wijk):
    client = client_for(coordinator)
    url = reverse("activities:list", args=[coalition.uuid])
    make_activity(coalition, coordinator, providers=[other_partner], neighbourhood=wijk)
    few = _list_queries(client, url)
    for n in range(12):
        make_activity(
            coalition,
            coordinator,
            title=f"Activiteit {n}",
            providers=[other_partner, PartnerFactory(coalition=coalition)],
            groups=["older", "young"],
            neighbourhood=wijk,
            slots=[services.Slot(1, datetime.time(9)), services.Slot(4, datetime.time(14))],
        )
    assert _list_queries(client, url) == few


def test_coordinator_creates_activity_through_the_form(coalition, coordinator, other_partner, wijk):
    client = client_for(coordinator)
    response = client.post(
        reverse("activities:create", args=[coalition.uuid]),
        form_data(providers=[str(other_partner.pk)], neighbourhood=str(wijk.pk)),
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "activities:detail", args=[coalition.uuid, activity.uuid]
    )
    assert [str(s) for s in activity.time_slots.all()] == ["dinsdag 09:30–11:00"]
    assert sorted(g.group for g in activity.target_groups.all()) == ["carers", "older"]
    assert list(activity.providers.all()) == [other_partner]


def test_form_shows_slot_error_at_the_row_and_saves_nothing(coalition, coordinator):
    response = client_for(coordinator).post(
        reverse("activities:create", args=[coalition.uuid]),
        form_data(**{"tijden-0-end_time": "08:00"}),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "De eindtijd ligt vóór de begintijd." in page
    assert "Kijk bij de vaste tijden." in page
    assert not Activity.objects.exists()


def test_form_saves_the_week_of_the_month_of_a_monthly_activity(coalition, coordinator):
    client = client_for(coordinator)
    url = reverse("activities:create", args=[coalition.uuid])
    assert 'name="month_week"' in client.get(url).content.decode()
    client.post(url, form_data(frequency="monthly", month_week="-1"))
    activity = Activity.objects.get()
    assert activity.month_week == -1
    assert [str(s) for s in activity.time_slots.all()] == ["laatste dinsdag 09:30–11:00"]


def test_form_refuses_a_week_of_the_month_for_a_weekly_activity(coalition, coordinator):
    response = client_for(coordinator).post(
        reverse("activities:create", args=[coalition.uuid]),
        form_data(frequency="weekly", month_week="1"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["month_week"] == [
        "Een week van de maand past alleen bij 'Elke maand'. Kies 'Elke maand' of maak dit "
        "veld leeg."
    ]
    assert not Activity.objects.exists()


def test_form_offers_only_own_wijken_and_current_partners(coalition, coordinator, wijk):
    foreign = Neighbourhood.objects.create(coalition=CoalitionFactory(), name="Buitenwijk")
    PartnerFactory(
        coalition=coalition,
        name="Vertrokken club",
        joined_on=datetime.date(2020, 1, 1),
        left_on=datetime.date(2024, 1, 1),
    )
    PartnerFactory(name="Partner elders")
    page = (
        client_for(coordinator)
        .get(reverse("activities:create", args=[coalition.uuid]))
        .content.decode()
    )
    assert "Centrum" in page
    assert "Buitenwijk" not in page
    assert "Vertrokken club" not in page
    assert "Partner elders" not in page
    response = client_for(coordinator).post(
        reverse("activities:create", args=[coalition.uuid]),
        form_data(neighbourhood=str(foreign.pk)),
    )
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_partner_member_edits_own_activity_but_not_another(
    coalition, member, other_partner, coordinator
):
    own = make_activity(coalition, coordinator, title="Eigen", providers=[member.partner])
    other = make_activity(coalition, coordinator, title="Andermans", providers=[other_partner])
    client = client_for(member.user)
    assert (
        client.get(reverse("activities:edit", args=[coalition.uuid, own.uuid])).status_code == 200
    )
    assert (
        client.get(reverse("activities:edit", args=[coalition.uuid, other.uuid])).status_code == 403
    )
    assert (
        client.post(reverse("activities:delete", args=[coalition.uuid, other.uuid])).status_code
        == 403
    )
    assert (
        client.post(reverse("activities:check", args=[coalition.uuid, other.uuid])).status_code
        == 403
    )
    assert (
        client.get(reverse("activities:detail", args=[coalition.uuid, other.uuid])).status_code
        == 200
    )
    response = client.post(
        reverse("activities:edit", args=[coalition.uuid, own.uuid]),
        form_data(title="Eigen, vernieuwd", providers=[str(member.partner.pk)]),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Eigen, vernieuwd"
    assert Activity.objects.filter(pk=other.pk, title="Andermans").exists()


def test_partner_member_creates_with_own_partner_as_provider(coalition, member):
    response = client_for(member.user).post(
        reverse("activities:create", args=[coalition.uuid]), form_data()
    )
    assert response.status_code == 302
    assert list(Activity.objects.get().providers.all()) == [member.partner]


def test_reader_and_municipality_cannot_create(coalition):
    for role in ("read_only", "municipality", "advisor"):
        user = MembershipFactory(coalition=coalition, **{role: True}).user
        url = reverse("activities:create", args=[coalition.uuid])
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, form_data()).status_code == 403
    assert not Activity.objects.exists()


def test_outsider_gets_404_everywhere(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    outsider = client_for(MembershipFactory(coordinator=True).user)
    for name in ("detail", "edit", "delete", "check"):
        url = reverse(f"activities:{name}", args=[coalition.uuid, activity.uuid])
        assert outsider.get(url).status_code == 404, name
    assert outsider.get(reverse("activities:list", args=[coalition.uuid])).status_code == 404


def test_activity_of_another_coalition_is_not_found_in_mine(coalition, coordinator):
    foreign = make_activity(CoalitionFactory(), None, title="Elders")
    url = reverse("activities:detail", args=[coalition.uuid, foreign.uuid])
    assert client_for(coordinator).get(url).status_code == 404


def test_check_button_from_the_list_returns_to_the_list(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    Activity.objects.filter(pk=activity.pk).update(checked_on=None)
    response = client_for(coordinator).post(
        reverse("activities:check", args=[coalition.uuid, activity.uuid]), {"terug": "lijst"}
    )
    assert response["Location"] == reverse("activities:list", args=[coalition.uuid])
    activity.refresh_from_db()
    assert activity.checked_on == TODAY


def test_delete_removes_activity(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    response = client_for(coordinator).post(
        reverse("activities:delete", args=[coalition.uuid, activity.uuid])
    )
    assert response.status_code == 302
    assert not Activity.objects.exists()
    assert AuditEvent.objects.filter(action="activity.deleted").exists()


def test_detail_shows_b1_hints_to_editors(coalition, coordinator):
    activity = make_activity(
        coalition, coordinator, description="Wij bieden een ontmoetingsactiviteitenprogramma."
    )
    page = (
        client_for(coordinator)
        .get(reverse("activities:detail", args=[coalition.uuid, activity.uuid]))
        .content.decode()
    )
    assert "Tips voor eenvoudige taal" in page
    assert "ontmoetingsactiviteitenprogramma" in page


# --- finder settings ------------------------------------------------------------------------


def test_finder_settings_suggest_slug_and_save(coalition, coordinator):
    client = client_for(coordinator)
    url = reverse("activities:finder_settings", args=[coalition.uuid])
    assert 'value="samen-oost"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "slug": "samen-oost",
            "is_published": "on",
            "title": "Doe mee in Oost",
            "introduction": "",
            "contact": "0800-1234",
        },
    )
    assert response.status_code == 302
    assert coalition.finder.is_published
    assert AuditEvent.objects.filter(action="finder.saved").exists()


def test_finder_slug_taken_by_another_coalition(coalition, coordinator):
    other = CoalitionFactory(name="Samen Oost")
    services.save_finder(other, acting_user=None, slug="samen-oost")
    assert services.suggest_slug(coalition) == "samen-oost-2"
    with pytest.raises(ValidationError) as error:
        services.save_finder(coalition, acting_user=coordinator, slug="samen-oost")
    assert "al in gebruik" in error.value.message_dict["slug"][0]


def test_finder_slug_must_be_plain(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        services.save_finder(coalition, acting_user=coordinator, slug="Samen Oost!")
    assert "kleine letters" in error.value.message_dict["slug"][0]


def test_finder_settings_only_for_coordinator(coalition, member):
    url = reverse("activities:finder_settings", args=[coalition.uuid])
    assert client_for(member.user).get(url).status_code == 403


def test_edit_form_shows_existing_slots_and_empty_rows(coalition, coordinator):
    activity = make_activity(coalition, coordinator)
    page = (
        client_for(coordinator)
        .get(reverse("activities:edit", args=[coalition.uuid, activity.uuid]))
        .content.decode()
    )
    assert 'name="tijden-INITIAL_FORMS" value="1"' in page
    assert 'name="tijden-TOTAL_FORMS" value="3"' in page
    assert '<option value="3" selected>woensdag</option>' in page
    assert 'name="tijden-0-start_time" value="10:00"' in page


def test_partner_member_list_links_to_own_activities(coalition, member, coordinator):
    page = client_for(member.user).get(reverse("activities:list", args=[coalition.uuid]))
    assert f"?provider={member.partner.uuid}" in page.content.decode()
    page = client_for(coordinator).get(reverse("activities:list", args=[coalition.uuid]))
    assert "?provider=" not in page.content.decode()


def test_form_errors_never_name_another_coalitions_partner_or_wijk(coalition, coordinator):
    foreign = PartnerFactory(name="Stichting Elders Geheim")
    foreign_wijk = Neighbourhood.objects.create(coalition=foreign.coalition, name="Wijk Geheim")
    response = client_for(coordinator).post(
        reverse("activities:create", args=[coalition.uuid]),
        form_data(providers=[str(foreign.pk)], neighbourhood=str(foreign_wijk.pk)),
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"providers", "neighbourhood"}
    assert "Elders Geheim" not in response.content.decode()
    assert "Wijk Geheim" not in response.content.decode()
    assert not Activity.objects.filter(coalition=coalition).exists()
