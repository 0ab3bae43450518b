"""The OpenAPI document describes the coalition and partner API completely and without warnings."""

import datetime

import pytest
from django.urls import include, path
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from samenspel.accounts.tests.factories import MembershipFactory, UserFactory
from samenspel.core.testing import generated_schema
from samenspel.guide.content import phase_activities
from samenspel.partners import services
from samenspel.partners.tests.factories import PartnerFactory

C = "/api/v1/coalitions/{coalition}/"
P = C + "partners/{partner}/"
EXPECTED = {
    "/api/v1/coalitions/": {"get", "post"},
    C: {"get", "patch"},
    C + "phase-changes/": {"get", "post"},
    C + "checklist/": {"get"},
    C + "checklist/{activity}/": {"get", "put"},
    C + "where-are-we/": {"get"},
    C + "municipality-roles/": {"get", "put"},
    C + "dashboard/": {"get"},
    C + "audit/": {"get"},
    C + "partners/": {"get", "post"},
    C + "partner-map/": {"get"},
    P: {"get", "patch"},
    P + "contacts/": {"get", "post"},
    P + "contacts/{contact}/": {"get", "patch", "delete"},
    P + "events/": {"get", "post"},
    P + "events/{event}/": {"get", "patch"},
}


@pytest.mark.django_db
def test_every_route_answers_options_and_head_for_a_member():
    """OPTIONS (DRF's metadata) and HEAD work on every route, not only the documented methods."""
    membership = MembershipFactory(coordinator=True)
    partner = PartnerFactory(coalition=membership.coalition)
    user = membership.user
    contact = services.save_contact(partner, acting_user=user, name="Anna")
    event = services.record_event(
        partner, acting_user=user, kind="other", date=datetime.date(2024, 1, 1)
    )
    values = {
        "coalition": membership.coalition.uuid,
        "partner": partner.uuid,
        "contact": contact.uuid,
        "event": event.uuid,
        "activity": phase_activities("initiate")[0].key,
    }
    client = APIClient()
    client.force_authenticate(user)

    for route in EXPECTED:
        path = route.format(**values)
        assert client.options(path).status_code == 200, path
        assert client.head(path).status_code == 200, path


@pytest.mark.django_db
def test_openapi_document_renders_and_lists_every_coalition_and_partner_path():
    client = APIClient()
    client.force_authenticate(UserFactory())

    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for route, methods in EXPECTED.items():
        assert route in paths, route
        assert set(paths[route]) - {"parameters"} == methods, route


def test_coalition_and_partner_routes_generate_without_warnings_or_errors():
    schema, problems = generated_schema(
        "samenspel.coalitions.api.urls", "samenspel.partners.api.urls"
    )
    assert not problems, "\n".join(problems)
    assert set(schema["paths"]) == set(EXPECTED)


def test_list_endpoints_are_documented_as_paginated_and_partners_as_filterable():
    schema = SchemaGenerator(
        patterns=[path("api/v1/", include("samenspel.partners.api.urls"))]
    ).get_schema(request=None, public=True)

    operation = schema["paths"][C + "partners/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"page", "page_size", "kind", "circle", "status", "q"} <= names
    response_schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert response_schema["$ref"].endswith("PaginatedPartnerList")
