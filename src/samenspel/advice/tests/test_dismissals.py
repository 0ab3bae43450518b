"""Setting a finding aside: hidden, audited with the reason, back when it grows, restorable."""

import pytest
from django.core.exceptions import ValidationError

from samenspel.advice import services
from samenspel.advice.models import Dismissal
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

RULE = "municipality_many_hats"


def hats(coalition):
    return [f for f in services.current_findings(coalition) if f.rule == RULE]


def test_a_dismissed_finding_is_hidden_and_the_reason_is_audited(coordinator, municipality):
    coalition = coordinator.coalition
    [finding] = hats(coalition)
    services.dismiss(
        coalition,
        RULE,
        finding.subject,
        acting_user=coordinator.user,
        reason="Besproken in het kernoverleg; de gemeente blijft voorlopig beide.",
    )
    assert hats(coalition) == []
    dismissal = Dismissal.objects.get()
    assert (dismissal.subject, dismissal.magnitude) == (str(municipality.uuid), 2.0)
    event = AuditEvent.objects.get(action="finding.dismissed")
    assert event.actor == coordinator.user
    assert event.coalition == coalition
    assert event.changes["fields"]["reason"]["new"].startswith("Besproken in het kernoverleg")
    assert event.object_label == "De gemeente heeft 2 petten op, zonder afspraak over haar rol"
    assert event.action_label == "Bevinding terzijde gelegd"
    [entry] = services.advice(coalition).dismissed
    assert entry.finding == finding


def test_a_dismissed_finding_returns_when_its_magnitude_grows(coordinator, municipality):
    coalition = coordinator.coalition
    services.dismiss(
        coalition, RULE, str(municipality.uuid), acting_user=coordinator.user, reason="Bewust."
    )
    municipality.roles = ["commissioner", "funder", "process_lead"]
    municipality.save()
    [finding] = hats(coalition)
    assert finding.magnitude == 3.0
    result = services.advice(coalition)
    assert result.returned[finding.key].reason == "Bewust."
    assert result.dismissed == []


def test_a_dismissed_finding_stays_hidden_when_its_magnitude_shrinks_or_stays(
    coordinator, municipality
):
    coalition = coordinator.coalition
    municipality.roles = ["commissioner", "funder", "process_lead"]
    municipality.save()
    services.dismiss(
        coalition, RULE, str(municipality.uuid), acting_user=coordinator.user, reason="Bewust."
    )
    municipality.roles = ["commissioner", "funder"]
    municipality.save()
    assert hats(coalition) == []


def test_restore_shows_the_finding_again_and_is_audited(coordinator, municipality):
    coalition = coordinator.coalition
    services.dismiss(
        coalition, RULE, str(municipality.uuid), acting_user=coordinator.user, reason="Later."
    )
    services.restore(coalition, RULE, str(municipality.uuid), acting_user=coordinator.user)
    assert len(hats(coalition)) == 1
    assert not Dismissal.objects.exists()
    event = AuditEvent.objects.get(action="finding.restored")
    assert event.changes["fields"]["reason"]["old"] == "Later."
    assert event.action_label == "Terzijde gelegde bevinding teruggezet"


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_reason_is_required(coordinator, municipality, reason):
    with pytest.raises(ValidationError) as error:
        services.dismiss(
            coordinator.coalition,
            RULE,
            str(municipality.uuid),
            acting_user=coordinator.user,
            reason=reason,
        )
    assert error.value.message_dict["reason"] == [
        "Geef een reden op, zodat anderen weten waarom deze bevinding terzijde ligt."
    ]
    assert not Dismissal.objects.exists()
    assert not AuditEvent.objects.filter(action="finding.dismissed").exists()


def test_only_a_finding_that_occurs_can_be_set_aside(coordinator, municipality):
    with pytest.raises(ValidationError, match="speelt op dit moment niet"):
        services.dismiss(
            coordinator.coalition, RULE, "iets-anders", acting_user=coordinator.user, reason="x"
        )
    with pytest.raises(ValidationError):
        services.dismiss(
            coordinator.coalition, "no_such_rule", "", acting_user=coordinator.user, reason="x"
        )


def test_dismissing_again_updates_the_reason_and_magnitude(coordinator, municipality):
    coalition = coordinator.coalition
    services.dismiss(
        coalition, RULE, str(municipality.uuid), acting_user=coordinator.user, reason="Eerst."
    )
    municipality.roles = ["commissioner", "funder", "process_lead"]
    municipality.save()
    services.dismiss(
        coalition, RULE, str(municipality.uuid), acting_user=coordinator.user, reason="Opnieuw."
    )
    dismissal = Dismissal.objects.get()
    assert (dismissal.reason, dismissal.magnitude) == ("Opnieuw.", 3.0)
    assert hats(coalition) == []


def test_a_dismissal_in_one_coalition_does_not_hide_the_finding_in_another(
    coordinator, municipality
):
    other = PartnerFactory(kind="municipality", roles=["commissioner", "funder"])
    services.dismiss(
        coordinator.coalition,
        RULE,
        str(municipality.uuid),
        acting_user=coordinator.user,
        reason="x",
    )
    assert len(hats(other.coalition)) == 1
