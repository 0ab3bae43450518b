"""Builders for monitoring tests: CBS regions with estimates, wijken, activities with reach."""

from __future__ import annotations

import datetime
from decimal import Decimal

from samenspel.activities.models import Activity, ActivityStatus, ReachRecord
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.monitoring.models import (
    KIND_BY_PREFIX,
    LonelinessEstimate,
    Region,
    municipality_code_of,
)


def region(code: str, name: str = "") -> Region:
    found, _created = Region.objects.get_or_create(
        code=code,
        defaults={
            "kind": KIND_BY_PREFIX[code[:2]],
            "name": name or code,
            "municipality_code": municipality_code_of(code),
        },
    )
    return found


def estimate(
    code: str,
    strongly: str | None,
    *,
    lonely: str | None = "45.0",
    period: int = 2022,
    age_group: str = "20300",
    margin: str = "2.0",
    is_demo: bool = False,
) -> LonelinessEstimate:
    value = Decimal(strongly) if strongly is not None else None
    width = Decimal(margin)
    return LonelinessEstimate.objects.create(
        region=region(code),
        period=period,
        age_group=age_group,
        source_table="50150NED",
        lonely=Decimal(lonely) if lonely is not None else None,
        strongly_lonely=value,
        strongly_lonely_lower=value - width if value is not None else None,
        strongly_lonely_upper=value + width if value is not None else None,
        is_demo=is_demo,
    )


def wijk(coalition: Coalition, name: str, code: str = "") -> Neighbourhood:
    return Neighbourhood.objects.create(coalition=coalition, name=name, cbs_code=code)


def activity(
    coalition: Coalition,
    neighbourhood: Neighbourhood | None,
    *,
    title: str = "Koffieochtend",
    capacity: int | None = 20,
    status: str = ActivityStatus.ACTIVE,
    providers: tuple = (),
    reach: tuple[tuple[datetime.date, int, int], ...] = (),
) -> Activity:
    made = Activity.objects.create(
        coalition=coalition,
        neighbourhood=neighbourhood,
        title=title,
        description="Samen koffie drinken en een praatje maken.",
        kind="meeting_place",
        capacity=capacity,
        status=status,
    )
    made.providers.set(providers)
    for end, new, returning in reach:
        ReachRecord.objects.create(
            activity=made,
            period_start=end - datetime.timedelta(days=27),
            period_end=end,
            new_participants=new,
            returning_participants=returning,
        )
    return made
