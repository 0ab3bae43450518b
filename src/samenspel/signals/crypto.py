"""Encryption at rest of the identifying fields of a signal (name, address, phone, date of birth,
free text about the resident).

Each value is stored as a Fernet token (AES-128-CBC with an HMAC-SHA256, from the `cryptography`
library): without a key the column holds no plaintext, and a changed token fails to decrypt
instead of yielding garbage. The keys come from the environment (`SAMENSPEL_SIGNAL_KEYS`, read in
`conf/base.py`), newest first: the first key encrypts, every key decrypts (`MultiFernet`).

Rotation (docs/privacy.md): put a new key in front, deploy, run `samenspel rotate_signal_keys`
(re-encrypts every row with the first key), then drop the old key.

Tokens differ for equal values, so these columns cannot be searched or filtered on: nothing
should be.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.signals import setting_changed
from django.db import models


@cache
def cipher() -> MultiFernet:
    keys = list(settings.SIGNAL_KEYS)
    if not keys:
        raise ValueError("SIGNAL_KEYS is empty: signals cannot be stored without a key.")
    return MultiFernet([Fernet(key) for key in keys])


def _keys_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "SIGNAL_KEYS":
        cipher.cache_clear()


setting_changed.connect(_keys_changed)


def encrypt(text: str) -> str:
    return cipher().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return cipher().decrypt(token.encode()).decode()


class EncryptedMixin(models.Field):
    """Stores the field's value as text encrypted with the current key; no lookups but isnull."""

    def get_internal_type(self) -> str:
        return "TextField"

    def db_type(self, connection: Any) -> str | None:
        return models.TextField().db_type(connection)

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value.isoformat() if hasattr(value, "isoformat") else str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return self.to_python(decrypt(value))


class EncryptedTextField(EncryptedMixin, models.TextField):
    pass


class EncryptedCharField(EncryptedMixin, models.CharField):
    """A CharField whose `max_length` limits the plaintext (the token is longer, in a text
    column)."""


class EncryptedDateField(EncryptedMixin, models.DateField):
    pass
