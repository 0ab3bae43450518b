from django.urls import path

from samenspel.guide import views

app_name = "guide"

urlpatterns = [
    path("", views.GuideIndexView.as_view(), name="index"),
    path("zoeken/", views.SearchView.as_view(), name="search"),
    path("<slug:section>/", views.SectionView.as_view(), name="section"),
    path("<slug:section>/<slug:item>/", views.ItemView.as_view(), name="item"),
]
