from types import SimpleNamespace

from django.template import Context, Template
from django.test.signals import template_rendered

from samenspel.bench import measure


def test_route_labels_name_their_parameters():
    assert (
        measure._label("coalitions/<uuid:coalition>/partners/")
        == "coalitions/{coalition}/partners/"
    )
    assert (
        measure._label("^coalitions/(?P<coalition_uuid>[^/.]+)/audit/$")
        == "coalitions/{coalition_uuid}/audit/"
    )


def test_missing_api_lists_expected_routes_that_do_not_exist():
    found = [
        ("api coalitions/", "/api/v1/coalitions/"),
        ("api coalitions/{coalition}/partners/", "/api/v1/coalitions/x/partners/"),
        ("api guide/sections/", "/api/v1/guide/sections/"),
    ]

    missing = measure.missing_api(found)

    assert "coalitions" not in missing
    assert "partners" not in missing
    assert "guide sections" not in missing
    assert "phase-changes" in missing
    assert "contacts" in missing


class FakeSubject:
    def value_for(self, parameter, route=""):
        return {"coalition": "c-1", "coalition_uuid": "c-1", "partner": "p-1"}.get(parameter)


def test_concrete_paths_fill_coalition_and_partner_and_skip_detail_routes():
    subject = FakeSubject()

    assert (
        measure._concrete("api/v1/c/<uuid:coalition>/partners/", subject)
        == "/api/v1/c/c-1/partners/"
    )
    assert (
        measure._concrete("^api/v1/(?P<coalition_uuid>[^/.]+)/audit/$", subject)
        == "/api/v1/c-1/audit/"
    )
    assert measure._concrete("api/v1/c/<uuid:coalition>/events/<uuid:uuid>/", subject) is None
    assert measure._concrete("^api/v1/coalitions\\.(?P<format>[a-z0-9]+)/?$", subject) is None


def test_scan_and_advice_parameters_are_filled():
    subject = measure.Subject(
        user=None,
        coalition=SimpleNamespace(uuid="c-1"),
        partner=SimpleNamespace(uuid="p-1"),
        round=SimpleNamespace(uuid="r-1"),
        link_token="link",
        api_token="t-1",
    )

    assert (
        measure._concrete("api/v1/coalitions/<uuid:coalition>/scans/rounds/<uuid:round>/", subject)
        == "/api/v1/coalitions/c-1/scans/rounds/r-1/"
    )
    assert (
        measure._concrete(
            "api/v1/coalitions/<uuid:coalition>/scans/trends/<slug:instrument>/", subject
        )
        == "/api/v1/coalitions/c-1/scans/trends/conditions/"
    )
    assert (
        measure._concrete("api/v1/instruments/<slug:instrument>/versions/<int:version>/", subject)
        == "/api/v1/instruments/conditions/versions/1/"
    )
    assert (
        measure._concrete(
            "api/v1/coalitions/<uuid:coalition>/findings/<slug:rule>/dismiss", subject
        )
        == "/api/v1/coalitions/c-1/findings/missing_partner_kinds/dismiss"
    )
    assert measure._concrete("api/v1/respond/<str:token>/", subject) == "/api/v1/respond/link/"
    assert (
        measure._concrete("api/v1/auth/tokens/<uuid:token>", subject) == "/api/v1/auth/tokens/t-1"
    )


def test_production_rendering_sends_no_template_signal():
    seen = []

    def record(**kwargs):
        seen.append(kwargs["template"])

    template_rendered.connect(record)
    try:
        template = Template("{{ x }}")
        assert template.render(Context({"x": 1})) == "1"
        instrumented = len(seen)
        with measure.production_rendering():
            assert template.render(Context({"x": 2})) == "2"
        assert len(seen) == instrumented  # nothing sent inside
        template.render(Context({"x": 3}))
        assert len(seen) == instrumented + 1  # and the test environment's rendering is back
    finally:
        template_rendered.disconnect(record)
