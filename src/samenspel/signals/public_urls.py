from django.urls import path

from samenspel.signals import public

app_name = "meldpunt"

urlpatterns = [
    path("<uuid:coalition>/", public.MeldpuntView.as_view(), name="form"),
    path("<uuid:coalition>/status/", public.MeldpuntStatusView.as_view(), name="status"),
]
