"""Account pages, mounted at /account/. Public pages are marked `login_not_required` in views.py."""

from django.urls import path

from samenspel.accounts import views
from samenspel.accounts.two_factor_views import TwoFactorSetupView, TwoFactorVerifyView

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-hersteld/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "uitnodiging/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"
    ),
    path("", views.AccountView.as_view(), name="account"),
    path("tweestaps/", TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("tweestaps/controleren/", TwoFactorVerifyView.as_view(), name="two_factor_verify"),
    path("tokens/", views.TokensView.as_view(), name="tokens"),
    path("tokens/<uuid:token>/intrekken/", views.RevokeTokenView.as_view(), name="revoke_token"),
]
