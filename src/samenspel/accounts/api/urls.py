"""Authentication API, mounted at /api/v1/auth/."""

from django.urls import path

from samenspel.accounts.api import views

app_name = "auth_api"

urlpatterns = [
    path("token", views.ObtainTokenView.as_view(), name="token"),
    path("tokens", views.TokenListView.as_view(), name="tokens"),
    path("tokens/<uuid:token>", views.TokenDetailView.as_view(), name="token_detail"),
]
