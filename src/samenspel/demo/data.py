"""The fictional demo: two coalitions in fictional municipalities, every screen populated.

Everything is written through the service functions, so the audit trail is real as well.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Membership, NationalRole, Role, User
from samenspel.coalitions import services as coalition_services
from samenspel.coalitions.models import (
    LIFE_PHASES,
    AreaScope,
    ChecklistStatus,
    Coalition,
    Form,
    LegalStructure,
    Municipality,
    MunicipalityRole,
    Phase,
    TippingPoint,
)
from samenspel.demo.activities import load_activities
from samenspel.demo.monitoring import add_neighbourhoods
from samenspel.demo.reporting import add_reporting
from samenspel.demo.scans import DIJKERVEEN_ROUNDS, LINDEWAARDE_ROUNDS, add_rounds
from samenspel.demo.signals import DEMO_TOTP_SECRET, add_signals
from samenspel.demo.workspace import add_workspace
from samenspel.guide.content import phase_activities
from samenspel.partners import services as partner_services
from samenspel.partners.models import Partner

DEMO_DOMAIN = "demo.samenspel.nl"


@dataclass(frozen=True)
class DemoPartner:
    name: str
    kind: str
    circle: str
    motives: tuple[str, ...]
    roles: tuple[str, ...] = ()
    brings: str = ""
    takes: str = ""
    deal_breakers: str = ""
    success: str = ""
    contact: str = ""
    resident_type: str = ""
    represents: str = ""
    reason: str = ""


DIJKERVEEN_PARTNERS = [
    DemoPartner(
        "Welzijn Dijkerveen",
        "welfare",
        "core",
        ("moral", "affective"),
        ("network_coordination", "running_activities", "signalling"),
        "Opbouwwerkers, vrijwilligerscentrale, kennis van de wijken",
        "Financiering voor netwerkcoördinatie, bereik onder ouderen",
        "Coördinatie zonder vergoeding",
        "Minder mensen die zich ernstig eenzaam voelen in 2027",
        "Sanne de Wit",
    ),
    DemoPartner(
        "Gemeente Dijkerveen, team Sociaal Domein",
        "municipality",
        "core",
        ("moral", "instrumental"),
        ("funder", "commissioner", "process_lead"),
        "Subsidie, procesregie, bestuurlijke steun",
        "Uitvoering van het Wmo-beleid",
        "Een coalitie die alleen op subsidie draait",
        "Eenzaamheid verankerd in het sociaal beleid",
        "Jeroen Bakker",
    ),
    DemoPartner(
        "Buurtteam Dijkerveen-Noord",
        "neighbourhood_team",
        "core",
        ("instrumental",),
        ("signalling",),
        "Signalen uit keukentafelgesprekken",
        "Korte lijnen naar activiteiten",
        "Extra registratielast",
        "Elke melding binnen twee weken opgepakt",
        "Fatima El Amrani",
    ),
    DemoPartner(
        "Seniorenraad Dijkerveen",
        "residents",
        "core",
        ("affective", "moral"),
        ("participant", "signalling"),
        "Stem van ouderen, ambassadeurs",
        "Invloed op de koers",
        "Praten over ouderen zonder ouderen",
        "Ouderen doen zelf mee aan de aanpak",
        "Henk Jansen",
        "deliberative",
        "Ouderen in Dijkerveen",
        "represents_group",
    ),
    DemoPartner(
        "Bibliotheek Dijkerveen",
        "libraries_culture",
        "active",
        ("affective",),
        ("running_activities",),
        "Leesclubs, digitaal café, een open huiskamer",
        "Meer bezoekers",
        "",
        "Het digitaal café zit elke week vol",
        "Marieke Visser",
    ),
    DemoPartner(
        "Huisartsenpraktijk De Linde",
        "care_providers",
        "active",
        ("instrumental",),
        ("signalling",),
        "Doorverwijzing via Welzijn op Recept",
        "Minder terugkerende consulten",
        "Tijd van de huisarts",
        "Elke week een verwijzing naar een welzijnscoach",
        "dr. Koster",
    ),
    DemoPartner(
        "Thuiszorg Dijkerveen",
        "care_providers",
        "active",
        ("moral",),
        ("signalling",),
        "Wijkverpleegkundigen die eenzaamheid bespreken",
        "Aanbod om naar te verwijzen",
        "",
        "Eenzaamheid is vast onderdeel van de intake",
        "Petra Smit",
    ),
    DemoPartner(
        "Woonstichting Dijkerveen",
        "housing_corporation",
        "involved",
        ("instrumental",),
        ("funder",),
        "Ontmoetingsruimtes in seniorenflats",
        "Leefbare complexen",
        "",
        "Minder klachten over overlast en isolement",
        "Ahmed Yilmaz",
    ),
    DemoPartner(
        "Sportvereniging DVS",
        "associations",
        "involved",
        ("affective",),
        ("running_activities",),
        "Wandelvoetbal en beweegochtenden",
        "Nieuwe leden",
        "Vergaderen zonder doen",
        "Twintig ouderen wekelijks op het veld",
        "Kees van Dam",
    ),
    DemoPartner(
        "Protestantse Gemeente Dijkerveen",
        "associations",
        "involved",
        ("moral", "affective"),
        ("signalling", "running_activities"),
        "Bezoekwerk, vertrouwen van gemeenteleden",
        "Hulp waar het eigen bezoekwerk stopt",
        "",
        "Elke gemeentelid met zorgen weet de weg",
        "ds. Mulder",
    ),
    DemoPartner(
        "Moskee Al-Nour",
        "associations",
        "informed",
        ("affective",),
        ("participant",),
        "Contact met oudere migranten",
        "Aandacht voor eenzaamheid onder migranten",
        "",
        "Oudere migranten vinden aansluiting",
        "Yusuf Demir",
    ),
    DemoPartner(
        "Ondernemersvereniging Dijkerveen Centrum",
        "entrepreneurs",
        "involved",
        ("instrumental",),
        ("funder",),
        "Sponsoring en ruimtes",
        "Zichtbaarheid en een levendig centrum",
        "Ingewikkelde beleidsplannen",
        "Elke winkel een ontmoetingsplek tijdens de Week tegen Eenzaamheid",
        "Linda Prins",
    ),
    DemoPartner(
        "Koffiehuis De Hoek",
        "entrepreneurs",
        "active",
        ("instrumental", "affective"),
        ("running_activities",),
        "Wekelijkse ontmoetingstafel",
        "Vaste gasten",
        "",
        "Een volle tafel op woensdag",
        "Rob de Hoek",
    ),
    DemoPartner(
        "Supermarkt Dijkerveen-Zuid",
        "entrepreneurs",
        "informed",
        ("instrumental",),
        (),
        "Boodschappenmaatjes",
        "Klantbinding",
        "",
        "",
        "",
    ),
    DemoPartner(
        "Basisschool De Regenboog",
        "education",
        "involved",
        ("moral",),
        ("running_activities",),
        "Generatieproject met ouderen",
        "Lesstof over zorg voor elkaar",
        "Extra taken voor leerkrachten",
        "Elke groep 7 bezoekt een ouderenmiddag",
        "Ellen Bos",
    ),
    DemoPartner(
        "ROC Dijkerveen, opleiding Zorg en Welzijn",
        "education",
        "active",
        ("instrumental",),
        ("running_activities",),
        "Stagiairs voor huisbezoeken",
        "Stageplekken",
        "",
        "Twintig stagiairs per jaar in de coalitie",
        "Tom Verhoeven",
    ),
    DemoPartner(
        "Vrijwilligers Maatjesproject",
        "residents",
        "active",
        ("affective",),
        ("running_activities",),
        "Maatjes voor wekelijkse bezoeken",
        "Erkenning en training",
        "Overvraagd worden",
        "Vijftig vaste maatjes",
        "Anja Hendriks",
        "caring",
        "Eigen initiatief",
        "intrinsic",
    ),
    DemoPartner(
        "Buurtcomité De Velden",
        "residents",
        "involved",
        ("affective",),
        ("running_activities",),
        "Buurtfeesten en burendag",
        "Steun bij organiseren",
        "",
        "Iedereen in de straat kent een buur",
        "Gerrit Wouters",
        "responsible",
        "De bewoners van De Velden",
        "intrinsic",
    ),
    DemoPartner(
        "Ervaringsdeskundige inwoners",
        "residents",
        "involved",
        ("moral",),
        ("participant",),
        "Eigen verhaal als ambassadeur",
        "Gehoord worden",
        "Stigmatiserende campagnes",
        "Eenzaamheid is bespreekbaar",
        "",
        "decent",
        "Zichzelf en lotgenoten",
        "own_experience",
    ),
    DemoPartner(
        "Cultuurhuis Het Podium",
        "libraries_culture",
        "informed",
        ("affective",),
        (),
        "Voorstellingen voor jongeren",
        "Nieuw publiek",
        "",
        "",
        "Iris Meijer",
    ),
    DemoPartner(
        "GGD Regio Dijkerveen",
        "other",
        "informed",
        ("instrumental",),
        (),
        "Cijfers uit de gezondheidsmonitor",
        "Gebruik van de monitor",
        "",
        "",
        "Bas Kramer",
    ),
    DemoPartner(
        "Humanitas Dijkerveen",
        "welfare",
        "active",
        ("moral", "affective"),
        ("running_activities",),
        "Thuisadministratie en rouwgroepen",
        "Doorverwijzingen",
        "",
        "Geen wachtlijst voor maatjes",
        "Nora de Boer",
    ),
    DemoPartner(
        "Jongerenwerk Dijkerveen",
        "welfare",
        "involved",
        ("affective",),
        ("running_activities", "signalling"),
        "Bereik onder jongeren",
        "Aandacht voor jonge eenzamen",
        "",
        "Jongeren praten mee in de coalitie",
        "Kevin Peeters",
    ),
    DemoPartner(
        "Fysiotherapie Beweegpunt",
        "care_providers",
        "informed",
        ("instrumental",),
        (),
        "Beweeggroepen",
        "Nieuwe cliënten",
        "",
        "",
        "",
    ),
    DemoPartner(
        "Stichting Ouderenvervoer",
        "other",
        "informed",
        ("affective",),
        ("participant",),
        "Vervoer naar activiteiten",
        "Vrijwilligers",
        "",
        "Niemand blijft thuis door gebrek aan vervoer",
        "Wim Dekker",
    ),
]

LINDEWAARDE_PARTNERS = [
    DemoPartner(
        "Welzijn Lindewaarde",
        "welfare",
        "core",
        ("moral",),
        ("process_lead", "network_coordination"),
        "Procesbegeleiding",
        "Opdracht van de gemeente",
        "",
        "Een gedeelde ambitie voor de zomer",
        "Lotte Vermeulen",
    ),
    DemoPartner(
        "Gemeente Lindewaarde",
        "municipality",
        "core",
        ("instrumental",),
        ("commissioner", "funder"),
        "Startsubsidie",
        "Invulling van de Wmo-taak",
        "",
        "Een coalitie in alle drie de kernen",
        "Erik Graaf",
    ),
    DemoPartner(
        "Dorpsraad Oudelinde",
        "residents",
        "active",
        ("affective",),
        ("participant",),
        "Kennis van de kern",
        "Aandacht voor het dorp",
        "",
        "Een ontmoetingsplek in Oudelinde",
        "Joke Hermans",
        "deliberative",
        "De inwoners van Oudelinde",
        "represents_group",
    ),
    DemoPartner(
        "Bibliotheek Lindewaarde",
        "libraries_culture",
        "involved",
        ("affective",),
        (),
        "Ruimte en leesclubs",
        "",
        "",
        "",
        "",
    ),
    DemoPartner(
        "Zonnebloem afdeling Lindewaarde",
        "associations",
        "active",
        ("affective",),
        ("running_activities",),
        "Uitstapjes en bezoekwerk",
        "Nieuwe vrijwilligers",
        "",
        "",
        "Ria Bosman",
    ),
    DemoPartner(
        "Huisartsen Lindewaarde",
        "care_providers",
        "informed",
        ("instrumental",),
        ("signalling",),
        "Signalen",
        "Ontlasting van de praktijk",
        "",
        "",
        "",
    ),
]


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _user(local: str, name: str, password: str) -> User:
    user, _created = User.objects.get_or_create(
        email=demo_email(local), defaults={"full_name": name}
    )
    user.set_password(password)
    user.save()
    return user


def _add_partners(
    coalition: Coalition, partners: list[DemoPartner], user: User, joined: datetime.date
) -> list[Partner]:
    created = []
    for index, item in enumerate(partners):
        partner = partner_services.create_partner(
            coalition,
            acting_user=user,
            name=item.name,
            kind=item.kind,
            circle=item.circle,
            motives=list(item.motives),
            roles=list(item.roles),
            brings=item.brings,
            takes=item.takes,
            deal_breakers=item.deal_breakers,
            success_criteria=item.success,
            resident_type=item.resident_type,
            represents=item.represents,
            participation_reason=item.reason,
            joined_on=joined + datetime.timedelta(days=45 * index),
        )
        if item.contact:
            partner_services.save_contact(
                partner,
                acting_user=user,
                name=item.contact,
                is_primary=True,
                function="Contactpersoon coalitie",
                email=f"{item.contact.split()[-1].lower()}@voorbeeld.nl",
            )
        created.append(partner)
    return created


def _walk_phases(coalition: Coalition, user: User, steps: list[tuple[str, str, str, str]]) -> None:
    for date, phase, tipping_point, reason in steps:
        coalition_services.change_phase(
            coalition,
            acting_user=user,
            to_phase=phase,
            date=datetime.date.fromisoformat(date),
            reason=reason,
            tipping_point=tipping_point,
        )
        coalition.refresh_from_db()


def _fill_checklist(coalition: Coalition, user: User, done_through: int, busy_in: int) -> None:
    """Phases before `done_through` (1-based, inclusive) are done; in `busy_in` half is busy."""
    for number, phase in enumerate(LIFE_PHASES, start=1):
        for index, activity in enumerate(phase_activities(phase)):
            if number <= done_through:
                status = (
                    ChecklistStatus.DONE
                    if index % 5
                    else ChecklistStatus.NOT_APPLICABLE
                    if number == 2
                    else ChecklistStatus.DONE
                )
            elif number == busy_in:
                status = ChecklistStatus.BUSY if index % 2 == 0 else ChecklistStatus.NOT_STARTED
            else:
                continue
            coalition_services.set_checklist_status(
                coalition, activity.key, acting_user=user, status=status
            )


@transaction.atomic
def load_demo(password: str, totp_secret: str = DEMO_TOTP_SECRET) -> list[tuple[str, str]]:
    """Create (or refresh) the demo; returns (e-mail, description) of every demo account."""
    if (
        Coalition.objects.across_coalitions()
        .filter(municipality__code__in=["GM9901", "GM9902"])
        .exists()
    ):
        for local, name in ACCOUNTS:
            _user(local, name, password)
        return [(demo_email(local), name) for local, name in ACCOUNTS]
    users = {local: _user(local, name, password) for local, name in ACCOUNTS}
    coordinator, coordinator2 = users["coordinator"], users["coordinator2"]

    dijkerveen = coalition_services.create_coalition(
        acting_user=coordinator,
        name="Samen Dijkerveen",
        municipality=Municipality.objects.get(code="GM9901"),
        area_scope=AreaScope.WHOLE,
        form=Form.NETWORK,
        legal_structure=LegalStructure.AGREEMENT,
        start_date=datetime.date(2021, 3, 1),
    )
    partners = _add_partners(
        dijkerveen, DIJKERVEEN_PARTNERS, coordinator, datetime.date(2021, 3, 15)
    )
    # The municipality wears three hats here, knowingly: agreed with the partners.
    coalition_services.update_municipality_roles(
        dijkerveen,
        acting_user=coordinator,
        municipality_roles=[MunicipalityRole.COMMISSIONER_FUNDER, MunicipalityRole.DIRECTOR],
        municipality_roles_note=(
            "De gemeente subsidieert en voert de procesregie tot de kerngroep die kan overnemen; "
            "in het kernoverleg zegt de beleidsmedewerker steeds met welke pet zij spreekt."
        ),
        municipality_roles_agreed_on=datetime.date(2022, 2, 1),
    )
    _walk_phases(
        dijkerveen,
        coordinator,
        [
            (
                "2021-10-04",
                Phase.EXPLORE,
                TippingPoint.NEW_PARTNER,
                "Huisartsen en bibliotheek sloten aan; tijd om de ambitie te verkennen.",
            ),
            (
                "2022-06-20",
                Phase.ESTABLISH,
                TippingPoint.LETTER_OF_INTENT,
                "Intentieverklaring getekend tijdens de startbijeenkomst.",
            ),
            (
                "2023-05-10",
                Phase.SUSTAIN,
                TippingPoint.FIRST_BUDGET,
                "Voor het eerst een gezamenlijke begroting.",
            ),
            (
                "2024-02-12",
                Phase.ESTABLISH,
                TippingPoint.NEW_PARTNER,
                "Nieuwe welzijnsorganisatie na aanbesteding: afspraken over rollen opnieuw maken.",
            ),
            (
                "2024-11-18",
                Phase.SUSTAIN,
                TippingPoint.PROJECT_COMPLETED,
                "Het maatjesproject is afgerond en geborgd.",
            ),
        ],
    )
    _fill_checklist(dijkerveen, coordinator, done_through=3, busy_in=4)
    welfare = partners[0]
    partner_services.record_event(
        welfare,
        acting_user=coordinator,
        kind="new_director",
        date=datetime.date(2026, 9, 1),
        description="Nieuwe directeur-bestuurder per september.",
        conversation="to_plan",
    )
    partner_services.record_event(
        partners[7],
        acting_user=coordinator,
        kind="lost_subsidy",
        date=datetime.date(2026, 7, 1),
        description="Leefbaarheidsbudget voor ontmoetingsruimtes vervalt in 2027.",
        conversation="planned",
    )
    partner_services.record_event(
        partners[8],
        acting_user=coordinator,
        kind="changed_motive",
        date=datetime.date(2025, 11, 3),
        description="Vereniging wil zich richten op jeugd.",
        conversation="held",
    )

    lindewaarde = coalition_services.create_coalition(
        acting_user=coordinator2,
        name="Lindewaarde Verbindt",
        municipality=Municipality.objects.get(code="GM9902"),
        area_scope=AreaScope.PARTS,
        areas="Oudelinde\nNieuwlinde\nWaardhuizen",
        form=Form.UNDECIDED,
        legal_structure=LegalStructure.NONE,
        start_date=datetime.date(2025, 9, 1),
    )
    _add_partners(lindewaarde, LINDEWAARDE_PARTNERS, coordinator2, datetime.date(2025, 9, 1))
    _walk_phases(
        lindewaarde,
        coordinator2,
        [
            (
                "2026-03-02",
                Phase.EXPLORE,
                TippingPoint.SUBSIDY,
                "Startsubsidie van de gemeente toegekend.",
            ),
        ],
    )
    _fill_checklist(lindewaarde, coordinator2, done_through=1, busy_in=2)

    add_rounds(dijkerveen, coordinator, DIJKERVEEN_ROUNDS, seed=2026)
    add_workspace(dijkerveen, coordinator)
    neighbourhoods = add_neighbourhoods(dijkerveen, coordinator)
    load_activities(dijkerveen, partners, neighbourhoods, timezone.localdate())
    add_rounds(lindewaarde, coordinator2, LINDEWAARDE_ROUNDS, seed=2027)

    partner_member = Membership.objects.create(
        user=users["partner"], coalition=dijkerveen, role=Role.PARTNER_MEMBER, partner=welfare
    )
    add_signals(dijkerveen, partner_member, coordinator, totp_secret)
    Membership.objects.create(user=users["gemeente"], coalition=dijkerveen, role=Role.MUNICIPALITY)
    Membership.objects.create(user=users["adviseur"], coalition=dijkerveen, role=Role.ADVISOR)
    Membership.objects.create(user=users["adviseur"], coalition=lindewaarde, role=Role.ADVISOR)
    add_reporting(dijkerveen, coordinator, lindewaarde, users["adviseur"])
    users["programma"].national_role = NationalRole.PROGRAMME
    users["programma"].save(update_fields=["national_role"])
    return [(demo_email(local), name) for local, name in ACCOUNTS]


ACCOUNTS = [
    ("coordinator", "Coördinator Samen Dijkerveen"),
    ("coordinator2", "Coördinator Lindewaarde Verbindt"),
    ("partner", "Medewerker Welzijn Dijkerveen (partner)"),
    ("gemeente", "Beleidsmedewerker gemeente Dijkerveen"),
    ("adviseur", "Programma-adviseur (beide coalities)"),
    ("programma", "Landelijk programma (alleen cijfers over alle coalities)"),
]
