from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

PATTERNS = [
    path("api/v1/auth/", include("samenspel.accounts.api.urls")),
    path(
        "api/v1/coalitions/<uuid:coalition>/members/",
        include("samenspel.accounts.api.coalition_urls"),
    ),
]


def test_openapi_for_the_accounts_api_generates_without_warnings():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=PATTERNS).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache, dict(GENERATOR_STATS._warn_cache)
    assert not GENERATOR_STATS._error_cache, dict(GENERATOR_STATS._error_cache)
    validate_schema(schema)
    paths = schema["paths"]
    assert "/api/v1/auth/token" in paths
    assert paths["/api/v1/auth/token"]["post"].get("security", []) in ([], [{}])
    assert {"tokenAuth": []} in paths["/api/v1/auth/tokens"]["get"]["security"]
    assert "/api/v1/coalitions/{coalition}/members/invitations" in paths
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_accounts_adds_no_warnings_to_the_project_schema():
    GENERATOR_STATS.reset()
    SchemaGenerator(urlconf="samenspel.urls").get_schema(request=None, public=True)
    ours = [
        message
        for message in {**GENERATOR_STATS._warn_cache, **GENERATOR_STATS._error_cache}
        if "accounts" in message
    ]
    assert ours == []
