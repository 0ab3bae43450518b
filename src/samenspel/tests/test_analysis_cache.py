"""Analysis is cached under a version of its data: a change of the data gives fresh results."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.advice import services as advice
from samenspel.partners import services as partners
from samenspel.partners.tests.factories import PartnerFactory
from samenspel.scans import services as scans
from samenspel.scans.models import Respondent, Round
from samenspel.scans.results import cached_round_results
from samenspel.scans.tests.test_results import pulse

LOCMEM = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "analysis": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
}

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_clear_analysis_cache")]


@pytest.fixture
def _clear_analysis_cache():
    with override_settings(CACHES=LOCMEM):
        caches["analysis"].clear()
        yield
        caches["analysis"].clear()


def submit(scan_round, partner, value):
    """An answer as it arrives: through a respondent's personal link, without an audit record."""
    respondent = Respondent.objects.create(
        round=scan_round, partner=partner, name="R", email=f"r{value}@example.nl"
    )
    return scans.save_answers(
        respondent,
        respondent.link_token,
        answers=pulse(value, value, 1, value),
        instrument_version=1,
        submit=True,
    )


def test_round_results_are_reused_until_an_answer_arrives():
    coordinator = MembershipFactory(coordinator=True)
    partner = PartnerFactory(coalition=coordinator.coalition)
    scan_round = Round.objects.create(
        coalition=coordinator.coalition,
        instrument_key="pulse",
        instrument_version=1,
        title="Pols",
        anonymous=False,
        closes_on="2099-01-01",
        status="open",
    )
    submit(scan_round, partner, 4)
    first, version = cached_round_results(scan_round)
    again, same_version = cached_round_results(scan_round)
    assert (again.submitted, same_version) == (first.submitted, version)
    submit(scan_round, partner, 2)
    fresh, new_version = cached_round_results(scan_round)
    assert new_version != version
    assert fresh.submitted == first.submitted + 1


def test_findings_follow_a_change_written_through_the_services():
    coordinator = MembershipFactory(coordinator=True)
    coalition = coordinator.coalition
    before = {f.rule for f in advice.current_findings(coalition)}
    assert "missing_partner_kinds" in before
    missing_before = next(  # the finding about the kinds other than residents
        f
        for f in advice.current_findings(coalition)
        if f.rule == "missing_partner_kinds" and f.subject == ""
    )
    partners.create_partner(
        coalition,
        acting_user=coordinator.user,
        name="Basisschool",
        kind="education",
        circle="active",
        motives=["moral"],
    )
    missing_after = next(
        f
        for f in advice.current_findings(coalition)
        if f.rule == "missing_partner_kinds" and f.subject == ""
    )
    assert missing_after.magnitude < missing_before.magnitude


def test_dashboard_follows_a_change_written_through_the_services():
    from samenspel.coalitions.dashboard import cached_dashboard

    coordinator = MembershipFactory(coordinator=True)
    coalition = coordinator.coalition
    assert cached_dashboard(coalition).partner_count == 0
    assert cached_dashboard(coalition).partner_count == 0  # from the cache
    partners.create_partner(
        coalition,
        acting_user=coordinator.user,
        name="Bibliotheek",
        kind="libraries_culture",
        circle="core",
        motives=["affective"],
    )
    assert cached_dashboard(coalition).partner_count == 1
