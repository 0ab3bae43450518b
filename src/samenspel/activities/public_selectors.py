"""What the public finder shows, and how residents narrow it down.

Everything here starts from the listed activities (`Activity.objects.listed()`: published, not
ended) of one coalition whose finder is online, which is `Activity.objects.published()` for that
coalition: unpublished and ended activities, and other coalitions, never reach a public page or
the open data. Partners of the kind "inwoners" stand for individual residents, so their names are
left out of everything public; only organisations are named as providers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

import django_filters
from django import forms
from django.db import models
from django.db.models import (
    Aggregate,
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from samenspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityTargetGroup,
    Finder,
    TargetGroup,
    TimeSlot,
    Weekday,
)
from samenspel.activities.selectors import GROUP_LIST, PROVIDER_LIST, SLOT_LIST
from samenspel.coalitions.models import Neighbourhood
from samenspel.core import fuzzy
from samenspel.core.http_cache import version_tag
from samenspel.partners.models import Partner, PartnerKind

RESULTS_PER_PAGE = 10


def published_finder_or_404(slug: str) -> Finder:
    """The finder behind a public address; an unknown or unpublished one is a 404. It comes
    with the version of what its pages show (`finder_version`), in the same query."""
    finder = (
        Finder.objects.across_coalitions()
        .select_related("coalition")
        .filter(slug=slug, is_published=True)
        .annotate(
            activities_changed=_per_coalition(Activity, Max("updated_at")),
            activity_count=_per_coalition(Activity, Count("id")),
            partners_changed=_per_coalition(Partner, Max("updated_at")),
            partner_count=_per_coalition(Partner, Count("id")),
            neighbourhood_count=_per_coalition(Neighbourhood, Count("id")),
            last_neighbourhood=_per_coalition(Neighbourhood, Max("id")),
        )
        .first()
    )
    if finder is None:
        raise Http404
    return finder


def _per_coalition(model: type[models.Model], aggregate: Aggregate) -> Subquery:
    rows = model._default_manager.correlated().filter(coalition=OuterRef("coalition_id"))  # type: ignore[attr-defined]
    return Subquery(
        rows.order_by().values("coalition").annotate(value=aggregate).values("value")[:1]
    )


def finder_version(finder: Finder) -> str:
    """An ETag that changes whenever a page of the finder could: the finder's own texts, any
    change to an activity or partner of the coalition (an edit saves `updated_at`; a deletion
    lowers the count), a wijk added or removed, the day and the release (core.http_cache).
    Renaming a wijk changes no version: until something else changes, a cached page may show
    the old name."""
    own = [getattr(finder, field.attname) for field in Finder._meta.concrete_fields]
    annotated = [
        getattr(finder, name)
        for name in (
            "activities_changed",
            "activity_count",
            "partners_changed",
            "partner_count",
            "neighbourhood_count",
            "last_neighbourhood",
        )
    ]
    return version_tag(*own, *annotated)


def public_providers(finder: Finder) -> QuerySet[Partner]:
    """Provider organisations that may be named in public: not residents' own names."""
    return (
        Partner.objects.of_coalition(finder.coalition_id)
        .exclude(kind=PartnerKind.RESIDENTS)
        .only("id", "uuid", "name")
    )


def finder_activities(finder: Finder) -> QuerySet[Activity]:
    """The finder's offer with what a result shows, in a fixed number of queries."""
    # `finder` is online (published_finder_or_404), so its coalition's listed activities are
    # exactly the published ones, without joining the finder again in every query.
    return (
        Activity.objects.of_coalition(finder.coalition_id)
        .listed()
        .with_neighbourhood_name()
        .order_by("title", "id")
    )


def finder_activities_in_full(finder: Finder) -> QuerySet[Activity]:
    """The offer with everything public about each activity, providers included (activity page,
    open data)."""
    return finder_activities(finder).prefetch_related(
        # By the keys of the page's rows: a join would reach every wijk in the country
        # before the page is cut out.
        Prefetch("neighbourhood", queryset=Neighbourhood.objects.correlated()),
        "time_slots",
        "target_groups",
        Prefetch("providers", queryset=public_providers(finder).order_by("name")),
    )


def open_data_activities(finder: Finder) -> QuerySet[Activity]:
    """The offer as the open data reads it (`hsds.service`): everything public about each
    activity, with its providers, target groups and times as plain lists
    (`selectors.PROVIDER_LIST`, `GROUP_LIST`, `SLOT_LIST`, in their models' own order and the
    providers by name) instead of related managers: a page of up to 100 services would otherwise
    build a queryset per activity and per relation."""
    return finder_activities(finder).prefetch_related(
        Prefetch("neighbourhood", queryset=Neighbourhood.objects.correlated()),
        Prefetch("time_slots", queryset=TimeSlot.objects.correlated(), to_attr=SLOT_LIST),
        Prefetch(
            "target_groups", queryset=ActivityTargetGroup.objects.correlated(), to_attr=GROUP_LIST
        ),
        Prefetch(
            "providers",
            queryset=public_providers(finder).order_by("name"),
            to_attr=PROVIDER_LIST,
        ),
    )


def public_activity_or_404(finder: Finder, activity: UUID | str) -> Activity:
    found = finder_activities_in_full(finder).filter(uuid=activity).first()
    if found is None:
        raise Http404
    return found


class FinderFilter(django_filters.FilterSet):
    """The finder's search form: a plain GET form, so it works without JavaScript.

    Activities for the whole municipality (no wijk) are found in every wijk, and activities for
    everyone are found under every target group: both are open to the resident who asks.
    """

    q = django_filters.CharFilter(label=_("Zoek op woord"), method="search")
    wijk = django_filters.ChoiceFilter(
        label=_("Wijk of kern"), empty_label=_("Alle wijken en kernen"), method="in_neighbourhood"
    )
    # "Iedereen" is the empty choice: activities for everyone are found under every group, so
    # the group itself is no choice of its own (it appeared twice).
    doelgroep = django_filters.ChoiceFilter(
        label=_("Voor wie"),
        choices=[(key, name) for key, name in TargetGroup.choices if key != TargetGroup.EVERYONE],
        empty_label=_("Iedereen"),
        method="for_group",
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort activiteit"),
        choices=ActivityKind.choices,
        empty_label=_("Alle soorten"),
        field_name="kind",
    )
    dag = django_filters.ChoiceFilter(
        label=_("Dag"), choices=Weekday.choices, empty_label=_("Alle dagen"), method="on_day"
    )
    gratis = django_filters.BooleanFilter(
        label=_("Alleen gratis activiteiten"), widget=forms.CheckboxInput, method="free"
    )

    class Meta:
        model = Activity
        fields = ["q", "wijk", "doelgroep", "soort", "dag", "gratis"]

    suggestion = ""  # the search as it was read with typing errors corrected ("Bedoelde u")

    def __init__(self, *args: Any, finder: Finder, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One query for the neighbourhoods, used both to render and to check the choice.
        self.coalition_id = finder.coalition_id
        self.neighbourhoods = {
            str(n.uuid): n
            for n in Neighbourhood.objects.of_coalition(finder.coalition_id).order_by("name")
        }
        self.filters["wijk"].extra["choices"] = [
            (key, n.name) for key, n in self.neighbourhoods.items()
        ]

    def search(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        """Every word, in the title, description or place, forgiving accents and typing
        errors (core/fuzzy.py): one query reads the texts of the offer, whatever its size."""
        texts = queryset.values_list("pk", "title", "description", "location_name")
        found = fuzzy.match({pk: " ".join(parts) for pk, *parts in texts}, value)
        self.suggestion = found.suggestion
        return queryset.filter(pk__in=found.keys)

    def in_neighbourhood(
        self, queryset: QuerySet[Activity], name: str, value: str
    ) -> QuerySet[Activity]:
        neighbourhood = self.neighbourhoods[value]
        return queryset.filter(Q(neighbourhood=neighbourhood) | Q(neighbourhood__isnull=True))

    def for_group(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        groups = ActivityTargetGroup.objects.correlated().filter(
            activity=OuterRef("pk"), group__in={value, TargetGroup.EVERYONE}
        )
        return queryset.filter(Exists(groups))

    def on_day(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        return queryset.filter(
            Exists(
                TimeSlot.objects.correlated().filter(activity=OuterRef("pk"), weekday=int(value))
            )
        )

    def free(self, queryset: QuerySet[Activity], name: str, value: bool) -> QuerySet[Activity]:
        return queryset.filter(cost=Decimal(0)) if value else queryset
