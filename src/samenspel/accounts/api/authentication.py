"""Personal API tokens: `Authorization: Token <raw token>`."""

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from samenspel.accounts.models import ApiToken, User
from samenspel.accounts.two_factor import is_verified

KEYWORD = "Token"
# Writing last_used_at on every call would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class PersonalTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None  # not ours: let the next authenticator (session) try
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Ongeldige Authorization-kop. Gebruik: Authorization: Token <uw token>.")
            )
        try:
            raw = parts[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("Het token bevat ongeldige tekens.")) from error
        return self.authenticate_credentials(raw)

    def authenticate_credentials(self, raw: str) -> tuple[User, ApiToken]:
        token = ApiToken.authenticate(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Dit token is onbekend of ingetrokken."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Het account van dit token is niet actief."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


def passed_second_factor(request: Request) -> bool:
    """Whether this API request may read residents' personal data: by a token that was issued
    with a second factor, or in a session that passed one (as the pages ask)."""
    if isinstance(request.auth, ApiToken):
        return request.auth.second_factor
    return is_verified(request._request)


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    """Tells drf-spectacular how the token travels."""

    target_class = PersonalTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(
                _(
                    "Persoonlijk API-token, met het voorvoegsel ‘Token’: "
                    "Authorization: Token <uw token>."
                )
            ),
        }
