"""Amounts in euro as people type them, read exactly or refused.

In the Dutch interface a comma separates the cents and points group the thousands ("1.500,50");
in the English interface the other way round ("1,500.50"). A currency sign, spaces and a closing
",-" are allowed. What could be meant both ways is refused with a message that says how to write
it, never guessed:

- a lone separator followed by exactly three digits ("1,500" in Dutch: one and a half or fifteen
  hundred?);
- the decimal sign of the other language ("1500.50" in Dutch);
- separators in an order or grouping that neither language writes ("1.50.000", "1,5.0").

Every amount that `as_input` writes for a language is read back exactly; an amount written in the
other language is read as the same number or refused (property-tested in
`tests/test_amounts.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Separators:
    decimal: str
    group: str
    example: str


DUTCH = Separators(decimal=",", group=".", example="1.500,50")
ENGLISH = Separators(decimal=".", group=",", example="1,500.50")

CURRENCY = re.compile(r"^(?:€|eur(?:o)?)|(?:€|eur(?:o)?)$", re.IGNORECASE)
SPACES = re.compile(r"[\s\u00a0\u202f]+")

NOT_AN_AMOUNT = _("Vul een bedrag in cijfers in, bijvoorbeeld %(example)s.")
AMBIGUOUS = _(
    "'%(value)s' kan twee bedragen betekenen. Schrijf de centen na een %(decimal)s "
    "(bijvoorbeeld %(example)s) of laat de scheidingstekens weg."
)
WRONG_DECIMAL = _(
    "Gebruik een %(decimal)s voor de centen, bijvoorbeeld %(example)s; '%(value)s' is zo niet "
    "zeker te lezen."
)
BAD_GROUPING = _("Zet de scheidingstekens per drie cijfers, bijvoorbeeld %(example)s.")
TOO_PRECISE = _("Een bedrag heeft hoogstens twee cijfers achter de %(decimal)s.")


def separators(language: str | None = None) -> Separators:
    return ENGLISH if (language or get_language() or "nl").startswith("en") else DUTCH


def _refuse(message: StrOrPromise, seps: Separators, value: str, code: str) -> ValidationError:
    decimal_name = _("komma") if seps.decimal == "," else _("punt")
    params = {"value": value, "decimal": decimal_name, "example": seps.example}
    return ValidationError(message, code=code, params=params)


def _bare(text: str) -> str:
    """Without currency, spaces and a closing ',-' / '.-' (whole euros)."""
    bare = SPACES.sub("", text)
    bare = CURRENCY.sub("", bare)
    return re.sub(r"[.,][-\u2013\u2014]$", "", bare)


def _whole(part: str, seps: Separators, raw: str) -> str:
    """The euros before the decimal sign: plain digits, or grouped by three."""
    if re.fullmatch(r"\d+", part):
        return part
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(seps.group)}\d{{3}})+", part):
        return part.replace(seps.group, "")
    raise _refuse(BAD_GROUPING, seps, raw, "grouping")


def parse_amount(text: str, language: str | None = None) -> Decimal:
    """The amount `text` means in `language` (default: the active one), or a ValidationError."""
    seps = separators(language)
    raw = text.strip()
    bare = _bare(raw)
    sign = ""
    if bare.startswith("-"):
        sign, bare = "-", bare[1:]
    if not bare or not re.fullmatch(r"[\d.,]+", bare) or not bare[0].isdigit():
        raise _refuse(NOT_AN_AMOUNT, seps, raw, "invalid")
    whole, decimal_sign, cents = bare.rpartition(seps.decimal)
    if not decimal_sign:
        whole, cents = bare, ""
        # "1.500" in Dutch groups the thousands; "1500.50" has the English decimal point.
        last_group = bare.rsplit(seps.group, 1)
        if len(last_group) == 2 and len(last_group[1]) != 3:
            raise _refuse(WRONG_DECIMAL, seps, raw, "decimal")
    elif seps.group in cents or seps.decimal in whole:
        raise _refuse(BAD_GROUPING, seps, raw, "grouping")
    elif not cents.isdigit():
        raise _refuse(NOT_AN_AMOUNT, seps, raw, "invalid")
    elif len(cents) == 3 and re.fullmatch(r"\d{1,3}", whole):
        raise _refuse(AMBIGUOUS, seps, raw, "ambiguous")
    elif len(cents) > 2:
        raise _refuse(TOO_PRECISE, seps, raw, "precision")
    digits = _whole(whole, seps, raw)
    return Decimal(f"{sign}{digits}.{cents or '0'}")


def as_input(value: Decimal | int | str | None, language: str | None = None) -> str:
    """An amount as the form shows it for editing: '1500,50' in Dutch, '1500.50' in English
    (no grouping, so that nothing in it can be misread)."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    return f"{amount:f}".replace(".", separators(language).decimal)


def euro(value: Decimal | int | float | str | None) -> str:
    """An amount for reading, written the Dutch way in every language: € 12.500,00. Plain string
    work: it runs for every row of the overview tables, where Django's localising `floatformat`
    costs more than the rest of the row."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{sign}€\u00a0{grouped}"
