"""Synthetic offer to residents for the benchmark: wijken, a public finder and activities with
their target groups, time slots, providers and reach, for every synthetic coalition.

At the default national scale that is 100,000 activities: the public finder must still read a
fixed number of queries and answer within a few times the trivial page. Like the rest of the
synthetic data, each coalition draws from its own generator, and the measured coalition gets a
fixed number of activities at every scale, so it is the same coalition in both databases.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from samenspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    ActivityTargetGroup,
    Finder,
    Frequency,
    ReachByGroup,
    ReachRecord,
    TargetGroup,
    TimeSlot,
)
from samenspel.bench.randomness import random_uuid
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.monitoring.models import LonelinessEstimate, Region, RegionKind
from samenspel.partners.models import Partner

DISTRICTS = ["Centrum", "Noord", "Zuid", "Oost", "West", "De Velden", "Het Hof", "De Bongerd",
             "Molenwijk", "Stationskwartier", "Buitengebied", "Oude Dorp"]  # fmt: skip
TITLES = ["Koffieochtend", "Samen eten", "Wandelgroep", "Maatjesproject", "Taalcafé",
          "Repair Café", "Breiclub", "Spelletjesmiddag", "Moestuin", "Computerhulp",
          "Zangkoor", "Beweegles voor 65-plussers", "Mantelzorgcafé", "Jongerenavond",
          "Huiskamer van de wijk", "Kookclub", "Fietsmaatjes", "Voorleesuur"]  # fmt: skip
PLACES = ["Buurthuis", "Bibliotheek", "Wijkcentrum", "Kerkzaal", "Sporthal", "Dorpshuis"]
DESCRIPTION = (
    "Een plek om andere mensen uit de buurt te ontmoeten. U bent welkom, ook als u alleen komt. "
    "Er is koffie en thee, en er is altijd iemand die u wegwijs maakt."
)
MEASURED_ACTIVITIES = 300  # the measured coalition, at every scale
NATIONAL_ACTIVITIES = (350, 100_000)  # the default national scale: coalitions, activities
REACH_QUARTERS = 2


@dataclass
class OfferRows:
    neighbourhoods: list[Neighbourhood] = field(default_factory=list)
    finders: list[Finder] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    target_groups: list[ActivityTargetGroup] = field(default_factory=list)
    time_slots: list[TimeSlot] = field(default_factory=list)
    providers: list[tuple[Activity, Partner]] = field(default_factory=list)
    reach: list[ReachRecord] = field(default_factory=list)
    reach_groups: list[ReachByGroup] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    estimates: list[LonelinessEstimate] = field(default_factory=list)


def activities_for(coalitions: int) -> int:
    """As many activities per coalition as at the national scale (about 286), at least enough
    for the measured coalition."""
    per_scale, total = NATIONAL_ACTIVITIES
    return max(MEASURED_ACTIVITIES, round(coalitions * total / per_scale))


def counts_with_first(
    total: int, coalitions: int, rng: random.Random, first: int = MEASURED_ACTIVITIES
) -> list[int]:
    """`total` rows (activities, signals) over `coalitions` coalitions, the first one fixed at
    `first`, the others uneven."""
    first = min(first, total)
    if coalitions == 1:
        return [first]
    weights = [rng.uniform(0.5, 1.5) for _ in range(coalitions - 1)]
    scale = (total - first) / sum(weights)
    counts = [int(w * scale) for w in weights]
    counts[-1] += total - first - sum(counts)
    return [first, *counts]


def offer_rows(
    rows: OfferRows,
    seed: int,
    position: int,
    coalition: Coalition,
    partners: Sequence[Partner],
    activities: int,
    today: datetime.date,
) -> None:
    rng = random.Random(f"{seed}/{position}/offer")
    code = coalition.municipality.code[2:]
    districts = DISTRICTS[: rng.randint(5, len(DISTRICTS))]
    wijken = [
        Neighbourhood(
            uuid=random_uuid(rng),
            coalition=coalition,
            name=name,
            cbs_code=f"WK{code}{number:02d}",
        )
        for number, name in enumerate(districts, start=1)
    ]
    rows.neighbourhoods += wijken
    _figures(rows, rng, coalition, wijken)
    rows.finders.append(
        Finder(coalition=coalition, slug=f"synthetisch-{code}-{position}", is_published=True)
    )
    current = [p for p in partners if p.left_on is None] or list(partners)
    for _ in range(activities):
        _activity(rows, rng, coalition, wijken, current, today)


def _figures(
    rows: OfferRows, rng: random.Random, coalition: Coalition, wijken: Sequence[Neighbourhood]
) -> None:
    """Made-up small-area estimates (marked as demo values) for the municipality and its wijken,
    for two editions, so that the gap view and the advice have figures to compare."""
    municipality = coalition.municipality
    places = [(municipality.code, RegionKind.MUNICIPALITY, municipality.name)]
    places += [(w.cbs_code, RegionKind.DISTRICT, w.name) for w in wijken]
    for code, kind, name in places:
        region = Region(
            code=code,
            kind=kind,
            name=name,
            municipality_code=municipality.code,
            municipality_name=municipality.name,
        )
        rows.regions.append(region)
        for period in (2020, 2022):
            strongly = round(rng.uniform(6, 20), 1)
            rows.estimates.append(
                LonelinessEstimate(
                    region=region,
                    period=period,
                    source_table="50120NED",
                    lonely=round(strongly + rng.uniform(25, 35), 1),
                    strongly_lonely=strongly,
                    strongly_lonely_lower=round(strongly - 2.5, 1),
                    strongly_lonely_upper=round(strongly + 2.5, 1),
                    is_demo=True,
                )
            )


def _activity(
    rows: OfferRows,
    rng: random.Random,
    coalition: Coalition,
    wijken: Sequence[Neighbourhood],
    partners: Sequence[Partner],
    today: datetime.date,
) -> None:
    wijk = rng.choice(wijken) if rng.random() < 0.85 else None
    activity = Activity(
        uuid=random_uuid(rng),
        coalition=coalition,
        title=f"{rng.choice(TITLES)} {wijk.name if wijk else coalition.municipality.name}",
        description=DESCRIPTION,
        kind=rng.choice(ActivityKind.values),
        neighbourhood=wijk,
        location_name=f"{rng.choice(PLACES)} {wijk.name if wijk else ''}".strip(),
        frequency=rng.choice([Frequency.WEEKLY, Frequency.WEEKLY, Frequency.BIWEEKLY]),
        cost=rng.choice([0, 0, 0, 2, 2.5, 5]),
        capacity=rng.choice([None, 12, 15, 20, 30]),
        how_to_join="Gewoon binnenlopen.",
        contact_phone="0900 1234567",
        week_against_loneliness=rng.random() < 0.2,
        status=rng.choices(ActivityStatus.values, weights=[85, 8, 7])[0],
        is_published=rng.random() < 0.9,
        checked_on=today - datetime.timedelta(days=rng.randint(0, 400)),
    )
    rows.activities.append(activity)
    for group in rng.sample(TargetGroup.values, rng.randint(1, 3)):
        rows.target_groups.append(ActivityTargetGroup(activity=activity, group=group))
    for weekday in rng.sample(range(1, 8), rng.choice([1, 1, 2])):
        hour = rng.choice([9, 10, 13, 14, 19])
        rows.time_slots.append(
            TimeSlot(
                activity=activity,
                weekday=weekday,
                start_time=datetime.time(hour),
                end_time=datetime.time(hour + 2),
            )
        )
    for partner in rng.sample(list(partners), min(len(partners), rng.choice([1, 1, 2]))):
        rows.providers.append((activity, partner))
    _reach(rows, rng, activity, today)


def _reach(rows: OfferRows, rng: random.Random, activity: Activity, today: datetime.date) -> None:
    quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    for _ in range(REACH_QUARTERS):
        end = quarter_start - datetime.timedelta(days=1)
        quarter_start = datetime.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
        record = ReachRecord(
            uuid=random_uuid(rng),
            activity=activity,
            period_start=quarter_start,
            period_end=end,
            new_participants=rng.randint(0, 15),
            returning_participants=rng.randint(0, 40),
        )
        rows.reach.append(record)
        if rng.random() < 0.5:
            rows.reach_groups.append(
                ReachByGroup(
                    record=record,
                    group=rng.choice(TargetGroup.values),
                    participants=min(record.total, rng.randint(0, 20)),
                )
            )
