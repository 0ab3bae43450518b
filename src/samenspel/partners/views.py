from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from samenspel.accounts.mixins import CoalitionMixin
from samenspel.accounts.policy import Permission, require
from samenspel.accounts.requests import acting_user
from samenspel.core.sorting import Sorting
from samenspel.core.tenancy import lookup_or_404
from samenspel.core.views import ServiceFormMixin
from samenspel.partners import services
from samenspel.partners.forms import (
    ContactForm,
    ConversationForm,
    PartnerEventForm,
    PartnerFilter,
    PartnerForm,
)
from samenspel.partners.models import ContactPerson, Partner, PartnerEvent, PartnerKind
from samenspel.partners.partner_map import KIND_COLOURS, SIZE, build_map
from samenspel.partners.selectors import missing_kinds, partners_with_counts


class PartnerMixin(CoalitionMixin):
    """Adds `self.partner`, found inside the coalition, and checks `partner_permission` on it."""

    partner_permission: Permission | None = None
    partner: Partner

    def get_partner(self) -> Partner:
        partner = lookup_or_404(
            Partner.objects.visible_to(self.membership).select_related("coalition"),
            self.kwargs["partner"],  # type: ignore[attr-defined]
        )
        if self.partner_permission:
            require(self.membership, self.partner_permission, partner)
        return partner

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "partner": self.partner}

    def get_success_url(self) -> str:
        return reverse("partners:detail", args=[self.coalition.uuid, self.partner.uuid])


# The columns the partner list can be sorted by (URL key: order).
SORTING = Sorting(
    columns={"naam": "name", "contacten": "contact_count", "gesprek": "open_conversations"},
    default="naam",
)


class PartnerListView(CoalitionMixin, TemplateView):
    template_name = "partners/partner_list.html"
    paginate_by = 25

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        filters = PartnerFilter(self.request.GET, queryset=partners_with_counts(self.membership))
        partners, sort = SORTING.apply(filters.qs, self.request.GET)
        page = Paginator(partners, self.paginate_by).get_page(self.request.GET.get("pagina"))
        context.update(
            # Rows link to list URL + uuid: one reverse() per page instead of one per row.
            list_url=self.request.path,
            filter=filters,
            page=page,
            query=sort.page_query(),
            sort=sort,
        )
        return context


class PartnerCreateView(CoalitionMixin, ServiceFormMixin, FormView):
    template_name = "partners/partner_form.html"
    form_class = PartnerForm
    permission = Permission.ADD_PARTNER
    success_message = _("De partner is toegevoegd.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": Partner(coalition=self.coalition)}

    def perform(self, form: PartnerForm) -> Partner:
        return services.create_partner(
            self.coalition, acting_user=acting_user(self.request), **form.service_fields()
        )

    def get_success_url(self) -> str:
        return reverse("partners:detail", args=[self.coalition.uuid, self.result.uuid])


class PartnerUpdateView(PartnerMixin, ServiceFormMixin, FormView):
    template_name = "partners/partner_form.html"
    form_class = PartnerForm
    partner_permission = Permission.EDIT_PARTNER
    success_message = _("De partner is opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.partner = self.get_partner()
        return {**super().get_form_kwargs(), "instance": self.partner}

    def perform(self, form: PartnerForm) -> Partner:
        partner = (
            Partner.objects.visible_to(self.membership)
            .select_related("coalition")
            .get(pk=self.partner.pk)
        )
        return services.update_partner(
            partner, acting_user=acting_user(self.request), **form.service_fields()
        )


class PartnerDetailView(PartnerMixin, TemplateView):
    template_name = "partners/partner_detail.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.partner = self.get_partner()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            contacts=list(self.partner.contacts.all()),
            events=list(self.partner.events.select_related("recorded_by")),
        )
        return context


class PartnerEventCreateView(PartnerMixin, ServiceFormMixin, FormView):
    template_name = "partners/event_form.html"
    form_class = PartnerEventForm
    partner_permission = Permission.RECORD_PARTNER_EVENT
    success_message = _("De verandering is vastgelegd. Plan een gesprek om haar te bespreken.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.partner = self.get_partner()
        return super().get_form_kwargs()

    def perform(self, form: PartnerEventForm) -> PartnerEvent:
        return services.record_event(
            self.partner, acting_user=acting_user(self.request), **form.cleaned_data
        )


class PartnerEventUpdateView(PartnerMixin, ServiceFormMixin, FormView):
    template_name = "partners/event_form.html"
    form_class = ConversationForm
    partner_permission = Permission.RECORD_PARTNER_EVENT
    success_message = _("De stand van het gesprek is bijgewerkt.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.partner = self.get_partner()
        self.event = lookup_or_404(
            PartnerEvent.objects.visible_to(self.membership).filter(partner=self.partner),
            self.kwargs["event"],
        )
        return {**super().get_form_kwargs(), "instance": self.event}

    def perform(self, form: ConversationForm) -> PartnerEvent:
        return services.update_event(
            self.event, acting_user=acting_user(self.request), **form.service_fields()
        )


class ContactFormView(PartnerMixin, ServiceFormMixin, FormView):
    template_name = "partners/contact_form.html"
    form_class = ContactForm
    partner_permission = Permission.EDIT_PARTNER
    success_message = _("De contactpersoon is opgeslagen.")

    def get_form_kwargs(self) -> dict[str, Any]:
        self.partner = self.get_partner()
        self.contact = None
        if "contact" in self.kwargs:
            self.contact = lookup_or_404(
                ContactPerson.objects.visible_to(self.membership).filter(partner=self.partner),
                self.kwargs["contact"],
            )
        return {**super().get_form_kwargs(), "instance": self.contact}

    def perform(self, form: ContactForm) -> ContactPerson:
        return services.save_contact(
            self.partner,
            acting_user=acting_user(self.request),
            contact=self.contact,
            **form.service_fields(),
        )


class ContactDeleteView(PartnerMixin, TemplateView):
    template_name = "partners/contact_delete.html"
    partner_permission = Permission.EDIT_PARTNER

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "contact": self.contact}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self._load()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self._load()
        services.delete_contact(self.contact, acting_user=acting_user(request))
        messages.success(request, _("De contactpersoon is verwijderd."))
        return redirect(self.get_success_url())

    def _load(self) -> None:
        self.partner = self.get_partner()
        self.contact = lookup_or_404(
            ContactPerson.objects.visible_to(self.membership).filter(partner=self.partner),
            self.kwargs["contact"],
        )


class PartnerMapView(CoalitionMixin, TemplateView):
    template_name = "partners/partner_map.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        partners = list(Partner.objects.visible_to(self.membership).current().order_by("name"))
        rings, dots = build_map(partners)
        present = {p.kind for p in partners}
        context.update(
            rings=rings,
            dots=dots,
            size=SIZE,
            centre=SIZE / 2,
            legend=[
                (str(k.label), KIND_COLOURS[k.value]) for k in PartnerKind if k.value in present
            ],
            missing=missing_kinds(present),
        )
        return context
