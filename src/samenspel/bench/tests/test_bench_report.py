from samenspel.bench.management.commands.bench import _assemble
from samenspel.bench.measure import PageResult

OPTIONS = {"focus_partners": 40, "repeat": 30, "warmup": 3, "seed": 1}


def _scale(pages, missing=()):
    timing = {"median_ms": 10.0, "min_ms": 9.0, "p90_ms": 12.0}
    return {
        "pages": pages,
        "missing_api": list(missing),
        "timings": {
            "healthz": {"median_ms": 2.0, "min_ms": 1.0, "p90_ms": 3.0},
            "trivial page": {"median_ms": 2.0, "min_ms": 1.0, "p90_ms": 3.0},
            "dashboard": timing,
        },
        "advice_ms": 12.0,
        "rows": {},
        "focus": {},
        "generation_seconds": 0.1,
        "parameters": {},
    }


def test_a_count_that_grows_with_the_database_is_reported_with_its_sql():
    small = _scale([PageResult("dashboard", "/c/x/", 200, 11, ["SELECT 1"])])
    national = _scale([PageResult("dashboard", "/c/x/", 200, 12, ["SELECT 1", "SELECT 2"])])

    report = _assemble({"small": small, "national": national}, OPTIONS)

    assert report["queries"]["dashboard"] == {
        "path": "/c/x/",
        "small": 11,
        "national": 12,
        "equal": False,
    }
    assert report["all_queries_equal"] is False
    assert report["query_differences"]["dashboard"]["national"] == ["SELECT 1", "SELECT 2"]
    assert report["server_time"]["dashboard"]["small"]["ratio_to_trivial"] == 5.0


def test_missing_routes_are_skipped_with_a_note_and_failures_are_errors():
    pages = [
        PageResult("guide index", None, note="URL 'guide:index' does not exist (yet)."),
        PageResult("audit", "/c/x/audit/", 500, 3, error="HTTP 500"),
    ]

    report = _assemble({"small": _scale(pages, ["contacts"]), "national": _scale(pages)}, OPTIONS)

    assert "guide index" not in report["queries"]
    assert "guide index: URL 'guide:index' does not exist (yet)." in report["skipped"]
    assert "api contacts: no route under /api/v1/ yet" in report["skipped"]
    assert report["errors"] == {"audit (small)": "HTTP 500", "audit (national)": "HTTP 500"}


def test_advice_times_are_reported_per_scale_and_for_the_demo_with_the_limit():
    small, national = _scale([]), _scale([])
    national["advice_ms"] = 140.0

    report = _assemble({"small": small, "national": national}, OPTIONS, demo_advice_ms=30.0)

    advice = report["advice"]
    assert advice["limit_ms"] == 100.0
    assert advice["median_ms"] == {
        "focus coalition (small)": 12.0,
        "focus coalition (national)": 140.0,
        "demo coalition (Samen Dijkerveen)": 30.0,
    }
    assert advice["under_limit"] is False
    assert report["all_queries_equal"] is True  # slow advice is reported, not a failure


def test_advice_under_the_limit():
    report = _assemble({"small": _scale([]), "national": _scale([])}, OPTIONS, demo_advice_ms=None)

    assert report["advice"]["under_limit"] is True
    assert report["advice"]["median_ms"]["demo coalition (Samen Dijkerveen)"] is None
