"""Advice routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.advice.api import views

app_name = "advice_api"

C = "coalitions/<uuid:coalition>/findings/"

urlpatterns = [
    path(C, views.FindingsView.as_view(), name="findings"),
    path(C + "<slug:rule>/dismiss", views.DismissView.as_view(), name="dismiss"),
    path(C + "<slug:rule>/restore", views.RestoreView.as_view(), name="restore"),
]
