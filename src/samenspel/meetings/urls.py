from django.urls import path

from samenspel.meetings import views

app_name = "meetings"

C = "c/<uuid:coalition>/overleg/"
M = C + "<uuid:meeting>/"

urlpatterns = [
    path(C, views.MeetingListView.as_view(), name="list"),
    path(C + "nieuw/", views.MeetingFormView.as_view(), name="create"),
    path(C + "structuur/", views.BodyListView.as_view(), name="bodies"),
    path(C + "structuur/nieuw/", views.BodyFormView.as_view(), name="body_create"),
    path(C + "structuur/<uuid:body>/", views.BodyFormView.as_view(), name="body_edit"),
    path(C + "acties/", views.OpenActionsView.as_view(), name="actions"),
    path(C + "acties/<uuid:action>/afronden/", views.ActionDoneView.as_view(), name="action_done"),
    path(
        C + "agenderen/verandering/<uuid:event>/",
        views.ScheduleEventView.as_view(),
        name="schedule_event",
    ),
    path(
        C + "agenderen/bevinding/<str:rule>/",
        views.ScheduleFindingView.as_view(),
        name="schedule_finding",
    ),
    path(M, views.MeetingDetailView.as_view(), name="detail"),
    path(M + "bewerken/", views.MeetingFormView.as_view(), name="edit"),
    path(M + "agenda/", views.AgendaItemCreateView.as_view(), name="agenda_create"),
    path(M + "aanwezigheid/", views.AttendanceView.as_view(), name="attendance"),
    path(M + "besluiten/", views.DecisionCreateView.as_view(), name="decision_create"),
    path(M + "acties/", views.ActionCreateView.as_view(), name="action_create"),
    path(M + "verwijderen/", views.MeetingDeleteView.as_view(), name="delete"),
    path(M + "<str:document>.pdf", views.MeetingPdfView.as_view(), name="document_pdf"),
    path(M + "<str:document>/mailen/", views.MeetingSendView.as_view(), name="document_send"),
    path(M + "agenda/<uuid:agenda_item>/", views.AgendaItemEditView.as_view(), name="agenda_edit"),
    path(
        M + "agenda/<uuid:agenda_item>/verwijderen/",
        views.AgendaItemDeleteView.as_view(),
        name="agenda_delete",
    ),
    path(
        M + "aanwezigheid/<uuid:attendance>/",
        views.AttendanceEditView.as_view(),
        name="attendance_edit",
    ),
    path(
        M + "aanwezigheid/<uuid:attendance>/verwijderen/",
        views.AttendanceDeleteView.as_view(),
        name="attendance_delete",
    ),
    path(M + "besluiten/<uuid:decision>/", views.DecisionEditView.as_view(), name="decision_edit"),
    path(
        M + "besluiten/<uuid:decision>/verwijderen/",
        views.DecisionDeleteView.as_view(),
        name="decision_delete",
    ),
    path(M + "acties/<uuid:action>/", views.ActionEditView.as_view(), name="action_edit"),
    path(
        M + "acties/<uuid:action>/verwijderen/",
        views.ActionDeleteView.as_view(),
        name="action_delete",
    ),
    path("agenda-abonnement/", views.FeedSettingsView.as_view(), name="feed_settings"),
    path("agenda/<str:feed>/samenspel.ics", views.feed, name="feed"),
]
