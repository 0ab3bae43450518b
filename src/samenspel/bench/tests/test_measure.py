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
    def value_for(self, parameter):
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
