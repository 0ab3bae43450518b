"""Search that forgives accents and typing errors (core/fuzzy.py)."""

from hypothesis import given
from hypothesis import strategies as st

from samenspel.core.fuzzy import fold, match, terms

DOCUMENTS = {
    1: "Digitaal café: hulp bij uw telefoon",
    2: "Koffieochtend in De Linde. Elke woensdag staat de koffie klaar.",
    3: "Wandelen in het park",
    4: "Taalcafé voor nieuwkomers",
    5: "Samen eten",
}


def test_accents_and_case_are_ignored():
    assert match(DOCUMENTS, "cafe").keys == [1, 4]
    assert match(DOCUMENTS, "CAFÉ").keys == [1, 4]
    assert match(DOCUMENTS, "cafe").suggestion == ""


def test_a_word_is_found_inside_a_longer_word():
    assert match(DOCUMENTS, "wandel").keys == [3]
    assert match(DOCUMENTS, "koffie").keys == [2]


def test_a_typing_error_is_forgiven_and_suggested():
    found = match(DOCUMENTS, "kofie")
    assert found.keys == [2]
    assert found.suggestion == "koffie"
    assert match(DOCUMENTS, "wandleen").keys == [3]  # two letters swapped in a long word
    assert match(DOCUMENTS, "telefon woensdag").keys == []  # both words, never one of them


def test_every_word_must_be_found():
    assert match(DOCUMENTS, "koffie woensdag").keys == [2]
    assert match(DOCUMENTS, "cafe nieuwkomers").keys == [4]
    found = match(DOCUMENTS, "taalcafe nieuwkomrs")
    assert found.keys == [4]
    assert found.suggestion == "taalcafe nieuwkomers"


def test_short_words_are_not_guessed_at():
    assert match(DOCUMENTS, "ete").keys == [5]  # inside "eten"
    assert match(DOCUMENTS, "xte").keys == []


def test_an_empty_query_keeps_everything():
    assert match(DOCUMENTS, "  ").keys == [1, 2, 3, 4, 5]
    assert match({}, "koffie").keys == []


def test_fold_and_terms():
    assert fold("Initiëren Café") == "initieren cafe"
    assert terms("Een café, ó ja!") == ["een", "cafe", "ja"]


@given(st.text(alphabet="abcdeéëfgklmnoprstuw ", min_size=1, max_size=40))
def test_a_text_always_finds_itself(text):
    """Whatever a document says, searching for its own words finds it."""
    assert match({"doc": text, "other": "zzz"}, text).keys in (["doc"], ["doc", "other"])
    if terms(text):
        assert "doc" in match({"doc": text}, text).keys
