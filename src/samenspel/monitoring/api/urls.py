"""Monitoring routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.monitoring.api import views

app_name = "monitoring_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path(C + "neighbourhoods/", views.NeighbourhoodListCreate.as_view(), name="neighbourhoods"),
    path(
        C + "neighbourhoods/adopt-districts/",
        views.AdoptDistricts.as_view(),
        name="adopt_districts",
    ),
    path(
        C + "neighbourhoods/<uuid:neighbourhood>/",
        views.NeighbourhoodDetail.as_view(),
        name="neighbourhood",
    ),
    path(C + "loneliness/", views.LonelinessList.as_view(), name="loneliness"),
    path(C + "gap/", views.GapView.as_view(), name="gap"),
    path(C + "loneliness-figures/imports/", views.FiguresImportList.as_view(), name="imports"),
    path(C + "loneliness-figures/fetch/", views.FiguresFetch.as_view(), name="fetch"),
]
