"""Signal routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.signals.api import views

app_name = "signals_api"

S = "coalitions/<uuid:coalition>/signals/"
ONE = S + "<uuid:signal>/"

# Routes of one signal: name, path after the signal's uuid, view.
ONE_SIGNAL = (
    ("detail", "", views.SignalDetail),
    ("step", "steps/", views.SignalStep),
    ("handover", "handover/", views.SignalHandover),
    ("decision", "decision/", views.SignalDecision),
    ("referral", "referral/", views.SignalReferral),
    ("consents", "consents/", views.ConsentListCreate),
    ("withdraw", "consents/<uuid:consent>/withdraw/", views.ConsentWithdraw),
    ("reads", "reads/", views.SignalReads),
    ("export", "export/", views.SignalExport),
    ("erase", "erase/", views.SignalErase),
)

urlpatterns = [
    path(S, views.SignalListCreate.as_view(), name="list"),
    path(S + "figures/", views.SignalFigures.as_view(), name="figures"),
    path(S + "settings/", views.SignalSettingsDetail.as_view(), name="settings"),
    *(path(ONE + tail, view.as_view(), name=name) for name, tail, view in ONE_SIGNAL),
]
