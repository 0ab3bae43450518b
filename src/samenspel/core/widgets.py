"""Form widgets that every app's forms share."""

from django import forms

from samenspel.core.amounts import as_input

# The browser's own date picker; the value goes back and forth as ISO 8601 whatever the language.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AmountInput(forms.TextInput):
    """A text box for an amount in euro: a number box would let the browser read '1500,50' its
    own way (or drop it); the server reads it (`core.amounts`)."""

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: object) -> str | None:
        if isinstance(value, str):  # what was typed, shown again after a failed submit
            return value or None
        return as_input(value) or None  # type: ignore[arg-type]
