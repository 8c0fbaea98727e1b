"""How two spellings of a skill are made comparable.

A lookup key is NFKC-normalised and case-folded, with spaces, hyphens, underscores, dots,
commas and apostrophes removed. Symbols that tell skills apart (``+``, ``#``, ``&``, ``/``) stay, so
``C``, ``C++`` and ``C#`` keep distinct keys while ``scikit learn``, ``scikit-learn`` and
``Scikit_Learn`` share one.

Dropping spaces must never join a short name to the word next to it: "R or" is not "RoR", "as R"
is not "ASR". So a key comes with its word boundaries (:func:`segments`): where the spelling
had a separator. A catalogue spelling also has boundaries where its case or script changes
("TensorFlow", "NodeJS", "S3"), and a written term matches it only when each of its own
boundaries is one the spelling has too, or splits two long words (``LONG_PART`` characters or
more each: "Data bricks"). "Tensor Flow", "Node JS" and "scikit learn" find their skills;
"R or", "as R" and "R to" find nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from fitscore.memo import STRING_CAPACITY

_DROPPED = re.compile(r"[\s\-_.,'\u2019`]+")
# "Python 3.11", "Java 17", "C++17", "TensorFlow 2.x", "Python3", "Spark v3.5"
_VERSION = re.compile(r"^(?P<base>.*?\D)[\s\-_]*v?\d+(?:\.(?:\d+|x))*\+?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Either side of a boundary a catalogue spelling does not have must be at least this long.
LONG_PART = 4

Boundaries = frozenset[int]


@lru_cache(maxsize=STRING_CAPACITY)
def segments(term: str) -> tuple[str, Boundaries]:
    """The key of a term and its word boundaries as written (positions in the key)."""
    folded = unicodedata.normalize("NFKC", term).casefold()
    pieces = [piece for piece in _DROPPED.split(folded) if piece]
    boundaries: set[int] = set()
    position = 0
    for piece in pieces[:-1]:
        position += len(piece)
        boundaries.add(position)
    return "".join(pieces), frozenset(boundaries)


@cache
def common_words() -> frozenset[str]:
    """The commonest English words (``data/common_words.txt``), case-folded."""
    path = Path(__file__).resolve().parent.parent / "data" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and line[0] != "#")


@lru_cache(maxsize=STRING_CAPACITY)
def spelling_boundaries(term: str) -> Boundaries:
    """Boundaries of a catalogue spelling: separators, and case or letter/digit changes.

    A case change counts only between two parts of three characters or more ("Big Query"), or
    of two when neither is an ordinary English word ("Py Torch"): "TensorFlow" may be written
    "Tensor Flow", but "MySQL" is not "my SQL", "NoSQL" is not "no SQL", "CMake" not "C make".
    """
    text = unicodedata.normalize("NFKC", term)
    found: set[int] = set()
    position = 0
    pieces = [piece for piece in _DROPPED.split(text) if piece]
    for number, piece in enumerate(pieces):
        cuts = [0, *_case_cuts(piece), len(piece)]
        for index in range(1, len(cuts) - 1):
            left = piece[cuts[index - 1] : cuts[index]].casefold()
            right = piece[cuts[index] : cuts[index + 1]].casefold()
            shortest = min(len(left), len(right))
            if shortest >= 3 or (shortest == 2 and not {left, right} & common_words()):
                found.add(position + len(piece[: cuts[index]].casefold()))
        position += len(piece.casefold())
        if number < len(pieces) - 1:
            found.add(position)
    return frozenset(found)


def _case_cuts(piece: str) -> list[int]:
    cuts = []
    for index in range(1, len(piece)):
        before, here = piece[index - 1], piece[index]
        after = piece[index + 1] if index + 1 < len(piece) else ""
        camel = before.islower() and here.isupper()
        acronym_end = before.isupper() and here.isupper() and after.islower()
        script = before.isalnum() and here.isalnum() and before.isdigit() != here.isdigit()
        if camel or acronym_end or script:
            cuts.append(index)
    return cuts


def edit_within_long_word(query: str, candidate: str, written: Boundaries) -> bool:
    """Does the one edit between two keys fall inside a long written word of ``query``?

    "Pytorh Lightning" is a slip inside a word; ".NET more" is not ".NET Core", and "not SQL"
    is not "NoSQL": an edit in a short word makes another word, not a typo.
    """
    prefix = 0
    while prefix < min(len(query), len(candidate)) and query[prefix] == candidate[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < min(len(query), len(candidate)) - prefix
        and query[-1 - suffix] == candidate[-1 - suffix]
    ):
        suffix += 1
    start, end = prefix, max(prefix, len(query) - suffix)
    cuts = [0, *sorted(written), len(query)]
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left <= start and end <= right and (start < right or right == len(query)):
            return right - left >= 5
    return False


def fits(written: Boundaries, allowed: Boundaries, length: int) -> bool:
    """May a term with ``written`` boundaries stand for a spelling with ``allowed`` ones?

    Every boundary the term has must be one the spelling has, or lie between two parts of at
    least ``LONG_PART`` characters (see the module docstring).
    """
    extra = written - allowed
    if not extra:
        return True
    cuts = [0, *sorted(written), length]
    part_lengths = {cut: (cut - cuts[i], cuts[i + 2] - cut) for i, cut in enumerate(cuts[1:-1])}
    return all(min(part_lengths[cut]) >= LONG_PART for cut in extra)


@lru_cache(maxsize=STRING_CAPACITY)
def variant_segments(term: str) -> tuple[tuple[str, Boundaries], ...]:
    """Like :func:`variants`, each key with the boundaries the term has there."""
    whole = segments(term)
    found = [whole]
    match = _VERSION.match(unicodedata.normalize("NFKC", term).strip())
    # "Python3" and "ES6" carry versions; in "make S3" the digit is part of a name.
    if match and len(_last_word(match.group("base"))) >= 2:
        found.append(segments(match.group("base")))
    for candidate, boundaries in list(found):
        singular = singular_key(candidate)
        if singular:
            found.append((singular, frozenset(b for b in boundaries if b < len(singular))))
    return tuple(dict.fromkeys(item for item in found if item[0]))


@lru_cache(maxsize=STRING_CAPACITY)
def key(term: str) -> str:
    """The lookup key of a term (see module docstring)."""
    folded = unicodedata.normalize("NFKC", term).casefold()
    return _DROPPED.sub("", folded)


@lru_cache(maxsize=STRING_CAPACITY)
def _last_word(text: str) -> str:
    found = _DROPPED.split(text.strip())
    return found[-1] if found else ""


def singular_key(term_key: str) -> str | None:
    """A simple singular of a key ("gnns" -> "gnn", "libraries" -> "library"), if any."""
    if len(term_key) < 4 or term_key.endswith(("ss", "us", "is")):
        return None
    if term_key.endswith("ies") and len(term_key) > 4:
        return term_key[:-3] + "y"
    if term_key.endswith("s"):
        return term_key[:-1]
    return None


def words(text: str) -> tuple[str, ...]:
    """Case-folded words of a phrase, for word-level comparisons of unknown terms."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
