"""Coalition routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.coalitions.api import views

app_name = "coalitions_api"

C = "coalitions/<uuid:coalition>/"

urlpatterns = [
    path("coalitions/", views.CoalitionListCreate.as_view(), name="list"),
    path(C, views.CoalitionDetail.as_view(), name="detail"),
    path(C + "phase-changes/", views.PhaseChangeListCreate.as_view(), name="phase_changes"),
    path(C + "checklist/", views.ChecklistList.as_view(), name="checklist"),
    path(
        C + "checklist/<slug:activity>/",
        views.ChecklistItemDetail.as_view(),
        name="checklist_item",
    ),
    path(C + "where-are-we/", views.WhereAreWeView.as_view(), name="where"),
    path(
        C + "municipality-roles/",
        views.MunicipalityRolesView.as_view(),
        name="municipality_roles",
    ),
    path(C + "dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path(C + "audit/", views.AuditList.as_view(), name="audit"),
]
