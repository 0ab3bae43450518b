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
tests; they are not run per request.
"""

from __future__ import annotations

import datetime
import uuid
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
    Frequency,
    TargetGroup,
)

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


def derived_id(owner: uuid.UUID | str, part: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{owner}/{part}"))


def taxonomy_term(taxonomy: str, code: str, name: str) -> dict[str, Any]:
    return {
        "id": derived_id(taxonomy, code),
        "code": code,
        "name": name,
        "description": "",
        "taxonomy": taxonomy,
        "language": "nl",
    }


def attributes(activity: Activity) -> list[dict[str, Any]]:
    """Kind and target groups as HSDS attributes: links from the service to taxonomy terms."""
    terms = [taxonomy_term(KIND_TAXONOMY, activity.kind, str(ActivityKind(activity.kind).label))]
    terms += [
        taxonomy_term(GROUP_TAXONOMY, row.group, str(TargetGroup(row.group).label))
        for row in activity.target_groups.all()
    ]
    if activity.week_against_loneliness:
        terms.append(
            taxonomy_term(FEATURE_TAXONOMY, WEEK_AGAINST_LONELINESS, _("Week tegen Eenzaamheid"))
        )
    return [
        {
            "id": derived_id(activity.uuid, f"attribute/{term['taxonomy']}/{term['code']}"),
            "link_id": str(activity.uuid),
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }
        for term in terms
    ]


def organization(activity: Activity) -> dict[str, Any] | None:
    """HSDS gives a service one organisation: the first provider (alphabetically), or else the
    organiser who is not a partner."""
    providers = list(activity.providers.all())
    if providers:
        return {"id": str(providers[0].uuid), "name": providers[0].name, "description": ""}
    if activity.organiser:
        return {
            "id": derived_id(activity.uuid, "organiser"),
            "name": activity.organiser,
            "description": "",
        }
    return None


def location(activity: Activity) -> dict[str, Any] | None:
    if not (activity.location_name or activity.street_address or activity.city):
        return None
    location_id = derived_id(activity.uuid, "location")
    address = None
    if activity.street_address or activity.city:
        address = {
            "id": derived_id(activity.uuid, "address"),
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
        "accessibility": accessibility(activity, location_id),
    }


def accessibility(activity: Activity, location_id: str) -> list[dict[str, Any]]:
    wheelchair = {
        True: _("Toegankelijk met een rolstoel."),
        False: _("Niet toegankelijk met een rolstoel."),
        None: "",
    }[activity.wheelchair_accessible]
    if not (wheelchair or activity.accessibility):
        return []
    return [
        {
            "id": derived_id(activity.uuid, "accessibility"),
            "location_id": location_id,
            "description": activity.accessibility,
            "details": wheelchair,
        }
    ]


def service_capacities(activity: Activity) -> list[dict[str, Any]]:
    if not activity.capacity:
        return []
    return [
        {
            "id": derived_id(activity.uuid, "capacity"),
            "service_id": str(activity.uuid),
            "unit": {"id": derived_id(NAMESPACE, "unit/places"), "name": _("plaatsen")},
            "maximum": activity.capacity,
            "description": "",
        }
    ]


def schedules(activity: Activity, today: datetime.date) -> list[dict[str, Any]]:
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = []
    frequency = str(Frequency(activity.frequency).label)
    for slot in activity.time_slots.all():
        rule = occurrence_rule(activity, slot, today)
        offset = datetime.datetime.combine(rule.first, slot.start_time, tzinfo=zone).utcoffset()
        assert offset is not None
        rows.append(
            {
                "id": derived_id(activity.uuid, f"schedule/{slot.weekday}/{slot.start_time:%H:%M}"),
                "service_id": str(activity.uuid),
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


def cost_options(activity: Activity) -> list[dict[str, Any]]:
    if activity.cost is None:
        return []
    return [
        {
            "id": derived_id(activity.uuid, "cost"),
            "service_id": str(activity.uuid),
            "option": activity.cost_note or (_("Gratis") if activity.is_free else ""),
            "amount": activity.cost,
            "currency": "EUR",
            "amount_description": activity.cost_note,
        }
    ]


def fees_description(activity: Activity) -> str:
    if activity.cost is None:
        return ""
    text = _("Gratis") if activity.is_free else f"€ {activity.cost:.2f}".replace(".", ",")
    return f"{text} ({activity.cost_note})" if activity.cost_note else text


def service_areas(activity: Activity) -> list[dict[str, Any]]:
    if activity.neighbourhood is None:
        return []
    neighbourhood = activity.neighbourhood
    return [
        {
            "id": str(neighbourhood.uuid),
            "service_id": str(activity.uuid),
            "name": neighbourhood.name,
            "description": neighbourhood.cbs_code,
            "extent_type": None,
        }
    ]


def phones(activity: Activity) -> list[dict[str, Any]]:
    if not activity.contact_phone:
        return []
    return [
        {
            "id": derived_id(activity.uuid, "phone"),
            "service_id": str(activity.uuid),
            "number": activity.contact_phone,
        }
    ]


def service(activity: Activity, *, url: str, today: datetime.date | None = None) -> dict[str, Any]:
    """One activity as an HSDS service; `url` is its public page in the finder, the activity's
    own website is an additional url."""
    today = today or timezone.localdate()
    place = location(activity)
    groups = [str(TargetGroup(row.group).label) for row in activity.target_groups.all()]
    return {
        "id": str(activity.uuid),
        "name": activity.title,
        "description": activity.description,
        "url": url,
        "additional_urls": (
            [
                {
                    "id": derived_id(activity.uuid, "website"),
                    "label": _("Website"),
                    "url": activity.website,
                }
            ]
            if activity.website
            else []
        ),
        "email": activity.contact_email,
        "status": SERVICE_STATUS[ActivityStatus(activity.status)],
        "application_process": activity.how_to_join,
        "fees_description": fees_description(activity),
        "eligibility_description": ", ".join(groups),
        "last_modified": timezone.localtime(activity.updated_at),
        "organization": organization(activity),
        "service_areas": service_areas(activity),
        "service_at_locations": (
            [
                {
                    "id": derived_id(activity.uuid, "service_at_location"),
                    "service_id": str(activity.uuid),
                    "location": place,
                }
            ]
            if place
            else []
        ),
        "phones": phones(activity),
        "schedules": schedules(activity, today),
        "cost_options": cost_options(activity),
        "service_capacities": service_capacities(activity),
        "attributes": attributes(activity),
    }
