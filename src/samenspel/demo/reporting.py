"""What the advisor and the municipality look at in the demo: an advisor's note, the coalition's
comment on an indicator, outcome measurements of one activity, and a coalition that has been
quiet for a while (Lindewaarde: its trail is moved back, as if nobody worked in it since)."""

from __future__ import annotations

import datetime

from django.db.models import F

from samenspel.accounts.models import User
from samenspel.activities.models import Activity
from samenspel.coalitions.models import Coalition
from samenspel.core.analysis_cache import refresh_data_versions
from samenspel.core.models import AuditEvent
from samenspel.reporting import services
from samenspel.reporting.models import Moment

QUIET_FOR = datetime.timedelta(days=75)


def add_reporting(
    dijkerveen: Coalition, coordinator: User, lindewaarde: Coalition, advisor: User
) -> None:
    services.save_indicator_note(
        dijkerveen,
        "reach",
        acting_user=coordinator,
        text="In de zomer liggen de ontmoetingsochtenden zes weken stil; daarna komt het bereik "
        "weer op het oude niveau.",
    )
    services.save_advisor_note(
        lindewaarde,
        acting_user=advisor,
        text="Sinds de startsubsidie weinig beweging. Afgesproken: in januari samen met de kern "
        "de verkenning afronden en een eerste overleg met de huisartsen plannen.",
    )
    _outcomes(dijkerveen, coordinator)
    _quiet(lindewaarde)


def _outcomes(coalition: Coalition, user: User) -> None:
    first, second = Activity.objects.of_coalition(coalition).order_by("title")[:2]
    measurements = [
        (first, Moment.BEFORE, datetime.date(2025, 9, 15), (6, 12, 4, 2)),
        (first, Moment.AFTER, datetime.date(2026, 6, 15), (9, 11, 2, 1)),
        (second, Moment.BEFORE, datetime.date(2026, 2, 1), (2, 4, 1, 1)),  # fewer than ten
    ]
    for activity, moment, day, counts in measurements:
        not_lonely, moderately, severely, very_severely = counts
        services.record_outcome(
            coalition,
            acting_user=user,
            activity=activity,
            moment=moment,
            measured_on=day,
            not_lonely=not_lonely,
            moderately=moderately,
            severely=severely,
            very_severely=very_severely,
        )


def _quiet(coalition: Coalition) -> None:
    AuditEvent.objects.of_coalition(coalition).update(created_at=F("created_at") - QUIET_FOR)
    refresh_data_versions([coalition.pk])
