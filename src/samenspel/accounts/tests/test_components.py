import pytest
from django import forms
from django.template import Context, Template

from samenspel.accounts.tests.factories import MembershipFactory, partner_in

pytestmark = pytest.mark.django_db


class SampleForm(forms.Form):
    name = forms.CharField(label="Naam", help_text="Voor- en achternaam.")
    note = forms.CharField(label="Notitie", required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="Akkoord")


def render(template: str, **context) -> str:
    return Template(template).render(Context(context))


def test_field_component_ties_label_help_and_error_to_the_input():
    form = SampleForm(data={"name": ""})
    html = render('{% include "components/field.html" with field=form.name %}', form=form)
    assert '<label class="utrecht-form-label" for="id_name">Naam</label>' in html
    assert 'id="id_name_helptext"' in html
    assert 'id="id_name_error"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid" in html


def test_field_component_marks_optional_fields_and_handles_other_widgets():
    form = SampleForm()
    note = render('{% include "components/field.html" with field=form.note %}', form=form)
    assert "niet verplicht" in note
    assert "utrecht-textarea" in note
    assert "aria-invalid" not in note
    radios = render('{% include "components/field.html" with field=form.kind %}', form=form)
    assert "<fieldset" in radios
    assert "<legend" in radios
    assert 'type="radio"' in radios
    checkbox = render('{% include "components/field.html" with field=form.agree %}', form=form)
    assert 'for="id_agree"' in checkbox
    assert 'type="checkbox"' in checkbox


def test_form_errors_summary_links_to_the_fields():
    form = SampleForm(data={})
    html = render('{% include "components/form_errors.html" with form=form %}', form=form)
    assert 'role="alert"' in html
    assert 'href="#id_name"' in html


def test_can_tag_uses_the_policy():
    partner_member = MembershipFactory(partner_member=True)
    other_partner = partner_in(partner_member.coalition)
    template = (
        "{% load policy_tags %}"
        '{% can m "edit_partner" own as own_ok %}{% can m "edit_partner" other as other_ok %}'
        '{% can m "manage_members" as manage %}{{ own_ok }} {{ other_ok }} {{ manage }}'
    )
    html = render(template, m=partner_member, own=partner_member.partner, other=other_partner)
    assert html == "True False False"
    assert (
        render('{% load policy_tags %}{% can m "view_coalition" as ok %}{{ ok }}', m=None)
        == "False"
    )
