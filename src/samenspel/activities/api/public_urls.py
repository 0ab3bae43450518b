"""Open data without a token, under /api/v1/open/<finder slug>/."""

from django.urls import path

from samenspel.activities.api import public_views

app_name = "finder_api"
urlpatterns = [
    path("<slug:finder>/services/", public_views.ServiceList.as_view(), name="services"),
]
