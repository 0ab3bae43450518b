"""Funding routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.funding.api import views

app_name = "funding_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path(C + "funding-sources/", views.SourceListCreate.as_view(), name="list"),
    path(C + "funding-sources/<uuid:source>/", views.SourceDetail.as_view(), name="detail"),
    path(C + "funding-overview/", views.OverviewView.as_view(), name="overview"),
]
