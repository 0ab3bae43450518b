from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET
from django.views.generic import FormView, TemplateView, View

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission, can, memberships_of
from samenspel.accounts.requests import acting_user
from samenspel.advice.findings import Finding
from samenspel.core.paging import uncounted_page
from samenspel.core.pdf import pdf_response
from samenspel.core.sorting import Sorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin
from samenspel.meetings import calendar, services
from samenspel.meetings.documents import (
    MeetingDocument,
    meeting_pdf,
    participants,
    send_meeting_document,
    sent_message,
)
from samenspel.meetings.forms import (
    ActionItemEditForm,
    ActionItemForm,
    AgendaItemForm,
    AttendanceListForm,
    AttendanceStatusForm,
    BodyForm,
    DecisionForm,
    MeetingForm,
    ScheduleForm,
)
from samenspel.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    CalendarFeed,
    Decision,
    Meeting,
)
from samenspel.meetings.selectors import PartT, meeting_contents, meeting_detail, open_actions
from samenspel.partners.models import Partner, PartnerEvent


class MeetingMixin(CoalitionMixin):
    """Finds the meeting of the URL, and a part of it inside that meeting (a part of any other
    meeting is a 404)."""

    kwargs: dict[str, Any]
    meeting: Meeting

    def find_meeting(self, uuid: UUID | str) -> Meeting:
        meetings = Meeting.objects.visible_to(self.membership).select_related("body")
        meeting = lookup_or_404(meetings, uuid)
        meeting.coalition = self.coalition
        return meeting

    def find_part(self, parts: QuerySet[PartT], key: str) -> PartT:
        part = lookup_or_404(parts.filter(meeting=self.meeting), self.kwargs[key])
        part.meeting = self.meeting
        return part


# --- bodies ---------------------------------------------------------------------------------


class BodyListView(CoalitionMixin, TemplateView):
    template_name = "meetings/body_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["bodies"] = list(
            Body.objects.visible_to(self.membership).prefetch_related("members")
        )
        context["can_edit"] = can(self.membership, Permission.EDIT_COALITION)
        return context


class BodyFormView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "meetings/body_form.html"
    form_class = BodyForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("Het overleg is opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.body = None
        if "body" in self.kwargs:
            self.body = lookup_or_404(Body.objects.visible_to(self.membership), self.kwargs["body"])
        return {
            **super().get_form_kwargs(),
            "instance": self.body,
            "coalition": self.coalition,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "body": self.body}

    def perform(self, form: BodyForm) -> Body:
        data = form.service_fields()
        # Members someone else chose meanwhile stay when this person left them as they were.
        members = data.pop("members", None)
        return services.save_body(
            self.coalition,
            acting_user=acting_user(self.request),
            body=self.body,
            members=self.body.members.all() if members is None and self.body else members or (),
            **data,
        )

    def get_success_url(self) -> str:
        return reverse("meetings:bodies", args=[self.coalition.uuid])


# --- meetings -------------------------------------------------------------------------------


# Past meetings are paged: a coalition meets a few times a month for years.
PAST_PER_PAGE = 10


# The columns the archive of past meetings can be sorted by (URL key: order); the latest first.
PAST_SORTING = Sorting(
    columns={
        "datum": "starts_at",
        "overleg": "title",
        "orgaan": "body_name",
        "besluiten": "decision_count",
        "acties": "open_action_count",
    },
    default="datum",
    default_descending=True,
)


class MeetingListView(CoalitionMixin, TemplateView):
    template_name = "meetings/meeting_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        # Counts annotated once: both lists clone the resolved expressions instead of rebuilding.
        meetings = Meeting.objects.visible_to(self.membership).with_body_name().with_counts()
        # The archive only needs "earlier" and "later": no count of all past meetings.
        past, sort = PAST_SORTING.apply(meetings.past(now), self.request.GET)
        context.update(
            past=uncounted_page(past, self.request.GET.get("pagina"), PAST_PER_PAGE),
            sort=sort,
            query=sort.page_query(),
            upcoming=list(meetings.upcoming(now)),
            can_edit=can(self.membership, Permission.EDIT_COALITION),
            list_url=self.request.path,
        )
        return context


class MeetingDetailView(CoalitionMixin, TemplateView):
    template_name = "meetings/meeting_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = meeting_detail(self.coalition, self.kwargs["meeting"])
        can_edit = can(self.membership, Permission.EDIT_COALITION)
        context.update(meeting=meeting, can_edit=can_edit)
        if can_edit:
            context.update(
                agenda_form=AgendaItemForm(prefix=AgendaItemCreateView.prefix),
                decision_form=DecisionForm(prefix=DecisionCreateView.prefix),
                action_form=ActionItemForm(
                    coalition=self.coalition, prefix=ActionCreateView.prefix
                ),
            )
        return context


def _document(value: str) -> MeetingDocument:
    try:
        return MeetingDocument(value)
    except ValueError as error:
        raise Http404 from error


class MeetingPdfView(CoalitionMixin, View):
    """The agenda or the minutes as a PDF (PDF/UA), made on request and never stored."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = _document(kwargs["document"])
        meeting = meeting_detail(self.coalition, kwargs["meeting"])
        data, filename = meeting_pdf(
            meeting, document, lang=get_language() or "nl", request=request
        )
        return pdf_response(data, filename)


class MeetingSendView(MeetingMixin, TemplateView):
    """Asks for a confirmation, naming how many participants will get the agenda or minutes,
    then puts the e-mails in the outbox (they are sent after the request)."""

    template_name = "meetings/meeting_send.html"
    permission = Permission.EDIT_COALITION

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.document = _document(kwargs["document"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        meeting = self.find_meeting(self.kwargs["meeting"])
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "document": self.document,
            "recipients": len(participants(meeting)),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = meeting_detail(self.coalition, kwargs["meeting"])
        count = send_meeting_document(meeting, self.document, acting_user=acting_user(request))
        messages.success(request, sent_message(count))
        return redirect("meetings:detail", self.coalition.uuid, meeting.uuid)


class MeetingFormView(MeetingMixin, ServiceFormMixin, FormView):
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("Het overleg is opgeslagen.")
    current: Meeting | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        if "meeting" in self.kwargs:
            self.current = self.find_meeting(self.kwargs["meeting"])
        return {
            **super().get_form_kwargs(),
            "instance": self.current,
            "coalition": self.coalition,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "meeting": self.current}

    def perform(self, form: MeetingForm) -> Meeting:
        return services.save_meeting(
            self.coalition,
            acting_user=acting_user(self.request),
            meeting=self.current,
            **form.service_fields(),
        )

    def get_success_url(self) -> str:
        return reverse("meetings:detail", args=[self.coalition.uuid, self.result.uuid])


class MeetingPartView(MeetingMixin, ServiceFormMixin, FormView):
    """A form that adds something to one meeting; shown on the meeting page, and on a page of
    its own when it comes back with errors."""

    template_name = "meetings/meeting_part_form.html"
    permission = Permission.EDIT_COALITION
    heading: Any = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        self.meeting = self.find_meeting(self.kwargs["meeting"])
        return super().get_form_kwargs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "meeting": self.meeting,
            "heading": self.heading,
        }

    def get_success_url(self) -> str:
        return reverse("meetings:detail", args=[self.coalition.uuid, self.meeting.uuid])


class AgendaItemCreateView(MeetingPartView):
    prefix = "agenda"
    form_class = AgendaItemForm
    heading = _lazy("Agendapunt toevoegen")
    success_message = _lazy("Het agendapunt is toegevoegd.")

    def perform(self, form: AgendaItemForm) -> Any:
        return services.add_agenda_item(
            self.meeting, acting_user=acting_user(self.request), **form.service_fields()
        )


class AttendanceView(MeetingPartView):
    """The attendance of every partner in one form, on a page of its own."""

    template_name = "meetings/attendance_form.html"
    form_class = AttendanceListForm
    heading = _lazy("Aanwezigheid vastleggen")
    success_message = _lazy("De aanwezigheid is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        rows = Attendance.objects.visible_to(self.membership).filter(meeting=self.meeting)
        recorded = dict(rows.values_list("partner_id", "status"))
        partners = Partner.objects.visible_to(self.membership).filter(
            Q(left_on__isnull=True) | Q(pk__in=list(recorded))
        )
        return {**kwargs, "partners": partners.order_by("name"), "recorded": recorded}

    def perform(self, form: AttendanceListForm) -> Any:
        return services.record_attendance(
            self.meeting,
            acting_user=acting_user(self.request),
            chosen=form.chosen(),
            opened=form.shown(),
        )


class DecisionCreateView(MeetingPartView):
    prefix = "besluit"
    form_class = DecisionForm
    heading = _lazy("Besluit vastleggen")
    success_message = _lazy("Het besluit is vastgelegd.")

    def perform(self, form: DecisionForm) -> Any:
        return services.record_decision(
            self.meeting, acting_user=acting_user(self.request), **form.service_fields()
        )


class ActionCreateView(MeetingPartView):
    prefix = "actie"
    form_class = ActionItemForm
    heading = _lazy("Actiepunt vastleggen")
    success_message = _lazy("Het actiepunt is vastgelegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: ActionItemForm) -> Any:
        return services.add_action(
            self.meeting, acting_user=acting_user(self.request), **form.service_fields()
        )


# --- correcting and removing what was recorded -------------------------------------------------


class MeetingDeleteView(MeetingMixin, TemplateView):
    """GET says what goes with the meeting and asks to confirm; POST deletes it."""

    template_name = "meetings/meeting_delete.html"
    permission = Permission.EDIT_COALITION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        meeting = self.find_meeting(self.kwargs["meeting"])
        return {
            **super().get_context_data(**kwargs),
            "meeting": meeting,
            "contents": meeting_contents(meeting),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.find_meeting(kwargs["meeting"])
        services.delete_meeting(meeting, acting_user=acting_user(request))
        messages.success(request, _("Het overleg is verwijderd."))
        return redirect("meetings:list", self.coalition.uuid)


class MeetingPartEditView(MeetingPartView):
    """Corrects one part of a meeting, found inside the meeting of the URL (a part of any other
    meeting is a 404)."""

    get_part: Callable[[], Any]  # each part finds its own
    part: Any

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        self.part = self.get_part()
        return {**kwargs, "instance": self.part}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "part": self.part}


class AgendaItemEditView(MeetingPartEditView):
    form_class = AgendaItemForm
    heading = _lazy("Agendapunt wijzigen")
    success_message = _lazy("Het agendapunt is gewijzigd.")

    def get_part(self) -> AgendaItem:
        return self.find_part(AgendaItem.objects.visible_to(self.membership), "agenda_item")

    def perform(self, form: AgendaItemForm) -> Any:
        return services.update_agenda_item(
            self.part, acting_user=acting_user(self.request), **form.service_fields()
        )


class AttendanceEditView(MeetingPartEditView):
    form_class = AttendanceStatusForm
    success_message = _lazy("De aanwezigheid is gewijzigd.")

    def get_part(self) -> Attendance:
        return self.find_part(
            Attendance.objects.visible_to(self.membership).select_related("partner"), "attendance"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Aanwezigheid van %(partner)s wijzigen") % {
            "partner": self.part.partner.name
        }
        return context

    def perform(self, form: AttendanceStatusForm) -> Any:
        return services.change_attendance(
            self.part, acting_user=acting_user(self.request), **form.field_values()
        )


class DecisionEditView(MeetingPartEditView):
    form_class = DecisionForm
    success_message = _lazy("Het besluit is gewijzigd.")

    def get_part(self) -> Decision:
        return self.find_part(Decision.objects.visible_to(self.membership), "decision")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Besluit %(number)s wijzigen") % {"number": self.part.number}
        return context

    def perform(self, form: DecisionForm) -> Any:
        return services.update_decision(
            self.part, acting_user=acting_user(self.request), **form.field_values()
        )


class ActionEditView(MeetingPartEditView):
    form_class = ActionItemEditForm
    heading = _lazy("Actiepunt wijzigen")
    success_message = _lazy("Het actiepunt is gewijzigd.")

    def get_part(self) -> ActionItem:
        return self.find_part(
            ActionItem.objects.visible_to(self.membership).select_related("owner_partner"), "action"
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    def perform(self, form: ActionItemEditForm) -> Any:
        return services.update_action(
            self.part, acting_user=acting_user(self.request), **form.service_fields()
        )


class MeetingPartDeleteView(MeetingMixin, TemplateView):
    """GET shows the part and asks to confirm; POST deletes it (works without JavaScript)."""

    template_name = "meetings/meeting_part_delete.html"
    permission = Permission.EDIT_COALITION
    heading: Any = ""
    question: Any = ""
    success_message: Any = ""

    # Each part finds its own, how it reads on the page, and its service call.
    get_part: Callable[[], Any]
    describe: Callable[[Any], str]
    delete: Callable[[Any], None]

    def _load(self) -> Any:
        self.meeting = self.find_meeting(self.kwargs["meeting"])
        return self.get_part()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        part = self._load()
        return {
            **super().get_context_data(**kwargs),
            "meeting": self.meeting,
            "heading": self.heading,
            "question": self.question,
            "description": self.describe(part),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.delete(self._load())
        messages.success(request, self.success_message)
        return redirect("meetings:detail", self.coalition.uuid, self.meeting.uuid)


class AgendaItemDeleteView(MeetingPartDeleteView):
    heading = _lazy("Agendapunt verwijderen")
    question = _lazy("Weet u zeker dat u dit agendapunt wilt verwijderen?")
    success_message = _lazy("Het agendapunt is verwijderd.")

    def get_part(self) -> AgendaItem:
        return self.find_part(AgendaItem.objects.visible_to(self.membership), "agenda_item")

    def describe(self, part: AgendaItem) -> str:
        return part.title

    def delete(self, part: AgendaItem) -> None:
        services.delete_agenda_item(part, acting_user=acting_user(self.request))


class AttendanceDeleteView(MeetingPartDeleteView):
    heading = _lazy("Aanwezigheid verwijderen")
    question = _lazy(
        "Weet u zeker dat u deze partner van de aanwezigheidslijst wilt halen? Er staat dan "
        "niets meer over deze partner bij dit overleg."
    )
    success_message = _lazy("De aanwezigheid is verwijderd.")

    def get_part(self) -> Attendance:
        return self.find_part(
            Attendance.objects.visible_to(self.membership).select_related("partner"), "attendance"
        )

    def describe(self, part: Attendance) -> str:
        return f"{part.partner.name}: {part.get_status_display().lower()}"

    def delete(self, part: Attendance) -> None:
        services.remove_attendance(part, acting_user=acting_user(self.request))


class DecisionDeleteView(MeetingPartDeleteView):
    heading = _lazy("Besluit verwijderen")
    question = _lazy(
        "Weet u zeker dat u dit besluit wilt verwijderen? De andere besluiten houden hun nummer."
    )
    success_message = _lazy("Het besluit is verwijderd.")

    def get_part(self) -> Decision:
        return self.find_part(Decision.objects.visible_to(self.membership), "decision")

    def describe(self, part: Decision) -> str:
        return f"{part.number}. {part.text}"

    def delete(self, part: Decision) -> None:
        services.delete_decision(part, acting_user=acting_user(self.request))


class ActionDeleteView(MeetingPartDeleteView):
    heading = _lazy("Actiepunt verwijderen")
    question = _lazy("Weet u zeker dat u dit actiepunt wilt verwijderen?")
    success_message = _lazy("Het actiepunt is verwijderd.")

    def get_part(self) -> ActionItem:
        return self.find_part(
            ActionItem.objects.visible_to(self.membership).select_related("owner_partner"), "action"
        )

    def describe(self, part: ActionItem) -> str:
        return f"{part.text} ({part.owner_label})" if part.owner_label else part.text

    def delete(self, part: ActionItem) -> None:
        services.delete_action(part, acting_user=acting_user(self.request))


class ActionDoneView(CoalitionMixin, TemplateView):
    """POST marks an open action as done; GET asks for confirmation (works without JavaScript)."""

    template_name = "meetings/action_done.html"
    permission = Permission.EDIT_COALITION

    def _action(self) -> ActionItem:
        actions = ActionItem.objects.visible_to(self.membership).select_related(
            "meeting__coalition", "owner_partner"
        )
        return lookup_or_404(actions, self.kwargs["action"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "action": self._action()}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = self._action()
        services.complete_action(action, acting_user=acting_user(request))
        messages.success(request, _("Het actiepunt is afgerond."))
        target = request.POST.get("terug")
        if target == "acties":
            return redirect("meetings:actions", self.coalition.uuid)
        return redirect("meetings:detail", self.coalition.uuid, action.meeting.uuid)


# The columns the open actions can be sorted by (URL key: order); the first deadline first.
ACTION_SORTING = Sorting(
    columns={"uiterlijk": "due_on", "overleg": "meeting__starts_at"}, default="uiterlijk"
)


class OpenActionsView(CoalitionMixin, TemplateView):
    template_name = "meetings/open_actions.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        actions, sort = ACTION_SORTING.apply(open_actions(self.coalition), self.request.GET)
        context.update(
            actions=list(actions),
            sort=sort,
            today=timezone.localdate(),
            can_edit=can(self.membership, Permission.EDIT_COALITION),
        )
        return context


# --- putting things on the agenda -----------------------------------------------------------


class ScheduleView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "meetings/schedule_form.html"
    form_class = ScheduleForm
    permission = Permission.EDIT_COALITION
    success_message = _lazy("Het onderwerp staat op de agenda.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.load_subject()
        return {**super().get_form_kwargs(), "coalition": self.coalition}

    load_subject: Callable[[], None]  # each kind of subject finds its own

    def get_success_url(self) -> str:
        return reverse("meetings:detail", args=[self.coalition.uuid, self.result.meeting.uuid])


class ScheduleEventView(ScheduleView):
    """'Op de agenda zetten' for a change at a partner (Handreiking §1.2.4, 'Partijen veranderen')."""

    def load_subject(self) -> None:
        events = PartnerEvent.objects.visible_to(self.membership).select_related("partner")
        self.event = lookup_or_404(events, self.kwargs["event"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        subject = _("Verandering bij %(partner)s: %(kind)s") % {
            "partner": self.event.partner.name,
            "kind": self.event.get_kind_display(),
        }
        cancel = reverse("partners:detail", args=[self.coalition.uuid, self.event.partner.uuid])
        return {**context, "subject": subject, "cancel_url": cancel}

    def perform(self, form: ScheduleForm) -> Any:
        return services.add_agenda_item(
            form.cleaned_data["meeting"],
            acting_user=acting_user(self.request),
            source_event=self.event,
        )


class ScheduleFindingView(ScheduleView):
    """'Op de agenda zetten' for one of the advice engine's findings (`?onderwerp=` tells
    findings of the same rule apart)."""

    def load_subject(self) -> None:
        from samenspel.advice.services import current_findings

        self.subject = self.request.GET.get("onderwerp", self.request.POST.get("onderwerp", ""))
        finding = next(
            (
                f
                for f in current_findings(self.coalition)
                if f.rule == self.kwargs["rule"] and f.subject == self.subject
            ),
            None,
        )
        if finding is None:
            raise Http404
        self.finding: Finding = finding

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        cancel = reverse("advice:findings", args=[self.coalition.uuid])
        return {
            **context,
            "subject": self.finding.title,
            "finding_subject": self.subject,
            "cancel_url": cancel,
        }

    def perform(self, form: ScheduleForm) -> Any:
        return services.add_agenda_item(
            form.cleaned_data["meeting"],
            acting_user=acting_user(self.request),
            finding_rule=self.finding.rule,
            finding_subject=self.finding.subject,
        )


# --- calendar feeds -------------------------------------------------------------------------


class FeedSettingsView(TemplateView):
    """'Agenda-abonnement': the person's secret calendar address, shown once when made."""

    template_name = "meetings/feed_settings.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            feed=CalendarFeed.objects.filter(user=self.request.user.pk).first(),
            memberships=memberships_of(self.request),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        raw = services.issue_calendar_feed(acting_user=acting_user(request))
        feed_url = request.build_absolute_uri(reverse("meetings:feed", args=[raw]))
        messages.success(
            request, _("Uw nieuwe agenda-adres is gemaakt. Een eerder adres werkt niet meer.")
        )
        context = self.get_context_data(feed_url=feed_url)
        return self.render_to_response(context)


@login_not_required
@require_GET
def feed(request: HttpRequest, feed: str) -> HttpResponse:
    """The iCalendar feed behind a secret address; `?coalitie=<uuid>` limits it to one of the
    person's coalitions. An unknown secret, or a coalition that is not theirs, is a 404."""
    user = calendar.feed_user(feed)
    if user is None:
        raise Http404
    coalition: UUID | None = None
    if "coalitie" in request.GET:
        try:
            coalition = UUID(request.GET["coalitie"])
        except ValueError as error:
            raise Http404 from error
    memberships = calendar.feed_memberships(user, coalition)
    if coalition is not None and not memberships:
        raise Http404
    name = memberships[0].coalition.name if coalition else _("Samenspel: mijn overleggen")
    body = calendar.build_calendar(
        str(name),
        calendar.feed_meetings(memberships),
        calendar.feed_actions(user, memberships),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
