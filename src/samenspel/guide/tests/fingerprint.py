"""Fingerprints of the source texts, so the copy guard can run without the texts themselves.

The guide must paraphrase its sources. `test_content.test_no_content_copied_from_the_sources`
checks that no run of RUN consecutive words of any content string occurs in a source;
`test_copy_guard.py` does the same for every template and the translation catalogues. The sources
are not part of this repository, so their runs are stored as short hashes in
`source_fingerprints.txt`. Regenerate that file when a source is added:

    python -m samenspel.guide.tests.fingerprint SOURCE.txt [SOURCE.txt ...] \\
        > src/samenspel/guide/tests/source_fingerprints.txt
"""

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from samenspel.guide.content import fold

RUN = 10
FINGERPRINTS = Path(__file__).resolve().parent / "source_fingerprints.txt"


def words(text: str) -> list[str]:
    """Case, accents, punctuation and whitespace do not count."""
    return re.findall(r"\w+", fold(text))


def runs(text: str, length: int = RUN) -> Iterator[tuple[str, ...]]:
    found = words(text)
    for start in range(len(found) - length + 1):
        yield tuple(found[start : start + length])


def digest(run: tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(run).encode(), digest_size=6).hexdigest()


def fingerprints(text: str) -> set[str]:
    return {digest(run) for run in runs(text)}


def load() -> set[str]:
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def main(paths: list[str]) -> None:
    found: set[str] = set()
    print(f"# Hashed runs of {RUN} words of the guide's sources; see fingerprint.py.")
    for path in paths:
        print(f"# {Path(path).name}")
        found |= fingerprints(Path(path).read_text(encoding="utf-8"))
    print("\n".join(sorted(found)))


if __name__ == "__main__":
    main(sys.argv[1:])
