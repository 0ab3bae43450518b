"""Scan routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.scans.api import views

app_name = "scans_api"

C = "coalitions/<uuid:coalition>/"
ROUND = C + "scans/rounds/<uuid:round>/"
INSTRUMENT = "instruments/<slug:instrument>/"

urlpatterns = [
    path("instruments/", views.InstrumentList.as_view(), name="instruments"),
    path(INSTRUMENT, views.InstrumentDetail.as_view(), name="instrument"),
    path(
        INSTRUMENT + "versions/<int:version>/",
        views.InstrumentVersionDetail.as_view(),
        name="instrument_version",
    ),
    path(C + "scans/rounds/", views.RoundListCreate.as_view(), name="rounds"),
    path(ROUND, views.RoundDetail.as_view(), name="round"),
    path(ROUND + "open", views.RoundOpen.as_view(), name="round_open"),
    path(ROUND + "close", views.RoundClose.as_view(), name="round_close"),
    path(ROUND + "respondents/", views.RespondentList.as_view(), name="respondents"),
    path(ROUND + "results/", views.RoundResultsView.as_view(), name="results"),
    path(C + "scans/trends/<slug:instrument>/", views.TrendView.as_view(), name="trend"),
    path(C + "health/", views.HealthView.as_view(), name="health"),
    path("respond/<str:token>/", views.RespondView.as_view(), name="respond"),
]
