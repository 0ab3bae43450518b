from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import Invitation, Membership, Role, User
from samenspel.core.forms import FieldMessagesMixin, StaleFormMixin
from samenspel.mail.models import MailKind
from samenspel.mail.outbox import queue_mail

if TYPE_CHECKING:
    from samenspel.coalitions.models import Coalition
    from samenspel.partners.models import Partner

ROLE_HELP = _(
    "Coördinator: beheert de coalitie en haar leden. Lid namens partner: werkt mee namens één "
    "partnerorganisatie. Gemeente, adviseur en alleen lezen: kijken mee."
)
PARTNER_HELP = _(
    "Alleen bij de rol ‘Lid namens partner’: namens welke organisatie doet deze persoon mee?"
)


class EmailAuthenticationForm(FieldMessagesMixin, AuthenticationForm):
    """Log in with an e-mail address. The field keeps the name `username`: django-axes counts
    failed attempts per `username` (lower-cased here, so case does not open extra attempts)."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. "
            "Controleer ze en probeer het opnieuw. "
            "Let op: het wachtwoord is hoofdlettergevoelig."
        ),
        "inactive": _(
            "Dit account is niet actief. Neem contact op met de coördinator van uw coalitie."
        ),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class EmailPasswordResetForm(FieldMessagesMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Het e-mailadres waarmee u inlogt."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Through the outbox, with the link on the site's public address rather than on
        whatever host name the request came in on."""
        scheme, _separator, host = settings.SITE_URL.partition("://")
        context = {**context, "protocol": scheme, "domain": host}
        queue_mail(
            to=to_email,
            subject=render_to_string(subject_template_name, context),
            body=render_to_string(email_template_name, context),
            kind=MailKind.PASSWORD_RESET,
        )


class NewPasswordForm(FieldMessagesMixin, SetPasswordForm):
    """Django's set-password form with Dutch labels; Django supplies the validators' help text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password2"].label = _("Herhaal het nieuwe wachtwoord")


class PasswordForm(FieldMessagesMixin, PasswordChangeForm):
    """Django's change-password form (its own messages for a wrong or repeated password)."""


class AcceptInvitationForm(FieldMessagesMixin, forms.Form):
    """For someone without an account: their name and a password of their own."""

    full_name = forms.CharField(
        label=_("Uw naam"),
        max_length=150,
        help_text=_("Voor- en achternaam, zodat de andere leden weten wie u bent."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        help_text=_("Minstens 10 tekens, niet alleen cijfers en niet te makkelijk te raden."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, invitation: Invitation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, confirm = data.get("password"), data.get("password_confirm")
        if password and confirm and password != confirm:
            self.add_error("password_confirm", _("De twee wachtwoorden zijn niet gelijk."))
        elif password:
            candidate = User(email=self.invitation.email, full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class PartnerChoiceField(forms.ModelChoiceField):
    """Partners by UUID, so no database key reaches the page."""

    def label_from_instance(self, obj: Partner) -> str:
        return obj.name


class RoleForm(FieldMessagesMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices, help_text=ROLE_HELP)
    partner = PartnerChoiceField(
        label=_("Partnerorganisatie"),
        queryset=None,  # the coalition's partners, set per form
        to_field_name="uuid",
        required=False,
        empty_label=_("Geen"),
        help_text=PARTNER_HELP,
    )

    def __init__(self, *args: Any, coalition: Coalition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coalition = coalition
        # The coalition's own partners, reached from the coalition (this layer imports no domain app).
        self.fields["partner"].queryset = coalition.partners.current()  # type: ignore[attr-defined]


class InviteForm(RoleForm):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_(
            "Naar dit adres sturen we de uitnodiging. Met dit adres logt de persoon later in."
        ),
    )
    field_order = ["email", "role", "partner"]


class MemberRoleForm(StaleFormMixin, RoleForm, forms.ModelForm):
    """A member's role; notices when another coordinator changed it after the form opened."""

    class Meta:
        model = Membership
        fields = ["role", "partner"]

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, instance=membership, coalition=membership.coalition, **kwargs)

    def _post_clean(self) -> None:
        """The membership's rules run in the service, which reports them at their fields."""


class ApiTokenForm(FieldMessagesMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam van het token"),
        max_length=100,
        help_text=_("Waarvoor gebruikt u dit token? Bijvoorbeeld ‘Koppeling met ons CRM’."),
    )


class NameForm(FieldMessagesMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Naam"),
        max_length=150,
        help_text=_("Voor- en achternaam, zoals andere leden u zien."),
        error_messages={"required": _("Vul uw voor- en achternaam in.")},
    )
