"""The coalition's own pages for its activities, their reach and the public finder's settings.

Everyone in the coalition sees the activities; the coordinator changes any of them, a partner
member only those their organisation provides (`selectors.may_edit`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission
from samenspel.accounts.requests import acting_user
from samenspel.activities import plain_language, selectors, services
from samenspel.activities.forms import (
    ActivityForm,
    ActivityPageFilter,
    FinderForm,
    ReachPeriodForm,
    ReachRecordForm,
    TimeSlotFormSet,
    slot_initial,
)
from samenspel.activities.models import Activity, ReachRecord
from samenspel.activities.reach import (
    REFERRALS_SHOWN_FROM,
    Period,
    bar_chart,
    coalition_reach,
    record_rows,
    referrals_to,
)
from samenspel.core.paging import CountedPaginator
from samenspel.core.sorting import Sorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin

PER_PAGE = 25


class ActivityMixin(CoalitionMixin):
    """Finds the activity of the URL inside the coalition; `editing` views also check that the
    person may change it (403 otherwise)."""

    kwargs: dict[str, Any]
    activity: Activity

    def load_activity(self, *, editing: bool) -> Activity:
        visible = Activity.objects.visible_to(self.membership)
        activity = lookup_or_404(selectors.with_details(visible), self.kwargs["activity"])
        activity.coalition = self.coalition
        if editing and not selectors.may_edit(self.membership, activity):
            raise PermissionDenied
        self.activity = activity
        return activity

    def load_record(self, activity: Activity) -> ReachRecord:
        records = ReachRecord.objects.visible_to(self.membership)
        record = lookup_or_404(selectors.records_of(records, activity), self.kwargs["record"])
        record.activity = activity
        return record

    def detail_url(self) -> str:
        return reverse("activities:detail", args=[self.coalition.uuid, self.activity.uuid])


# --- list and detail ------------------------------------------------------------------------


# The columns the activity list can be sorted by (URL key: order).
SORTING = Sorting(
    columns={
        "titel": "title",
        "wijk": "neighbourhood_name",
        "status": "status",
        "gecontroleerd": "checked_on",
    },
    default="titel",
)


class ActivityListView(CoalitionMixin, TemplateView):
    template_name = "activities/activity_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        visible = Activity.objects.visible_to(self.membership)
        filters = ActivityPageFilter(
            self.request.GET, queryset=selectors.for_list_page(visible), coalition=self.coalition
        )
        activities, sort = SORTING.apply(filters.qs, self.request.GET)
        # The page's count and the warning's count of unchecked activities in one query.
        narrowed = filters.form.has_changed()  # a filter was filled in (valid or not)
        shown, stale_count = selectors.list_counts(visible, filters.qs if narrowed else None, today)
        page = CountedPaginator(activities, PER_PAGE, count=shown).get_page(
            self.request.GET.get("pagina")
        )
        context.update(
            filter=filters,
            page=page,
            sort=sort,
            rows=[
                {
                    "row": row,
                    "activity": row.activity,
                    "stale": selectors.is_stale(row.activity, today),
                    "editable": selectors.may_edit(self.membership, row.activity, row.providers),
                }
                for row in selectors.activity_rows(
                    list(page),
                    groups=False,  # the list does not show them
                    provider_names=filters.partner_names,
                )
            ],
            query=sort.page_query(),
            list_url=self.request.path,
            stale_count=stale_count,
            stale_months=selectors.STALE_AFTER_MONTHS,
            can_create=selectors.may_create(self.membership),
            own_partner=selectors.acting_partner(self.membership),
        )
        return context


class ActivityDetailView(ActivityMixin, TemplateView):
    template_name = "activities/activity_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        activity = self.load_activity(editing=False)
        records = list(
            selectors.records_of(ReachRecord.objects.visible_to(self.membership), activity)
        )
        can_edit = selectors.may_edit(self.membership, activity)
        context.update(
            activity=activity,
            records=records,
            chart=bar_chart(
                record_rows(records),
                chart_id="bereik",
                title=_("Bereik van %(title)s per periode") % {"title": activity.title},
            ),
            referrals=referrals_to(activity),
            referrals_shown_from=REFERRALS_SHOWN_FROM,
            stale=selectors.is_stale(activity, timezone.localdate()),
            stale_months=selectors.STALE_AFTER_MONTHS,
            can_edit=can_edit,
            hints=plain_language.hints(activity.description) if can_edit else [],
        )
        return context


# --- create, edit, delete, check ------------------------------------------------------------


class ActivityFormView(ActivityMixin, ServiceFormMixin, FormView):
    """Adds an activity, or edits the one the URL names; its time slots are rows of a formset
    with a few empty rows to add more (no JavaScript needed)."""

    template_name = "activities/activity_form.html"
    form_class = ActivityForm
    success_message = _lazy("De activiteit is opgeslagen.")
    slot_prefix = "tijden"
    current: Activity | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "activity" in self.kwargs:
            self.current = self.load_activity(editing=True)
        elif not selectors.may_create(self.membership):
            raise PermissionDenied
        return {
            **super().get_form_kwargs(),
            "instance": self.current,
            "coalition": self.coalition,
            "own_partner": selectors.acting_partner(self.membership),
        }

    def get_formset(self) -> Any:
        data = self.request.POST if self.request.method == "POST" else None
        return TimeSlotFormSet(data, prefix=self.slot_prefix, initial=slot_initial(self.current))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form()
        self.formset = self.get_formset()
        if form.is_valid() and self.formset.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # loads the activity (get_form_kwargs)
        context.update(
            activity=self.current, formset=getattr(self, "formset", None) or self.get_formset()
        )
        return context

    def perform(self, form: ActivityForm) -> Activity:
        parts = {
            "acting_user": acting_user(self.request),
            **form.related_changes(),
            "time_slots": self.formset.slots(),
            "own_partner": selectors.acting_partner(self.membership),
            **form.service_fields(),
        }
        if self.current is None:
            return services.create_activity(self.coalition, **parts)
        return services.update_activity(self.current, **parts)

    def get_success_url(self) -> str:
        for hint in plain_language.hints(self.result.description):
            messages.info(self.request, _("Tip voor eenvoudige taal: %(hint)s") % {"hint": hint})
        return reverse("activities:detail", args=[self.coalition.uuid, self.result.uuid])


class ActivityDeleteView(ActivityMixin, TemplateView):
    template_name = "activities/activity_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["activity"] = self.load_activity(editing=True)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        activity = self.load_activity(editing=True)
        services.delete_activity(activity, acting_user=acting_user(request))
        messages.success(request, _("De activiteit is verwijderd."))
        return redirect("activities:list", self.coalition.uuid)


class ActivityCheckView(ActivityMixin, TemplateView):
    """'Gecontroleerd': POST confirms that the details are still right; GET asks first (the
    button on the list and detail pages posts directly)."""

    template_name = "activities/activity_check.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["activity"] = self.load_activity(editing=True)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        activity = self.load_activity(editing=True)
        services.mark_checked(activity, acting_user=acting_user(request))
        messages.success(
            request, _("%(title)s is als gecontroleerd gemarkeerd.") % {"title": activity.title}
        )
        if request.POST.get("terug") == "lijst":
            return redirect("activities:list", self.coalition.uuid)
        return redirect(self.detail_url())


# --- reach ----------------------------------------------------------------------------------


class ReachFormView(ActivityMixin, ServiceFormMixin, FormView):
    template_name = "activities/reach_form.html"
    form_class = ReachRecordForm
    success_message = _lazy("Het bereik is opgeslagen.")
    record: ReachRecord | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        activity = self.load_activity(editing=True)
        if "record" in self.kwargs:
            self.record = self.load_record(activity)
        return {**super().get_form_kwargs(), "instance": self.record}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "activity": self.activity,
            "record": self.record,
        }

    def perform(self, form: ReachRecordForm) -> ReachRecord:
        user = acting_user(self.request)
        if self.record is None:
            return services.create_reach(self.activity, acting_user=user, **form.service_fields())
        return services.update_reach(self.record, acting_user=user, **form.service_fields())

    def get_success_url(self) -> str:
        return self.detail_url() + "#bereik-kop"


class ReachDeleteView(ActivityMixin, TemplateView):
    template_name = "activities/reach_delete.html"

    def _record(self) -> ReachRecord:
        return self.load_record(self.load_activity(editing=True))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(record=self._record(), activity=self.activity)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        services.delete_reach(self._record(), acting_user=acting_user(request))
        messages.success(request, _("Het bereik is verwijderd."))
        return redirect(self.detail_url() + "#bereik-kop")


class ReachOverviewView(CoalitionMixin, TemplateView):
    """The coalition's reach per partner, wijk and target group over a chosen period (by
    default the last twelve months)."""

    template_name = "activities/reach_overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        default = Period.last_twelve_months(timezone.localdate())
        form = ReachPeriodForm(self.request.GET or None, default=default)
        period = form.period() if form.is_bound and form.is_valid() else default
        reach = coalition_reach(self.coalition, period)
        context.update(
            form=form,
            reach=reach,
            partner_chart=bar_chart(
                reach.by_partner, chart_id="per-partner", title=_("Bereik per partner")
            ),
            wijk_chart=bar_chart(
                reach.by_neighbourhood, chart_id="per-wijk", title=_("Bereik per wijk of kern")
            ),
        )
        return context


# --- the public finder ----------------------------------------------------------------------


class FinderSettingsView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "activities/finder_settings.html"
    form_class = FinderForm
    permission = Permission.MANAGE_ACTIVITIES
    success_message = _lazy("De instellingen van de openbare zoeker zijn opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.finder = services.finder_of(self.coalition)
        return {**super().get_form_kwargs(), "instance": self.finder}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            finder=self.finder,
            public_count=Activity.objects.visible_to(self.membership).published().count()
            if self.finder.is_published
            else None,
        )
        return context

    def perform(self, form: FinderForm) -> Any:
        return services.save_finder(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("activities:finder_settings", args=[self.coalition.uuid])
