"""Reminder: an activity has not been checked for six months.

Residents who turn up at an activity that stopped lose trust in the whole offer, so the people
who keep it up to date hear about it the day it becomes due: the members of its provider
partners, or the coordinators when no provider has members in Samenspel. A window of a month
catches days on which the daily command did not run; the key (activity and the check it follows)
makes sure each reminder goes out once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.accounts.recipients import coordinator_addresses, partner_member_addresses
from samenspel.activities.models import Activity, ActivityStatus
from samenspel.activities.selectors import STALE_AFTER_MONTHS, stale_before
from samenspel.core.reminders import Reminder, reminder_source
from samenspel.partners.models import Partner

CATCH_UP_DAYS = 30


@reminder_source
def activity_check_due(day: datetime.date) -> Iterator[Reminder]:
    due = stale_before(day)
    activities = list(
        Activity.objects.across_coalitions()
        .filter(
            checked_on__lt=due,
            checked_on__gte=due - datetime.timedelta(days=CATCH_UP_DAYS),
        )
        .exclude(status=ActivityStatus.ENDED)
        .select_related("coalition")
        .prefetch_related(
            Prefetch("providers", queryset=Partner.objects.across_coalitions().only("id", "name"))
        )
        .order_by("pk")
    )
    providers = {p.pk for a in activities for p in a.providers.all()}
    members = partner_member_addresses(providers)
    coordinators = coordinator_addresses({a.coalition_id for a in activities})
    with override("nl"):
        for activity in activities:
            to = sorted(
                {email for p in activity.providers.all() for email in members.get(p.pk, ())}
            )
            if not to:
                to = list(coordinators.get(activity.coalition_id, ()))
            values = {
                "title": activity.title,
                "coalition": activity.coalition.name,
                "months": STALE_AFTER_MONTHS,
            }
            yield Reminder(
                key=f"activity-check:{activity.uuid}:{activity.checked_on}",  # never None here
                to=tuple(to),
                coalition=activity.coalition,
                subject=_("Klopt '%(title)s' nog?") % values,
                body=_(
                    "Niemand heeft de gegevens van '%(title)s' (%(coalition)s) de afgelopen "
                    "%(months)s maanden nagekeken. Kloppen de tijden, de plek, de kosten en het "
                    "contact nog? Inwoners vinden deze activiteit in de openbare zoeker.\n\n"
                    "Kijk de activiteit na in Samenspel en klik op 'Gecontroleerd', of pas aan "
                    "wat er veranderd is. Is de activiteit gestopt? Zet dan de status op "
                    "'Gestopt', dan verdwijnt ze uit de zoeker."
                )
                % values,
            )
