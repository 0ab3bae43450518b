"""The public finder: the coalition's offer for residents, without logging in.

Every page is addressed by the finder's slug and shows only the published offer of that one
coalition (public_selectors.py). The embeddable list may be framed by other sites, the
municipality's website in particular; every other page keeps the site-wide ban on framing.
"""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import TemplateView, View

from samenspel.activities import calendar
from samenspel.activities.models import Activity, Finder
from samenspel.activities.public_selectors import (
    RESULTS_PER_PAGE,
    FinderFilter,
    finder_activities,
    finder_version,
    public_activity_or_404,
    published_finder_or_404,
)
from samenspel.activities.selectors import activity_rows
from samenspel.core.http_cache import shared_answer


@method_decorator(login_not_required, name="dispatch")
class FinderMixin:
    """Resolves `self.finder` from the URL's `finder` slug (404 when it is not online)."""

    finder: Finder
    kwargs: dict[str, Any]

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)  # type: ignore[misc]
        self.finder = published_finder_or_404(kwargs["finder"])

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Defined here so that `login_not_required` marks every finder view. The same for
        # everyone, so a proxy may keep it (core/http_cache.py).
        return shared_answer(
            request,
            finder_version(self.finder),
            lambda: super(FinderMixin, self).dispatch(request, *args, **kwargs),  # type: ignore[misc]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            finder=self.finder,
            finder_url=reverse("finder:index", args=[self.finder.slug]),
        )
        return context


class FinderResultsMixin(FinderMixin):
    """The filtered, paginated offer (finder page and embeddable list)."""

    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filters = FinderFilter(
            self.request.GET or None, queryset=finder_activities(self.finder), finder=self.finder
        )
        page = Paginator(filters.qs, RESULTS_PER_PAGE).get_page(self.request.GET.get("pagina"))
        query = self.request.GET.copy()
        query.pop("pagina", None)
        context.update(
            filter=filters,
            form=filters.form,
            page=page,
            results=activity_rows(list(page.object_list)),
            query=query.urlencode(),
            # The search and page travel with a result's link, so "back" finds them again.
            search_state=kept_search(self.request),
            suggestion=filters.suggestion,
            suggestion_query=_with_search(query, filters.suggestion),
            # Result links are the finder's address + uuid: one reverse() per page, not per row.
            activity_base=context["finder_url"],
        )
        return context


def kept_search(request: HttpRequest) -> str:
    """The finder's choices and page from a URL, as a query string (unknown keys left out)."""
    kept = QueryDict(mutable=True)
    for key in (*FinderFilter.Meta.fields, "pagina"):
        if values := request.GET.getlist(key):
            kept.setlist(key, values)
    return kept.urlencode()


def _with_search(query: QueryDict, words: str) -> str:
    if not words:
        return ""
    changed = query.copy()
    changed["q"] = words
    return changed.urlencode()


class FinderView(FinderResultsMixin, TemplateView):
    template_name = "activities/public/finder.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        embed = reverse("finder:embed", args=[self.finder.slug])
        query = context["query"]
        context.update(
            embed_url=self.request.build_absolute_uri(f"{embed}?{query}" if query else embed),
            open_data_url=self.request.build_absolute_uri(
                reverse("finder_api:services", args=[self.finder.slug])
            ),
        )
        return context


@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class EmbedView(FinderResultsMixin, TemplateView):
    """A compact list without the site's header and footer, to put in an <iframe>."""

    template_name = "activities/public/embed.html"


class ActivityMixin(FinderMixin):
    request: HttpRequest

    @cached_property
    def activity(self) -> Activity:
        """Read only when the page is made: a 304 Not Modified does not need it."""
        return public_activity_or_404(self.finder, self.kwargs["activity"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        slug, uuid = self.finder.slug, self.activity.uuid
        search = kept_search(self.request)
        context.update(
            back_url=f"{context['finder_url']}?{search}#resultaten" if search else "",
            activity=self.activity,
            providers=list(self.activity.providers.all()),
            time_slots=list(self.activity.time_slots.all()),
            target_groups=list(self.activity.target_groups.all()),
            activity_url=reverse("finder:activity", args=[slug, uuid]),
            print_url=reverse("finder:print", args=[slug, uuid]),
            ics_url=reverse("finder:ics", args=[slug, uuid]),
        )
        return context


class ActivityView(ActivityMixin, TemplateView):
    template_name = "activities/public/activity.html"


class ActivityPrintView(ActivityMixin, TemplateView):
    """The activity on one clean A4 page: no navigation, links written out."""

    template_name = "activities/public/activity_print.html"


class ActivityCalendarView(ActivityMixin, View):
    """The activity as an iCalendar file, to put it in a calendar app."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        page = request.build_absolute_uri(
            reverse("finder:activity", args=[self.finder.slug, self.activity.uuid])
        )
        response = HttpResponse(
            calendar.activity_calendar(self.activity, url=page),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="activiteit-{self.activity.uuid}.ics"'
        )
        return response
