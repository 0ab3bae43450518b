"""The write paths and their rules: Dutch messages at the field, and nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from samenspel.agreements import services
from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    PartnerAgreement,
    ProcessStep,
    Signatory,
)
from samenspel.agreements.tests.factories import CovenantFactory, SignatoryFactory
from samenspel.coalitions.models import Phase, TippingPoint
from samenspel.core.models import AuditEvent
from samenspel.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def agreement_fields(partner, **overrides):
    return {
        "partner": partner,
        "role": "signalling",
        "hours_per_month": Decimal("4"),
        "money": Decimal("500"),
        "expectations": "Signalen doorgeven.",
        "start_date": datetime.date(2025, 1, 1),
        "review_date": datetime.date(2025, 12, 31),
        **overrides,
    }


def test_recording_an_ambition_keeps_the_coalition_in_step(coalition, coordinator):
    version = services.record_ambition(
        coalition, acting_user=coordinator.user, text="Niemand alleen", reason="Start"
    )
    coalition.refresh_from_db()
    assert coalition.ambition == "Niemand alleen"
    assert version.created_by == coordinator.user
    assert AuditEvent.objects.filter(action="ambition.recorded", coalition=coalition).exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": "x", "reason": " "}, "reason", "Geef een reden voor deze versie"),
        ({"text": "", "reason": "x"}, "text", "Beschrijf de gedeelde ambitie."),
    ],
)
def test_ambition_rules(coalition, coordinator, fields, field, message):
    with pytest.raises(ValidationError) as error:
        services.record_ambition(coalition, acting_user=coordinator.user, **fields)
    assert message in error.value.message_dict[field][0]
    assert not AmbitionVersion.objects.exists()


def test_an_unchanged_ambition_is_no_new_version(coalition, coordinator):
    services.record_ambition(coalition, acting_user=coordinator.user, text="A", reason="1")
    with pytest.raises(ValidationError, match="gelijk aan de huidige"):
        services.record_ambition(coalition, acting_user=coordinator.user, text="A", reason="2")
    assert AmbitionVersion.objects.count() == 1


def test_agreement_is_saved_with_an_audit_record(coalition, coordinator):
    partner = PartnerFactory(coalition=coalition)
    agreement = services.save_agreement(
        coalition, acting_user=coordinator.user, **agreement_fields(partner)
    )
    assert agreement.partner == partner
    assert AuditEvent.objects.filter(action="agreement.created").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hours_per_month": Decimal("-1")}, "hours_per_month", "uren per maand kan niet negatief"),
        ({"money": Decimal("-0.01")}, "money", "bedrag kan niet negatief"),
        (
            {"review_date": datetime.date(2024, 12, 31)},
            "review_date",
            "De evaluatiedatum ligt vóór de ingangsdatum.",
        ),
        ({"expectations": ""}, "expectations", "Beschrijf de verwachtingen over en weer."),
        ({"role": ""}, "role", "Kies de rol van de partner."),
    ],
)
def test_agreement_rules(coalition, coordinator, overrides, field, message):
    partner = PartnerFactory(coalition=coalition)
    with pytest.raises(ValidationError) as error:
        services.save_agreement(
            coalition, acting_user=coordinator.user, **agreement_fields(partner, **overrides)
        )
    assert message in error.value.message_dict[field][0]
    assert not PartnerAgreement.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="agreement.").exists()


def test_agreement_with_a_partner_that_left_or_of_another_coalition(coalition, coordinator):
    left = PartnerFactory(coalition=coalition, left_on=datetime.date(2024, 5, 1))
    other = PartnerFactory()
    for partner, message in ((left, "vertrokken"), (other, "hoort niet bij deze coalitie")):
        with pytest.raises(ValidationError) as error:
            services.save_agreement(
                coalition, acting_user=coordinator.user, **agreement_fields(partner)
            )
        assert message in error.value.message_dict["partner"][0]
    assert not PartnerAgreement.objects.exists()


def test_one_agreement_per_partner(coalition, coordinator):
    partner = PartnerFactory(coalition=coalition)
    services.save_agreement(coalition, acting_user=coordinator.user, **agreement_fields(partner))
    with pytest.raises(ValidationError) as error:
        services.save_agreement(
            coalition, acting_user=coordinator.user, **agreement_fields(partner)
        )
    assert "al afspraken vastgelegd" in error.value.message_dict["partner"][0]


def test_step_owner_must_be_a_current_partner_of_the_coalition(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        services.save_step(
            coalition,
            acting_user=coordinator.user,
            title="Kick-off",
            due_date=datetime.date(2026, 1, 1),
            owner=PartnerFactory(),
        )
    assert "hoort niet bij deze coalitie" in error.value.message_dict["owner"][0]
    with pytest.raises(ValidationError) as error:
        services.save_step(
            coalition, acting_user=coordinator.user, title="", due_date=datetime.date(2026, 1, 1)
        )
    assert error.value.message_dict["title"] == ["Geef de stap een titel."]
    assert not ProcessStep.objects.exists()


def test_signing_needs_a_date_and_a_signatory(coalition, coordinator):
    with pytest.raises(ValidationError) as error:
        services.save_covenant(coalition, acting_user=coordinator.user, status="signed")
    assert "datum van ondertekening" in error.value.message_dict["signed_on"][0]
    assert "ten minste één ondertekenaar" in error.value.message_dict["status"][0]
    assert not Covenant.objects.exists()


def test_signing_records_the_phase_change_with_the_tipping_point(coalition, coordinator):
    coalition.phase = Phase.EXPLORE
    coalition.save()
    SignatoryFactory(covenant=CovenantFactory(coalition=coalition))
    covenant = services.save_covenant(
        coalition,
        acting_user=coordinator.user,
        status="signed",
        signed_on=datetime.date(2025, 3, 1),
        record_tipping_point=True,
    )
    coalition.refresh_from_db()
    assert covenant.is_signed
    assert coalition.phase == Phase.ESTABLISH
    change = coalition.phase_changes.get()
    assert change.tipping_point == TippingPoint.LETTER_OF_INTENT
    assert change.date == datetime.date(2025, 3, 1)


def test_a_failing_phase_change_saves_nothing(coalition, coordinator):
    covenant = CovenantFactory(coalition=coalition)
    SignatoryFactory(covenant=covenant)
    with pytest.raises(ValidationError) as error:
        services.save_covenant(
            coalition,
            acting_user=coordinator.user,
            status="signed",
            signed_on=datetime.date(2022, 1, 1),  # before the coalition's start date
            record_tipping_point=True,
        )
    assert "startdatum" in error.value.message_dict["signed_on"][0]
    covenant.refresh_from_db()
    assert covenant.status == "draft"
    assert not coalition.phase_changes.exists()


def test_signatory_of_a_partner_that_left_is_refused(coalition, coordinator):
    covenant = CovenantFactory(coalition=coalition)
    left = PartnerFactory(coalition=coalition, left_on=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.add_signatory(covenant, acting_user=coordinator.user, partner=left, name="A")
    assert "vertrokken" in error.value.message_dict["partner"][0]
    assert not Signatory.objects.exists()
