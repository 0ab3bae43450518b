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
from django.utils import translation

import samenspel
from samenspel.accounts.models import Membership, User
from samenspel.accounts.tests.factories import MembershipFactory
from samenspel.core.forms import FieldMessagesMixin
from samenspel.partners.models import Partner
from samenspel.signals.tests.factories import verified_client_for
from samenspel.tests.test_tenancy import ROUTES, tenant, url_for

__all__ = ["tenant"]  # the fixture: one of everything that has its own URL


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
CHECKBOX = re.compile(r'<input type="checkbox"[^>]*\bid="([^"]+)"')
# Routes whose POST ends the session or removes what later pages need.
NOT_POSTED = ("delete", "logout", "revoke")


def _pages(client, values):
    """Every page of the application that the coordinator of the fixture's coalition opens,
    with its HTML and its form (None for a page without one)."""
    for name, kwargs in ROUTES:
        if (
            name.startswith(("api", "auth_api"))
            or "_api:" in name
            or not set(kwargs) <= set(values)
        ):
            continue
        url = url_for(name, kwargs, values)
        page = client.get(url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            continue
        form = (page.context or {}).get("form")
        yield name, url, page.content.decode(), form if isinstance(form, forms.BaseForm) else None


def _wrong_values(form: forms.BaseForm) -> dict[str, str]:
    """A value of the wrong shape in every field; text fields get a text over their limit."""
    values = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.BooleanField):
            continue
        limit = getattr(field, "max_length", None) or 10
        values[form.add_prefix(name)] = "x" * (limit + 1)
    return values


def _checkbox_far_from_label(html: str) -> list[str]:
    """Checkboxes whose label is not right beside them (after a single one, around one of a
    list)."""
    far = []
    for match in CHECKBOX.finditer(html):
        label = f'for="{match.group(1)}"'
        around = html[max(0, match.start() - 200) : match.end() + 300]
        if label not in around:
            far.append(match.group(1))
    return far


def _form_problems(name: str, url: str, html: str) -> list[str]:
    problems = [f"{name}: ---------"] if "---------" in html else []
    problems += [
        f"{name}: checkbox {box} far from its label" for box in _checkbox_far_from_label(html)
    ]
    return problems + [f"{name} {url}: {message}" for message in generic_in(html)]


def _optional_but_refused(name: str, response) -> list[str]:
    """Fields marked "(niet verplicht)" that an empty submit nevertheless refuses."""
    form = (response.context or {}).get("form")
    if not isinstance(form, forms.BaseForm):
        return []
    return [
        f"{name}: {field} is marked optional but refused: {errors[0]}"
        for field, errors in form.errors.items()
        if field in form.fields and not form.fields[field].required
    ]


def _walk(client, values, only: str = "") -> tuple[list[str], list[str], int]:
    """Visit the pages (those whose name starts with `only`); post each form empty and with
    values of the wrong shape. Returns the problems, the form pages and the refused posts."""
    problems, form_pages, refused = [], [], 0
    for name, url, html, form in list(_pages(client, values)):
        if not name.startswith(only):
            continue
        problems += _form_problems(name, url, html)
        if (
            form is None
            or 'class="samenspel-form"' not in html
            or any(word in name for word in NOT_POSTED)
        ):
            continue
        form_pages.append(name)
        hidden = dict(HIDDEN.findall(html))
        for data in ({}, _wrong_values(form)):
            response = client.post(url, {**hidden, **data})
            if response.status_code == 200:
                refused += 1
                problems += _form_problems(name, url, response.content.decode())
                problems += [] if data else _optional_but_refused(name, response)
    return problems, form_pages, refused


@pytest.mark.django_db(databases=["default", "audit"])  # a signal's page logs its reading
def test_every_form_page_offers_no_dashes_and_refuses_with_specific_messages(tenant):
    """Every page of the URL configuration (one of everything, as in the tenancy test): no
    `---------`, checkboxes beside their labels, a submit empty or with values of the wrong
    shape gets no Django message, and an empty submit refuses no field marked optional. The coordinator opens all pages but those of a signal, which
    only the organisation handling it opens."""
    coordinator = Membership.objects.across_coalitions().get(uuid=tenant["member"])
    partner = Partner.objects.of_coalition(coordinator.coalition).get(uuid=tenant["partner"])
    handler = MembershipFactory(
        coalition=coordinator.coalition, partner_member=True, partner=partner
    ).user
    with translation.override("nl"):
        problems, form_pages, refused = _walk(verified_client_for(coordinator.user), tenant)
        signals = _walk(verified_client_for(handler), tenant, only="signals:")
    assert len(form_pages) >= 55, form_pages
    assert refused >= 100
    assert len(signals[1]) >= 3, signals[1]
    assert not problems + signals[0], "\n".join(problems + signals[0])
