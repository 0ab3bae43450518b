from django.urls import path  # noqa: F401

app_name = "activity_imports"
urlpatterns: list = []
