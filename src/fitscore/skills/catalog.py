"""The skill catalogue: canonical skills, aliases, categories, families and implications.

The knowledge lives in ``catalog.yaml`` beside this module; a user catalogue file (same format)
adds to it. Both are validated like any input, with problems located by line and column.

Reading and validating the 4,000-line YAML file costs more than the rest of a ``score`` run, so
the package also ships ``catalog.compiled.json``: the built catalogue, stamped with the SHA-256
of the YAML it was built from. It is used only while that stamp matches, so an edited YAML file
is never shadowed by a stale snapshot (``python -m fitscore.skills.compile`` refreshes it, and a
test fails when it is stale).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from fitscore.diagnostics import Problem, error
from fitscore.errors import InputError
from fitscore.skills.normalize import (
    Boundaries,
    common_words,
    fits,
    key,
    singular_key,
    spelling_boundaries,
)
from fitscore.sources import DEFAULT_LIMITS, Limits
from fitscore.yamlsource import Document, parse_bytes, read_document

if TYPE_CHECKING:
    from fitscore.skills.catalog_file import SkillEntry

Spot = Literal["normal", "case_sensitive", "never"]
BUILTIN_NAME = "fitscore/skills/catalog.yaml"
COMPILED_NAME = "catalog.compiled.json"
USER_CATALOG_ENV = "FITSCORE_CATALOG"
COMPILED_FORMAT = 2
# Far beyond any real catalogue (the built-in one: 8 and 1), and what keeps a user file with
# a 10,000-skill chain, or 10,000 stand-ins for one category, from costing minutes and GiBs.
MOST_IMPLIED = 100
MOST_STANDING_FOR = 16
_HERE = Path(__file__).parent  # data files ship inside the package folder


@dataclass(frozen=True, slots=True)
class SkillInfo:
    name: str
    aliases: tuple[str, ...]
    categories: frozenset[str]
    family: str | None
    implies: tuple[str, ...]
    spot: Spot
    stands_for: str | None = None
    spot_except: frozenset[str] = frozenset()
    ordinary_word: bool = False


@dataclass(frozen=True)
class Catalog:
    """An immutable, indexed catalogue."""

    skills: Mapping[str, SkillInfo]
    categories: Mapping[str, str]
    category_examples: Mapping[str, tuple[str, ...]]
    families: Mapping[str, str]
    index: Mapping[str, str]
    closure: Mapping[str, frozenset[str]]
    max_words: int = 1
    # Word boundaries the spellings behind each index key have (see ``normalize``).
    boundaries: Mapping[str, Boundaries] = field(default_factory=dict)
    stamp: str = ""  # SHA-256 of every source file, in order: what the catalogue was built from

    def lookup(self, term_key: str, written: Boundaries) -> str | None:
        """The skill of an index key, if a term written with these boundaries may mean it."""
        name = self.index.get(term_key)
        allowed = self.boundaries.get(term_key, frozenset())
        if name is None or not fits(written, allowed, len(term_key)):
            return None
        return name

    def category_members(self, category: str) -> tuple[str, ...]:
        """Skills that belong to ``category`` themselves: well-known examples first."""
        return self._members.get(category, ())

    @cached_property
    def _members(self) -> dict[str, tuple[str, ...]]:
        members: dict[str, list[str]] = {}
        for name in sorted(self.skills, key=str.casefold):
            for category in self.skills[name].categories:
                members.setdefault(category, []).append(name)
        return {
            category: tuple(dict.fromkeys([*self.category_examples.get(category, ()), *names]))
            for category, names in members.items()
        }

    def categories_of(self, name: str) -> frozenset[str]:
        """Categories a skill shows: its own and those of every skill it implies."""
        return self._shown_categories.get(name, frozenset())

    def category_holder(self, name: str, category: str) -> str | None:
        """The skill in ``name``'s closure that belongs to ``category`` itself (name first)."""
        info = self.skills.get(name)
        if info is not None and category in info.categories:
            return name
        for implied in sorted(self.closure.get(name, frozenset()), key=str.casefold):
            if category in self.skills[implied].categories:
                return implied
        return None

    def family_of(self, name: str) -> str | None:
        info = self.skills.get(name)
        return info.family if info else None

    @cached_property
    def _shown_categories(self) -> dict[str, frozenset[str]]:
        shown: dict[str, frozenset[str]] = {}
        for name in self.skills:
            found: set[str] = set()
            for implied in self.closure.get(name, frozenset({name})):
                found |= self.skills[implied].categories
            shown[name] = frozenset(found)
        return shown

    def to_json(self, source_sha256: str) -> str:
        """The built catalogue as JSON (see the module docstring), stable byte for byte."""
        document = {
            "format": COMPILED_FORMAT,
            "source_sha256": source_sha256,
            "categories": dict(self.categories),
            "category_examples": {k: list(v) for k, v in self.category_examples.items()},
            "families": dict(self.families),
            "skills": [
                {
                    "name": info.name,
                    "aliases": list(info.aliases),
                    "categories": sorted(info.categories),
                    "family": info.family,
                    "implies": list(info.implies),
                    "spot": info.spot,
                    "spot_except": sorted(info.spot_except),
                    "stands_for": info.stands_for,
                    "ordinary_word": info.ordinary_word,
                }
                for info in self.skills.values()
            ],
            "index": dict(self.index),
            "closure": {name: sorted(names) for name, names in self.closure.items()},
            "max_words": self.max_words,
            "boundaries": {k: sorted(v) for k, v in sorted(self.boundaries.items()) if v},
        }
        return json.dumps(document, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        document: dict[str, Any] = json.loads(text)
        skills = {
            entry["name"]: SkillInfo(
                name=entry["name"],
                aliases=tuple(entry["aliases"]),
                categories=frozenset(entry["categories"]),
                family=entry["family"],
                implies=tuple(entry["implies"]),
                spot=entry["spot"],
                spot_except=frozenset(entry["spot_except"]),
                stands_for=entry["stands_for"],
                ordinary_word=entry["ordinary_word"],
            )
            for entry in document["skills"]
        }
        return cls(
            skills=skills,
            categories=document["categories"],
            category_examples={k: tuple(v) for k, v in document["category_examples"].items()},
            families=document["families"],
            index=document["index"],
            closure={name: frozenset(names) for name, names in document["closure"].items()},
            max_words=document["max_words"],
            boundaries={k: frozenset(v) for k, v in document["boundaries"].items()},
        )


def load_catalog(extra: Iterable[str] = (), *, use_default_user_file: bool = True) -> Catalog:
    """The built-in catalogue plus user files (``extra``, else the default location if present).

    Raises :class:`InputError` when any file has problems.
    """
    paths = tuple(extra)
    if not paths and use_default_user_file:
        explicit = os.environ.get(USER_CATALOG_ENV)
        if explicit:
            if not os.path.isfile(explicit):
                message = f"${USER_CATALOG_ENV} names {explicit}, which is not a readable file"
                raise InputError([error(explicit, 0, 0, "environment", message)])
            paths = (explicit,)
        else:
            default = default_user_catalog()
            paths = (str(default),) if default is not None and _is_file(default) else ()
    return _load(paths)


def _is_file(path: Path) -> bool:
    """A default location that cannot even be looked at (a HOME that cannot be entered, a name
    too long) holds no catalogue: configuration nobody asked for never stops a run."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def default_user_catalog() -> Path | None:
    """Where a user catalogue is read from when ``--catalog`` is not given."""
    explicit = os.environ.get(USER_CATALOG_ENV)
    if explicit:
        return Path(explicit)
    try:
        home = os.path.expanduser("~")
    except (OSError, KeyError):  # no HOME and no password entry
        return None
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    return Path(base) / "fitscore" / "catalog.yaml"


@cache
def builtin_catalog() -> Catalog:
    """The catalogue shipped with fitscore."""
    return _load(())


def builtin_source() -> bytes:
    return _HERE.joinpath("catalog.yaml").read_bytes()


def build_from_yaml(raw: bytes, paths: Iterable[str] = ()) -> Catalog:
    """Build the catalogue from the built-in YAML and user files, validating everything."""
    documents = [parse_bytes(raw, BUILTIN_NAME, Limits(max_bytes=16 << 20, max_nodes=2_000_000))]
    documents += [read_document(path, DEFAULT_LIMITS) for path in paths]
    builder = _Builder()
    for document in documents:
        builder.add(document)
    return builder.build()


@cache
def _load(paths: tuple[str, ...]) -> Catalog:
    raw = builtin_source()
    builtin_stamp = hashlib.sha256(raw).hexdigest()
    if not paths:
        compiled = _HERE.joinpath(COMPILED_NAME)
        if compiled.is_file():
            text = compiled.read_text(encoding="utf-8")
            if f'"source_sha256": "{builtin_stamp}"' in text[:300]:
                return replace(Catalog.from_json(text), stamp=builtin_stamp)
    catalog = build_from_yaml(raw, paths)
    return replace(catalog, stamp=_stamp(builtin_stamp, paths))


def _stamp(builtin_stamp: str, paths: tuple[str, ...]) -> str:
    """The built-in catalogue's stamp, extended by the content of each user file."""
    digest = hashlib.sha256(builtin_stamp.encode())
    for path in paths:
        try:
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:  # it was read a moment ago; a file that went away is a new catalogue
            digest.update(path.encode())
    return digest.hexdigest()


class _Builder:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.categories: dict[str, str] = {}
        self.category_examples: dict[str, tuple[str, ...]] = {}
        self.families: dict[str, str] = {}
        self.entries: dict[str, dict[str, object]] = {}
        self.owner: dict[str, str] = {}
        self.boundaries: dict[str, set[int]] = {}
        self.places: dict[str, tuple[Document, tuple[str | int, ...]]] = {}

    def add(self, document: Document) -> None:
        from fitscore.loading import to_model
        from fitscore.skills.catalog_file import CatalogFile

        parsed, problems = to_model(document, CatalogFile)
        if parsed is None:
            self.problems.extend(problems)
            return
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
                "spot_except": set(),
                "ordinary_word": False,
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
        spot_except = entry["spot_except"]
        assert isinstance(spot_except, set)
        spot_except.update(key(term) for term in skill.spot_except)
        if skill.stands_for is not None:
            entry["stands_for"] = skill.stands_for
        if skill.ordinary_word:
            entry["ordinary_word"] = True

    def _claim(self, document: Document, path: tuple[str | int, ...], term: str, name: str) -> bool:
        term_key = key(term)
        holder = self.owner.get(term_key)
        if holder is not None and holder != name:
            self._problem(document, path, f"'{term}' already names {holder}")
            return False
        self.owner[term_key] = name
        self.boundaries.setdefault(term_key, set()).update(spelling_boundaries(term))
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
            spot_except_keys = entry["spot_except"]
            assert isinstance(spot_except_keys, set)
            stands_for = entry["stands_for"]
            if stands_for is not None and stands_for not in self.categories:
                self._problem(document, (*where, "stands_for"), f"unknown category '{stands_for}'")
            ordinary_word = bool(entry["ordinary_word"])
            self._check_ordinary(
                document, where, (name, *aliases), spot_except_keys, spot, ordinary_word
            )
            skills[name] = SkillInfo(
                name=name,
                aliases=tuple(aliases),
                categories=frozenset(categories),
                family=family if isinstance(family, str) else None,
                implies=tuple(resolved),
                spot=spot,
                spot_except=frozenset(spot_except_keys),
                stands_for=stands_for if isinstance(stands_for, str) else None,
                ordinary_word=ordinary_word,
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
        boundaries = {k: frozenset(v) for k, v in self.boundaries.items()}
        # "Recommender Systems" is also found as "Recommender System", "Databases" as "Database".
        for term_key, name in list(self.owner.items()):
            singular = singular_key(term_key)
            if singular and singular not in index:
                index[singular] = name
                kept = frozenset(b for b in boundaries.get(term_key, ()) if b < len(singular))
                boundaries[singular] = kept
        max_words = max(
            len(term.split()) for info in skills.values() for term in (info.name, *info.aliases)
        )
        return Catalog(
            skills=skills,
            categories=dict(self.categories),
            category_examples=examples,
            families=dict(self.families),
            index=index,
            closure=closure,
            max_words=max_words,
            boundaries=boundaries,
        )

    def _check_ordinary(
        self,
        document: Document,
        where: tuple[str | int, ...],
        spellings: tuple[str, ...],
        spot_except: set[str],
        spot: str,
        ordinary_word: bool,
    ) -> None:
        """A spelling that is (or whose plural is) one of the commonest English words must say
        so: ``ordinary_word``, ``spot: never`` or that form in ``spot_except``."""
        name = spellings[0]
        common = [
            form
            for term in spellings
            for form in (key(term), key(term) + "s")
            if form in common_words() and form not in spot_except
        ]
        if common and not ordinary_word and spot != "never":
            self._problem(
                document,
                (*where, "name"),
                f"'{common[0]}' is an ordinary English word: mark {name} ordinary_word: true "
                f"or add it to spot_except",
            )
        single = [term for term in spellings if len(term.split()) == 1]
        if ordinary_word and not single:
            self._problem(
                document,
                (*where, "ordinary_word"),
                f"{name} has no one-word spelling, so no spelling of it is an ordinary word",
            )

    def _closure(self, skills: Mapping[str, SkillInfo]) -> dict[str, frozenset[str]]:
        """Each skill with every skill it demonstrates, in one memoised walk (linear in the
        catalogue, whatever its shape): what it implies, what those imply, and the skills that
        stand for a category any of them belongs to."""
        implied = self._implied(skills)
        wholes = self._wholes(skills)
        closure: dict[str, frozenset[str]] = {}
        for name in skills:
            seen = implied[name]
            shown = {category for member in seen for category in skills[member].categories}
            extra = {whole for category in shown for whole in wholes.get(category, ())}
            closure[name] = seen | extra if extra - seen else seen
        return closure

    def _wholes(self, skills: Mapping[str, SkillInfo]) -> dict[str, tuple[str, ...]]:
        """The skills that stand for each category: a few at most (every member of the
        category shows each of them); the others should be aliases of one."""
        wholes: dict[str, list[str]] = {}
        over: dict[str, list[str]] = {}
        for info in skills.values():
            if info.stands_for is not None:
                held = wholes.setdefault(info.stands_for, [])
                (
                    held if len(held) < MOST_STANDING_FOR else over.setdefault(info.stands_for, [])
                ).append(info.name)
        for category, extra in over.items():
            document, where = self.places[extra[0]]
            more = f" (and {len(extra) - 1:,} more after it)" if len(extra) > 1 else ""
            self._problem(
                document,
                (*where, "stands_for"),
                f"{extra[0]}{more}: {MOST_STANDING_FOR} skills already stand for {category} "
                f"({', '.join(wholes[category][:3])}, ...); make it an alias of one of them",
            )
        return {category: tuple(names) for category, names in wholes.items()}

    def _implied(self, skills: Mapping[str, SkillInfo]) -> dict[str, frozenset[str]]:
        """Each skill and what it implies, directly or not: a depth-first walk without
        recursion that computes each skill once (a chain of 10,000 costs 10,000 steps, not
        50 million). A cycle, and a skill demonstrating more than ``MOST_IMPLIED`` others, are
        problems; their members then count as implying nothing, so the walk stays linear."""
        done: dict[str, frozenset[str]] = {}
        broken: set[str] = set()  # too many implied skills, reported once where it starts
        for start in skills:
            if start in done:
                continue
            path: list[str] = [start]  # the skills being walked, each implying the next
            on_path = {start}
            pending: list[list[str]] = [list(reversed(skills[start].implies))]
            while path:
                if pending[-1]:
                    child = pending[-1].pop()
                    if child in done:
                        continue
                    if child in on_path:
                        self._cycle(path[path.index(child) :], child)
                        broken.update(path[path.index(child) :])
                        continue
                    path.append(child)
                    on_path.add(child)
                    pending.append(list(reversed(skills[child].implies)))
                    continue
                name = path.pop()
                on_path.discard(name)
                pending.pop()
                done[name] = self._gather(name, skills, done, broken)
        return done

    def _gather(
        self,
        name: str,
        skills: Mapping[str, SkillInfo],
        done: Mapping[str, frozenset[str]],
        broken: set[str],
    ) -> frozenset[str]:
        """``name``'s closure from the closures of what it implies (all computed already)."""
        children = skills[name].implies
        if name in broken or any(child in broken for child in children):
            broken.add(name)
            return frozenset({name})
        seen = {name}
        for child in children:
            seen |= done.get(child, frozenset({child}))
        if len(seen) > MOST_IMPLIED + 1:
            broken.add(name)
            document, where = self.places[name]
            self._problem(
                document,
                (*where, "implies"),
                f"{name} implies {len(seen) - 1:,} skills through its implications, more than "
                f"{MOST_IMPLIED}: an implication says that having one skill demonstrates "
                "another, not that they are related",
            )
            return frozenset({name})
        return frozenset(seen)

    def _cycle(self, members: list[str], back_to: str) -> None:
        first = members[0]
        document, where = self.places[first]
        if len(members) == 1:
            message = f"{first} implies itself"
        elif len(members) == 2:
            message = (
                f"implication cycle: {members[0]} and {members[1]} imply each other; "
                "make them one skill with aliases"
            )
        else:
            shown = " -> ".join([*members[:4], "..." if len(members) > 4 else members[-1]])
            message = (
                f"implication cycle of {len(members):,} skills: {shown} -> {back_to}; "
                "an implication goes one way only"
            )
        self._problem(document, (*where, "implies"), message)
