"""Retention as code: the daily run anonymises closed signals after the keeping period
(`SIGNAL_RETENTION_DAYS`, default 365) and signals whose consent was withdrawn at once, so
those are erased within a day. An anonymised signal keeps what the figures need (month, source
kind, wijk, outcome, time to first contact) and cannot get its data back (`Signal.save`)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from samenspel.signals.models import Signal
from samenspel.signals.services import anonymise
from samenspel.signals.workflow import Outcome, Status

BATCH = 500


def due_for_erasure(now: datetime.datetime) -> list[int]:
    kept_until = now - datetime.timedelta(days=settings.SIGNAL_RETENTION_DAYS)
    return list(
        Signal.objects.across_coalitions()
        .filter(status=Status.CLOSED, anonymised_at__isnull=True)
        .filter(Q(closed_at__lt=kept_until) | Q(outcome=Outcome.WITHDRAWN))
        .order_by("pk")
        .values_list("pk", flat=True)[:BATCH]
    )


def apply_retention(now: datetime.datetime) -> int:
    """Anonymise what is due, one transaction per signal; the number anonymised."""
    done = 0
    for pk in due_for_erasure(now):
        with transaction.atomic():
            signal = Signal.objects.across_coalitions().select_related("coalition").get(pk=pk)
            anonymise(signal, acting_user=None)
            done += 1
    return done
