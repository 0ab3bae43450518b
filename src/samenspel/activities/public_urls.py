"""The public finder (no login), under /aanbod/<finder slug>/."""

from django.urls import path

from samenspel.activities import public

app_name = "finder"
urlpatterns = [
    path("<slug:finder>/", public.FinderView.as_view(), name="index"),
    path("<slug:finder>/insluiten/", public.EmbedView.as_view(), name="embed"),
    path("<slug:finder>/<uuid:activity>/", public.ActivityView.as_view(), name="activity"),
    path(
        "<slug:finder>/<uuid:activity>/afdrukken/",
        public.ActivityPrintView.as_view(),
        name="print",
    ),
    path(
        "<slug:finder>/<uuid:activity>/agenda.ics",
        public.ActivityCalendarView.as_view(),
        name="ics",
    ),
]
