"""Mounted by the project under /api/v1/guide/."""

from django.urls import path

from samenspel.guide.api import views

app_name = "guide-api"

urlpatterns = [
    path("sections/", views.SectionListView.as_view(), name="section-list"),
    path("sections/<slug:section>/", views.SectionDetailView.as_view(), name="section-detail"),
    path(
        "sections/<slug:section>/items/<slug:item>/",
        views.ItemDetailView.as_view(),
        name="item-detail",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
]
