"""Members API of one coalition; mounted by the project at
/api/v1/coalitions/<uuid:coalition>/members/, so every view receives `coalition`."""

from django.urls import path

from samenspel.accounts.api import views

app_name = "members_api"

urlpatterns = [
    path("", views.MemberListView.as_view(), name="list"),
    path("invitations", views.InvitationListView.as_view(), name="invitations"),
    path(
        "invitations/<uuid:invitation>",
        views.InvitationDetailView.as_view(),
        name="invitation_detail",
    ),
    path("<uuid:member>", views.MemberDetailView.as_view(), name="detail"),
]
