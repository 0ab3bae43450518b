from django.urls import path

from samenspel.workspace import views

app_name = "workspace"

urlpatterns = [
    path("", views.NationalOverviewView.as_view(), name="national"),
]
