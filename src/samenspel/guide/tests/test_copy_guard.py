"""The copy guard over everything a person reads: templates and the translation catalogues.

The guide's content, the scan instruments and the advice texts have their own copy tests; this one
covers the rest of the project. The catalogues hold every gettext string of the code (msgid) and
its English translation, so a copied sentence in a view, a form or a rule is caught here too. A
run of `fingerprint.RUN` (10) words shared with the handbook or the articles fails.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from samenspel.guide.tests import fingerprint

PROJECT = Path(__file__).resolve().parents[2]
TRANSLATE_TAG = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1.*?%}""", re.DOTALL)
TEMPLATE_MARKUP = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]*>", re.DOTALL)
PO_STRING = re.compile(r'^(?:msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*"(.*)"\s*$')


def template_texts() -> Iterator[tuple[str, str]]:
    for path in sorted(PROJECT.glob("**/templates/**/*.html")):
        yield str(path.relative_to(PROJECT)), readable(path.read_text(encoding="utf-8"))


def readable(template: str) -> str:
    """The words a template shows: translated strings kept, tags and markup dropped."""
    return TEMPLATE_MARKUP.sub(" ", TRANSLATE_TAG.sub(r" \2 ", template))


def catalogue_texts() -> Iterator[tuple[str, str]]:
    """One text per entry of each catalogue: its msgid (Dutch) with its continuation lines."""
    for path in sorted(PROJECT.glob("locale/*/LC_MESSAGES/*.po")):
        where = str(path.relative_to(PROJECT))
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("msgid ") and current:
                yield where, "".join(current)
                current = []
            match = PO_STRING.match(line)
            if match and not line.startswith("msgstr"):
                current.append(match.group(1))
        if current:
            yield where, "".join(current)


def copied_runs(texts: Iterator[tuple[str, str]]) -> list[str]:
    known = fingerprint.load()
    return [
        f"{where}: {' '.join(run)}"
        for where, text in texts
        for run in fingerprint.runs(text)
        if fingerprint.digest(run) in known
    ]


def test_templates_do_not_copy_the_sources() -> None:
    assert not copied_runs(template_texts()), "\n".join(copied_runs(template_texts()))


def test_translation_catalogues_do_not_copy_the_sources() -> None:
    assert not copied_runs(catalogue_texts()), "\n".join(copied_runs(catalogue_texts()))


def test_guard_reads_templates_and_catalogues() -> None:
    templates = dict(template_texts())
    assert any("coalitions/templates" in where for where in templates)
    assert not any("{%" in text for text in templates.values())
    assert sum(1 for _ in catalogue_texts()) > 100


def test_guard_catches_ten_copied_words_in_a_template_line() -> None:
    # Ten words in a row from the handbook's introduction, spread over markup as a template would.
    line = (
        "<p>{% translate 'Door samen te werken kunnen de' %} <strong>betrokken organisaties"
        "</strong> goed in beeld houden</p>"
    )
    assert copied_runs(iter([("example.html", readable(line))]))
    nine_words = "kunnen de betrokken organisaties goed in beeld houden wie"
    assert not copied_runs(iter([("example.html", "Eigen tekst: " + nine_words[:-4])]))
