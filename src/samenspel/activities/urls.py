from django.urls import path

from samenspel.activities import views

app_name = "activities"

A = "c/<uuid:coalition>/activiteiten/"
ONE = A + "<uuid:activity>/"
RECORD = ONE + "bereik/<uuid:record>/"

urlpatterns = [
    path(A, views.ActivityListView.as_view(), name="list"),
    path(A + "nieuw/", views.ActivityFormView.as_view(), name="create"),
    path(ONE, views.ActivityDetailView.as_view(), name="detail"),
    path(ONE + "bewerken/", views.ActivityFormView.as_view(), name="edit"),
    path(ONE + "verwijderen/", views.ActivityDeleteView.as_view(), name="delete"),
    path(ONE + "gecontroleerd/", views.ActivityCheckView.as_view(), name="check"),
    path(ONE + "bereik/nieuw/", views.ReachFormView.as_view(), name="reach_create"),
    path(RECORD + "bewerken/", views.ReachFormView.as_view(), name="reach_edit"),
    path(RECORD + "verwijderen/", views.ReachDeleteView.as_view(), name="reach_delete"),
    path("c/<uuid:coalition>/bereik/", views.ReachOverviewView.as_view(), name="reach_overview"),
    path("c/<uuid:coalition>/zoeker/", views.FinderSettingsView.as_view(), name="finder_settings"),
]
