"""The finder's offer as open data, in the style of Open Referral's Human Services Data
Specification (HSDS 3): one `service` per activity, with its organisation, location, schedules,
cost options and classification (taxonomy terms for kind and target group).

Deliberately left out of HSDS's service: `contacts` (named people) and `assurer_email` (who last
checked the data): open data carries no personal data. Phone, e-mail and website are the
activity's general contact details, as on the public page.

HSDS records need stable identifiers. Activities, partners and neighbourhoods have UUIDs; the
records that exist only in this document (location, schedule, cost option, taxonomy terms) get a
UUID derived from their owner (uuid5), so they stay the same between requests without putting
database keys in public.

`service` builds the answer as it is sent: plain values that the JSON renderer writes as they
are (dates and moments in ISO 8601, in Dutch time). The serializers in
api/public_serializers.py describe this shape for the OpenAPI document and check it in the
tests; they are not run per request. It reads an activity as
`public_selectors.open_data_activities` gives it: providers, target groups and times as plain
lists (a page holds up to 100 services, and a related manager with a queryset per activity and
per relation cost more than building the services).
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.activities.calendar import occurrence_rule
from samenspel.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    ActivityTargetGroup,
    Frequency,
    TargetGroup,
    TimeSlot,
)
from samenspel.activities.selectors import GROUP_LIST, PROVIDER_LIST, SLOT_LIST
from samenspel.core.choices import labels
from samenspel.partners.models import Partner

# Namespace of the identifiers this module derives; never change it (ids would change too).
NAMESPACE = uuid.UUID("5d0c3f1e-6b8a-4f52-9a57-2f0d2b7a9c11")
KIND_TAXONOMY = "samenspel-activiteitsoort"
GROUP_TAXONOMY = "samenspel-doelgroep"
FEATURE_TAXONOMY = "samenspel-kenmerk"
WEEK_AGAINST_LONELINESS = "week_tegen_eenzaamheid"
SERVICE_STATUS = {
    ActivityStatus.ACTIVE: "active",
    ActivityStatus.PAUSED: "temporarily closed",
    ActivityStatus.ENDED: "defunct",  # not shown in public; here for completeness
}


_NAMESPACE_BYTES = NAMESPACE.bytes


def derived_id(owner: uuid.UUID | str, part: str) -> str:
    """`str(uuid.uuid5(NAMESPACE, f"{owner}/{part}"))`, without building the UUID object: a page
    of services derives about a dozen per activity."""
    name = _NAMESPACE_BYTES + f"{owner}/{part}".encode()
    digest = bytearray(hashlib.sha1(name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    hexa = digest.hex()
    return f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"


@dataclass(frozen=True)
class Texts:
    """The labels and fixed texts of the services, translated once per page rather than a few
    times per service (`service` is called for up to 100 activities)."""

    kinds: dict[str, str]
    groups: dict[str, str]
    frequencies: dict[str, str]
    website: str
    places: str
    free: str
    wheelchair: dict[bool, str]
    week_against_loneliness: str

    @classmethod
    def now(cls) -> Texts:
        return cls(
            kinds=labels(ActivityKind),
            groups=labels(TargetGroup),
            frequencies=labels(Frequency),
            website=_("Website"),
            places=_("plaatsen"),
            free=_("Gratis"),
            wheelchair={
                True: _("Toegankelijk met een rolstoel."),
                False: _("Niet toegankelijk met een rolstoel."),
            },
            week_against_loneliness=_("Week tegen Eenzaamheid"),
        )


@cache
def _term_id(taxonomy: str, code: str) -> str:
    return derived_id(taxonomy, code)


def providers_of(activity: Activity) -> list[Partner]:
    return getattr(activity, PROVIDER_LIST)


def groups_of(activity: Activity) -> list[ActivityTargetGroup]:
    return getattr(activity, GROUP_LIST)


def slots_of(activity: Activity) -> list[TimeSlot]:
    return getattr(activity, SLOT_LIST)


def taxonomy_term(taxonomy: str, code: str, name: str) -> dict[str, Any]:
    return {
        "id": _term_id(taxonomy, code),
        "code": code,
        "name": name,
        "description": "",
        "taxonomy": taxonomy,
        "language": "nl",
    }


def attributes(activity: Activity, service_id: str, texts: Texts) -> list[dict[str, Any]]:
    """Kind and target groups as HSDS attributes: links from the service to taxonomy terms."""
    terms = [taxonomy_term(KIND_TAXONOMY, activity.kind, texts.kinds[activity.kind])]
    terms += [
        taxonomy_term(GROUP_TAXONOMY, row.group, texts.groups[row.group])
        for row in groups_of(activity)
    ]
    if activity.week_against_loneliness:
        terms.append(
            taxonomy_term(FEATURE_TAXONOMY, WEEK_AGAINST_LONELINESS, texts.week_against_loneliness)
        )
    return [
        {
            "id": derived_id(service_id, f"attribute/{term['taxonomy']}/{term['code']}"),
            "link_id": service_id,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }
        for term in terms
    ]


def organization(activity: Activity, service_id: str) -> dict[str, Any] | None:
    """HSDS gives a service one organisation: the first provider (alphabetically), or else the
    organiser who is not a partner."""
    providers = providers_of(activity)
    if providers:
        return {"id": str(providers[0].uuid), "name": providers[0].name, "description": ""}
    if activity.organiser:
        return {
            "id": derived_id(service_id, "organiser"),
            "name": activity.organiser,
            "description": "",
        }
    return None


def location(activity: Activity, service_id: str, texts: Texts) -> dict[str, Any] | None:
    if not (activity.location_name or activity.street_address or activity.city):
        return None
    location_id = derived_id(service_id, "location")
    address = None
    if activity.street_address or activity.city:
        address = {
            "id": derived_id(service_id, "address"),
            "location_id": location_id,
            "address_1": activity.street_address,
            "city": activity.city,
            "postal_code": activity.postal_code,
            "region": activity.neighbourhood.name if activity.neighbourhood else "",
            "country": "NL",
            "address_type": "physical",
        }
    return {
        "id": location_id,
        "location_type": "physical",
        "name": activity.location_name,
        "addresses": [address] if address else [],
        "accessibility": accessibility(activity, service_id, location_id, texts),
    }


def accessibility(
    activity: Activity, service_id: str, location_id: str, texts: Texts
) -> list[dict[str, Any]]:
    wheelchair = (
        ""
        if activity.wheelchair_accessible is None
        else texts.wheelchair[activity.wheelchair_accessible]
    )
    if not (wheelchair or activity.accessibility):
        return []
    return [
        {
            "id": derived_id(service_id, "accessibility"),
            "location_id": location_id,
            "description": activity.accessibility,
            "details": wheelchair,
        }
    ]


def service_capacities(activity: Activity, service_id: str, texts: Texts) -> list[dict[str, Any]]:
    if not activity.capacity:
        return []
    return [
        {
            "id": derived_id(service_id, "capacity"),
            "service_id": service_id,
            "unit": {"id": _term_id(str(NAMESPACE), "unit/places"), "name": texts.places},
            "maximum": activity.capacity,
            "description": "",
        }
    ]


def schedules(
    activity: Activity, service_id: str, today: datetime.date, texts: Texts
) -> list[dict[str, Any]]:
    slots = slots_of(activity)
    if not slots:
        return []
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = []
    frequency = texts.frequencies[activity.frequency]
    for slot in slots:
        rule = occurrence_rule(activity, slot, today)
        offset = datetime.datetime.combine(rule.first, slot.start_time, tzinfo=zone).utcoffset()
        assert offset is not None
        rows.append(
            {
                "id": derived_id(service_id, f"schedule/{slot.weekday}/{slot.start_time:%H:%M}"),
                "service_id": service_id,
                "valid_from": activity.starts_on,
                "valid_to": activity.ends_on,
                "dtstart": rule.first,
                "until": rule.until,
                "timezone": offset.total_seconds() / 3600,
                "freq": rule.freq,
                "interval": rule.interval if rule.freq else None,
                "byday": rule.byday,
                "opens_at": f"{slot.start_time:%H:%M}",
                "closes_at": f"{slot.end_time:%H:%M}" if slot.end_time else None,
                "description": " ".join(
                    part
                    for part in (f"{slot} ({frequency.lower()}).", activity.schedule_note)
                    if part
                ),
            }
        )
    return rows


def cost_options(activity: Activity, service_id: str, texts: Texts) -> list[dict[str, Any]]:
    if activity.cost is None:
        return []
    return [
        {
            "id": derived_id(service_id, "cost"),
            "service_id": service_id,
            "option": activity.cost_note or (texts.free if activity.is_free else ""),
            "amount": activity.cost,
            "currency": "EUR",
            "amount_description": activity.cost_note,
        }
    ]


def fees_description(activity: Activity, texts: Texts) -> str:
    if activity.cost is None:
        return ""
    text = texts.free if activity.is_free else f"€ {activity.cost:.2f}".replace(".", ",")
    return f"{text} ({activity.cost_note})" if activity.cost_note else text


def service_areas(activity: Activity, service_id: str) -> list[dict[str, Any]]:
    if activity.neighbourhood is None:
        return []
    neighbourhood = activity.neighbourhood
    return [
        {
            "id": str(neighbourhood.uuid),
            "service_id": service_id,
            "name": neighbourhood.name,
            "description": neighbourhood.cbs_code,
            "extent_type": None,
        }
    ]


def phones(activity: Activity, service_id: str) -> list[dict[str, Any]]:
    if not activity.contact_phone:
        return []
    return [
        {
            "id": derived_id(service_id, "phone"),
            "service_id": service_id,
            "number": activity.contact_phone,
        }
    ]


def service(
    activity: Activity,
    *,
    url: str,
    today: datetime.date | None = None,
    texts: Texts | None = None,
) -> dict[str, Any]:
    """One activity as an HSDS service; `url` is its public page in the finder, the activity's
    own website is an additional url. The activity comes from
    `public_selectors.open_data_activities` (its related rows as plain lists); a page passes
    the `texts` it translated once."""
    today = today or timezone.localdate()
    texts = texts or Texts.now()
    service_id = str(activity.uuid)
    place = location(activity, service_id, texts)
    groups = [texts.groups[row.group] for row in groups_of(activity)]
    return {
        "id": service_id,
        "name": activity.title,
        "description": activity.description,
        "url": url,
        "additional_urls": (
            [
                {
                    "id": derived_id(service_id, "website"),
                    "label": texts.website,
                    "url": activity.website,
                }
            ]
            if activity.website
            else []
        ),
        "email": activity.contact_email,
        "status": SERVICE_STATUS[ActivityStatus(activity.status)],
        "application_process": activity.how_to_join,
        "fees_description": fees_description(activity, texts),
        "eligibility_description": ", ".join(groups),
        "last_modified": timezone.localtime(activity.updated_at),
        "organization": organization(activity, service_id),
        "service_areas": service_areas(activity, service_id),
        "service_at_locations": (
            [
                {
                    "id": derived_id(service_id, "service_at_location"),
                    "service_id": service_id,
                    "location": place,
                }
            ]
            if place
            else []
        ),
        "phones": phones(activity, service_id),
        "schedules": schedules(activity, service_id, today, texts),
        "cost_options": cost_options(activity, service_id, texts),
        "service_capacities": service_capacities(activity, service_id, texts),
        "attributes": attributes(activity, service_id, texts),
    }
