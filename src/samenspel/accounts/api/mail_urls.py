"""The outbox API of one coalition; mounted by the project at
/api/v1/coalitions/<uuid:coalition>/mail/, so every view receives `coalition`."""

from django.urls import path

from samenspel.accounts.api.undelivered_mail import UndeliveredMailListView

app_name = "mail_api"

urlpatterns = [
    path("undelivered", UndeliveredMailListView.as_view(), name="undelivered"),
]
