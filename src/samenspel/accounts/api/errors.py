"""Service errors (Django's ValidationError) as DRF validation errors, so the problem handler in
`samenspel.core.api.problems` reports them as 400 with `invalid_params` per field."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.settings import api_settings


def as_drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    return serializers.ValidationError(detail)


@contextmanager
def service_errors() -> Iterator[None]:
    """with service_errors(): services.do_something(...)"""
    try:
        yield
    except DjangoValidationError as error:
        raise as_drf_error(error) from error
