"""Scan rounds for the demo: a history that fills the results, trend, health and advice pages.

Answers are drawn around a target score per subscale (seeded, so the demo is the same every
time). Past rounds are written directly as closed rounds; the services only accept answers while
a round is open.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from samenspel.accounts.models import User
from samenspel.coalitions.models import Coalition
from samenspel.partners.models import ContactPerson
from samenspel.scans.instruments import Instrument, get_instrument
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus


@dataclass(frozen=True)
class DemoRound:
    instrument: str
    title: str
    closes_on: str
    targets: dict[str, float]
    responses: int
    # Subscales where respondents split into two camps (the handbook's 'ambition not shared').
    split: tuple[str, ...] = ()
    status: str = RoundStatus.CLOSED
    anonymous: bool = True
    extra: dict[str, float] = field(default_factory=dict)


DIJKERVEEN_ROUNDS = [
    DemoRound(
        "conditions",
        "Najaar 2025",
        "2025-10-31",
        {"ambition": 3.9, "interests": 3.6, "relations": 4.0, "organisation": 3.4, "process": 3.5},
        14,
    ),
    DemoRound(
        "conditions",
        "Voorjaar 2026",
        "2026-04-30",
        {"ambition": 3.5, "interests": 3.0, "relations": 3.8, "organisation": 3.2, "process": 2.8},
        16,
        split=("ambition",),
    ),
    DemoRound(
        "success_factors",
        "Voorjaar 2026",
        "2026-05-15",
        {"shared_goal": 3.4, "trust": 3.1, "size_and_diversity": 3.9, "competences": 3.7},
        13,
    ),
    DemoRound(
        "pulse",
        "Pols januari 2026",
        "2026-01-31",
        {"energy": 4.1, "attendance": 4.0, "delivery": 3.8},
        12,
    ),
    DemoRound(
        "pulse",
        "Pols april 2026",
        "2026-04-30",
        {"energy": 3.7, "attendance": 3.6, "delivery": 3.6},
        12,
    ),
    DemoRound(
        "pulse",
        "Pols juli 2026",
        "2026-07-31",
        {"energy": 3.2, "attendance": 3.1, "delivery": 3.3},
        11,
    ),
    DemoRound(
        "pulse",
        "Pols oktober 2026",
        "2026-10-31",
        {"energy": 2.7, "attendance": 2.8, "delivery": 3.0},
        10,
    ),
    DemoRound(
        "motives",
        "Motievenprofiel 2026",
        "2026-03-31",
        {"instrumental": 3.2, "moral": 3.9, "affective": 4.2},
        9,
        anonymous=False,
    ),
    DemoRound(
        "conditions",
        "Najaar 2026",
        "2026-12-15",
        {"ambition": 3.6, "interests": 3.2, "relations": 3.7, "organisation": 3.3, "process": 3.0},
        4,
        status=RoundStatus.OPEN,
    ),
]
LINDEWAARDE_ROUNDS = [
    DemoRound(
        "pulse", "Eerste pols", "2026-06-30", {"energy": 4.3, "attendance": 3.9, "delivery": 3.4}, 4
    ),
]


def _value(rng: random.Random, target: float, split: bool) -> int:
    if split:
        return rng.choice([1, 2, 2, 5, 5, 4]) if target >= 3 else rng.choice([1, 2, 4, 5])
    return max(1, min(5, round(rng.gauss(target, 0.7))))


def _answers(instrument: Instrument, spec: DemoRound, rng: random.Random) -> dict[str, int | None]:
    answers: dict[str, int | None] = {}
    for item in instrument.items:
        target = spec.targets.get(item.subscale, 3.5)
        value = _value(rng, target, item.subscale in spec.split)
        if item.reverse:
            value = instrument.scale.min + instrument.scale.max - value
        answers[item.key] = None if rng.random() < 0.04 else value
    return answers


def add_rounds(coalition: Coalition, user: User, specs: Sequence[DemoRound], seed: int) -> None:
    rng = random.Random(seed)
    contacts = list(
        ContactPerson.objects.across_coalitions()
        .filter(partner__coalition=coalition, partner__left_on__isnull=True)
        .exclude(email="")
        .select_related("partner")
        .order_by("partner__name")
    )
    for spec in specs:
        instrument = get_instrument(spec.instrument)
        closes_on = datetime.date.fromisoformat(spec.closes_on)
        invited_on = closes_on - datetime.timedelta(days=21)
        scan_round = Round.objects.create(
            coalition=coalition,
            instrument_key=instrument.key,
            instrument_version=instrument.version,
            title=spec.title,
            anonymous=spec.anonymous,
            closes_on=closes_on,
            status=spec.status,
            created_by=user,
            opened_at=timezone.make_aware(datetime.datetime.combine(invited_on, datetime.time(9))),
            closed_at=None
            if spec.status == RoundStatus.OPEN
            else timezone.make_aware(datetime.datetime.combine(closes_on, datetime.time(23))),
        )
        chosen = rng.sample(contacts, k=min(len(contacts), spec.responses + 3))
        respondents = Respondent.objects.bulk_create(
            Respondent(
                round=scan_round,
                partner=c.partner,
                contact=c,
                name=c.name,
                email=c.email,
                invited_at=scan_round.opened_at,
                responded=index < spec.responses,
            )
            for index, c in enumerate(chosen)
        )
        Response.objects.bulk_create(
            Response(
                round=scan_round,
                instrument_version=instrument.version,
                respondent=None if spec.anonymous else respondent,
                partner=None if spec.anonymous else respondent.partner,
                partner_kind=respondent.partner.kind,
                circle=respondent.partner.circle,
                status=ResponseStatus.SUBMITTED,
                answers=_answers(instrument, spec, rng),
                submitted_on=invited_on + datetime.timedelta(days=rng.randint(1, 20)),
            )
            for respondent in respondents[: spec.responses]
        )
