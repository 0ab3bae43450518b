from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.request import Request

from samenspel.accounts.models import User


def acting_user(request: HttpRequest | Request) -> User:
    """The logged-in person behind a request, typed as such for the write functions."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
