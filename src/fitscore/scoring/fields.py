"""Degree fields: names, aliases and groups of related fields (``data/fields.yaml``)."""

from __future__ import annotations

from collections.abc import Sequence

from fitscore.rules import FieldRules, field_rules
from fitscore.scoring.memo import Memo
from fitscore.skills.normalize import key
from fitscore.vocabulary import FieldRelation


class FieldIndex:
    """Degree fields by key, their groups, and aliases."""

    def __init__(self, rules: FieldRules | None = None) -> None:
        rules = rules if rules is not None else field_rules()
        self.aliases = {key(alias): key(target) for alias, target in rules.aliases.items()}
        self.groups: dict[str, set[str]] = {}
        self._relations: Memo[tuple[str, tuple[str, ...]], FieldRelation] = Memo()
        for group, members in rules.groups.items():
            for member in members:
                self.groups.setdefault(key(member), set()).add(group)

    def canonical(self, name: str) -> str:
        folded = key(name)
        return self.aliases.get(folded, folded)

    def relation(self, field: str, listed: Sequence[str]) -> FieldRelation:
        """How ``field`` stands to the ``listed`` fields (remembered: postings repeat lists)."""
        wanted = tuple(listed)
        return self._relations((field, wanted), lambda: self._relation(field, wanted))

    def _relation(self, field: str, listed: Sequence[str]) -> FieldRelation:
        mine = self.canonical(field)
        wanted = {self.canonical(item) for item in listed}
        if mine in wanted:
            return FieldRelation.EXACT
        my_groups = self.groups.get(mine, set())
        if any(my_groups & self.groups.get(item, set()) for item in wanted):
            return FieldRelation.RELATED
        return FieldRelation.UNRELATED
