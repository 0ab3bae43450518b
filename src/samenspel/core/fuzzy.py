"""Search that forgives accents and typing errors, over texts already read from the database.

A page reads the texts it may search in one query (its own door decides which rows), and
`match` says which of them hold every word of the query. A word is found:

1. as it is, ignoring case and accents, also inside a longer word: "cafe" finds "Digitaal
   café", "wandel" finds "wandelen";
2. failing that, with typing errors (Levenshtein distance, through rapidfuzz): one for a word
   of four to seven letters, two for a longer one, measured against the start of each word, so
   "kofie" finds "koffie" and "koffieochtend". Shorter words are never guessed at.

The words read with a typing error come back as a suggestion ("Bedoelde u: koffie?"). The
matching runs in Python: the same on PostgreSQL and SQLite, and no extra query however many
words are searched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from rapidfuzz.distance import Levenshtein

K = TypeVar("K", bound=Hashable)

MAX_TERMS = 8  # more words than this narrow nothing down any further


def fold(text: str) -> str:
    """Lower case without accents: 'Initiëren' -> 'initieren', 'Café' -> 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def terms(query: str) -> list[str]:
    """The words of a query worth searching for (folded; single letters left out)."""
    return [word for word in re.findall(r"\w+", fold(query)) if len(word) > 1][:MAX_TERMS]


def allowed_errors(term: str) -> int:
    if len(term) < 4:
        return 0
    return 1 if len(term) < 8 else 2


@dataclass(frozen=True)
class Match(Generic[K]):
    keys: list[K]  # the documents holding every word, in the order they were given
    typed: tuple[str, ...] = ()  # the words searched for, folded
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> word found

    @property
    def suggestion(self) -> str:
        """The query as it was read, when a word was read with a typing error; else ''."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, word) for word in self.typed)


class _Index(Generic[K]):
    def __init__(self, documents: Mapping[K, str]) -> None:
        self.order = list(documents)
        self.where: dict[str, set[K]] = {}
        for key, text in documents.items():
            for word in re.findall(r"\w+", fold(text)):
                self.where.setdefault(word, set()).add(key)

    def exact(self, term: str) -> set[K]:
        return {key for word, keys in self.where.items() if term in word for key in keys}

    def close(self, term: str) -> tuple[set[K], str | None]:
        """Documents with a word that starts like `term` but for typing errors, and the word
        nearest to `term` as a whole (the suggestion)."""
        limit = allowed_errors(term)
        if not limit:
            return set(), None
        found: set[K] = set()
        nearest: tuple[int, int, str] | None = None
        for word, keys in self.where.items():
            start = word[: len(term) + limit]
            if Levenshtein.distance(term, start, score_cutoff=limit) > limit:
                continue
            found |= keys
            rank = (Levenshtein.distance(term, word), -len(keys), word)
            nearest = rank if nearest is None else min(nearest, rank)
        return found, nearest[2] if nearest else None


def match(documents: Mapping[K, str], query: str) -> Match[K]:
    """The documents (key -> searchable text) that hold every word of `query`."""
    typed = terms(query)
    if not typed:
        return Match(keys=list(documents))
    index = _Index(documents)
    remaining: set[K] | None = None
    corrections: dict[str, str] = {}
    for term in typed:
        found = index.exact(term)
        if not found:
            found, nearest = index.close(term)
            if nearest:
                corrections[term] = nearest
        remaining = found if remaining is None else remaining & found
    kept = remaining or set()
    return Match([key for key in index.order if key in kept], tuple(typed), corrections)
