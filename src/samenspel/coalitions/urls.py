from django.urls import path

from samenspel.coalitions import views

app_name = "coalitions"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("coalities/nieuw/", views.CoalitionCreateView.as_view(), name="create"),
    path("c/<uuid:coalition>/", views.DashboardView.as_view(), name="dashboard"),
    path("c/<uuid:coalition>/bewerken/", views.CoalitionUpdateView.as_view(), name="edit"),
    path(
        "c/<uuid:coalition>/rol-gemeente/",
        views.MunicipalityRolesView.as_view(),
        name="municipality_roles",
    ),
    path("c/<uuid:coalition>/waar-staan-we/", views.WhereAreWeView.as_view(), name="where"),
    path("c/<uuid:coalition>/fase-wisselen/", views.PhaseChangeView.as_view(), name="change_phase"),
    path(
        "c/<uuid:coalition>/checklist/<slug:activity>/",
        views.ChecklistItemView.as_view(),
        name="checklist_item",
    ),
    path("c/<uuid:coalition>/wijzigingen/", views.AuditTrailView.as_view(), name="audit"),
]
