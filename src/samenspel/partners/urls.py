from django.urls import path

from samenspel.partners import views

app_name = "partners"

P = "c/<uuid:coalition>/partners/"
ONE = P + "<uuid:partner>/"

urlpatterns = [
    path(P, views.PartnerListView.as_view(), name="list"),
    path(P + "nieuw/", views.PartnerCreateView.as_view(), name="create"),
    path(P + "kaart/", views.PartnerMapView.as_view(), name="map"),
    path(ONE, views.PartnerDetailView.as_view(), name="detail"),
    path(ONE + "bewerken/", views.PartnerUpdateView.as_view(), name="edit"),
    path(ONE + "veranderingen/nieuw/", views.PartnerEventCreateView.as_view(), name="event_create"),
    path(
        ONE + "veranderingen/<uuid:event>/",
        views.PartnerEventUpdateView.as_view(),
        name="event_edit",
    ),
    path(ONE + "contactpersonen/nieuw/", views.ContactFormView.as_view(), name="contact_create"),
    path(
        ONE + "contactpersonen/<uuid:contact>/",
        views.ContactFormView.as_view(),
        name="contact_edit",
    ),
    path(
        ONE + "contactpersonen/<uuid:contact>/verwijderen/",
        views.ContactDeleteView.as_view(),
        name="contact_delete",
    ),
]
