"""Hints for writing in plain language (taalniveau B1), the level most residents read at.

Rough rules of thumb used by Dutch plain-language guides: short sentences (at most about 15
words) and short, common words. Long words are usually compounds that read more easily split
up ("ontmoetingsactiviteitenprogramma"). The hints advise; they never block saving.
"""

from __future__ import annotations

import re

from django.utils.text import Truncator
from django.utils.translation import gettext as _

MAX_SENTENCE_WORDS = 15
MAX_WORD_LETTERS = 16

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def hints(text: str) -> list[str]:
    """Dutch advice for a text, empty when it reads well."""
    found: list[str] = []
    for sentence in _SENTENCE_END.split(text or ""):
        words = _WORD.findall(sentence)
        if len(words) > MAX_SENTENCE_WORDS:
            found.append(
                _("Lange zin (%(n)s woorden): “%(start)s” Maak er twee korte zinnen van.")
                % {"n": len(words), "start": Truncator(sentence.strip()).words(8)}
            )
    long_words = sorted(
        {word for word in _WORD.findall(text or "") if len(word) > MAX_WORD_LETTERS}
    )
    if long_words:
        found.append(
            _("Lange woorden: %(words)s. Kies een korter of gewoner woord.")
            % {"words": ", ".join(long_words)}
        )
    return found
