from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samenspel.accounts.models import ApiToken, Invitation, Membership, Role
from samenspel.core.api.fields import CharField, ModelSerializer, TenantRelatedField
from samenspel.core.api.messages import InputSerializer

PARTNER_ERRORS = {
    "does_not_exist": _("Deze partnerorganisatie bestaat niet in deze coalitie."),
    "invalid": _("Geef de UUID van een partnerorganisatie."),
}


# --- tokens -----------------------------------------------------------------------------------


class ObtainTokenSerializer(InputSerializer):
    email = serializers.EmailField(label=_("e-mailadres"), max_length=254)
    password = CharField(
        label=_("wachtwoord"),
        write_only=True,
        trim_whitespace=False,
        style={"input_type": "password"},
    )
    name = CharField(
        label=_("naam"),
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_(
            "Waarvoor gebruikt u dit token? Zonder naam heet het ‘API-token’ met de datum."
        ),
    )

    otp = CharField(
        label=_("code"),
        max_length=16,
        required=False,
        allow_blank=True,
        help_text=_(
            "Voor accounts met inloggen in twee stappen: de code uit de authenticator-app of een "
            "herstelcode."
        ),
    )


class ApiTokenCreateSerializer(InputSerializer):
    name = CharField(label=_("naam"), max_length=100, help_text=_("Waarvoor gebruikt u dit token?"))


class ApiTokenSerializer(ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["uuid", "name", "prefix", "second_factor", "created_at", "last_used_at"]
        read_only_fields = fields


class NewApiTokenSerializer(ModelSerializer):
    token = serializers.SerializerMethodField(
        help_text=_("Het token zelf. Alleen in dit antwoord te zien: bewaar het veilig.")
    )

    class Meta:
        model = ApiToken
        fields = ["token", "uuid", "name", "prefix", "second_factor", "created_at"]
        read_only_fields = fields

    def get_token(self, obj: ApiToken) -> str:
        return str(self.context["raw"])


# --- members and invitations --------------------------------------------------------------------


# The partner organisations a membership points at, named as the foreign key names them: the
# membership layer does not import the partners app.
Partner = apps.get_model("partners", "Partner")


class MemberPartnerSerializer(ModelSerializer):
    class Meta:
        model = Partner
        fields = ["uuid", "name"]
        read_only_fields = fields


class MemberSerializer(ModelSerializer):
    name = CharField(source="user.full_name", read_only=True)
    email = serializers.EmailField(
        source="user.email",
        read_only=True,
        allow_null=True,
        help_text=_("Alleen zichtbaar voor wie de leden beheert."),
    )
    role_display = CharField(source="get_role_display", read_only=True)
    partner = MemberPartnerSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["uuid", "name", "email", "role", "role_display", "partner", "created_at"]
        read_only_fields = fields

    def to_representation(self, instance: Membership) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("show_email", False):
            data["email"] = None
        return data


class MemberRoleSerializer(InputSerializer):
    role = serializers.ChoiceField(label=_("rol"), choices=Role.choices)
    partner = TenantRelatedField(
        Partner,
        error_messages=PARTNER_ERRORS,
        label=_("partnerorganisatie"),
        required=False,
        allow_null=True,
        help_text=_("UUID van de partner; alleen (en verplicht) bij de rol partner_member."),
    )


class InvitationSerializer(ModelSerializer):
    role_display = CharField(source="get_role_display", read_only=True)
    partner = MemberPartnerSerializer(read_only=True, allow_null=True)
    invited_by = CharField(source="invited_by.full_name", read_only=True, allow_null=True)

    class Meta:
        model = Invitation
        fields = [
            "uuid",
            "email",
            "role",
            "role_display",
            "partner",
            "invited_by",
            "created_at",
            "expires_at",
        ]
        read_only_fields = fields


class InvitationCreateSerializer(MemberRoleSerializer):
    email = serializers.EmailField(label=_("e-mailadres"), max_length=254)
