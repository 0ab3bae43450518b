"""Signal routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.signals.api import views

app_name = "signals_api"

S = "coalitions/<uuid:coalition>/signals/"
ONE = S + "<uuid:signal>/"

urlpatterns = [
    path(S, views.SignalListCreate.as_view(), name="list"),
    path(S + "figures/", views.SignalFigures.as_view(), name="figures"),
    path(ONE, views.SignalDetail.as_view(), name="detail"),
    path(ONE + "steps/", views.SignalStep.as_view(), name="step"),
    path(ONE + "handover/", views.SignalHandover.as_view(), name="handover"),
    path(ONE + "decision/", views.SignalDecision.as_view(), name="decision"),
    path(ONE + "referral/", views.SignalReferral.as_view(), name="referral"),
    path(ONE + "consents/", views.ConsentListCreate.as_view(), name="consents"),
    path(
        ONE + "consents/<uuid:consent>/withdraw/",
        views.ConsentWithdraw.as_view(),
        name="withdraw",
    ),
    path(ONE + "reads/", views.SignalReads.as_view(), name="reads"),
    path(ONE + "export/", views.SignalExport.as_view(), name="export"),
    path(ONE + "erase/", views.SignalErase.as_view(), name="erase"),
]
