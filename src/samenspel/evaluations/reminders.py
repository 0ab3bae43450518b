"""Reminders of a planned evaluation moment: fourteen days before, and on the day itself."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.accounts.recipients import coordinator_addresses
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.evaluations.models import EvaluationMoment, MomentStatus

DAYS_BEFORE = 14


@reminder_source
def evaluation_moment_due(day: datetime.date) -> Iterator[Reminder]:
    ahead = day + datetime.timedelta(days=DAYS_BEFORE)
    moments = list(
        EvaluationMoment.objects.across_coalitions()
        .filter(status=MomentStatus.PLANNED, planned_on__in=(day, ahead))
        .select_related("coalition")
        .order_by("planned_on", "pk")
    )
    addresses = coordinator_addresses({moment.coalition_id for moment in moments})
    with override("nl"):
        for moment in moments:
            to = addresses.get(moment.coalition_id)
            if not to:
                continue
            kind = "on_the_day" if moment.planned_on == day else "in_14_days"
            values = {
                "coalition": moment.coalition.name,
                "date": date_format(moment.planned_on, "j F Y"),
            }
            if kind == "on_the_day":
                subject = _("Vandaag: evaluatiemoment van %(coalition)s") % values
            else:
                subject = _("Over twee weken: evaluatiemoment van %(coalition)s") % values
            yield Reminder(
                key=f"evaluation-moment:{moment.uuid}:{kind}:{moment.planned_on.isoformat()}",
                to=to,
                coalition=moment.coalition,
                subject=subject,
                body=_(
                    "Op %(date)s kijkt %(coalition)s samen terug op de samenwerking. Wat ging "
                    "goed, wat schuurt, hoe gaan jullie verder en welke afspraken passen jullie "
                    "aan? Geef iedere partner ruimte om veranderingen te bespreken (Handreiking "
                    "§1.2.4, 'Wat kunt u dan doen?'). Leg de evaluatie daarna vast in Samenspel."
                )
                % values,
            )
