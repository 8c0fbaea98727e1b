"""How two spellings of a skill are made comparable.

A lookup key is NFKC-normalised and case-folded, with spaces, hyphens, underscores, dots,
commas and apostrophes removed. Symbols that tell skills apart (``+``, ``#``, ``&``, ``/``) stay, so
``C``, ``C++`` and ``C#`` keep distinct keys while ``scikit learn``, ``scikit-learn`` and
``Scikit_Learn`` share one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROPPED = re.compile(r"[\s\-_.,'\u2019`]+")
# "Python 3.11", "Java 17", "C++17", "TensorFlow 2.x", "Python3", "Spark v3.5"
_VERSION = re.compile(r"^(?P<base>.*?\D)[\s\-_]*v?\d+(?:\.(?:\d+|x))*\+?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def key(term: str) -> str:
    """The lookup key of a term (see module docstring)."""
    folded = unicodedata.normalize("NFKC", term).casefold()
    return _DROPPED.sub("", folded)


@lru_cache(maxsize=65536)
def variants(term: str) -> tuple[str, ...]:
    """Keys to try in order: as written, without a version suffix, without a plural ending."""
    found = [key(term)]
    match = _VERSION.match(unicodedata.normalize("NFKC", term).strip())
    if match and key(match.group("base")):
        found.append(key(match.group("base")))
    for candidate in list(found):
        singular = singular_key(candidate)
        if singular:
            found.append(singular)
    return tuple(dict.fromkeys(item for item in found if item))


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
