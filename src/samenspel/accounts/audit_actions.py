"""Audit actions of accounts: people: invitations, memberships, accounts and api tokens."""

from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import AuditAction


class AccountAction(AuditAction):
    INVITATION_CREATED = "invitation.created", _("Uitnodiging verstuurd")
    INVITATION_REVOKED = "invitation.revoked", _("Uitnodiging ingetrokken")
    MEMBERSHIP_CREATED = "membership.created", _("Lid toegevoegd")
    MEMBERSHIP_UPDATED = "membership.updated", _("Rol van lid gewijzigd")
    MEMBERSHIP_DELETED = "membership.deleted", _("Lid verwijderd")
    USER_CREATED = "user.created", _("Account aangemaakt")
    USER_RENAMED = "user.renamed", _("Naam gewijzigd")
    PASSWORD_CHANGED = "user.password_changed", _("Wachtwoord gewijzigd")
    API_TOKEN_CREATED = "api_token.created", _("API-token aangemaakt")
    API_TOKEN_REVOKED = "api_token.revoked", _("API-token ingetrokken")
