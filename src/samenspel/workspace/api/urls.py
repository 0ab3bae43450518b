"""Routes of API v1 across coalitions, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.workspace.api import views

app_name = "workspace_api"

urlpatterns = [
    path("portfolio/", views.PortfolioView.as_view(), name="portfolio"),
    path("portfolio/municipality/", views.MunicipalityView.as_view(), name="municipality"),
]
