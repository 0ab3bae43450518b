"""Activity routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.activities.api import views

app_name = "activities_api"

C = "coalitions/<uuid:coalition>/"
A = C + "activities/<uuid:activity>/"

urlpatterns = [
    path(C + "activities/", views.ActivityListCreate.as_view(), name="list"),
    path(A, views.ActivityDetail.as_view(), name="detail"),
    path(A + "check/", views.ActivityCheck.as_view(), name="check"),
    path(A + "reach/", views.ReachListCreate.as_view(), name="reach"),
    path(A + "reach/<uuid:record>/", views.ReachDetail.as_view(), name="reach_detail"),
    path(C + "reach-totals/", views.ReachTotals.as_view(), name="reach_totals"),
    path(C + "finder/", views.FinderSettings.as_view(), name="finder"),
]
