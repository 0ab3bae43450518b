"""Reading single cells the way Dutch users write them. Each parser returns the value or raises
`CellError` with a Dutch message about the value (the row and column are added by the caller)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samenspel.activities.importing.columns import fold
from samenspel.activities.models import Weekday
from samenspel.core.spreadsheets import FORMULA_STARTS

MAX_COST = Decimal("99999.99")  # Activity.cost: 7 digits, 2 decimals

# Dutch, and English for files made with the English interface (its example and export).
DAY_NAMES = {
    Weekday.MONDAY: ("maandag", "ma", "maa", "monday", "mon"),
    Weekday.TUESDAY: ("dinsdag", "di", "din", "tuesday", "tue"),
    Weekday.WEDNESDAY: ("woensdag", "wo", "woe", "wednesday", "wed"),
    Weekday.THURSDAY: ("donderdag", "do", "don", "thursday", "thu"),
    Weekday.FRIDAY: ("vrijdag", "vr", "vri", "vrij", "friday", "fri"),
    Weekday.SATURDAY: ("zaterdag", "za", "zat", "saturday", "sat"),
    Weekday.SUNDAY: ("zondag", "zo", "zon", "sunday", "sun"),
}
DAYS = {name: int(day) for day, names in DAY_NAMES.items() for name in names} | {
    str(int(day)): int(day) for day in Weekday
}
YES = {"ja", "j", "yes", "y", "waar", "true", "1", "x"}
NO = {"nee", "n", "no", "onwaar", "false", "0"}
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
UNKNOWN = {"", "onbekend", "weetniet", "?"}
WHOLE_NUMBER = re.compile(r"-?(\d+|\d{1,3}(\.\d{3})+)")


class CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def shown(value: Any) -> str:
    """A cell as the user typed it, for in a message."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        return f"{value:%d-%m-%Y}"
    return str(value).strip()


def text(value: Any, max_length: int) -> str:
    """Plain text. A formula is refused; a leading apostrophe (how the export and Excel mark
    text that starts like a formula) is taken off."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    if result.startswith("="):
        raise CellError(
            _(
                "'%(value)s' is een formule. Zet er de tekst zelf in; moet de tekst echt met "
                "= beginnen, zet er dan een apostrof (') voor."
            )
            % {"value": result[:60]}
        )
    if result.startswith("'") and result[1:2] and result[1] in FORMULA_STARTS:
        result = result[1:]
    if len(result) > max_length:
        raise CellError(
            _("de tekst is te lang: %(length)s tekens, hoogstens %(max)s.")
            % {"length": len(result), "max": max_length}
        )
    return result


@lru_cache(maxsize=64)
def _choice_keys(choices: Any, language: str | None) -> dict[str, str]:
    keys = {fold(str(label)): str(code) for code, label in choices.choices}
    keys.update({fold(str(code)): str(code) for code in choices.values})
    return keys


def choice(value: Any, choices: Any, what: Any) -> str:
    """A choice by its Dutch label or its code, whatever the case or accents."""
    code = _choice_keys(choices, get_language()).get(fold(str(value)))
    if code is not None:
        return code
    options = ", ".join(str(label) for _code, label in choices.choices)
    raise CellError(
        _("'%(value)s' is geen bekende %(what)s. Kies uit: %(options)s.")
        % {"value": shown(value), "what": what, "options": options}
    )


def split_list(value: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[,;|\n]", str(value)) if part.strip()]


def date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw) or re.fullmatch(
        r"(\d{4})-(\d{1,2})-(\d{1,2})", raw
    )
    if not match:
        raise CellError(
            _("'%(value)s' is geen datum; schrijf die als dd-mm-jjjj, bijvoorbeeld 15-03-2026.")
            % {"value": raw}
        )
    parts = [int(part) for part in match.groups()]
    year, month, day = parts if len(match.group(1)) == 4 else parts[::-1]
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise CellError(_("'%(value)s' is geen bestaande datum.") % {"value": raw}) from error


def time(value: Any) -> datetime.time:
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    raw = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})(?:[:.u](\d{2}))?(?:\s*uur)?", raw)
    if match:
        try:
            return datetime.time(int(match.group(1)), int(match.group(2) or 0))
        except ValueError:
            pass
    raise CellError(
        _("'%(value)s' is geen tijd; schrijf die als uu:mm, bijvoorbeeld 09:30.") % {"value": raw}
    )


def amount(value: Any) -> Decimal:
    """An amount in euro: '2,50', '€ 2,50', '1.250,00', 'gratis', or a number cell."""
    if isinstance(value, bool):
        raise CellError(_("'%(value)s' is geen bedrag.") % {"value": value})
    if isinstance(value, int | float):
        result = Decimal(str(value))
    else:
        raw = str(value).strip()
        plain = re.sub(r"^(€|eur|euro)\s*|\s*(€|eur|euro)$", "", raw, flags=re.IGNORECASE)
        plain = plain.replace(" ", "").replace("\u00a0", "")
        if fold(raw) == "gratis":
            return Decimal("0.00")
        if "," in plain:
            plain = plain.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", plain):
            plain = plain.replace(".", "")  # 1.250 is twelve hundred and fifty
        if plain.endswith(".-"):
            plain = plain[:-2]
        try:
            if not re.fullmatch(r"-?\d+(\.\d+)?", plain):
                raise InvalidOperation
            result = Decimal(plain)
        except InvalidOperation as error:
            raise CellError(
                _("'%(value)s' is geen bedrag; schrijf bijvoorbeeld 2,50, of 0 voor gratis.")
                % {"value": raw}
            ) from error
    if result < 0:
        raise CellError(_("De kosten kunnen niet negatief zijn."))
    if result > MAX_COST or result != result.quantize(Decimal("0.01")):
        raise CellError(
            _("'%(value)s' kan niet: hoogstens 99.999,99 en twee cijfers achter de komma.")
            % {"value": shown(value)}
        )
    return result.quantize(Decimal("0.01"))


def whole_number(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raw = str(value).strip()
        # A point only as a thousands separator (1.500); "3.5" or "3,5" is not a whole number.
        if not WHOLE_NUMBER.fullmatch(raw):
            raise CellError(_("'%(value)s' is geen heel getal.") % {"value": shown(value)})
        number = int(raw.replace(".", ""))
    if number < 0:
        raise CellError(_("Een aantal kan niet negatief zijn."))
    if number > 2_147_483_647:
        raise CellError(_("'%(value)s' is te groot.") % {"value": shown(value)})
    return number


def yes_no(value: Any) -> bool | None:
    """True, False, or None when it is not known."""
    if isinstance(value, bool):
        return value
    key = fold(shown(value))
    if key in YES:
        return True
    if key in NO:
        return False
    if key in UNKNOWN:
        return None
    raise CellError(_("'%(value)s' is geen ja of nee.") % {"value": shown(value)})


def postal_code(value: Any) -> str:
    raw = shown(value).upper()
    match = re.fullmatch(r"([1-9]\d{3})\s*([A-Z]{2})", raw)
    if not match:
        raise CellError(
            _("'%(value)s' is geen postcode; schrijf bijvoorbeeld 1234 AB.") % {"value": raw}
        )
    return f"{match.group(1)} {match.group(2)}"


def email(value: Any) -> str:
    raw = text(value, 254)
    try:
        validate_email(raw)
    except ValidationError as error:
        raise CellError(_("'%(value)s' is geen geldig e-mailadres.") % {"value": raw}) from error
    return raw


def website(value: Any) -> str:
    raw = text(value, 200)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
        raw = "https://" + raw  # people write www.example.nl
    try:
        WEB_ADDRESS(raw)
    except ValidationError as error:
        raise CellError(
            _("'%(value)s' is geen geldig webadres.") % {"value": shown(value)}
        ) from error
    return raw


SLOT = re.compile(
    r"^(?P<day>[^\d\s]+|\d)\.?\s*(?:(?P<start>\d{1,2}[:.u]\d{2})\s*(?:-|–|tot)\s*"
    r"(?P<end>\d{1,2}[:.u]\d{2})?|(?P<only>\d{1,2}[:.u]\d{2}))?$"
)


def day_items(value: Any) -> list[tuple[int, datetime.time | None, datetime.time | None]]:
    """'maandag, woensdag' or, with their own times, 'ma 09:30-11:00, wo 14:00-16:00'."""
    items = []
    for part in split_list(value):
        match = SLOT.match(part.strip())
        day = DAYS.get(fold(match.group("day"))) if match else None
        if match is None or day is None:
            raise CellError(
                _("'%(value)s' is geen dag; schrijf bijvoorbeeld maandag, of ma 09:30-11:00.")
                % {"value": part}
            )
        start_raw = match.group("start") or match.group("only")
        start = time(start_raw) if start_raw else None
        end = time(match.group("end")) if match.group("end") else None
        items.append((day, start, end))
    return items
