"""Meeting routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.meetings.api import views

app_name = "meetings_api"

C = "coalitions/<uuid:coalition>/"
M = C + "meetings/<uuid:meeting>/"

urlpatterns = [
    path(C + "bodies/", views.BodyListCreate.as_view(), name="bodies"),
    path(C + "bodies/<uuid:body>/", views.BodyDetail.as_view(), name="body"),
    path(C + "meetings/", views.MeetingListCreate.as_view(), name="meetings"),
    path(M, views.MeetingDetail.as_view(), name="meeting"),
    path(M + "agenda/", views.AgendaItemCreate.as_view(), name="agenda"),
    path(M + "attendance/", views.AttendanceCreate.as_view(), name="attendance"),
    path(M + "decisions/", views.DecisionCreate.as_view(), name="decisions"),
    path(M + "actions/", views.ActionCreate.as_view(), name="actions"),
    path(M + "agenda/<uuid:agenda_item>/", views.AgendaItemDetail.as_view(), name="agenda_item"),
    path(
        M + "attendance/<uuid:attendance>/",
        views.AttendanceDetail.as_view(),
        name="attendance_row",
    ),
    path(M + "decisions/<uuid:decision>/", views.DecisionDetail.as_view(), name="decision"),
    path(M + "actions/<uuid:action>/", views.ActionDetail.as_view(), name="action"),
    path(C + "actions/", views.OpenActionList.as_view(), name="open_actions"),
    path(C + "actions/<uuid:action>/complete/", views.ActionComplete.as_view(), name="complete"),
]
