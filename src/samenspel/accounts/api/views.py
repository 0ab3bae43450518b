"""Personal API tokens and a coalition's members and invitations.

Same permissions as the pages: the policy decides, `samenspel.accounts.services` does the work.
"""

from typing import Any, cast

from django.contrib.auth import authenticate
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import user_has_device
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from samenspel.accounts import policy, services, two_factor
from samenspel.accounts.api.authentication import passed_second_factor
from samenspel.accounts.api.base import CoalitionEndpoint, CoalitionObjectEndpoint
from samenspel.accounts.api.serializers import (
    ApiTokenCreateSerializer,
    ApiTokenSerializer,
    InvitationCreateSerializer,
    InvitationSerializer,
    MemberRoleSerializer,
    MemberSerializer,
    NewApiTokenSerializer,
    ObtainTokenSerializer,
)
from samenspel.accounts.models import ApiToken, Invitation, InvitationQuerySet, Membership
from samenspel.core.api.views import ApiEndpoint, ObjectEndpoint
from samenspel.core.throttling import SlotRateThrottle

Permission = policy.Permission

ERRORS = {
    400: OpenApiResponse(description=gettext_lazy("Ongeldige invoer (application/problem+json).")),
    401: OpenApiResponse(description=gettext_lazy("Niet ingelogd of ongeldig token.")),
    403: OpenApiResponse(description=gettext_lazy("Geen recht op deze actie in deze coalitie.")),
    404: OpenApiResponse(description=gettext_lazy("Bestaat niet, of u heeft er geen toegang toe.")),
}


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: ERRORS[code] for code in codes}


# --- personal API tokens ----------------------------------------------------------------------


class ObtainTokenThrottle(SlotRateThrottle):
    """At most 10 attempts a minute per client address, on top of django-axes' lock-out."""

    scope = "auth_token"
    rate = "10/min"


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = gettext_lazy(
        "Dit account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. "
        "Probeer het over een uur opnieuw, "
        "of stel een nieuw wachtwoord in via ‘Wachtwoord vergeten’."
    )
    default_code = "locked_out"


def _new_token_response(token: ApiToken, raw: str) -> Response:
    return Response(
        NewApiTokenSerializer(token, context={"raw": raw}).data, status=status.HTTP_201_CREATED
    )


class ObtainTokenView(ApiEndpoint):
    """Exchange e-mail address and password for a personal API token."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ObtainTokenThrottle]
    serializer_class = ObtainTokenSerializer

    @extend_schema(
        operation_id="auth_token_create",
        summary=gettext_lazy("Persoonlijk API-token aanvragen"),
        description=gettext_lazy(
            "Met e-mailadres en wachtwoord, en `otp` voor een account met inloggen in twee "
            "stappen. Het token staat alleen in dit antwoord; "
            "gebruik het als `Authorization: Token <token>`. "
            "Na te veel mislukte pogingen is het account een uur geblokkeerd."
        ),
        request=ObtainTokenSerializer,
        responses={
            201: NewApiTokenSerializer,
            **errors(400),
            429: OpenApiResponse(
                description=gettext_lazy("Te veel pogingen; probeer het later opnieuw.")
            ),
        },
        auth=[],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # Through Django's authenticate() with the HttpRequest, so django-axes counts failures.
        user = authenticate(
            request=request._request,
            username=services.normalize_email(data["email"]),
            password=data["password"],
        )
        if getattr(request._request, "axes_locked_out", False):
            raise LockedOut
        if user is None:
            raise serializers.ValidationError(
                {
                    api_settings.NON_FIELD_ERRORS_KEY: [
                        _("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
                    ]
                }
            )
        second_factor = _check_second_factor(user, data.get("otp") or "")
        name = data.get("name") or _("API-token %(date)s") % {
            "date": timezone.localdate().isoformat()
        }
        token, raw = services.create_api_token(
            acting_user=user, name=name, second_factor=second_factor
        )
        return _new_token_response(token, raw)


def _check_second_factor(user: Any, code: str) -> bool:
    """An account with two-factor login gets a token only with a valid code; True when the
    token was asked with one (an account without two-factor login gets a token that cannot
    read residents' personal data)."""
    if not user_has_device(user):
        return False
    if not code.strip():
        raise serializers.ValidationError({"otp": [_("Vul de code uit uw authenticator-app in.")]})
    if two_factor.device_for_code(user, code) is None:
        raise serializers.ValidationError(
            {"otp": [_("Deze code klopt niet of is verlopen. Probeer de volgende code.")]}
        )
    return True


class TokenEndpoint(ApiEndpoint):
    """The requester's own active tokens: someone else's token does not exist."""

    model = ApiToken
    serializer_class = ApiTokenSerializer

    def rows(self) -> QuerySet[ApiToken]:
        return ApiToken.objects.active().filter(user=self.acting_user)


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Mijn actieve API-tokens"),
        responses={200: ApiTokenSerializer, **errors(401)},
    ),
    post=extend_schema(
        summary=gettext_lazy("Nieuw API-token maken (ingelogd)"),
        request=ApiTokenCreateSerializer,
        responses={201: NewApiTokenSerializer, **errors(400, 401)},
    ),
)
class TokenListView(TokenEndpoint, generics.ListCreateAPIView):
    def rows(self) -> QuerySet[ApiToken]:
        return super().rows().order_by("-created_at", "-id")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ApiTokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, raw = services.create_api_token(
            acting_user=request.user,  # type: ignore[arg-type]
            name=serializer.validated_data["name"],
            second_factor=passed_second_factor(request),
        )
        return _new_token_response(token, raw)


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Eén van mijn API-tokens"),
        responses={200: ApiTokenSerializer, **errors(401, 404)},
    ),
    delete=extend_schema(
        summary=gettext_lazy("API-token intrekken"),
        responses={
            204: OpenApiResponse(description=gettext_lazy("Ingetrokken.")),
            **errors(401, 404),
        },
    ),
)
class TokenDetailView(TokenEndpoint, ObjectEndpoint, generics.RetrieveDestroyAPIView):
    lookup_url_kwarg = "token"

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.method not in {"GET", "HEAD"}:  # GET finds it (or answers 404) itself
            self.find_object()  # someone else's token is 404 for every method, before 405

    def perform_destroy(self, instance: ApiToken) -> None:
        services.revoke_api_token(instance, acting_user=self.request.user)  # type: ignore[arg-type]


# --- members of a coalition -------------------------------------------------------------------


class MembersBase(CoalitionEndpoint):
    model = Membership
    serializer_class = MemberSerializer
    permission = Permission.VIEW_COALITION

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if hasattr(self, "membership"):
            context["show_email"] = self.can(Permission.MANAGE_MEMBERS)
        return context

    def scope(self, queryset: QuerySet[Membership]) -> QuerySet[Membership]:
        members = queryset.select_related("user", "partner")
        return members.order_by("user__full_name", "user__email")


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Leden van de coalitie"),
        description=gettext_lazy("E-mailadressen zijn alleen zichtbaar voor wie de leden beheert."),
        responses={200: MemberSerializer, **errors(401, 403, 404)},
    )
)
class MemberListView(MembersBase, generics.ListAPIView):
    pass


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Eén lid"), responses={200: MemberSerializer, **errors(401, 403, 404)}
    ),
    patch=extend_schema(
        summary=gettext_lazy("Rol van een lid wijzigen"),
        request=MemberRoleSerializer,
        responses={200: MemberSerializer, **errors(400, 401, 403, 404)},
    ),
    delete=extend_schema(
        summary=gettext_lazy("Lid uit de coalitie halen"),
        description=gettext_lazy("De laatste coördinator kan niet weg."),
        responses={
            204: OpenApiResponse(description=gettext_lazy("Verwijderd.")),
            **errors(400, 401, 403, 404),
        },
    ),
)
class MemberDetailView(MembersBase, CoalitionObjectEndpoint, generics.RetrieveDestroyAPIView):
    permission_by_method = {"PATCH": Permission.MANAGE_MEMBERS, "DELETE": Permission.MANAGE_MEMBERS}
    lookup_url_kwarg = "member"

    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        member = self.get_object()
        serializer = MemberRoleSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        member = services.change_member_role(
            member,
            acting_user=request.user,  # type: ignore[arg-type]
            role=serializer.validated_data["role"],
            partner=serializer.validated_data.get("partner"),
        )
        return Response(self.get_serializer(member).data)

    def perform_destroy(self, instance: Membership) -> None:
        services.remove_member(instance, acting_user=self.request.user)  # type: ignore[arg-type]


class InvitationsBase(CoalitionEndpoint):
    model = Invitation
    serializer_class = InvitationSerializer
    permission = Permission.MANAGE_MEMBERS

    def scope(self, queryset: QuerySet[Invitation]) -> QuerySet[Invitation]:
        invitations = cast(InvitationQuerySet, queryset).open()
        return invitations.select_related("partner", "invited_by").order_by("-created_at", "-id")


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Openstaande uitnodigingen"),
        responses={200: InvitationSerializer, **errors(401, 403, 404)},
    ),
    post=extend_schema(
        summary=gettext_lazy("Iemand uitnodigen"),
        description=gettext_lazy(
            "Stuurt een e-mail met een persoonlijke link. "
            "Een eerdere open uitnodiging aan hetzelfde adres vervalt."
        ),
        request=InvitationCreateSerializer,
        responses={201: InvitationSerializer, **errors(400, 401, 403, 404)},
    ),
)
class InvitationListView(InvitationsBase, generics.ListCreateAPIView):
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = InvitationCreateSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        invitation = services.invite_member(
            self.coalition,
            acting_user=request.user,  # type: ignore[arg-type]
            email=data["email"],
            role=data["role"],
            partner=data.get("partner"),
        )
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary=gettext_lazy("Eén openstaande uitnodiging"),
        responses={200: InvitationSerializer, **errors(401, 403, 404)},
    ),
    delete=extend_schema(
        summary=gettext_lazy("Uitnodiging intrekken"),
        responses={
            204: OpenApiResponse(description=gettext_lazy("Ingetrokken.")),
            **errors(400, 401, 403, 404),
        },
    ),
)
class InvitationDetailView(
    InvitationsBase, CoalitionObjectEndpoint, generics.RetrieveDestroyAPIView
):
    lookup_url_kwarg = "invitation"

    def perform_destroy(self, instance: Invitation) -> None:
        services.revoke_invitation(instance, acting_user=self.request.user)  # type: ignore[arg-type]
