"""Degree fields: names, aliases and groups of related fields (``data/fields.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from fitscore.memo import PART_CAPACITY, Memo
from fitscore.rules import FieldRules, field_rules
from fitscore.skills.normalize import key
from fitscore.vocabulary import FieldRelation


class FieldIndex:
    """Degree fields by key, their groups, and aliases.

    Degree words are stripped on both sides ("BS in Computer Science" is Computer Science), and
    a field naming several ("Mathematics and Economics", "CS & Stats") matches if any part does.
    """

    def __init__(self, rules: FieldRules | None = None) -> None:
        rules = rules if rules is not None else field_rules()
        self.aliases = {key(alias): key(target) for alias, target in rules.aliases.items()}
        self.groups: dict[str, set[str]] = {}
        self._relations: Memo[tuple[str, tuple[str, ...]], FieldRelation] = Memo(PART_CAPACITY)
        self._names: Memo[str, str] = Memo()
        self._split: Memo[str, tuple[str, ...]] = Memo()
        for group, members in rules.groups.items():
            for member in members:
                self.groups.setdefault(key(member), set()).add(group)
        self._degree_words = frozenset(word.casefold() for word in rules.degree_words)
        # A word ("and") separates only between spaces; a symbol ("&", "/") anywhere.
        joins = [
            rf"\s+{re.escape(item)}\s+" if item.isalpha() else rf"\s*{re.escape(item)}\s*"
            for item in sorted(rules.separators, key=len, reverse=True)
        ]
        self._separator = re.compile("|".join(joins) or r"(?!)", re.IGNORECASE)

    def canonical(self, name: str) -> str:
        """The field's key, without degree words, through the aliases (remembered)."""
        return self._names(name, lambda: self._canonical(name))

    def _canonical(self, name: str) -> str:
        folded = key(self._without_degree_words(name))
        return self.aliases.get(folded, folded)

    def _without_degree_words(self, name: str) -> str:
        """ "B.S. in Computer Science (Hons)" -> "Computer Science"; a name of only degree words
        stays as it is."""
        tokens = re.sub(r"\([^)]*\)", " ", name).replace(".", "").casefold().split()
        start, end = 0, len(tokens)
        while start < end:
            if " ".join(tokens[start : start + 2]) in self._degree_words and start + 1 < end:
                start += 2
            elif tokens[start].strip(",:") in self._degree_words:
                start += 1
            else:
                break
        while end > start and tokens[end - 1].strip(",:") in self._degree_words:
            end -= 1
        return " ".join(tokens[start:end]) or name

    def _parts(self, field: str) -> tuple[str, ...]:
        """The field as written, then each field it names, canonical (remembered)."""
        return self._split(field, lambda: self._split_parts(field))

    def _split_parts(self, field: str) -> tuple[str, ...]:
        whole = self.canonical(field)
        parts = [self.canonical(part) for part in self._separator.split(field) if part.strip()]
        return tuple(dict.fromkeys([whole, *parts]))

    def relation(self, field: str, listed: Sequence[str]) -> FieldRelation:
        """How ``field`` stands to the ``listed`` fields (remembered: postings repeat lists)."""
        wanted = tuple(listed)
        return self._relations((field, wanted), lambda: self._relation(field, wanted))

    def _relation(self, field: str, listed: Sequence[str]) -> FieldRelation:
        mine = self._parts(field)
        wanted = {part for item in listed for part in self._parts(item)}
        if any(part in wanted for part in mine):
            return FieldRelation.EXACT
        my_groups: set[str] = set().union(*(self.groups.get(part, set()) for part in mine))
        if any(my_groups & self.groups.get(item, set()) for item in wanted):
            return FieldRelation.RELATED
        return FieldRelation.UNRELATED
