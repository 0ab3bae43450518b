"""Amounts typed in Dutch and English: read exactly as meant, or refused with a message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from samenspel.core.amounts import DUTCH, ENGLISH, Separators, as_input, euro, parse_amount
from samenspel.core.forms import AmountField

AMOUNTS = st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2)


def written(amount: Decimal, seps: Separators, *, grouped: bool, cents: str, currency: str) -> str:
    """`amount` as a person could write it in the language of `seps`."""
    whole, fraction = f"{amount:.2f}".split(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", seps.group)
    if cents == "always" or (fraction != "00" and cents != "dash"):
        tail = seps.decimal + (fraction.rstrip("0") or "0" if cents == "short" else fraction)
    elif cents == "dash" and fraction == "00":
        tail = seps.decimal + "-"
    else:
        tail = "" if fraction == "00" else seps.decimal + fraction
    return currency.format(whole + tail)


STYLES = st.fixed_dictionaries(
    {
        "grouped": st.booleans(),
        "cents": st.sampled_from(["always", "short", "dash", "when-needed"]),
        "currency": st.sampled_from(["{}", "€ {}", "€{}", "{} euro", "EUR {}", " {} "]),
    }
)


@pytest.mark.parametrize(("language", "seps"), [("nl", DUTCH), ("en", ENGLISH)])
@given(amount=AMOUNTS, style=STYLES)
def test_an_amount_written_in_the_interface_language_is_read_exactly(
    language: str, seps: Separators, amount: Decimal, style: dict[str, object]
) -> None:
    text = written(amount, seps, **style)  # type: ignore[arg-type]
    assert parse_amount(text, language) == amount, text


@pytest.mark.parametrize(("language", "other"), [("nl", ENGLISH), ("en", DUTCH)])
@given(amount=AMOUNTS, style=STYLES)
def test_an_amount_written_the_other_way_is_read_the_same_or_refused(
    language: str, other: Separators, amount: Decimal, style: dict[str, object]
) -> None:
    text = written(amount, other, **style)  # type: ignore[arg-type]
    read, messages = attempt(text, language)
    assert read in {None, amount}, f"{text!r} in {language} read as {read}, meant {amount}"
    assert (read is None) == bool(messages)


def attempt(text: str, language: str) -> tuple[Decimal | None, list[str]]:
    try:
        return parse_amount(text, language), []
    except ValidationError as error:
        return None, [message for message in error.messages if message.strip()]


@given(text=st.text(alphabet="0123456789.,€ -eur", max_size=14))
def test_any_text_is_read_as_itself_or_refused(text: str) -> None:
    """Whatever is typed: either a number both languages agree on the digits of, or a message."""
    for language in ("nl", "en"):
        read, _ = attempt(text, language)
        if read is None:
            continue
        digits = "".join(char for char in text if char.isdigit()).lstrip("0")
        assert f"{abs(read):.2f}".replace(".", "").lstrip("0").startswith(digits or "")


@given(amount=AMOUNTS)
def test_what_the_form_shows_is_read_back(amount: Decimal) -> None:
    for language in ("nl", "en"):
        assert parse_amount(as_input(amount, language), language) == amount


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("1.500,50", Decimal("1500.50")),
        ("1500,50", Decimal("1500.50")),
        ("€ 1.500", Decimal("1500")),
        ("€ 1.500,-", Decimal("1500")),
        ("12,5", Decimal("12.5")),
        ("1.000.000", Decimal("1000000")),
        ("0", Decimal("0")),
    ],
)
def test_dutch_examples(text: str, meant: Decimal) -> None:
    assert parse_amount(text, "nl") == meant


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,500", "ambiguous"),
        ("1500.50", "decimal"),
        ("1.50.000", "grouping"),
        ("1,234,5", "grouping"),
        ("12,345", "ambiguous"),
        ("1,505", "ambiguous"),
        ("2,555", "ambiguous"),
        ("12,3456", "precision"),
        ("twaalf", "invalid"),
        ("€", "invalid"),
        (",50", "invalid"),
    ],
)
def test_dutch_input_that_could_be_misread_is_refused(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_amount(text, "nl")
    assert refused.value.code == code


def test_english_examples() -> None:
    assert parse_amount("1,500.50", "en") == Decimal("1500.50")
    assert parse_amount("1,500", "en") == Decimal("1500")
    with pytest.raises(ValidationError):
        parse_amount("1.500", "en")
    with pytest.raises(ValidationError):
        parse_amount("1500,50", "en")


def test_the_message_says_how_to_write_it() -> None:
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        AmountField(max_digits=12, decimal_places=2).clean("1,500")
    assert refused.value.messages == [
        "'1,500' kan twee bedragen betekenen. Schrijf de centen na een komma "
        "(bijvoorbeeld 1.500,50) of laat de scheidingstekens weg."
    ]


def test_the_field_reads_the_active_language_and_keeps_the_model_limits() -> None:
    field = AmountField(max_digits=6, decimal_places=2)
    with translation.override("nl"):
        assert field.clean("1.500,50") == Decimal("1500.50")
        with pytest.raises(ValidationError):
            field.clean("1.000.000")  # more digits than the column holds
    with translation.override("en"):
        assert field.clean("1,500.50") == Decimal("1500.50")


def test_euro_is_written_the_dutch_way() -> None:
    assert euro(Decimal("12500")) == "€\u00a012.500,00"
    assert euro(None) == ""
