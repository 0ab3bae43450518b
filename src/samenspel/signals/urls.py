from django.urls import path

from samenspel.signals import views

app_name = "signals"

S = "c/<uuid:coalition>/zorgsignalen/"
ONE = S + "<uuid:signal>/"

urlpatterns = [
    path(S, views.SignalsHomeView.as_view(), name="home"),
    path(S + "nieuw/", views.RecordView.as_view(), name="record"),
    path(S + "instellingen/", views.SettingsView.as_view(), name="settings"),
    path(S + "cijfers/", views.FiguresView.as_view(), name="figures"),
    path(ONE, views.SignalDetailView.as_view(), name="detail"),
    path(ONE + "overdragen/", views.HandoverView.as_view(), name="handover"),
    path(ONE + "besluit/", views.DecideView.as_view(), name="decide"),
    path(ONE + "stap/", views.MoveView.as_view(), name="move"),
    path(ONE + "doorverwijzen/", views.ReferView.as_view(), name="refer"),
    path(ONE + "toestemming/", views.ConsentView.as_view(), name="consent"),
    path(
        ONE + "toestemming/<uuid:consent>/intrekken/",
        views.WithdrawView.as_view(),
        name="withdraw",
    ),
    path(ONE + "inzage/", views.ReadLogView.as_view(), name="reads"),
    path(ONE + "export/", views.ExportView.as_view(), name="export"),
    path(ONE + "wissen/", views.EraseView.as_view(), name="erase"),
]
