"""The filters' selects built in Python escape as the template engine would."""

from django import forms
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from samenspel.core.templatetags.form_controls import select_field, select_options

CHOICES = [
    ("", _("Alle soorten")),
    ("a&b", 'Koffie & "thee" <b>'),
    ("c", mark_safe("<em>al veilig</em>")),
    (7, "Zeven"),
]


class ChoiceForm(forms.Form):
    kind = forms.ChoiceField(label="Soort <x>", choices=CHOICES, required=False)


def test_options_are_escaped_and_the_chosen_one_selected():
    field = ChoiceForm({"kind": "a&b"})["kind"]
    expected = "".join(
        '<option value="{}"{}>{}</option>'.format(
            conditional_escape(value),
            " selected" if str(value) == "a&b" else "",
            conditional_escape(text),
        )
        for value, text in CHOICES
    )
    assert select_options(field) == expected
    assert '<option value="a&amp;b" selected>Koffie &amp; &quot;thee&quot; &lt;b&gt;' in expected
    assert "<em>al veilig</em>" in expected


def test_a_select_field_is_the_select_component():
    field = ChoiceForm({"kind": "c"})["kind"]
    component = render_to_string("components/select.html", {"field": field})
    assert select_field(field) == component
    assert 'for="id_kind">Soort &lt;x&gt;</label>' in component
