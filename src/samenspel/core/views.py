from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from samenspel.core.components import examples

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def apply_service_errors(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError at the fields it names; a field the form does not have
    (or a message without a field) goes above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, ValidationError(errors))
    else:
        form.add_error(None, error)


class ServiceFormMixin:
    """A form view whose valid form is handed to a service function.

    Business rules live in the service; its Dutch ValidationError messages are shown at the
    fields they name, and its transaction guarantees nothing is half-saved.
    """

    success_message: "StrOrPromise" = ""
    perform: Callable[[Any], Any]  # each view names its service call

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            self.result = self.perform(form)
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)  # type: ignore[attr-defined]
        if self.success_message:
            messages.success(self.request, self.success_message)  # type: ignore[attr-defined]
        return redirect(self.get_success_url())  # type: ignore[attr-defined]


@method_decorator(login_not_required, name="dispatch")
class AboutView(TemplateView):
    """What Samenspel is and how it treats personal data; static, so it doubles as the
    benchmarks' trivial page: the base layout with nothing of its own."""

    template_name = "core/about.html"


@method_decorator(login_not_required, name="dispatch")
class ComponentsView(TemplateView):
    """For developers (only routed with settings.DEBUG): the components with examples."""

    template_name = "core/components.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **examples(self.request.GET)}
