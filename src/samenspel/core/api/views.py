"""Small cross-cutting pieces shared by the API views of every app."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rest_framework.request import Request

from samenspel.core.api.schema import ProblemSchemaMixin

if TYPE_CHECKING:
    from samenspel.accounts.models import User


class ApiViewMixin(ProblemSchemaMixin):
    """Documents the view's problem+json responses and names the person who acts."""

    @property
    def acting_user(self) -> User:
        # IsAuthenticated (the default permission class) has run before any handler.
        request: Request = self.request  # type: ignore[attr-defined]
        return cast("User", request.user)
