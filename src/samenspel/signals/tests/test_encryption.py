"""Identifying fields are encrypted at rest: the table holds no plaintext, the keys rotate."""

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from samenspel.signals.models import Handover, Signal
from samenspel.signals.tests.factories import RESIDENT, SignalFactory

pytestmark = pytest.mark.django_db


def _raw_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return repr(cursor.fetchall())


def test_the_signals_table_holds_no_plaintext_of_any_identifying_field():
    signal = SignalFactory()
    Handover.objects.create(
        signal=signal, to=signal.intake, answer_by=signal.deadline, exception_reason="Acuut gevaar"
    )
    raw = _raw_rows(Signal._meta.db_table) + _raw_rows(Handover._meta.db_table)
    for value in [*RESIDENT.values(), "1941-03-09", "recent_loss", "Acuut gevaar"]:
        assert value not in raw
    assert "gAAAAA" in raw  # Fernet tokens


def test_values_come_back_decrypted():
    signal = SignalFactory()
    again = Signal.objects.correlated().get(pk=signal.pk)
    assert again.resident_name == RESIDENT["resident_name"]
    assert again.birth_date.isoformat() == "1941-03-09"
    assert again.sign_keys == ["recent_loss", "withdraws"]


def test_rotation_re_encrypts_with_the_new_key_and_the_old_key_can_go():
    old_key = Fernet.generate_key().decode()
    new_key = Fernet.generate_key().decode()
    with override_settings(SIGNAL_KEYS=[old_key]):
        signal = SignalFactory()
    with override_settings(SIGNAL_KEYS=[new_key, old_key]):
        call_command("rotate_signal_keys", verbosity=0)
    with override_settings(SIGNAL_KEYS=[new_key]):
        assert Signal.objects.correlated().get(pk=signal.pk).phone == RESIDENT["phone"]


def test_a_value_under_an_unknown_key_fails_loudly_instead_of_showing_the_token():
    with override_settings(SIGNAL_KEYS=[Fernet.generate_key().decode()]):
        signal = SignalFactory()
    with (
        override_settings(SIGNAL_KEYS=[Fernet.generate_key().decode()]),
        pytest.raises(InvalidToken),
    ):
        Signal.objects.correlated().get(pk=signal.pk)


def test_an_anonymised_signal_cannot_get_its_data_back():
    signal = SignalFactory()
    signal.anonymised_at = signal.received_at
    signal.save()
    signal.resident_name = "Iemand anders"
    signal.save()
    assert Signal.objects.correlated().get(pk=signal.pk).resident_name == ""
