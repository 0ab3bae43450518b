"""The columns of the activity spreadsheet, shared by the import, the export and the template.

Headers are matched the way people type them: case, accents, spaces and punctuation do not
count, so "E-mail", "email" and "E-mail " are the same column, and "Dag(en)" is "dagen".
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=20_000)  # the same kinds, wijken and days come back on every row
def fold(text: str) -> str:
    """Lower case without accents, spaces or punctuation: the key two spellings share."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]", "", plain)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as written in the template and the export
    aliases: tuple[str, ...] = ()
    required: bool = False

    def folded_names(self) -> set[str]:
        return {fold(self.header), *(fold(alias) for alias in self.aliases)}


COLUMNS: tuple[Column, ...] = (
    Column("title", "titel", ("naam", "naam activiteit"), required=True),
    Column("description", "omschrijving", ("beschrijving", "korte beschrijving"), required=True),
    Column("kind", "soort", ("soort activiteit",), required=True),
    Column("groups", "doelgroepen", ("doelgroep",)),
    Column("neighbourhood", "wijk", ("wijk of kern", "kern", "buurt")),
    Column("location_name", "locatie", ("locatienaam",)),
    Column("street_address", "adres", ("straat", "straat en huisnummer")),
    Column("postal_code", "postcode"),
    Column("city", "plaats", ("woonplaats",)),
    Column("days", "dag(en)", ("dag", "dagen")),
    Column("start_time", "begintijd", ("van", "starttijd", "aanvang")),
    Column("end_time", "eindtijd", ("tot",)),
    Column("frequency", "hoe vaak", ("frequentie",)),
    Column("schedule_note", "toelichting op de tijden"),
    Column("starts_on", "startdatum"),
    Column("ends_on", "einddatum"),
    Column("cost", "kosten", ("prijs", "kosten in euro")),
    Column("cost_note", "toelichting op de kosten"),
    Column("wheelchair_accessible", "rolstoeltoegankelijk"),
    Column("accessibility", "toegankelijkheid"),
    Column("capacity", "plaatsen", ("aantal plaatsen", "capaciteit")),
    Column("how_to_join", "aanmelden", ("hoe doet u mee", "aanmelding")),
    Column("contact_phone", "telefoon", ("telefoonnummer",)),
    Column("contact_email", "e-mail", ("emailadres",)),
    Column("website", "website", ("webadres",)),
    Column("week_against_loneliness", "week tegen eenzaamheid"),
    Column("status", "status"),
    Column("providers", "aanbieder(s)", ("aanbieder", "aanbieders")),
    Column("organiser", "andere organisator", ("organisator",)),
    Column("is_published", "in de openbare zoeker", ("openbaar",)),
)
BY_KEY = {column.key: column for column in COLUMNS}
BY_FOLDED = {folded: column for column in COLUMNS for folded in column.folded_names()}
HEADERS = [column.header for column in COLUMNS]

# One example row for the template: valid as it stands, so a first try succeeds.
EXAMPLE: dict[str, Any] = {
    "title": _("Koffieochtend in de buurt"),
    "description": _(
        "Elke dinsdag drinken we samen koffie en maken we een praatje. Iedereen is welkom."
    ),
    "kind": _("Ontmoetingsplek"),
    "groups": _("Ouderen, Iedereen"),
    "location_name": _("Buurthuis De Linde"),
    "street_address": _("Lindelaan 1"),
    "postal_code": "1234 AB",
    "days": _("dinsdag"),
    "start_time": datetime.time(10, 0),
    "end_time": datetime.time(11, 30),
    "frequency": _("Elke week"),
    "cost": Decimal("1.50"),
    "cost_note": _("inclusief koffie"),
    "wheelchair_accessible": _("ja"),
    "accessibility": _("Ringleiding aanwezig"),
    "capacity": 20,
    "how_to_join": _("Gewoon binnenlopen"),
    "week_against_loneliness": _("ja"),
    "status": _("Actief"),
    "is_published": _("ja"),
}
