"""Form widgets that every app's forms share."""

from django import forms

# The browser's own date picker; the value goes back and forth as ISO 8601 whatever the language.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
