"""Publication venues found in the text a profile gives for them (``data/venues.yaml``).

People write "Proceedings of COLING 2020", "CVPR Workshops", "The Annals of Statistics" or
"Workshop on Computational Linguistics and Clinical Psychology (CLPsych)": a venue is found when
its words appear in that order, as whole words; a name of three letters or fewer ("ACL", "LoG")
only as written, so that a common word is never taken for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from fitscore.memo import Memo
from fitscore.skills.normalize import words

_SHORT = 3


class VenueFinder:
    """Areas of the venues named in a text (cached per text)."""

    def __init__(self, venues: Mapping[str, Sequence[str]]) -> None:
        self._venues: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
        for name, areas in venues.items():
            parts = words(name)
            if parts:
                self._venues.append((parts, name, tuple(areas)))
        # Longest names first, so "ECML PKDD" is tried before "ECML".
        self._venues.sort(key=lambda item: -len(item[0]))
        self._cache: Memo[str, tuple[str, ...]] = Memo()

    def areas(self, text: str) -> tuple[str, ...]:
        """The areas of every venue named in ``text``, in catalogue terms, first seen first."""
        found = self._cache.get(text)
        if found is None:
            found = self._areas(text)
            self._cache.put(text, found)
        return found

    def _areas(self, text: str) -> tuple[str, ...]:
        folded = tuple(words(text))
        areas: list[str] = []
        for parts, name, venue_areas in self._venues:
            if _contains(folded, parts) and (
                len(name) > _SHORT or re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text)
            ):
                areas.extend(venue_areas)
        return tuple(dict.fromkeys(areas))


def _contains(tokens: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    width = len(parts)
    return any(tokens[start : start + width] == parts for start in range(len(tokens) - width + 1))
