"""Synthetic signals of loneliness for the benchmark: 200,000 over the coalitions at the default
national scale, in every status, with their identifying fields encrypted as the real code
stores them.

The measured coalition gets a fixed, large share at every scale (`MEASURED_SIGNALS`, a big
city), so it is the same coalition in the small and in the national database. Every coalition
has an intake organisation (`SignalSettings`) and a few handling organisations; the first of
them holds most of the handed-over signals and has one member (`handler_email`), the person
whose list the benchmark measures.

Signals are received over the three years before `today`: older ones are mostly closed, and
closed ones past the keeping period are anonymised, as the daily retention run leaves them. The
handovers and consents are not generated: no measured page reads them.

Encrypting 200,000 rows of seven fields one value at a time would take minutes, so
`memoised_encryption` encrypts each distinct text once (the texts come from small
vocabularies). The tokens are real Fernet tokens of `signals.crypto`; only the bench repeats a
token for equal values.
"""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from samenspel.accounts.models import Membership, Role, User
from samenspel.bench.randomness import random_uuid, weighted
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.partners.models import Partner, PartnerKind
from samenspel.signals import crypto, workflow
from samenspel.signals.models import Awareness, Signal, SignalSettings, SourceKind
from samenspel.signals.signs import Sign
from samenspel.signals.workflow import Outcome, Status, Urgency

MEASURED_SIGNALS = 8_000  # the measured coalition, at every scale: a big city's three years
NATIONAL_SIGNALS = (350, 200_000)  # the default national scale: coalitions, signals
YEARS = 3
RECENT_DAYS = 120  # signals younger than this are in any status; older ones mostly closed
KEEPING_DAYS = 365  # closed longer ago than this: anonymised (SIGNAL_RETENTION_DAYS)
HANDLERS = 4
MAIN_HANDLER_SHARE = 0.5  # of the handed-over signals, held by the measured organisation

# fmt: off
FIRST_NAMES = ["Aaltje", "Bert", "Cor", "Dirk", "Els", "Frans", "Gerda", "Hein", "Ina", "Jan",
               "Klaas", "Leny", "Mies", "Nel", "Piet", "Rie", "Sjaak", "Truus", "Wim", "Zus"]
LAST_NAMES = ["de Jong", "van Dijk", "Vermeulen", "Willems", "Hoekstra", "Postma", "Kok",
              "Schouten", "van den Berg", "Bosman", "Kuipers", "Veenstra"]
STREETS = ["Kerkstraat", "Dorpsweg", "Molenlaan", "Schoolstraat", "Lindelaan", "Beukenhof",
           "Julianastraat", "Nieuwe Gracht"]
REACH = ["", "'s Ochtends thuis", "Slecht horend, aanbellen en even wachten",
         "Via de buurvrouw op nummer 12", "Bellen na de middag"]
SITUATIONS = ["", "Woont alleen sinds het overlijden van de partner.",
              "Komt sinds de verhuizing de deur niet meer uit.",
              "Zegt dat er niemand meer langskomt.", "Mist de kinderen, die ver weg wonen."]
# fmt: on
SOURCE_WEIGHTS = {
    SourceKind.CARE: 30,
    SourceKind.WELFARE: 25,
    SourceKind.NEIGHBOURHOOD_TEAM: 20,
    SourceKind.RESIDENT: 15,
    SourceKind.OTHER_PARTNER: 10,
}
# The status of a recent signal (younger than RECENT_DAYS).
RECENT_WEIGHTS = {
    Status.RECEIVED: 5,
    Status.IN_TRIAGE: 8,
    Status.HANDED_OVER: 7,
    Status.ACCEPTED: 8,
    Status.CONTACT_MADE: 10,
    Status.UNREACHABLE: 6,
    Status.RESIDENT_DECLINES: 3,
    Status.IN_SUPPORT: 15,
    Status.REFERRED: 8,
    Status.CLOSED: 30,
}
OUTCOME_WEIGHTS = {
    Outcome.SUPPORTED: 35,
    Outcome.REFERRED: 20,
    Outcome.DECLINED: 12,
    Outcome.UNREACHABLE: 20,
    Outcome.WITHDRAWN: 3,
    Outcome.NO_FOLLOW_UP: 10,
}
# Statuses and outcomes that mean someone reached the resident.
CONTACTED = frozenset(
    {
        Status.CONTACT_MADE,
        Status.RESIDENT_DECLINES,
        Status.IN_SUPPORT,
        Status.REFERRED,
        Outcome.SUPPORTED,
        Outcome.REFERRED,
        Outcome.DECLINED,
    }
)
AT_INTAKE = frozenset({Status.RECEIVED, Status.IN_TRIAGE})
HANDLER_KINDS = (
    PartnerKind.WELFARE,
    PartnerKind.NEIGHBOURHOOD_TEAM,
    PartnerKind.CARE_PROVIDERS,
)


def signals_for(coalitions: int) -> int:
    """As many signals per coalition as at the national scale (about 571), at least enough for
    the measured coalition."""
    per_scale, total = NATIONAL_SIGNALS
    return max(MEASURED_SIGNALS, round(coalitions * total / per_scale))


def handler_email(coalition: Coalition, domain: str) -> str:
    return f"handler-{coalition.municipality.code.lower()}@{domain}"


@contextmanager
def memoised_encryption() -> Iterator[None]:
    """Each distinct text is encrypted once while bulk-creating (see the module's docstring)."""
    original = crypto.encrypt
    crypto.encrypt = functools.cache(original)
    try:
        yield
    finally:
        crypto.encrypt = original


def _organisations(
    rng: random.Random, partners: Sequence[Partner]
) -> tuple[Partner, list[Partner]]:
    """The intake organisation (a welfare organisation where there is one) and the handling
    organisations, the measured one first."""
    current = [p for p in partners if p.left_on is None] or list(partners)
    kinds = [p for p in current if p.kind in HANDLER_KINDS] or current
    intake = next((p for p in kinds if p.kind == PartnerKind.WELFARE), kinds[0])
    others = [p for p in kinds if p is not intake] or [intake]
    return intake, rng.sample(others, min(HANDLERS, len(others)))


@dataclass
class CoalitionSignals:
    settings: SignalSettings
    handler: Partner  # the handling organisation that holds most signals
    signals: list[Signal]


def coalition_signals(
    seed: int,
    position: int,
    coalition: Coalition,
    partners: Sequence[Partner],
    wijken: Sequence[Neighbourhood],
    count: int,
    today: datetime.date,
) -> CoalitionSignals:
    """A generator of its own (seeded with the seed and the position), so everything else stays
    as it was without signals."""
    rng = random.Random(f"{seed}/{position}/signals")
    intake, handlers = _organisations(rng, partners)
    return CoalitionSignals(
        settings=SignalSettings(coalition=coalition, intake=intake, meldpunt_open=True),
        handler=handlers[0],
        signals=[_signal(rng, coalition, intake, handlers, wijken, today) for _ in range(count)],
    )


def handler_membership(
    coalition: Coalition, handler: Partner, domain: str, password_hash: str
) -> tuple[User, Membership]:
    user = User(
        uuid=random_uuid(random.Random(f"handler/{coalition.uuid}")),
        email=handler_email(coalition, domain),
        full_name=f"Medewerker {handler.name}",
        password=password_hash,
    )
    membership = Membership(
        uuid=random_uuid(random.Random(f"handler-membership/{coalition.uuid}")),
        user=user,
        coalition=coalition,
        role=Role.PARTNER_MEMBER,
        partner=handler,
        created_at=coalition.created_at,
    )
    return user, membership


def _signal(
    rng: random.Random,
    coalition: Coalition,
    intake: Partner,
    handlers: Sequence[Partner],
    wijken: Sequence[Neighbourhood],
    today: datetime.date,
) -> Signal:
    age = rng.randint(0, 365 * YEARS)
    received = datetime.datetime.combine(
        today - datetime.timedelta(days=age),
        datetime.time(rng.randint(8, 20), rng.randint(0, 59)),
        tzinfo=datetime.UTC,
    )
    if age < RECENT_DAYS:
        status = weighted(rng, RECENT_WEIGHTS)
    else:
        status = Status.IN_SUPPORT if rng.random() < 0.03 else Status.CLOSED
    urgency = Urgency.URGENT if rng.random() < 0.1 else Urgency.NORMAL
    since = received.date() + datetime.timedelta(days=rng.randint(0, min(age, 60)))
    outcome = weighted(rng, OUTCOME_WEIGHTS) if status == Status.CLOSED else ""
    handed_over = status not in AT_INTAKE and not (status == Status.CLOSED and rng.random() < 0.1)
    handler = None
    if handed_over:
        handler = handlers[0] if rng.random() < MAIN_HANDLER_SHARE else rng.choice(handlers)
    contacted = status in CONTACTED or outcome in CONTACTED
    closed_at = (
        datetime.datetime.combine(since, datetime.time(16), tzinfo=datetime.UTC)
        if status == Status.CLOSED
        else None
    )
    anonymised = closed_at is not None and (today - since).days > KEEPING_DAYS
    signal = Signal(
        uuid=random_uuid(rng),
        coalition=coalition,
        holder=handler or intake,
        intake=intake,
        handling=handler,
        source_kind=weighted(rng, SOURCE_WEIGHTS),
        neighbourhood=rng.choice(wijken) if wijken and rng.random() < 0.9 else None,
        urgency=urgency,
        awareness=rng.choice(Awareness.values),
        status=status,
        status_since=since,
        deadline=workflow.deadline(status, urgency, since),
        received_at=received,
        first_contact_at=received + datetime.timedelta(days=rng.randint(1, 25), hours=2)
        if contacted
        else None,
        closed_at=closed_at,
        outcome=outcome,
        anonymised_at=closed_at if anonymised else None,
    )
    if not anonymised:
        _personal(rng, signal)
    return signal


def _personal(rng: random.Random, signal: Signal) -> None:
    signal.resident_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    signal.address = f"{rng.choice(STREETS)} {rng.randint(1, 40)}"
    signal.phone = f"06{rng.randint(100, 199)}00000"
    signal.birth_date = datetime.date(rng.randint(1928, 1960), rng.randint(1, 12), 1)
    signal.how_to_reach = rng.choice(REACH)
    signal.situation = rng.choice(SITUATIONS)
    signal.signs = ",".join(sorted(rng.sample(Sign.values, rng.randint(1, 3))))
