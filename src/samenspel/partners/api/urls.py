"""Partner routes of API v1, mounted at /api/v1/ by `samenspel.api_urls`."""

from django.urls import path

from samenspel.partners.api import views

app_name = "partners_api"

C = "coalitions/<uuid:coalition>/"
P = C + "partners/<uuid:partner>/"

urlpatterns = [
    path(C + "partners/", views.PartnerListCreate.as_view(), name="list"),
    path(C + "partner-map/", views.PartnerMapView.as_view(), name="map"),
    path(P, views.PartnerDetail.as_view(), name="detail"),
    path(P + "contacts/", views.ContactListCreate.as_view(), name="contacts"),
    path(P + "contacts/<uuid:contact>/", views.ContactDetail.as_view(), name="contact"),
    path(P + "events/", views.PartnerEventListCreate.as_view(), name="events"),
    path(P + "events/<uuid:event>/", views.PartnerEventDetail.as_view(), name="event"),
]
