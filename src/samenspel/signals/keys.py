"""Key rotation: every encrypted value is read (with any key) and written with the first key."""

from __future__ import annotations

from django.db import models

from samenspel.signals.crypto import EncryptedMixin
from samenspel.signals.models import Handover, Signal

BATCH = 500


def _encrypted_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]


def rotate() -> int:
    count = 0
    for model in (Signal, Handover):
        names = _encrypted_fields(model)
        rows = model._default_manager.across_coalitions().only("pk", *names)
        for row in rows.iterator(chunk_size=BATCH):
            # A plain save: the values are unchanged, only their tokens are renewed.
            models.Model.save(row, update_fields=names)
            count += 1
    return count
