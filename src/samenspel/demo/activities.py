"""The offer of the demo coalition "Samen Dijkerveen": activities in plain Dutch (B1), their reach
over the last four quarters and the public finder, written through the service functions (so the
audit trail and the rules are real).

`load_activities(coalition, partners, neighbourhoods, today)`: `neighbourhoods` may be empty, then
every activity is for the whole municipality. With fewer wijken than the table names, activities
wrap around; wijken beyond the third get no activities, so the gap view has something to show.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from samenspel.accounts.models import Role, User
from samenspel.activities import services
from samenspel.activities.models import Activity, ActivityStatus, Finder
from samenspel.activities.selectors import months_before
from samenspel.coalitions.models import Coalition, Neighbourhood
from samenspel.partners.models import Partner

Slot = services.Slot
T = datetime.time


@dataclass(frozen=True)
class DemoActivity:
    title: str
    description: str
    kind: str
    providers: tuple[str, ...]
    groups: tuple[str, ...]
    slots: tuple[Slot, ...]
    wijk: int | None  # index into the neighbourhoods, None for the whole municipality
    location: str = ""
    cost: str | None = "0"
    cost_note: str = ""
    how_to_join: str = "Gewoon binnenlopen."
    frequency: str = "weekly"
    month_week: int | None = None  # for a monthly activity: 1 = the first weekday, -1 the last
    week: bool = False
    status: str = ActivityStatus.ACTIVE
    capacity: int | None = None
    wheelchair: bool | None = True
    accessibility: str = ""
    checked_months_ago: int | None = 1  # None: never checked
    schedule_note: str = ""


ACTIVITIES = [
    DemoActivity(
        "Koffieochtend in De Linde",
        "Elke woensdag staat de koffie klaar. U drinkt een kopje en maakt een praatje. "
        "Iedereen is welkom.",
        "meeting_place",
        ("Welzijn Dijkerveen",),
        ("everyone", "older"),
        (Slot(3, T(10), T(12)),),
        0,
        "Buurthuis De Linde",
        cost_note="Koffie en thee zijn gratis.",
        week=True,
    ),
    DemoActivity(
        "Maatje voor ouderen",
        "Een vrijwilliger komt één keer per week bij u langs. U praat, wandelt of doet samen "
        "boodschappen. U spreekt zelf af wat u samen doet.",
        "buddy",
        ("Vrijwilligers Maatjesproject", "Welzijn Dijkerveen"),
        ("older",),
        (),
        None,
        how_to_join="Bel Welzijn Dijkerveen. Wij zoeken een maatje dat bij u past.",
        frequency="appointment",
        checked_months_ago=8,
    ),
    DemoActivity(
        "Digitaal café",
        "Heeft u vragen over uw telefoon, tablet of DigiD? Vrijwilligers helpen u rustig op weg.",
        "learning",
        ("Bibliotheek Dijkerveen",),
        ("older", "low_literacy"),
        (Slot(2, T(14), T(16)),),
        1,
        "Bibliotheek Dijkerveen",
        capacity=12,
    ),
    DemoActivity(
        "Taalcafé",
        "Oefen Nederlands in een kleine groep. We praten over gewone dingen, zoals de markt of "
        "het weer. Fouten maken mag.",
        "learning",
        ("Bibliotheek Dijkerveen", "Humanitas Dijkerveen"),
        ("migrants", "low_literacy"),
        (Slot(4, T(19), T(21)),),
        1,
        "Bibliotheek Dijkerveen",
    ),
    DemoActivity(
        "Wandelgroep Samen op Pad",
        "We wandelen een uur door het park in een rustig tempo. Daarna drinken we samen koffie.",
        "sports",
        ("Fysiotherapie Beweegpunt",),
        ("older", "everyone"),
        (Slot(1, T(9, 30), T(10, 30)),),
        2,
        "Ingang Stadspark, bij de vijver",
        week=True,
    ),
    DemoActivity(
        "Bewegen voor ouderen",
        "Een uur rustig bewegen op muziek, op een stoel of staand. Een fysiotherapeut geeft les.",
        "sports",
        ("Sportvereniging DVS", "Fysiotherapie Beweegpunt"),
        ("older", "disability"),
        (Slot(2, T(10), T(11)), Slot(5, T(10), T(11))),
        2,
        "Sporthal De Velden",
        cost="2.50",
        cost_note="Per keer.",
        capacity=20,
        accessibility="Lift aanwezig. U kunt ook zittend meedoen.",
    ),
    DemoActivity(
        "Samen eten in de kerk",
        "Elke eerste vrijdag van de maand koken vrijwilligers een warme maaltijd. "
        "U eet samen met anderen aan lange tafels.",
        "meals",
        ("Protestantse Gemeente Dijkerveen",),
        ("everyone", "older"),
        (Slot(5, T(17, 30), T(19, 30)),),
        0,
        "Dorpskerk, zaal achter de kerk",
        cost="5.00",
        cost_note="Inclusief drinken.",
        how_to_join="Meld u uiterlijk woensdag aan.",
        frequency="monthly",
        month_week=1,
        capacity=40,
    ),
    DemoActivity(
        "Inloop voor mantelzorgers",
        "Zorgt u voor een naaste? Kom even op adem bij andere mantelzorgers. "
        "Er is altijd iemand die luistert.",
        "help",
        ("Welzijn Dijkerveen",),
        ("carers",),
        (Slot(4, T(13, 30), T(15)),),
        0,
        "Buurthuis De Linde",
        frequency="biweekly",
        week=True,
    ),
    DemoActivity(
        "Moestuin De Groene Hoek",
        "Samen tuinieren in de buurtmoestuin. U hoeft niets te kunnen. We delen de oogst.",
        "nature",
        ("Buurtcomité De Velden", "Woonstichting Dijkerveen"),
        ("everyone",),
        (Slot(6, T(10), T(12)),),
        2,
        "Moestuin achter flat De Velden",
        wheelchair=False,
        accessibility="Het pad is van grind.",
    ),
    DemoActivity(
        "Jongerenavond De Plek",
        "Een avond voor jongeren van 16 tot 23 jaar. Chillen, gamen of gewoon praten. "
        "Jongerenwerkers zijn erbij.",
        "meeting_place",
        ("Jongerenwerk Dijkerveen",),
        ("young",),
        (Slot(5, T(19), T(22)),),
        1,
        "Jongerencentrum De Plek",
    ),
    DemoActivity(
        "Schrijfclub Levensverhalen",
        "Schrijf samen met anderen over uw leven. We lezen elkaars verhalen voor, als u dat wilt.",
        "culture",
        ("Cultuurhuis Het Podium",),
        ("older",),
        (Slot(1, T(14), T(16)),),
        1,
        "Cultuurhuis Het Podium",
        cost="3.00",
        cost_note="Per keer, inclusief koffie.",
        frequency="biweekly",
        checked_months_ago=9,
    ),
    DemoActivity(
        "Zangkoor Stem van Dijkerveen",
        "Zingt u graag? Iedereen mag meedoen, ook als u geen noten kunt lezen.",
        "culture",
        ("Cultuurhuis Het Podium",),
        ("everyone",),
        (Slot(3, T(19, 30), T(21, 30)),),
        None,
        "Cultuurhuis Het Podium",
        cost="10.00",
        cost_note="Per maand.",
        checked_months_ago=None,
    ),
    DemoActivity(
        "Boodschappenbus",
        "Een bus haalt u thuis op en brengt u naar de supermarkt. Samen doen we boodschappen "
        "en drinken we koffie.",
        "help",
        ("Stichting Ouderenvervoer", "Supermarkt Dijkerveen-Zuid"),
        ("older", "disability"),
        (Slot(4, T(9, 30), T(12)),),
        None,
        cost="1.50",
        cost_note="Per rit.",
        how_to_join="Bel een dag van tevoren om u aan te melden.",
        capacity=8,
        accessibility="De bus heeft een lift voor rolstoelen.",
    ),
    DemoActivity(
        "Spreekuur Welzijn op Recept",
        "Voelt u zich somber of alleen? De welzijnscoach zoekt samen met u naar iets dat u "
        "plezier geeft.",
        "help",
        ("Huisartsenpraktijk De Linde", "Welzijn Dijkerveen"),
        ("everyone",),
        (Slot(1, T(9), T(12)),),
        0,
        "Huisartsenpraktijk De Linde",
        how_to_join="Vraag uw huisarts of bel de welzijnscoach.",
        frequency="appointment",
    ),
    DemoActivity(
        "Vrouwenochtend Al-Nour",
        "Een ochtend voor vrouwen uit de buurt. We drinken thee, praten en doen soms een "
        "activiteit samen.",
        "meeting_place",
        ("Moskee Al-Nour",),
        ("migrants", "everyone"),
        (Slot(6, T(10), T(12)),),
        1,
        "Moskee Al-Nour, ontmoetingsruimte",
        week=True,
    ),
    DemoActivity(
        "Huisbezoek na verlies",
        "Bent u uw partner verloren? Een getrainde vrijwilliger komt bij u thuis en luistert naar "
        "uw verhaal.",
        "home_visits",
        ("Humanitas Dijkerveen",),
        ("older",),
        (),
        None,
        how_to_join="Bel Humanitas. Wij nemen binnen een week contact op.",
        frequency="appointment",
    ),
    DemoActivity(
        "Kookclub voor mannen",
        "Leer samen eenvoudige en gezonde gerechten koken. Daarna eten we samen op.",
        "meals",
        ("Welzijn Dijkerveen", "ROC Dijkerveen, opleiding Zorg en Welzijn"),
        ("older",),
        (Slot(2, T(16), T(19)),),
        2,
        "Keuken van het ROC",
        cost="4.00",
        cost_note="Voor de boodschappen.",
        capacity=10,
    ),
    DemoActivity(
        "Voorleesmiddag op school",
        "Ouderen lezen voor aan kinderen van groep 3 en 4. Jong en oud leren elkaar kennen.",
        "volunteering",
        ("Basisschool De Regenboog", "Seniorenraad Dijkerveen"),
        ("older", "young"),
        (Slot(3, T(13), T(14)),),
        2,
        "Basisschool De Regenboog",
        how_to_join="Meld u aan bij de school.",
        status=ActivityStatus.PAUSED,
        schedule_note="Start weer na de zomervakantie.",
    ),
    DemoActivity(
        "Repair Café",
        "Neem uw kapotte lamp, fiets of broek mee. Samen met een vrijwilliger maakt u het weer "
        "heel.",
        "volunteering",
        ("Ondernemersvereniging Dijkerveen Centrum",),
        ("everyone",),
        (Slot(6, T(13), T(16)),),
        0,
        "Winkelcentrum, oude bankgebouw",
        frequency="monthly",
        month_week=-1,
    ),
    DemoActivity(
        "Ontmoetingstafel Koffiehuis De Hoek",
        "Aan de grote tafel schuift iedereen aan. De eerste kop koffie is van het huis.",
        "meeting_place",
        ("Koffiehuis De Hoek",),
        ("everyone",),
        (Slot(3, T(14), T(16)),),
        0,
        "Koffiehuis De Hoek",
        week=True,
    ),
    DemoActivity(
        "Telefooncirkel",
        "Elke ochtend belt u met een andere deelnemer. Zo weet u dat er iemand aan u denkt.",
        "buddy",
        ("Seniorenraad Dijkerveen",),
        ("older", "disability"),
        (),
        None,
        how_to_join="Bel de Seniorenraad om mee te doen.",
        frequency="weekly",
        status=ActivityStatus.ENDED,
        checked_months_ago=14,
    ),
    DemoActivity(
        "Lotgenotengroep Jonge Mantelzorgers",
        "Zorg jij thuis voor een ouder, broer of zus? Praat met jongeren die hetzelfde meemaken.",
        "help",
        ("Jongerenwerk Dijkerveen", "Welzijn Dijkerveen"),
        ("young", "carers"),
        (Slot(3, T(16), T(17, 30)),),
        1,
        "Jongerencentrum De Plek",
        frequency="biweekly",
    ),
]

CONTACTS = {
    "Welzijn Dijkerveen": ("0123-456 700", "info@welzijndijkerveen.example"),
    "Bibliotheek Dijkerveen": ("0123-456 710", "balie@bibliotheekdijkerveen.example"),
    "Cultuurhuis Het Podium": ("0123-456 720", "info@hetpodium.example"),
}


def _coordinator(coalition: Coalition) -> User:
    """The coalition's first coordinator (made with the coalition): the one who records."""
    return User.objects.filter(
        memberships__coalition=coalition, memberships__role=Role.COORDINATOR
    ).earliest("memberships__pk")


def _create(
    coalition: Coalition,
    user: User,
    item: DemoActivity,
    partners: dict[str, Partner],
    wijk: Neighbourhood | None,
) -> Activity:
    providers = [partners[name] for name in item.providers if name in partners]
    phone, email = CONTACTS.get(item.providers[0], ("", ""))
    return services.create_activity(
        coalition,
        acting_user=user,
        providers=providers,
        target_groups=list(item.groups),
        time_slots=list(item.slots),
        title=item.title,
        description=item.description,
        kind=item.kind,
        neighbourhood=wijk,
        location_name=item.location,
        city="Dijkerveen",
        frequency=item.frequency,
        month_week=item.month_week,
        cost=None if item.cost is None else Decimal(item.cost),
        cost_note=item.cost_note,
        wheelchair_accessible=item.wheelchair,
        accessibility=item.accessibility,
        capacity=item.capacity,
        how_to_join=item.how_to_join,
        contact_phone=phone,
        contact_email=email,
        week_against_loneliness=item.week,
        status=item.status,
        schedule_note=item.schedule_note,
    )


def _quarters(today: datetime.date, count: int) -> list[tuple[datetime.date, datetime.date]]:
    """The last `count` whole quarters before the one `today` is in, oldest first."""
    start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    periods = []
    for _index in range(count):
        end = start - datetime.timedelta(days=1)
        start = months_before(start, 3)
        periods.append((start, end))
    return list(reversed(periods))


def _reach(activity: Activity, user: User, item: DemoActivity, today: datetime.date) -> None:
    rng = random.Random(activity.title)
    size = item.capacity or rng.randint(8, 30)
    quarters = _quarters(today, 4)
    if item.status == ActivityStatus.ENDED:
        quarters = quarters[:2]
    for start, end in quarters:
        new = rng.randint(1, max(2, size // 3))
        returning = rng.randint(size // 2, size)
        known = rng.randint(0, new + returning)
        shares = dict.fromkeys(item.groups, 0)
        for _person in range(known):
            shares[rng.choice(item.groups)] += 1
        services.create_reach(
            activity,
            acting_user=user,
            period_start=start,
            period_end=end,
            new_participants=new,
            returning_participants=returning,
            by_group=shares,
        )


def load_activities(
    coalition: Coalition,
    partners: Sequence[Partner],
    neighbourhoods: Sequence[Neighbourhood],
    today: datetime.date,
) -> list[Activity]:
    """About twenty activities with their reach, and a published finder."""
    user = _coordinator(coalition)
    current = {p.name: p for p in partners if p.left_on is None and p.coalition_id == coalition.pk}
    created = []
    for item in ACTIVITIES:
        wijk = (
            neighbourhoods[item.wijk % len(neighbourhoods)]
            if neighbourhoods and item.wijk is not None
            else None
        )
        activity = _create(coalition, user, item, current, wijk)
        checked = (
            None
            if item.checked_months_ago is None
            else months_before(today, item.checked_months_ago)
        )
        Activity.objects.across_coalitions().filter(pk=activity.pk).update(checked_on=checked)
        _reach(activity, user, item, today)
        created.append(activity)
    if (
        not Finder.objects.across_coalitions()
        .filter(slug="samen-dijkerveen")
        .exclude(coalition=coalition)
        .exists()
    ):
        services.save_finder(
            coalition,
            acting_user=user,
            slug="samen-dijkerveen",
            is_published=True,
            title="Activiteiten in Dijkerveen",
            introduction="Zoekt u gezelschap, iets te doen of een beetje hulp? Hier vindt u "
            "activiteiten bij u in de buurt. Veel activiteiten zijn gratis.",
            contact="Welzijn Dijkerveen, telefoon 0123-456 700",
        )
    return created
