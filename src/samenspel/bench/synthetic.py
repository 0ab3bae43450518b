"""National-scale synthetic data: hundreds of fictional coalitions with thousands of partners.

For performance measurements only. Everything is written with `bulk_create` straight into the
tables (not through the service functions, which would take an hour at this scale), so the audit
trail is synthetic too: it has the same shape as the one the services write, not their exact
content.

The data is deterministic: the same seed gives the same rows, including UUIDs and timestamps.
Each coalition draws from its own random generator (seeded with the seed and its position), so
the coalition at a given position is identical at every scale as long as it gets the same number
of partners: `pinned` fixes that number for the first positions. The benchmark uses this to
measure the same coalition in a small and in a national database.

Every coalition also gets scan rounds (`SCAN_PLAN`: the five conditions, the success factors and
the pulse check, closed between spring 2024 and spring 2025) answered by 15–25 of its partners'
contact persons each. At the default national scale that is more than 500,000 answers (item
values inside `Response.answers`): the scale at which the results pages and the advice must still
read a fixed number of queries.

Synthetic data is recognised by its municipalities: fictional ones with a CBS-like code in the
range GM8000–GM8999, which no real municipality uses.
"""

from __future__ import annotations

import datetime
import math
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone

from samenspel.accounts.models import Invitation, Membership, Role, User
from samenspel.activities.models import (
    Activity,
    ActivityTargetGroup,
    Finder,
    ReachByGroup,
    ReachRecord,
    TimeSlot,
)
from samenspel.agreements.models import (
    AmbitionVersion,
    Covenant,
    CovenantKind,
    CovenantStatus,
    PartnerAgreement,
    ProcessStep,
    Signatory,
    StepKind,
    StepStatus,
)
from samenspel.bench import offer, signal_rows
from samenspel.bench.randomness import random_uuid, weighted
from samenspel.coalitions.models import (
    LIFE_PHASES,
    AreaScope,
    ChecklistItem,
    ChecklistStatus,
    Coalition,
    Form,
    LegalStructure,
    Municipality,
    Neighbourhood,
    Phase,
    PhaseChange,
    TippingPoint,
)
from samenspel.core.analysis_cache import refresh_data_versions
from samenspel.core.models import AuditEvent, DataVersion
from samenspel.core.tenancy import TenantQuerySet
from samenspel.evaluations.models import Evaluation, EvaluationMoment, MomentStatus
from samenspel.funding.models import FundingKind, FundingSource
from samenspel.guide.content import phase_activities
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    Meeting,
)
from samenspel.monitoring.models import LonelinessEstimate, Region
from samenspel.partners.models import (
    Circle,
    CoalitionRole,
    ContactPerson,
    ConversationStatus,
    EventKind,
    Motive,
    ParticipationReason,
    Partner,
    PartnerEvent,
    PartnerKind,
    ResidentType,
)
from samenspel.scans.instruments import Instrument, get_instrument
from samenspel.scans.models import Respondent, Response, ResponseStatus, Round, RoundStatus
from samenspel.signals.models import Signal, SignalSettings

FIRST_CODE = 8000
MAX_COALITIONS = 1000  # GM8000–GM8999
EMAIL_DOMAIN = "synthetisch.samenspel.invalid"
DEFAULT_SEED = 20251123
BATCH_SIZE = 1000
# Dates are fixed, not relative to today, so that the data is the same whenever it is generated.
FIRST_START = datetime.date(2017, 1, 1)
LAST_START = datetime.date(2023, 12, 31)
REFERENCE_DATE = datetime.date(2025, 6, 30)
MIN_PARTNERS, MAX_PARTNERS = 10, 80

# ---------------------------------------------------------------------------------------------
# Vocabulary

# fmt: off
PLACE_HEADS = ["Ak", "Bel", "Dor", "Eem", "Gel", "Hol", "Ker", "Lin", "Mar", "Ned", "Oos", "Ros",
               "Sta", "Ter", "Vel", "Wes", "Zan", "Brem", "Duin", "Hoog", "Laag", "Mid", "Ruis",
               "Wa"]
PLACE_TAILS = ["dijk", "veen", "wolde", "haven", "broek", "horst", "dam", "kerk", "hove", "zande",
               "meer", "wijk", "burg", "rode", "lo", "stede", "hem", "zijl", "voort", "berg"]
PLACE_EXTRAS = ["", " aan Zee", " aan de Vecht", "-Noord", "-Zuid"]
DISTRICTS = ["Centrum", "Noord", "Zuid", "Oost", "West", "De Velden", "Het Hof", "De Bongerd",
             "Molenwijk", "Kerkebuurt", "De Akkers", "Buitenveld"]
COALITION_NAMES = ["Samen {m}", "{m} Verbindt", "Eén tegen eenzaamheid {m}", "Coalitie {m}",
                   "{m} Doet Mee", "Niemand alleen in {m}"]
FIRST_NAMES = ["Anna", "Bram", "Carla", "Daan", "Eva", "Fatima", "Gerrit", "Hanna", "Ibrahim",
               "Joke", "Kees", "Lotte", "Mohamed", "Noor", "Omar", "Petra", "Ria", "Sanne", "Tom",
               "Ursula", "Vera", "Willem", "Yusuf", "Zeynep", "Henk", "Marieke", "Ahmed", "Iris"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
              "de Wit", "Dijkstra", "Yilmaz", "El Amrani", "Demir", "Koster", "Prins", "Kramer"]
FUNCTIONS = ["Coördinator", "Opbouwwerker", "Beleidsmedewerker", "Directeur", "Vrijwilliger",
             "Teamleider", "Wijkverpleegkundige", "Huisarts", "Bestuurslid", "Consulent"]
PARTNER_NAMES: dict[str, list[str]] = {
    PartnerKind.RESIDENTS: ["Bewonersgroep {w}", "Seniorenraad {m}", "Dorpsraad {w}",
                            "Maatjesgroep {m}", "Buurtcomité {w}", "Ervaringsdeskundigen {m}",
                            "Mantelzorgers {m}"],
    PartnerKind.WELFARE: ["Welzijn {m}", "Humanitas {m}", "Jongerenwerk {m}",
                          "Vrijwilligerscentrale {m}", "Stichting Ouderenwerk {m}",
                          "Welzijn op Recept {w}"],
    PartnerKind.ENTREPRENEURS: ["Koffiehuis {w}", "Ondernemersvereniging {m}", "Supermarkt {w}",
                                "Kapsalon {w}", "Bakkerij {w}", "Apotheek {w}"],
    PartnerKind.ASSOCIATIONS: ["Sportvereniging {m}", "Zonnebloem {m}", "Protestantse Gemeente {m}",
                               "Parochie {m}", "Moskee {w}", "Koor {m}", "Wandelclub {w}",
                               "KBO {m}"],
    PartnerKind.NEIGHBOURHOOD_TEAM: ["Buurtteam {w}", "Sociaal wijkteam {w}", "Gebiedsteam {w}"],
    PartnerKind.LIBRARIES_CULTURE: ["Bibliotheek {m}", "Cultuurhuis {w}", "Muziekschool {m}",
                                    "Museum {m}", "Theater {m}"],
    PartnerKind.CARE_PROVIDERS: ["Huisartsenpraktijk {w}", "Thuiszorg {m}", "Fysiotherapie {w}",
                                 "GGZ {m}", "Verpleeghuis {w}", "Wijkverpleging {w}"],
    PartnerKind.EDUCATION: ["Basisschool {w}", "ROC {m}", "Middelbare school {m}",
                            "Hogeschool {m}"],
    PartnerKind.MUNICIPALITY: ["Gemeente {m}, team Sociaal Domein", "Gemeente {m}, Wmo-loket",
                               "Gemeente {m}, wijkregie"],
    PartnerKind.HOUSING_CORPORATION: ["Woonstichting {m}", "Woningcorporatie {w}",
                                      "Wooncoöperatie {m}"],
    PartnerKind.OTHER: ["GGD {m}", "Stichting Ouderenvervoer {m}", "Vrijwillige Thuishulp {m}",
                        "Politie basisteam {m}"],
}
# How often each kind occurs: associations, care and residents are common, municipalities rare.
KIND_WEIGHTS = {
    PartnerKind.RESIDENTS: 14, PartnerKind.WELFARE: 10, PartnerKind.ENTREPRENEURS: 12,
    PartnerKind.ASSOCIATIONS: 18, PartnerKind.NEIGHBOURHOOD_TEAM: 5,
    PartnerKind.LIBRARIES_CULTURE: 7, PartnerKind.CARE_PROVIDERS: 14, PartnerKind.EDUCATION: 7,
    PartnerKind.MUNICIPALITY: 4, PartnerKind.HOUSING_CORPORATION: 4, PartnerKind.OTHER: 5,
}
CIRCLE_WEIGHTS = {Circle.CORE: 15, Circle.ACTIVE: 30, Circle.INVOLVED: 30, Circle.INFORMED: 25}
CONVERSATION_WEIGHTS = {
    ConversationStatus.TO_PLAN: 25, ConversationStatus.PLANNED: 15,
    ConversationStatus.HELD: 40, ConversationStatus.NOT_NEEDED: 20,
}
BRINGS = ["Vrijwilligers en een netwerk in de wijk", "Ruimte voor ontmoeting",
          "Signalen uit huisbezoeken", "Kennis van de doelgroep", "Financiering voor activiteiten",
          "Bereik onder ouderen", "Bereik onder jongeren", "Doorverwijzing via Welzijn op Recept",
          "Stagiairs"]
TAKES = ["Meer bezoekers", "Nieuwe leden", "Aanbod om naar te verwijzen", "Zichtbaarheid",
         "Invloed op de koers", "Minder terugkerende consulten", "Erkenning en training", ""]
DEAL_BREAKERS = ["", "", "Extra registratielast", "Vergaderen zonder doen", "Overvraagd worden",
                 "Coördinatie zonder vergoeding"]
SUCCESSES = ["", "Elke week een volle ontmoetingstafel", "Elke melding binnen twee weken opgepakt",
             "Eenzaamheid is bespreekbaar in de wijk", "Twintig vaste maatjes"]
EVENT_TEXTS = ["Nieuwe directeur-bestuurder per het nieuwe jaar.",
               "Subsidie voor ontmoeting vervalt.", "De contactpersoon gaat met pensioen.",
               "Wil zich meer op jongeren richten.", ""]
PHASE_REASONS = ["Nieuwe partners sloten aan.", "Intentieverklaring getekend.",
                 "Voor het eerst een gezamenlijke begroting.", "Subsidie toegekend.",
                 "Na een reorganisatie opnieuw afspraken maken.", "Project afgerond en geborgd."]
AMBITIONS = ["Niemand hoeft er alleen voor te staan.",
             "Ontmoeten wordt vanzelfsprekend in elke wijk.",
             "We signaleren eenzaamheid vroeg en volgen elke melding op.", ""]
AMBITION_GOALS = ["Minder inwoners voelen zich eenzaam.", "Elke wijk heeft een ontmoetingsplek.",
                  "Partners verwijzen elkaar vaker door."]
AMBITION_REASONS = ["Eerste versie, vastgesteld in de kerngroep.",
                    "Bijgesteld na de evaluatie.", "Aangescherpt met de nieuwe partners.",
                    "Jongeren als doelgroep toegevoegd."]
EXPECTATIONS = ["Meedenken in de kerngroep en signalen doorgeven.",
                "Ruimte beschikbaar stellen voor de ontmoetingstafel.",
                "Inwoners doorverwijzen en terugkoppelen.",
                "Een bijdrage aan de activiteitenbegroting."]
STEP_TITLES = ["Kick-off met alle partners", "Gedeelde ambitie vaststellen",
               "Intentieverklaring tekenen", "Werkgroepen inrichten", "Wijkscan uitvoeren",
               "Signaleringsroute afspreken", "Subsidieaanvraag indienen",
               "Eerste ontmoetingsweek", "Tussentijdse evaluatie", "Communicatieplan maken",
               "Vrijwilligers werven", "Jaarplan vaststellen", "Bijeenkomst met inwoners",
               "Borging in de begroting", "Resultaten delen met de raad"]
BODY_PLAN = [
    (BodyKind.CORE_GROUP, "Kerngroep"),
    (BodyKind.STEERING_GROUP, "Regiegroep"),
    (BodyKind.WORKING_GROUP, "Werkgroep Ontmoeting"),
    (BodyKind.NETWORK_MEETING, "Netwerkbijeenkomst"),
    (BodyKind.WORKING_GROUP, "Werkgroep Signaleren"),
]
LOCATIONS = ["Buurthuis", "Bibliotheek", "Gemeentehuis", "Online", "Wijkcentrum"]
AGENDA_TITLES = ["Opening en mededelingen", "Verslag vorige keer", "Stand van de actiepunten",
                 "Nieuwe partners", "Ontmoetingsweek", "Signalen uit de wijk", "Financiering",
                 "Evaluatie", "Rondvraag"]
DECISIONS = ["De kerngroep stelt het jaarplan vast.", "We starten een tweede ontmoetingstafel.",
             "De subsidieaanvraag wordt ingediend.", "Nieuwe partners worden uitgenodigd.",
             "De evaluatie wordt in het voorjaar gehouden."]
ACTIONS = ["Uitnodiging versturen", "Verslag rondsturen", "Begroting uitwerken",
           "Contact leggen met de huisartsen", "Zaal reserveren", "Flyer maken",
           "Vrijwilligers benaderen"]
FUNDERS = ["Gemeente {m}", "Oranje Fonds", "VSBfonds", "Fonds Sluyterman van Loo",
           "Provincie", "RCOAK", "Stichting Dorpsbelang {m}"]
EVALUATION_TEXTS = ["De ontmoetingstafels lopen goed.", "Het bereik onder jongeren blijft achter.",
                    "We gaan door met de werkgroepen.", "De kerngroep komt vaker bijeen."]
# fmt: on

WORK_MODELS: list[type[models.Model]] = [
    AmbitionVersion,
    PartnerAgreement,
    ProcessStep,
    Covenant,
    Signatory,
    Body,
    Meeting,
    Decision,
    ActionItem,
    FundingSource,
    EvaluationMoment,
    Evaluation,
]

# Scan rounds of every coalition: (instrument, title, closing date). Three rounds of the five
# conditions (25 questions), two of the success factors (16) and three pulse checks (4): about
# 119 answers per respondent over all rounds, some 2,000 per coalition.
SCAN_PLAN: list[tuple[str, str, datetime.date]] = [
    ("pulse", "Pulscheck voorjaar 2024", datetime.date(2024, 4, 15)),
    ("conditions", "Vijf condities voorjaar 2024", datetime.date(2024, 5, 31)),
    ("success_factors", "Succesfactoren 2024", datetime.date(2024, 9, 30)),
    ("pulse", "Pulscheck najaar 2024", datetime.date(2024, 10, 31)),
    ("conditions", "Vijf condities najaar 2024", datetime.date(2024, 11, 30)),
    ("pulse", "Pulscheck voorjaar 2025", datetime.date(2025, 3, 31)),
    ("success_factors", "Succesfactoren 2025", datetime.date(2025, 4, 30)),
    ("conditions", "Vijf condities voorjaar 2025", datetime.date(2025, 5, 31)),
]
MIN_RESPONDENTS, MAX_RESPONDENTS = 15, 25
RESPONSE_RATE = 0.85
DONT_KNOW_SHARE = 0.03


# ---------------------------------------------------------------------------------------------
# Helpers


@dataclass
class GenerationResult:
    rows: dict[str, int]
    seconds: float
    coalition_ids: list[int] = field(default_factory=list)  # by position


def synthetic_municipalities() -> models.QuerySet[Municipality]:
    return Municipality.objects.filter(
        is_fictional=True,
        code__gte=f"GM{FIRST_CODE}",
        code__lte=f"GM{FIRST_CODE + MAX_COALITIONS - 1}",
    )


def synthetic_coalitions() -> models.QuerySet[Coalition]:
    return Coalition.objects.across_coalitions().filter(municipality__in=synthetic_municipalities())


def municipality_name(position: int) -> str:
    heads, tails = len(PLACE_HEADS), len(PLACE_TAILS)
    head = PLACE_HEADS[position % heads]
    tail = PLACE_TAILS[(position // heads) % tails]
    extra = PLACE_EXTRAS[(position // (heads * tails)) % len(PLACE_EXTRAS)]
    return f"{head}{tail}{extra}"


def spread(total: int, count: int, rng: random.Random, pinned: Sequence[int] = ()) -> list[int]:
    """`total` partners over `count` coalitions, unevenly (10–80 each where the totals allow),
    the first ones fixed by `pinned`."""
    pinned = list(pinned[:count])
    free, rest = count - len(pinned), total - sum(pinned)
    if rest < 0 or (free == 0 and rest != 0):
        raise ValueError(
            f"{total} partners cannot hold the pinned counts {pinned} over {count} coalitions."
        )
    if free == 0:
        return pinned
    low = min(MIN_PARTNERS, rest // free)
    high = max(MAX_PARTNERS, math.ceil(rest / free))
    weights = [rng.lognormvariate(0, 0.55) for _ in range(free)]
    scale = rest / sum(weights)
    counts = [min(high, max(low, round(w * scale))) for w in weights]
    difference = rest - sum(counts)
    while difference:
        step = 1 if difference > 0 else -1
        index = rng.randrange(free)
        if low <= counts[index] + step <= high:
            counts[index] += step
            difference -= step
    return pinned + counts


def _date_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(
        day,
        datetime.time(rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59)),
        tzinfo=datetime.UTC,
    )


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


@contextmanager
def _explicit_timestamps() -> Iterator[None]:
    """Let bulk_create keep the timestamps we set instead of stamping every row with 'now'."""
    stamped: list[Any] = [
        Coalition._meta.get_field("created_at"),
        Coalition._meta.get_field("updated_at"),
        Partner._meta.get_field("created_at"),
        Partner._meta.get_field("updated_at"),
        PhaseChange._meta.get_field("created_at"),
        PartnerEvent._meta.get_field("created_at"),
        ChecklistItem._meta.get_field("updated_at"),
        AuditEvent._meta.get_field("created_at"),
        Membership._meta.get_field("created_at"),
        Round._meta.get_field("created_at"),
    ]
    stamped += [
        f
        for model in WORK_MODELS
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateTimeField | models.DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in stamped]
    for f, _now, _add in saved:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _audit(
    rng: random.Random,
    coalition: Coalition,
    actor: User,
    action: str,
    subject: models.Model,
    label: str,
    day: datetime.date,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent(
        uuid=random_uuid(rng),
        coalition=coalition,
        actor=actor,
        action=action,
        object_type=subject._meta.model_name or "",
        object_uuid=getattr(subject, "uuid", None),
        object_label=label[:200],
        changes=changes or {},
        created_at=_moment(rng, day),
    )


# ---------------------------------------------------------------------------------------------
# Deleting


def delete_synthetic_data() -> dict[str, int]:
    """Remove everything a previous run generated, leaves first (fast single-table deletes)."""
    coalitions = synthetic_coalitions()
    deleted: dict[str, int] = {}

    def rows(model: type[models.Model]) -> models.QuerySet[Any]:
        """The model's rows in the synthetic coalitions, by the path its `Tenancy` declares."""
        tenant_rows = cast(TenantQuerySet[Any], model._default_manager.all())
        path = tenant_rows.tenancy_of(model).coalition
        return tenant_rows.across_coalitions().filter(**{f"{path}__in": coalitions})

    with transaction.atomic():
        steps: list[tuple[str, models.QuerySet[Any]]] = [
            ("audit events", rows(AuditEvent)),
            ("data versions", rows(DataVersion)),
            ("reach by group", rows(ReachByGroup)),
            ("reach", rows(ReachRecord)),
            ("time slots", rows(TimeSlot)),
            ("activity target groups", rows(ActivityTargetGroup)),
            (
                "activity providers",
                Activity.providers.through.objects.filter(activity__coalition__in=coalitions),
            ),
            ("activities", rows(Activity)),
            ("finders", rows(Finder)),
            ("neighbourhoods", rows(Neighbourhood)),
            (
                "loneliness estimates",
                LonelinessEstimate.objects.filter(
                    region__municipality_code__in=synthetic_municipalities().values("code")
                ),
            ),
            (
                "regions",
                Region.objects.filter(
                    municipality_code__in=synthetic_municipalities().values("code")
                ),
            ),
            ("scan responses", rows(Response)),
            ("scan respondents", rows(Respondent)),
            ("scan rounds", rows(Round)),
            ("signatories", rows(Signatory)),
            ("covenants", rows(Covenant)),
            ("agreements", rows(PartnerAgreement)),
            ("process steps", rows(ProcessStep)),
            ("ambition versions", rows(AmbitionVersion)),
            ("action items", rows(ActionItem)),
            ("decisions", rows(Decision)),
            ("attendance", rows(Attendance)),
            ("agenda items", rows(AgendaItem)),
            ("meetings", rows(Meeting)),
            (
                "body members",
                Body.members.through.objects.filter(body__coalition__in=coalitions),
            ),
            ("bodies", rows(Body)),
            ("funding sources", rows(FundingSource)),
            (
                "evaluation participants",
                Evaluation.participants.through.objects.filter(
                    evaluation__coalition__in=coalitions
                ),
            ),
            ("evaluations", rows(Evaluation)),
            ("evaluation moments", rows(EvaluationMoment)),
            ("signal settings", rows(SignalSettings)),
            ("signals", rows(Signal)),
            ("memberships", rows(Membership)),
            ("invitations", rows(Invitation)),
            ("events", rows(PartnerEvent)),
            ("contacts", rows(ContactPerson)),
            ("checklist items", rows(ChecklistItem)),
            ("phase changes", rows(PhaseChange)),
            ("partners", rows(Partner)),
            ("coalitions", coalitions),
            ("users", User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")),
            ("municipalities", synthetic_municipalities()),
        ]
        for label, queryset in steps:
            deleted[label] = queryset.delete()[1].get(queryset.model._meta.label, 0)
    return deleted


# ---------------------------------------------------------------------------------------------
# Generating


@dataclass
class _Rows:
    municipalities: list[Municipality] = field(default_factory=list)
    users: list[User] = field(default_factory=list)
    coalitions: list[Coalition] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    phase_changes: list[PhaseChange] = field(default_factory=list)
    checklist_items: list[ChecklistItem] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    contacts: list[ContactPerson] = field(default_factory=list)
    events: list[PartnerEvent] = field(default_factory=list)
    audit_events: list[AuditEvent] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    respondents: list[Respondent] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    answers: int = 0  # item values inside the responses' answers
    ambition_versions: list[AmbitionVersion] = field(default_factory=list)
    agreements: list[PartnerAgreement] = field(default_factory=list)
    process_steps: list[ProcessStep] = field(default_factory=list)
    covenants: list[Covenant] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    body_members: list[tuple[Body, Partner]] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    funding_sources: list[FundingSource] = field(default_factory=list)
    evaluation_moments: list[EvaluationMoment] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    participants: list[tuple[Evaluation, Partner]] = field(default_factory=list)


def _phase_walk(rng: random.Random, start: datetime.date) -> list[tuple[datetime.date, str, str]]:
    """1–5 phase changes (date, from, to): mostly forward, now and then a step back or a stop."""
    steps: list[tuple[datetime.date, str, str]] = []
    current, day = Phase.INITIATE.value, start
    for number in range(rng.randint(1, 5)):
        day += datetime.timedelta(days=rng.randint(60, 420))
        if day > REFERENCE_DATE:  # never happens for the first change: starts end in 2023
            break
        position = LIFE_PHASES.index(Phase(current))
        if number == 4 and rng.random() < 0.15:
            target = Phase.STOPPED.value
        elif position >= 2 and rng.random() < 0.2:
            target = LIFE_PHASES[position - 1].value
        else:
            target = LIFE_PHASES[min(position + 1, len(LIFE_PHASES) - 1)].value
        if target == current:
            break
        steps.append((day, current, target))
        current = target
        if current == Phase.STOPPED:
            break
    return steps


def _checklist_status(rng: random.Random, phase_position: int, reached: int) -> str | None:
    """Status of one activity given how far the coalition got; None means no item yet."""
    if phase_position < reached:
        return weighted(
            rng,
            {
                ChecklistStatus.DONE: 80,
                ChecklistStatus.NOT_APPLICABLE: 10,
                ChecklistStatus.BUSY: 10,
            },
        )
    if phase_position == reached:
        return weighted(
            rng,
            {ChecklistStatus.DONE: 30, ChecklistStatus.BUSY: 40, ChecklistStatus.NOT_STARTED: 30},
        )
    if rng.random() < 0.15:
        return weighted(rng, {ChecklistStatus.BUSY: 1, ChecklistStatus.NOT_STARTED: 1})
    return None


def _partner_name(rng: random.Random, kind: str, place: str, taken: set[str]) -> str:
    template = rng.choice(PARTNER_NAMES[kind])
    name = template.format(m=place, w=f"{place}-{rng.choice(DISTRICTS)}")
    candidate, number = name, 2
    while candidate.lower() in taken:
        candidate, number = f"{name} {number}", number + 1
    taken.add(candidate.lower())
    return candidate


def _coalition_rows(
    rows: _Rows,
    seed: int,
    position: int,
    partner_count: int,
    password_hash: str,
    activities: dict[str, list[str]],
) -> None:
    rng = random.Random(f"{seed}/{position}")
    place = municipality_name(position)
    code = f"GM{FIRST_CODE + position}"
    municipality = Municipality(code=code, name=place, is_fictional=True)
    coordinator = User(
        uuid=random_uuid(rng),
        email=f"coordinator-{code.lower()}@{EMAIL_DOMAIN}",
        full_name=_person(rng),
        password=password_hash,
        date_joined=_moment(rng, FIRST_START),
    )
    start = _date_between(rng, FIRST_START, LAST_START)
    area_scope = AreaScope.PARTS if rng.random() < 0.2 else AreaScope.WHOLE
    coalition = Coalition(
        uuid=random_uuid(rng),
        name=rng.choice(COALITION_NAMES).format(m=place),
        municipality=municipality,
        area_scope=area_scope,
        areas="\n".join(rng.sample(DISTRICTS, 3)) if area_scope == AreaScope.PARTS else "",
        form=rng.choice(Form.values),
        legal_structure=rng.choice(LegalStructure.values),
        start_date=start,
        ambition=rng.choice(AMBITIONS),
        created_at=_moment(rng, start),
        updated_at=_moment(rng, REFERENCE_DATE),
    )
    rows.municipalities.append(municipality)
    rows.users.append(coordinator)
    rows.coalitions.append(coalition)
    rows.memberships.append(
        Membership(
            uuid=random_uuid(rng),
            user=coordinator,
            coalition=coalition,
            role=Role.COORDINATOR,
            created_at=coalition.created_at,
        )
    )
    audit = rows.audit_events
    audit.append(
        _audit(
            rng,
            coalition,
            coordinator,
            "coalition.created",
            coalition,
            coalition.name,
            start,
            {"name": coalition.name, "municipality": code},
        )
    )

    # Phase history, and the checklist that fits how far the coalition got.
    phase = Phase.INITIATE.value
    reached = 0
    for day, before, after in _phase_walk(rng, start):
        rows.phase_changes.append(
            PhaseChange(
                uuid=random_uuid(rng),
                coalition=coalition,
                date=day,
                from_phase=before,
                to_phase=after,
                reason=rng.choice(PHASE_REASONS),
                tipping_point=rng.choice(TippingPoint.values),
                recorded_by=coordinator,
                created_at=_moment(rng, day),
            )
        )
        audit.append(
            _audit(
                rng,
                coalition,
                coordinator,
                "coalition.phase_changed",
                coalition,
                coalition.name,
                day,
                {"phase": [before, after], "date": str(day)},
            )
        )
        phase = after
        if after != Phase.STOPPED:
            reached = LIFE_PHASES.index(Phase(after))
    coalition.phase = phase
    for phase_position, life_phase in enumerate(LIFE_PHASES):
        for key in activities[life_phase]:
            status = _checklist_status(rng, phase_position, reached)
            if status is None:
                continue
            day = _date_between(rng, start, REFERENCE_DATE)
            item = ChecklistItem(
                coalition=coalition,
                activity_key=key,
                status=status,
                updated_at=_moment(rng, day),
                updated_by=coordinator,
            )
            rows.checklist_items.append(item)
            audit.append(
                _audit(
                    rng,
                    coalition,
                    coordinator,
                    "checklist.updated",
                    item,
                    f"{key}: {status}",
                    day,
                    {"activity": key, "status": [ChecklistStatus.NOT_STARTED, status]},
                )
            )

    # Partners with their contacts, changes and audit trail.
    taken: set[str] = set()
    for _index in range(partner_count):
        kind = weighted(rng, KIND_WEIGHTS)
        joined = _date_between(rng, start, REFERENCE_DATE)
        left = None
        if rng.random() < 0.06:
            left = min(REFERENCE_DATE, joined + datetime.timedelta(days=rng.randint(90, 900)))
        resident = kind == PartnerKind.RESIDENTS
        partner = Partner(
            uuid=random_uuid(rng),
            coalition=coalition,
            name=_partner_name(rng, kind, place, taken),
            kind=kind,
            circle=weighted(rng, CIRCLE_WEIGHTS),
            motives=[m for m in Motive.values if rng.random() < 0.45]
            or [rng.choice(Motive.values)],
            roles=[r for r in CoalitionRole.values if rng.random() < 0.2],
            resident_type=rng.choice(ResidentType.values) if resident else "",
            represents=f"Inwoners van {place}" if resident and rng.random() < 0.5 else "",
            participation_reason=rng.choice(ParticipationReason.values) if resident else "",
            brings=rng.choice(BRINGS),
            takes=rng.choice(TAKES),
            deal_breakers=rng.choice(DEAL_BREAKERS),
            success_criteria=rng.choice(SUCCESSES),
            joined_on=joined,
            left_on=left,
            created_at=_moment(rng, joined),
            updated_at=_moment(rng, left or joined),
        )
        rows.partners.append(partner)
        audit.append(
            _audit(
                rng,
                coalition,
                coordinator,
                "partner.created",
                partner,
                partner.name,
                joined,
                {"name": partner.name, "kind": kind, "circle": partner.circle},
            )
        )
        for number in range(rng.randint(1, 3)):
            name = _person(rng)
            contact = ContactPerson(
                uuid=random_uuid(rng),
                partner=partner,
                name=name,
                function=rng.choice(FUNCTIONS),
                email=f"{name.split()[0].lower()}@partner{len(rows.partners)}.example",
                phone=f"06{rng.randint(10000000, 99999999)}" if rng.random() < 0.5 else "",
                is_primary=number == 0,
            )
            rows.contacts.append(contact)
            audit.append(
                _audit(
                    rng,
                    coalition,
                    coordinator,
                    "contact.created",
                    contact,
                    name,
                    joined,
                    {"fields": ["email", "function", "is_primary", "name", "phone"]},
                )
            )
        if rng.random() < 0.4:
            day = _date_between(rng, joined, REFERENCE_DATE)
            audit.append(
                _audit(
                    rng,
                    coalition,
                    coordinator,
                    "partner.updated",
                    partner,
                    partner.name,
                    day,
                    {"circle": [Circle.INFORMED, partner.circle]},
                )
            )
        if rng.random() < 1 / 3:
            day = _date_between(rng, joined, REFERENCE_DATE + datetime.timedelta(days=120))
            event = PartnerEvent(
                uuid=random_uuid(rng),
                partner=partner,
                kind=rng.choice(EventKind.values),
                date=day,
                description=rng.choice(EVENT_TEXTS),
                conversation=weighted(rng, CONVERSATION_WEIGHTS),
                recorded_by=coordinator,
                created_at=_moment(rng, min(day, REFERENCE_DATE)),
            )
            rows.events.append(event)
            audit.append(
                _audit(
                    rng,
                    coalition,
                    coordinator,
                    "partner.event_recorded",
                    partner,
                    partner.name,
                    min(day, REFERENCE_DATE),
                    {"kind": event.kind, "conversation": event.conversation},
                )
            )


def _scan_value(rng: random.Random, target: float, instrument: Instrument, reverse: bool) -> int:
    scale = instrument.scale
    value = max(scale.min, min(scale.max, round(rng.gauss(target, 0.75))))
    # A negatively worded statement: someone who is positive disagrees with it.
    return scale.min + scale.max - value if reverse else value


def _scan_rows(
    rows: _Rows,
    seed: int,
    position: int,
    coalition: Coalition,
    coordinator: User,
    contacts: Sequence[ContactPerson],
) -> None:
    """The coalition's scan rounds (`SCAN_PLAN`), each answered by 15–25 contact persons.

    A generator of its own (seeded with the seed and the position), so the partners, contacts
    and everything before stay exactly as they were without scans. Per coalition and subscale
    there is a level that drifts from round to round; respondents differ from it a little, and
    now and then a subscale splits the respondents into two camps (disagreement)."""
    rng = random.Random(f"{seed}/{position}/scans")
    levels: dict[tuple[str, str], float] = {}
    for key, title, planned in SCAN_PLAN:
        instrument = get_instrument(key)
        closes_on = planned + datetime.timedelta(days=rng.randint(-10, 10))
        opened = _moment(rng, closes_on - datetime.timedelta(days=21))
        closed = _moment(rng, closes_on + datetime.timedelta(days=1))
        scan_round = Round(
            uuid=random_uuid(rng),
            coalition=coalition,
            instrument_key=instrument.key,
            instrument_version=instrument.version,
            title=title,
            anonymous=rng.random() < 0.7,
            closes_on=closes_on,
            status=RoundStatus.CLOSED,
            opened_at=opened,
            closed_at=closed,
            created_by=coordinator,
            created_at=opened - datetime.timedelta(days=2),
        )
        rows.rounds.append(scan_round)
        for action, day in (
            ("scan_round.created", closes_on - datetime.timedelta(days=23)),
            ("scan_round.opened", closes_on - datetime.timedelta(days=21)),
            ("scan_round.closed", closes_on + datetime.timedelta(days=1)),
        ):
            rows.audit_events.append(
                _audit(rng, coalition, coordinator, action, scan_round, title, day)
            )
        # One invitation per e-mail address, to contacts of partners still at the table.
        reachable: dict[str, ContactPerson] = {}
        for contact in contacts:
            left = contact.partner.left_on
            if contact.email and (left is None or left > closes_on):
                reachable.setdefault(contact.email.lower(), contact)
        chosen = rng.sample(
            list(reachable.values()),
            k=min(len(reachable), rng.randint(MIN_RESPONDENTS, MAX_RESPONDENTS)),
        )
        for subscale in instrument.subscales:
            level = levels.get((key, subscale.key), rng.uniform(2.6, 4.3))
            levels[key, subscale.key] = min(4.7, max(1.6, level + rng.gauss(0, 0.3)))
        split = {s.key for s in instrument.subscales if rng.random() < 0.1}
        for contact in chosen:
            responded = rng.random() < RESPONSE_RATE
            respondent = Respondent(
                uuid=random_uuid(rng),
                round=scan_round,
                partner=contact.partner,
                contact=contact,
                name=contact.name,
                email=contact.email.lower(),
                invited_at=opened,
                reminded_at=None if responded or rng.random() < 0.3 else opened,
                responded=responded,
            )
            rows.respondents.append(respondent)
            if not responded:
                continue
            mood = rng.gauss(0, 0.5)
            answers: dict[str, int | None] = {}
            for item in instrument.items:
                if rng.random() < DONT_KNOW_SHARE:
                    answers[item.key] = None
                    continue
                target = levels[key, item.subscale] + mood
                if item.subscale in split:
                    target = 1.8 if rng.random() < 0.45 else 4.4
                answers[item.key] = _scan_value(rng, target, instrument, item.reverse)
            rows.answers += len(answers)
            partner = contact.partner
            rows.responses.append(
                Response(
                    uuid=random_uuid(rng),
                    round=scan_round,
                    instrument_version=instrument.version,
                    respondent=None if scan_round.anonymous else respondent,
                    partner=None if scan_round.anonymous else partner,
                    partner_kind=partner.kind,
                    circle=partner.circle,
                    status=ResponseStatus.SUBMITTED,
                    answers=answers,
                    submitted_on=closes_on - datetime.timedelta(days=rng.randint(0, 20)),
                )
            )


def _work_rows(
    rows: _Rows,
    seed: int,
    position: int,
    coalition: Coalition,
    coordinator: User,
    partners: Sequence[Partner],
    today: datetime.date,
) -> None:
    """The coalition's agreements, meetings, funding and evaluations.

    A generator of its own (seeded with the seed and the position), so everything before stays
    as it was. What looks ahead (meetings to come, process steps, funding that runs out, the next
    evaluation moment) is placed around `today`, so the pages show what they would show in use:
    upcoming meetings, overdue steps and actions, funding that ends within twelve months."""
    rng = random.Random(f"{seed}/{position}/work")
    place = municipality_name(position)
    start = coalition.start_date
    current = [p for p in partners if p.left_on is None]
    focus = position == 0  # the measured coalition has every kind of row

    # The shared ambition, with its history: 1–3 versions.
    version_days = sorted(_date_between(rng, start, today) for _ in range(rng.randint(1, 3)))
    for number, day in enumerate(version_days):
        rows.ambition_versions.append(
            AmbitionVersion(
                uuid=random_uuid(rng),
                coalition=coalition,
                text=rng.choice(AMBITIONS[:-1]),
                goals=rng.choice(AMBITION_GOALS),
                success_criteria=rng.choice(SUCCESSES[1:]),
                priorities=rng.choice(AMBITION_GOALS),
                target_groups="Ouderen, jongeren en mantelzorgers in " + place,
                reason=AMBITION_REASONS[min(number, len(AMBITION_REASONS) - 1)],
                created_by=coordinator,
                created_at=_moment(rng, day),
            )
        )

    # Agreements with most current partners.
    for partner in current:
        if rng.random() >= 0.8:
            continue
        begins = _date_between(rng, partner.joined_on or today, today)
        rows.agreements.append(
            PartnerAgreement(
                uuid=random_uuid(rng),
                coalition=coalition,
                partner=partner,
                role=rng.choice(CoalitionRole.values),
                hours_per_month=Decimal(rng.choice([0, 2, 4, 8, 16])),
                money=Decimal(rng.choice([0, 0, 500, 2500, 10000])),
                space=rng.choice(["", "", "Zaal in het buurthuis"]),
                reach=rng.choice(["", "Ouderen in de wijk", "Jongeren"]),
                expertise=rng.choice(["", "Gespreksvoering", "Signaleren"]),
                expectations=rng.choice(EXPECTATIONS),
                start_date=begins,
                review_date=begins + datetime.timedelta(days=rng.randint(180, 730)),
                created_at=_moment(rng, begins),
                updated_at=_moment(rng, begins),
            )
        )

    # The process design: 5–15 steps around today; some open ones are overdue.
    for order, title in enumerate(rng.sample(STEP_TITLES, rng.randint(5, 15))):
        due = today + datetime.timedelta(days=rng.randint(-365, 365))
        if due < today:
            status = weighted(
                rng,
                {
                    StepStatus.DONE: 65,
                    StepStatus.DROPPED: 5,
                    StepStatus.BUSY: 15,
                    StepStatus.PLANNED: 15,
                },
            )
        else:
            status = weighted(rng, {StepStatus.PLANNED: 70, StepStatus.BUSY: 30})
        rows.process_steps.append(
            ProcessStep(
                uuid=random_uuid(rng),
                coalition=coalition,
                title=title,
                kind=StepKind.MILESTONE if rng.random() < 0.2 else StepKind.STEP,
                owner=rng.choice(current) if current and rng.random() < 0.7 else None,
                due_date=due,
                status=status,
                decisions_needed=rng.choice(["", "", "Akkoord van de regiegroep"]),
                order=order,
                created_at=_moment(rng, start),
                updated_at=_moment(rng, min(due, today)),
            )
        )

    # A letter of intent or covenant with its signatories, for about half.
    if focus or rng.random() < 0.5:
        signed = rng.random() < 0.6
        signed_on = _date_between(rng, start, today) if signed else None
        covenant = Covenant(
            uuid=random_uuid(rng),
            coalition=coalition,
            kind=rng.choice(CovenantKind.values),
            rules_of_play="We overleggen maandelijks en besluiten bij consensus.",
            status=CovenantStatus.SIGNED if signed else CovenantStatus.DRAFT,
            signed_on=signed_on,
            created_at=_moment(rng, start),
            updated_at=_moment(rng, signed_on or start),
        )
        rows.covenants.append(covenant)
        for partner in rng.sample(current, min(len(current), rng.randint(3, 8))):
            rows.signatories.append(
                Signatory(
                    uuid=random_uuid(rng),
                    covenant=covenant,
                    partner=partner,
                    name=_person(rng),
                    function=rng.choice(FUNCTIONS),
                    signed_on=signed_on,
                    created_at=_moment(rng, signed_on or start),
                )
            )

    # Bodies (2–4) with their members, and 10–30 meetings: most in the past two years, some ahead.
    bodies = []
    for kind, name in rng.sample(BODY_PLAN, rng.randint(2, 4)):
        body = Body(
            uuid=random_uuid(rng),
            coalition=coalition,
            name=name,
            kind=kind,
            purpose="Voortgang, signalen en activiteiten.",
            decides=rng.choice(["", "Besluiten over de begroting en het jaarplan."]),
            created_at=_moment(rng, start),
        )
        bodies.append(body)
        rows.bodies.append(body)
        members = rng.sample(current, min(len(current), rng.randint(3, 12)))
        rows.body_members += [(body, partner) for partner in members]
    members_of = {id(b): [p for bb, p in rows.body_members if bb is b] for b in bodies}
    for _ in range(rng.randint(10, 30)):
        day = today + datetime.timedelta(days=rng.randint(-730, 90))
        meeting_body: Body | None = rng.choice(bodies) if rng.random() < 0.9 else None
        starts = datetime.datetime.combine(
            day, datetime.time(rng.choice([10, 14, 19]), 0), tzinfo=datetime.UTC
        )
        past = day < today
        meeting = Meeting(
            uuid=random_uuid(rng),
            coalition=coalition,
            body=meeting_body,
            title=f"{meeting_body.name if meeting_body else 'Bijeenkomst'} {day:%d-%m-%Y}",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            location=f"{rng.choice(LOCATIONS)} {place}",
            minutes="Verslag: de partners bespraken de voortgang." if past else "",
            created_at=_moment(rng, min(day, today) - datetime.timedelta(days=14)),
        )
        rows.meetings.append(meeting)
        for order, title in enumerate(rng.sample(AGENDA_TITLES, rng.randint(2, 6))):
            rows.agenda_items.append(
                AgendaItem(uuid=random_uuid(rng), meeting=meeting, title=title, order=order)
            )
        if not past:
            continue
        present = (
            members_of[id(meeting_body)]
            if meeting_body
            else rng.sample(current, min(len(current), 8))
        )
        for partner in present:
            rows.attendance.append(
                Attendance(
                    uuid=random_uuid(rng),
                    meeting=meeting,
                    partner=partner,
                    status=weighted(
                        rng,
                        {
                            AttendanceStatus.PRESENT: 75,
                            AttendanceStatus.EXCUSED: 15,
                            AttendanceStatus.ABSENT: 10,
                        },
                    ),
                )
            )
        for number in range(1, rng.randint(0, 3) + 1):
            rows.decisions.append(
                Decision(
                    uuid=random_uuid(rng),
                    meeting=meeting,
                    number=number,
                    text=rng.choice(DECISIONS),
                    created_at=_moment(rng, day),
                )
            )
        for _action in range(rng.randint(0, 4)):
            due = day + datetime.timedelta(days=rng.randint(14, 60))
            done = due < today and rng.random() < 0.75
            rows.action_items.append(
                ActionItem(
                    uuid=random_uuid(rng),
                    meeting=meeting,
                    text=rng.choice(ACTIONS),
                    owner_partner=rng.choice(present) if present and rng.random() < 0.8 else None,
                    owner_name=_person(rng) if rng.random() < 0.4 else "",
                    due_on=due,
                    done_on=min(today, due + datetime.timedelta(days=rng.randint(-10, 10)))
                    if done
                    else None,
                    created_at=_moment(rng, day),
                )
            )

    # 1–5 funding sources; some carry activities, end within twelve months and have no plan.
    for _ in range(rng.randint(1, 5)):
        begins = _date_between(rng, start, today)
        roll = rng.random()
        if roll < 0.4:  # runs out within twelve months
            ends: datetime.date | None = today + datetime.timedelta(days=rng.randint(0, 360))
        elif roll < 0.75:
            ends = max(begins, today) + datetime.timedelta(days=rng.randint(366, 1100))
        elif roll < 0.9:
            ends = None
        else:  # already ended
            ends = _date_between(rng, begins, today)
        carries = rng.random() < 0.5
        funder = rng.choice(current) if current and rng.random() < 0.3 else None
        rows.funding_sources.append(
            FundingSource(
                uuid=random_uuid(rng),
                coalition=coalition,
                kind=rng.choice(FundingKind.values),
                funder_name="" if funder else rng.choice(FUNDERS).format(m=place),
                funder_partner=funder,
                amount=Decimal(rng.randint(5, 400) * 250),
                start_date=begins,
                end_date=ends,
                conditions=rng.choice(["", "Jaarlijkse verantwoording", "Eigen bijdrage 20%"]),
                carries_activities=carries,
                continuity_plan="Aanvraag bij de gemeente voor de jaren daarna."
                if rng.random() < 0.5
                else "",
                created_at=_moment(rng, begins),
                updated_at=_moment(rng, begins),
            )
        )

    # 0–2 evaluations (held at a moment), and the next evaluation moment, planned.
    held = sorted(
        _date_between(rng, max(start, today - datetime.timedelta(days=900)), today)
        for _ in range(max(rng.randint(0, 2), 1 if focus else 0))
    )
    for day in held:
        moment = EvaluationMoment(
            uuid=random_uuid(rng),
            coalition=coalition,
            planned_on=day,
            status=MomentStatus.HELD,
            created_at=_moment(rng, day - datetime.timedelta(days=60)),
            updated_at=_moment(rng, day),
        )
        rows.evaluation_moments.append(moment)
        evaluation = Evaluation(
            uuid=random_uuid(rng),
            coalition=coalition,
            moment=moment,
            held_on=day,
            successes=rng.choice(EVALUATION_TEXTS),
            bottlenecks=rng.choice(EVALUATION_TEXTS),
            continuation=rng.choice(EVALUATION_TEXTS),
            agreement_changes=rng.choice(["", "Afspraken over uren bijgesteld."]),
            recorded_by=coordinator,
            created_at=_moment(rng, day),
            updated_at=_moment(rng, day),
        )
        rows.evaluations.append(evaluation)
        chosen = rng.sample(current, min(len(current), rng.randint(4, 12)))
        rows.participants += [(evaluation, partner) for partner in chosen]
    planned = today + datetime.timedelta(days=rng.randint(14, 330))
    rows.evaluation_moments.append(
        EvaluationMoment(
            uuid=random_uuid(rng),
            coalition=coalition,
            planned_on=planned,
            status=MomentStatus.PLANNED,
            created_at=_moment(rng, today - datetime.timedelta(days=rng.randint(0, 60))),
            updated_at=_moment(rng, today),
        )
    )


def _insert(model: type[models.Model], objects: list[Any]) -> None:
    model._default_manager.bulk_create(objects, batch_size=BATCH_SIZE)


def _insert_offer(rows: offer.OfferRows) -> None:
    _insert(Neighbourhood, rows.neighbourhoods)
    _insert(Finder, rows.finders)
    _insert(Activity, rows.activities)
    _insert(ActivityTargetGroup, rows.target_groups)
    _insert(TimeSlot, rows.time_slots)
    through = Activity.providers.through
    _insert(through, [through(activity_id=a.pk, partner_id=p.pk) for a, p in rows.providers])
    _insert(ReachRecord, rows.reach)
    _insert(ReachByGroup, rows.reach_groups)
    _insert(Region, rows.regions)
    _insert(LonelinessEstimate, rows.estimates)


def _insert_signals(
    seed: int,
    rows: _Rows,
    offer_rows: offer.OfferRows,
    spans: Sequence[tuple[slice, slice]],
    counts: Sequence[int],
    today: datetime.date,
    password_hash: str,
) -> int:
    """Each coalition's signals, inserted coalition by coalition (200,000 model instances at
    once would only cost memory), and one member of the handling organisation that holds most
    of them."""
    settings, users, memberships = [], [], []
    total = 0
    with signal_rows.memoised_encryption():
        for position, coalition in enumerate(rows.coalitions):
            partners, wijken = spans[position]
            generated = signal_rows.coalition_signals(
                seed,
                position,
                coalition,
                rows.partners[partners],
                offer_rows.neighbourhoods[wijken],
                counts[position],
                today,
            )
            _insert(Signal, generated.signals)
            total += len(generated.signals)
            settings.append(generated.settings)
            user, membership = signal_rows.handler_membership(
                coalition, generated.handler, EMAIL_DOMAIN, password_hash
            )
            users.append(user)
            memberships.append(membership)
    _insert(SignalSettings, settings)
    _insert(User, users)
    _insert(Membership, memberships)
    return total


def generate(
    coalitions: int = 350,
    partners: int = 15_000,
    *,
    seed: int = DEFAULT_SEED,
    pinned: Sequence[int] = (),
    password: str | None = None,
    today: datetime.date | None = None,
    activity_total: int | None = None,
    signal_total: int | None = None,
) -> GenerationResult:
    """Generate `coalitions` coalitions with `partners` partners in total, in one transaction.

    What looks ahead (meetings, process steps, funding, evaluation moments) is placed around
    `today` (default: the current date); the same seed and `today` give the same rows."""
    if not 1 <= coalitions <= MAX_COALITIONS:
        raise ValueError(f"Between 1 and {MAX_COALITIONS} coalitions, not {coalitions}.")
    if synthetic_municipalities().exists():
        raise ValueError("Synthetic data is already present; delete it first (--reset).")
    started = time.perf_counter()
    counts = spread(partners, coalitions, random.Random(seed), pinned)
    activities = {phase.value: [a.key for a in phase_activities(phase)] for phase in LIFE_PHASES}
    password_hash = make_password(password)  # hashed once: a real hash is slow on purpose
    today = today or timezone.localdate()
    rows = _Rows()
    offer_rows = offer.OfferRows()
    if activity_total is None:
        activity_total = offer.activities_for(coalitions)
    activity_counts = offer.counts_with_first(activity_total, coalitions, random.Random(seed))
    signal_counts = offer.counts_with_first(
        signal_rows.signals_for(coalitions) if signal_total is None else signal_total,
        coalitions,
        random.Random(f"{seed}/signals"),
        first=signal_rows.MEASURED_SIGNALS,
    )
    spans: list[tuple[slice, slice]] = []  # each coalition's partners and wijken
    for position, partner_count in enumerate(counts):
        first_contact = len(rows.contacts)
        first_partner = len(rows.partners)
        first_wijk = len(offer_rows.neighbourhoods)
        _coalition_rows(rows, seed, position, partner_count, password_hash, activities)
        _scan_rows(
            rows,
            seed,
            position,
            rows.coalitions[-1],
            rows.users[-1],
            rows.contacts[first_contact:],
        )
        _work_rows(
            rows,
            seed,
            position,
            rows.coalitions[-1],
            rows.users[-1],
            rows.partners[first_partner:],
            today,
        )
        offer.offer_rows(
            offer_rows,
            seed,
            position,
            rows.coalitions[-1],
            rows.partners[first_partner:],
            activity_counts[position],
            today,
        )
        spans.append(
            (
                slice(first_partner, len(rows.partners)),
                slice(first_wijk, len(offer_rows.neighbourhoods)),
            )
        )

    with transaction.atomic(), _explicit_timestamps():
        _insert(Municipality, rows.municipalities)
        _insert(User, rows.users)
        _insert(Coalition, rows.coalitions)
        _insert(Membership, rows.memberships)
        _insert(PhaseChange, rows.phase_changes)
        _insert(ChecklistItem, rows.checklist_items)
        _insert(Partner, rows.partners)
        _insert(ContactPerson, rows.contacts)
        _insert(PartnerEvent, rows.events)
        _insert(AuditEvent, rows.audit_events)
        _insert(Round, rows.rounds)
        _insert(Respondent, rows.respondents)
        _insert(Response, rows.responses)
        _insert(AmbitionVersion, rows.ambition_versions)
        _insert(PartnerAgreement, rows.agreements)
        _insert(ProcessStep, rows.process_steps)
        _insert(Covenant, rows.covenants)
        _insert(Signatory, rows.signatories)
        _insert(Body, rows.bodies)
        _insert(
            Body.members.through,
            [Body.members.through(body_id=b.pk, partner_id=p.pk) for b, p in rows.body_members],
        )
        _insert(Meeting, rows.meetings)
        _insert(AgendaItem, rows.agenda_items)
        _insert(Attendance, rows.attendance)
        _insert(Decision, rows.decisions)
        _insert(ActionItem, rows.action_items)
        _insert(FundingSource, rows.funding_sources)
        _insert(EvaluationMoment, rows.evaluation_moments)
        _insert(Evaluation, rows.evaluations)
        _insert(
            Evaluation.participants.through,
            [
                Evaluation.participants.through(evaluation_id=e.pk, partner_id=p.pk)
                for e, p in rows.participants
            ],
        )
        _insert_offer(offer_rows)
        signals = _insert_signals(
            seed, rows, offer_rows, spans, signal_counts, today, password_hash
        )
        refresh_data_versions([coalition.pk for coalition in rows.coalitions])

    return GenerationResult(
        rows={
            "municipalities": len(rows.municipalities),
            "users": len(rows.users),
            "coalitions": len(rows.coalitions),
            "memberships": len(rows.memberships),
            "phase_changes": len(rows.phase_changes),
            "checklist_items": len(rows.checklist_items),
            "partners": len(rows.partners),
            "contacts": len(rows.contacts),
            "events": len(rows.events),
            "audit_events": len(rows.audit_events),
            "scan_rounds": len(rows.rounds),
            "respondents": len(rows.respondents),
            "responses": len(rows.responses),
            "answers": rows.answers,
            "ambition_versions": len(rows.ambition_versions),
            "agreements": len(rows.agreements),
            "process_steps": len(rows.process_steps),
            "covenants": len(rows.covenants),
            "signatories": len(rows.signatories),
            "bodies": len(rows.bodies),
            "body_members": len(rows.body_members),
            "meetings": len(rows.meetings),
            "agenda_items": len(rows.agenda_items),
            "attendance": len(rows.attendance),
            "decisions": len(rows.decisions),
            "action_items": len(rows.action_items),
            "funding_sources": len(rows.funding_sources),
            "evaluation_moments": len(rows.evaluation_moments),
            "evaluations": len(rows.evaluations),
            "evaluation_participants": len(rows.participants),
            "neighbourhoods": len(offer_rows.neighbourhoods),
            "activities": len(offer_rows.activities),
            "activity_target_groups": len(offer_rows.target_groups),
            "time_slots": len(offer_rows.time_slots),
            "activity_providers": len(offer_rows.providers),
            "reach_records": len(offer_rows.reach),
            "loneliness_estimates": len(offer_rows.estimates),
            "signals": signals,
        },
        seconds=time.perf_counter() - started,
        coalition_ids=[c.pk for c in rows.coalitions],
    )
