"""The skill catalogue: canonical skills, aliases, categories, families and implications.

The knowledge lives in ``catalog.yaml`` beside this module; a user catalogue file (same format)
adds to it. Both are validated like any input, with problems located by line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from fitscore.diagnostics import Problem, error
from fitscore.errors import InputError
from fitscore.loading import to_model
from fitscore.models import StrictModel
from fitscore.skills.normalize import key, singular_key
from fitscore.yamlsource import DEFAULT_LIMITS, Document, Limits, parse_bytes, read_document

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Spot = Literal["normal", "case_sensitive", "never"]

BUILTIN_NAME = "fitscore/skills/catalog.yaml"
USER_CATALOG_ENV = "FITSCORE_CATALOG"


class CategoryEntry(StrictModel):
    id: Identifier
    label: Term
    examples: tuple[Term, ...] = ()


class FamilyEntry(StrictModel):
    id: Identifier
    label: Term


class SkillEntry(StrictModel):
    name: Term
    aliases: tuple[Term, ...] = ()
    categories: tuple[Identifier, ...] = ()
    family: Identifier | None = None
    implies: tuple[Term, ...] = ()
    stands_for: Identifier | None = Field(
        default=None, description="A category this skill names as a whole: any member shows it."
    )
    spot: Spot = Field(
        default="normal",
        description="How the skill is found in free text: normal, case_sensitive or never.",
    )


class CatalogFile(StrictModel):
    """The catalogue file format (built-in and user extension alike)."""

    model_config = ConfigDict(title="fitscore skill catalogue")

    schema_version: Literal[1] = 1
    categories: tuple[CategoryEntry, ...] = ()
    families: tuple[FamilyEntry, ...] = ()
    skills: tuple[SkillEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillInfo:
    name: str
    aliases: tuple[str, ...]
    categories: frozenset[str]
    family: str | None
    implies: tuple[str, ...]
    spot: Spot
    stands_for: str | None = None


@dataclass(frozen=True)
class Catalog:
    """An immutable, indexed catalogue."""

    skills: Mapping[str, SkillInfo]
    categories: Mapping[str, str]
    category_examples: Mapping[str, tuple[str, ...]]
    families: Mapping[str, str]
    index: Mapping[str, str]
    closure: Mapping[str, frozenset[str]]
    sources: tuple[str, ...] = ()
    surface: Mapping[str, tuple[tuple[str, str, Spot], ...]] = field(default_factory=dict)
    max_words: int = 1

    def lookup_key(self, term_key: str) -> str | None:
        return self.index.get(term_key)

    def category_members(self, category: str) -> tuple[str, ...]:
        """Skills of ``category``: its well-known examples first, then the rest in name order."""
        members = sorted(
            (name for name in self.skills if category in self.categories_of(name)),
            key=str.casefold,
        )
        first = [name for name in self.category_examples.get(category, ()) if name in members]
        return tuple(dict.fromkeys([*first, *members]))

    def categories_of(self, name: str) -> frozenset[str]:
        """Categories a skill shows, its own and those of every skill it implies."""
        found: set[str] = set()
        for implied in self.closure.get(name, frozenset({name})):
            info = self.skills.get(implied)
            if info is not None:
                found |= info.categories
        return frozenset(found)

    def family_of(self, name: str) -> str | None:
        info = self.skills.get(name)
        return info.family if info else None


def load_catalog(extra: Iterable[str] = (), *, use_default_user_file: bool = True) -> Catalog:
    """The built-in catalogue plus user files (``extra``, else the default location if present).

    Raises :class:`InputError` when any file has problems.
    """
    paths = tuple(extra)
    if not paths and use_default_user_file:
        default = default_user_catalog()
        paths = (str(default),) if default is not None and default.is_file() else ()
    return _load(paths)


def default_user_catalog() -> Path | None:
    """Where a user catalogue is read from when ``--catalog`` is not given."""
    explicit = os.environ.get(USER_CATALOG_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "fitscore" / "catalog.yaml"


@cache
def builtin_catalog() -> Catalog:
    """The catalogue shipped with fitscore."""
    return _load(())


@cache
def _load(paths: tuple[str, ...]) -> Catalog:
    raw = resources.files("fitscore.skills").joinpath("catalog.yaml").read_bytes()
    documents = [parse_bytes(raw, BUILTIN_NAME, Limits(max_bytes=16 << 20, max_nodes=2_000_000))]
    documents += [read_document(path, DEFAULT_LIMITS) for path in paths]
    builder = _Builder()
    for document in documents:
        builder.add(document)
    return builder.build()


class _Builder:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.categories: dict[str, str] = {}
        self.category_examples: dict[str, tuple[str, ...]] = {}
        self.families: dict[str, str] = {}
        self.entries: dict[str, dict[str, object]] = {}
        self.owner: dict[str, str] = {}
        self.places: dict[str, tuple[Document, tuple[str | int, ...]]] = {}
        self.sources: list[str] = []

    def add(self, document: Document) -> None:
        parsed, problems = to_model(document, CatalogFile)
        if parsed is None:
            self.problems.extend(problems)
            return
        self.sources.append(document.path)
        for entry in parsed.categories:
            self.categories[entry.id] = entry.label
            if entry.examples:
                self.category_examples[entry.id] = entry.examples
        for family in parsed.families:
            self.families[family.id] = family.label
        for position, skill in enumerate(parsed.skills):
            self._add_skill(document, position, skill)

    def _add_skill(self, document: Document, position: int, skill: SkillEntry) -> None:
        where = ("skills", position)
        name = self.owner.get(key(skill.name))
        if name is not None and name in self.entries and key(name) != key(skill.name):
            self._problem(
                document, (*where, "name"), f"'{skill.name}' is already an alias of {name}"
            )
            return
        if name is None:
            name = skill.name
            self.entries[name] = {
                "aliases": [],
                "categories": set(),
                "family": None,
                "implies": [],
                "spot": "normal",
                "stands_for": None,
            }
            self._claim(document, (*where, "name"), skill.name, name)
            self.places[name] = (document, where)
        entry = self.entries[name]
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        for number, alias in enumerate(skill.aliases):
            if self._claim(document, (*where, "aliases", number), alias, name):
                aliases.append(alias)
        categories = entry["categories"]
        assert isinstance(categories, set)
        categories.update(skill.categories)
        if skill.family is not None:
            entry["family"] = skill.family
        implies = entry["implies"]
        assert isinstance(implies, list)
        implies.extend(item for item in skill.implies if item not in implies)
        if skill.spot != "normal":
            entry["spot"] = skill.spot
        if skill.stands_for is not None:
            entry["stands_for"] = skill.stands_for

    def _claim(self, document: Document, path: tuple[str | int, ...], term: str, name: str) -> bool:
        term_key = key(term)
        holder = self.owner.get(term_key)
        if holder is not None and holder != name:
            self._problem(document, path, f"'{term}' already names {holder}")
            return False
        self.owner[term_key] = name
        return True

    def _problem(self, document: Document, path: tuple[str | int, ...], message: str) -> None:
        line, column = document.position(path)
        self.problems.append(error(document.path, line, column, "catalog", message))

    def build(self) -> Catalog:
        skills: dict[str, SkillInfo] = {}
        for name, entry in self.entries.items():
            document, where = self.places[name]
            categories = entry["categories"]
            assert isinstance(categories, set)
            for category in sorted(categories):
                if category not in self.categories:
                    self._problem(
                        document, (*where, "categories"), f"unknown category '{category}'"
                    )
            family = entry["family"]
            if family is not None and family not in self.families:
                self._problem(document, (*where, "family"), f"unknown family '{family}'")
            implies = entry["implies"]
            assert isinstance(implies, list)
            resolved = []
            for implied in implies:
                target = self.owner.get(key(implied))
                if target is None:
                    self._problem(
                        document, (*where, "implies"), f"implies unknown skill '{implied}'"
                    )
                elif target != name:
                    resolved.append(target)
            aliases = entry["aliases"]
            assert isinstance(aliases, list)
            spot = entry["spot"]
            assert spot in ("normal", "case_sensitive", "never")
            stands_for = entry["stands_for"]
            if stands_for is not None and stands_for not in self.categories:
                self._problem(document, (*where, "stands_for"), f"unknown category '{stands_for}'")
            skills[name] = SkillInfo(
                name=name,
                aliases=tuple(aliases),
                categories=frozenset(categories),
                family=family if isinstance(family, str) else None,
                implies=tuple(resolved),
                spot=spot,
                stands_for=stands_for if isinstance(stands_for, str) else None,
            )
        closure = self._closure(skills)
        examples: dict[str, tuple[str, ...]] = {}
        for category, names in self.category_examples.items():
            found = [self.owner.get(key(name)) for name in names]
            if None in found:
                self.problems.append(
                    error(BUILTIN_NAME, 0, 0, "catalog", f"category {category}: unknown example")
                )
            examples[category] = tuple(name for name in found if name)
        if self.problems:
            raise InputError(sorted(self.problems))
        index = dict(self.owner)
        # "Recommender Systems" is also found as "Recommender System".
        for term_key, name in list(self.owner.items()):
            singular = singular_key(term_key)
            if singular and singular not in index and _is_phrase(skills[name], term_key):
                index[singular] = name
        surface: dict[str, list[tuple[str, str, Spot]]] = {}
        max_words = 1
        for info in skills.values():
            if info.spot == "never":
                continue
            for term in (info.name, *info.aliases):
                surface.setdefault(key(term), []).append((info.name, term, info.spot))
                max_words = max(max_words, len(term.split()))
        return Catalog(
            skills=skills,
            categories=dict(self.categories),
            category_examples=examples,
            families=dict(self.families),
            index=index,
            closure=closure,
            sources=tuple(self.sources),
            surface={term_key: tuple(items) for term_key, items in surface.items()},
            max_words=max_words,
        )

    def _closure(self, skills: Mapping[str, SkillInfo]) -> dict[str, frozenset[str]]:
        # A skill that stands for a category ("Big Data") is shown by every member of it.
        standing = [(info.stands_for, info.name) for info in skills.values() if info.stands_for]
        closure: dict[str, frozenset[str]] = {}
        for name in skills:
            seen: set[str] = set()
            stack = [name]
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                stack.extend(skills[current].implies)
            for category, whole in standing:
                if whole not in seen and any(category in skills[s].categories for s in seen):
                    seen.add(whole)
            closure[name] = frozenset(seen)
        for name in skills:
            for implied in skills[name].implies:
                if name in closure[implied]:
                    document, where = self.places[name]
                    self._problem(
                        document,
                        (*where, "implies"),
                        f"implication cycle: {name} and {implied} imply each other; "
                        "make them one skill with aliases",
                    )
        return closure


def _is_phrase(info: SkillInfo, term_key: str) -> bool:
    terms = (info.name, *info.aliases)
    return any(key(term) == term_key and len(term.split()) > 1 for term in terms)
