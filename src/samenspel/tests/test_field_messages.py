"""Every form says what to do: no Django message ("Dit veld is vereist.", "Voer een geldige
waarde in.", "Selecteer een geldige keuze") reaches a person, on any form of the project."""

import importlib
import inspect
import pkgutil
import re

import pytest
from django import forms
from django.core import validators
from django.db import models
from django.urls import reverse
from django.utils import translation

import samenspel
from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import client_for
from samenspel.core.forms import FieldMessagesMixin
from samenspel.demo.data import demo_email
from samenspel.tests import test_demo_pages

COALITION_ROUTES = test_demo_pages.COALITION_ROUTES
demo = test_demo_pages.demo


def _django_messages() -> set[str]:
    """Django's own form, validator and model messages in Dutch, up to their first value."""
    found = []
    for module in (forms.fields, forms.models, models.fields):
        for _name, kind in inspect.getmembers(module, inspect.isclass):
            found += getattr(kind, "default_error_messages", {}).values()
    for _name, kind in inspect.getmembers(validators, inspect.isclass):
        found.append(getattr(kind, "message", ""))
    with translation.override("nl"):
        texts = {str(message).split("%(")[0].strip() for message in found}
    return {text for text in texts if len(text) >= 10}


DJANGO_MESSAGES = _django_messages()


def generic_in(text: str) -> list[str]:
    return sorted(message for message in DJANGO_MESSAGES if message in text)


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(samenspel.__path__, "samenspel."):
        parts = module.name.split(".")
        if (
            "tests" in parts
            or "migrations" in parts
            or parts[1] in {"bench", "conf", "demo", "manage", "wsgi"}
        ):
            continue
        importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for kind in todo.pop().__subclasses__():
            todo.append(kind)
            if kind.__module__.startswith("samenspel.") and ".tests" not in kind.__module__:
                found.append(kind)
    return found


def test_every_form_class_of_the_project_has_the_messages():
    project_forms = _project_forms()
    assert len(project_forms) > 50
    without = [
        f"{kind.__module__}.{kind.__qualname__}"
        for kind in project_forms
        if not issubclass(kind, FieldMessagesMixin)
    ]
    assert not without, without


class Example(FieldMessagesMixin, forms.Form):
    name = forms.CharField(label="Naam", max_length=5)
    phase = forms.ChoiceField(label="Fase", choices=[("1", "Een")])
    day = forms.DateField(label="Dag")
    starts_at = forms.DateTimeField(label="Begint om")
    at = forms.TimeField(label="Tijd")
    count = forms.IntegerField(label="Aantal", min_value=1, max_value=9)
    share = forms.DecimalField(label="Deel", max_digits=3, decimal_places=1)
    email = forms.EmailField(label="E-mailadres")
    site = forms.URLField(label="Website (100%)", assume_scheme="https")
    groups = forms.MultipleChoiceField(label="Doelgroepen", choices=[("a", "A")])
    agree = forms.BooleanField(label="Ik ga akkoord")
    own = forms.CharField(label="Eigen", error_messages={"required": "Vul uw eigen tekst in."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # a field made here gets its messages too
        self.fields["partner"] = forms.ModelChoiceField(
            label="Partner", queryset=User.objects.none()
        )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_empty_form_names_each_field_and_what_to_do(language):
    with translation.override(language):
        errors = Example({}).errors
    assert not generic_in(str(errors))
    if language == "nl":
        assert errors["name"] == ["Vul ‘Naam’ in."]
        assert errors["phase"] == ["Maak een keuze bij ‘Fase’."]
        assert errors["partner"] == ["Maak een keuze bij ‘Partner’."]
        assert errors["groups"] == ["Kies bij ‘Doelgroepen’ minstens één mogelijkheid."]
        assert errors["agree"] == ["Vink ‘Ik ga akkoord’ aan."]
    assert errors["own"] == ["Vul uw eigen tekst in."]  # the form's own message stays


@pytest.mark.django_db
def test_a_value_of_the_wrong_shape_gets_an_example_of_the_right_one():
    data = {
        "name": "te lang!",
        "phase": "9",
        "day": "31 februari",
        "starts_at": "morgen",
        "at": "half acht",
        "count": "twaalf",
        "share": "1,2,3",
        "email": "naam-at-voorbeeld",
        "site": "www voorbeeld",
        "groups": ["z"],
        "partner": "999",
    }
    with translation.override("nl"):
        errors = Example(data).errors
    assert errors["name"] == ["‘Naam’ mag hoogstens 5 tekens hebben; nu zijn het er 8."]
    assert errors["phase"] == ["Kies bij ‘Fase’ een van de mogelijkheden uit de lijst."]
    assert errors["day"] == ["Vul bij ‘Dag’ een datum in, bijvoorbeeld 31-12-2026."]
    assert "bijvoorbeeld 31-12-2026 19:30" in errors["starts_at"][0]
    assert "bijvoorbeeld 19:30" in errors["at"][0]
    assert errors["count"] == ["Vul bij ‘Aantal’ een heel getal in, bijvoorbeeld 12."]
    assert "bijvoorbeeld 2,5" in errors["share"][0]
    assert "naam@voorbeeld.nl" in errors["email"][0]
    assert errors["site"] == [
        "Vul bij ‘Website (100%)’ een webadres in, bijvoorbeeld https://www.voorbeeld.nl."
    ]
    assert errors["groups"] == ["Kies bij ‘Doelgroepen’ alleen mogelijkheden uit de lijst."]
    assert errors["partner"] == ["Kies bij ‘Partner’ een van de mogelijkheden uit de lijst."]
    with translation.override("nl"):
        limits = Example({"count": "0", "share": "12,5"}).errors
        assert Example({"count": "10"}).errors["count"] == ["Vul bij ‘Aantal’ 9 of minder in."]
    assert limits["count"] == ["Vul bij ‘Aantal’ 1 of meer in."]
    assert not generic_in(str(errors) + str(limits))


# What a browser posts besides what a person types (a formset's counts, a version).
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def _form_pages(client, coalition):
    for name in COALITION_ROUTES:
        url = reverse(name, kwargs={"coalition": coalition.uuid})
        page = client.get(url)
        html = page.content.decode() if "text/html" in page.get("Content-Type", "") else ""
        form = (page.context or {}).get("form") if page.status_code == 200 else None
        if 'class="samenspel-form"' in html and isinstance(form, forms.BaseForm):
            yield url, form, dict(HIDDEN.findall(html))


def _wrong_values(form: forms.BaseForm) -> dict[str, str]:
    """A value of the wrong shape in every field; text fields get a text over their limit."""
    values = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.BooleanField):
            continue
        limit = getattr(field, "max_length", None) or 10
        values[form.add_prefix(name)] = "x" * (limit + 1)
    return values


@pytest.mark.django_db
def test_no_form_page_of_the_demo_shows_a_django_message(demo):
    client = client_for(User.objects.get(email=demo_email("coordinator")))
    found, refused = [], 0
    with translation.override("nl"):
        for url, form, hidden in list(_form_pages(client, demo)):
            for data in ({}, _wrong_values(form)):
                response = client.post(url, {**hidden, **data})
                if response.status_code != 200:
                    continue
                refused += 1
                found += [f"{url}: {message}" for message in generic_in(response.content.decode())]
    assert refused >= 10
    assert not found, "\n".join(found)
