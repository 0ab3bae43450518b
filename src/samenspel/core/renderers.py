"""The project's form renderer: every field of every form through one field template."""

from django.forms.renderers import DjangoTemplates


class SamenspelFormRenderer(DjangoTemplates):
    # Label, hint, limit, error and widget as components/field.html lays them out; a template
    # that writes {{ field }} or {{ form }} gets the same as one that includes the component.
    field_template_name = "components/field.html"
    form_template_name = "components/form_fields.html"
