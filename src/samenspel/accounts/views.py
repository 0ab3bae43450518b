"""Pages for logging in, password reset, invitations, members and personal API tokens.

Thin views: the policy decides who may, `services` does the work and owns the rules.
"""

from typing import Any
from urllib.parse import urlencode

import axes.utils
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from samenspel.accounts import policy, services, two_factor
from samenspel.accounts.forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    EmailAuthenticationForm,
    EmailPasswordResetForm,
    InviteForm,
    MemberRoleForm,
    NameForm,
    NewPasswordForm,
    PasswordForm,
)
from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.models import ApiToken, Invitation, Membership, User
from samenspel.core.sorting import Sorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import apply_service_errors

BACKEND = "samenspel.accounts.backends.EmailBackend"


# --- logging in and out, password reset -------------------------------------------------------


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


@method_decorator(login_not_required, name="dispatch")
class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (CSRF-protected). A GET changes nothing and leads to the login page."""

    next_page = reverse_lazy("accounts:login")
    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        return redirect("accounts:login")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = EmailPasswordResetForm
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: NewPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        # The lock-out page promises that a new password lets you in again straight away.
        axes.utils.reset(username=form.user.email)
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# --- invitations ------------------------------------------------------------------------------


@method_decorator([login_not_required, never_cache], name="dispatch")
class AcceptInvitationView(TemplateView):
    """The link from the invitation e-mail. Four situations:

    - `register`: no account with this address yet: choose a name and password;
    - `confirm`: logged in with the invited address: one button to join;
    - `login`: an account exists but is not logged in: log in first, then come back;
    - `other_account`: logged in with another address: log out first.
    """

    template_name = "accounts/invitation_accept.html"
    invitation: Invitation

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        invitation = Invitation.find_open(kwargs["token"])
        if invitation is None:
            return invalid_invitation_response(request, kwargs["token"])
        self.invitation = invitation
        return super().dispatch(request, *args, **kwargs)

    @property
    def mode(self) -> str:
        user = self.request.user
        if user.is_authenticated:
            same = services.normalize_email(user.email) == services.normalize_email(
                self.invitation.email
            )
            return "confirm" if same else "other_account"
        if User.objects.filter(email__iexact=self.invitation.email).exists():
            return "login"
        return "register"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        mode = self.mode
        context.update(
            invitation=self.invitation, mode=mode, role=self.invitation.get_role_display()
        )
        if mode == "register":
            context.setdefault("form", AcceptInvitationForm(invitation=self.invitation))
        if mode == "login":
            context["login_url"] = (
                f"{reverse('accounts:login')}?{urlencode({'next': self.request.path})}"
            )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        mode = self.mode
        try:
            if mode == "confirm":
                membership = services.accept_invitation(self.invitation, user=request.user)  # type: ignore[arg-type]
            elif mode == "register":
                form = AcceptInvitationForm(request.POST, invitation=self.invitation)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                try:
                    membership = services.register_and_accept(
                        self.invitation,
                        full_name=form.cleaned_data["full_name"],
                        password=form.cleaned_data["password"],
                    )
                except ValidationError as error:
                    apply_service_errors(form, error)
                    return self.render_to_response(self.get_context_data(form=form))
                login(request, membership.user, backend=BACKEND)
            else:
                return self.render_to_response(self.get_context_data())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("coalitions:home")
        messages.success(
            request,
            _("Welkom bij %(coalition)s. U bent lid als %(role)s.")
            % {"coalition": membership.coalition.name, "role": membership.get_role_display()},
        )
        return redirect("coalitions:dashboard", membership.coalition.uuid)


def invalid_invitation_response(request: HttpRequest, raw_token: str) -> HttpResponse:
    """A friendly page for links that were used, revoked or expired (410) or never existed (404)."""
    invitation = Invitation.objects.with_secret(raw_token).select_related("coalition").first()
    if invitation is None:
        reason, status = "unknown", 404
    elif invitation.accepted_at is not None:
        reason, status = "accepted", 410
    elif invitation.revoked_at is not None:
        reason, status = "revoked", 410
    else:
        reason, status = "expired", 410
    return render(
        request,
        "accounts/invitation_invalid.html",
        {"reason": reason, "invitation": invitation},
        status=status,
    )


# --- members of a coalition -------------------------------------------------------------------


# The columns the members table can be sorted by (URL key: order).
MEMBER_SORTING = Sorting(
    columns={"naam": "user__full_name", "email": "user__email", "partner": "partner__name"},
    default="naam",
)


class MembersContextMixin(CoalitionMixin):
    permission = policy.Permission.MANAGE_MEMBERS
    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["members"], context["sort"] = MEMBER_SORTING.apply(
            Membership.objects.visible_to(self.membership).select_related("user", "partner"),
            self.request.GET,
        )
        context["invitations"] = (
            Invitation.objects.visible_to(self.membership)
            .open()
            .select_related("partner", "invited_by")
            .order_by("-created_at")
        )
        return context


class MemberListView(MembersContextMixin, FormView):
    template_name = "accounts/members/list.html"
    form_class = InviteForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "coalition": self.coalition}


class InviteView(MemberListView):
    """The invite form on the members page posts here; errors re-render that page."""

    http_method_names = ["post"]

    def form_valid(self, form: InviteForm) -> HttpResponse:
        try:
            invitation = services.invite_member(
                self.coalition,
                acting_user=self.request.user,  # type: ignore[arg-type]
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                partner=form.cleaned_data["partner"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "De uitnodiging is verstuurd naar %(email)s. De link is %(days)d dag geldig.",
                "De uitnodiging is verstuurd naar %(email)s. De link is %(days)d dagen geldig.",
                settings.INVITATION_VALID_DAYS,
            )
            % {
                "email": invitation.email,
                "days": settings.INVITATION_VALID_DAYS,
            },
        )
        return redirect("members:list", self.coalition.uuid)


class RevokeInvitationView(MembersContextMixin, View):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        invitation = lookup_or_404(
            Invitation.objects.visible_to(self.membership).open(), kwargs["invitation"]
        )
        try:
            services.revoke_invitation(invitation, acting_user=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email},
            )
        return redirect("members:list", self.coalition.uuid)


class MemberEditView(MembersContextMixin, FormView):
    """Change a member's role, or (button `action=remove`) take them out of the coalition."""

    template_name = "accounts/members/edit.html"
    form_class = MemberRoleForm
    member: Membership

    def get_member(self) -> Membership:
        if not hasattr(self, "member"):
            self.member = lookup_or_404(
                Membership.objects.visible_to(self.membership).select_related(
                    "user", "partner", "coalition"
                ),
                self.kwargs["member"],
            )
        return self.member

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "membership": self.get_member()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(member=self.get_member(), **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("action") == "remove":
            return self.remove()
        return super().post(request, *args, **kwargs)

    def remove(self) -> HttpResponse:
        member = self.get_member()
        try:
            services.remove_member(member, acting_user=self.request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(
                    form=self.get_form_class()(membership=member), remove_errors=error.messages
                ),
                status=400,
            )
        messages.success(
            self.request, _("%(name)s is geen lid meer van deze coalitie.") % {"name": member.user}
        )
        if member.pk == self.membership.pk:
            return redirect("coalitions:home")
        return redirect("members:list", self.coalition.uuid)

    def form_valid(self, form: MemberRoleForm) -> HttpResponse:
        try:
            member = services.change_member_role(
                self.get_member(),
                acting_user=self.request.user,  # type: ignore[arg-type]
                **form.merged_values(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is nu %(role)s.")
            % {"name": member.user, "role": member.get_role_display().lower()},
        )
        if member.pk == self.membership.pk and not policy.can(
            member, policy.Permission.MANAGE_MEMBERS
        ):
            return redirect("coalitions:dashboard", self.coalition.uuid)
        return redirect("members:list", self.coalition.uuid)


# --- the person's own account -----------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class AccountView(TemplateView):
    """'Mijn account': name, password and language on one page; each form posts here with its
    own `onderdeel`, and comes back with its errors while the other stays as it was."""

    template_name = "accounts/account.html"

    def forms(self, data: Any = None, part: str = "") -> dict[str, Any]:
        user: User = self.request.user  # type: ignore[assignment]
        return {
            "name_form": NameForm(
                data if part == "naam" else None, initial={"full_name": user.full_name}
            ),
            "password_form": PasswordForm(user, data if part == "wachtwoord" else None),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**self.forms(), **super().get_context_data(**kwargs)}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        part = request.POST.get("onderdeel", "")
        forms = self.forms(request.POST, part)
        user = User.objects.get(pk=request.user.pk)  # the model itself, not the lazy wrapper
        if part == "naam" and forms["name_form"].is_valid():
            name = forms["name_form"].cleaned_data["full_name"]
            try:
                services.change_name(user, acting_user=user, full_name=name)
            except ValidationError as error:
                apply_service_errors(forms["name_form"], error)
            else:
                messages.success(request, _("Uw naam is opgeslagen."))
                return redirect("accounts:account")
        if part == "wachtwoord" and forms["password_form"].is_valid():
            password = forms["password_form"].cleaned_data["new_password1"]
            services.change_password(user, acting_user=user, password=password)
            update_session_auth_hash(request, user)  # stay logged in on this device
            messages.success(request, _("Uw wachtwoord is gewijzigd."))
            return redirect("accounts:account")
        return self.render_to_response(self.get_context_data(**forms))


# --- personal API tokens ----------------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
class TokensView(FormView):
    """The person's own API tokens. A new token's value is shown in the response to the POST
    only, never stored, never shown again."""

    template_name = "accounts/tokens.html"
    form_class = ApiTokenForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["tokens"] = (
            ApiToken.objects.active().filter(user=self.request.user).order_by("-created_at")
        )
        return context

    def form_valid(self, form: ApiTokenForm) -> HttpResponse:
        try:
            token, raw = services.create_api_token(
                acting_user=self.request.user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
                second_factor=two_factor.is_verified(self.request),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(form=self.get_form_class()(), new_token=token, new_token_raw=raw)
        )


class RevokeTokenView(View):
    token: ApiToken

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Whose token it is comes first: someone else's token is 404 for every method.
        self.token = get_object_or_404(
            ApiToken.objects.active().filter(user=request.user),
            uuid=kwargs["token"],
        )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
        token = self.token
        services.revoke_api_token(token, acting_user=request.user)  # type: ignore[arg-type]
        messages.success(
            request,
            _("Het token ‘%(name)s’ is ingetrokken. Het werkt niet meer.") % {"name": token.name},
        )
        return redirect("accounts:tokens")
