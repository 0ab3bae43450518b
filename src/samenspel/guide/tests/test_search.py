from samenspel.guide.content import SNIPPET_RADIUS, fold, search


def _keys(query: str) -> list[tuple[str, str]]:
    return [(hit.section.key, hit.item.key) for hit in search(query)]


def test_fold_removes_case_and_accents() -> None:
    assert fold("Initiëren en Coördinatie") == "initieren en coordinatie"


def test_finds_an_item_by_a_word_in_its_body() -> None:
    assert ("partner_kinds", "care_providers") in _keys("Welzijn op Recept")


def test_is_accent_insensitive() -> None:
    hits = search("initieren")
    assert (hits[0].section.key, hits[0].item.key) == ("phases", "initiate")
    assert hits[0].title_match
    assert _keys("initieren") == _keys("Initiëren") == _keys("INITIËREN")


def test_title_matches_come_first() -> None:
    hits = search("netwerkdip")
    assert [hit.title_match for hit in hits] == sorted(
        (hit.title_match for hit in hits), reverse=True
    )
    assert (hits[0].section.key, hits[0].item.key) == ("phase_changes", "netwerkdip")
    assert ("phases", "develop") in _keys("netwerkdip")  # mentioned in a tip


def test_every_word_must_occur() -> None:
    assert ("partner_kinds", "welfare") in _keys("coördinator valkuil")
    assert _keys("valkuil xyzzy") == []


def test_searches_questions_and_activities() -> None:
    assert ("monitoring_questions", "q07") in _keys("signaleringskaart")
    assert ("phases", "initiate") in _keys("lobbywerk")


def test_empty_or_trivial_query_finds_nothing() -> None:
    assert search("") == []
    assert search("   ") == []
    assert search("a ?") == []


def test_snippet_shows_the_match_and_is_short() -> None:
    hit = next(hit for hit in search("Beekdaelen") if hit.item.key == "residents")
    assert "Beekdaelen" in hit.snippet
    assert len(hit.snippet) <= 2 * SNIPPET_RADIUS + 2
