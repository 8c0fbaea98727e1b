"""Decide whether a posting term is shown anywhere in a profile.

Rules, in order (README "How matching works" states them for users):

1. A term is resolved to a catalogue skill by its key (see ``normalize``), then without a
   version suffix, then without a plural ending.
2. A term the catalogue does not know is resolved as a misspelling of one only when it is at
   least 5 characters long, starts with the same character, is within one edit (a changed,
   added, dropped or swapped character) of exactly one skill's name or alias, and the edit is
   not in digits or in an acronym (OpenSSL is not OpenSSH, Amazon ECR is not Amazon ECS). Two
   different catalogue skills are never compared by string similarity.
3. A catalogue skill is **met** by the same skill anywhere in the profile, or by a skill that
   implies it (PySpark implies Spark); **partial** when the profile has a different skill of the
   same narrow family (PyTorch for TensorFlow); otherwise **missing**.
4. A term unknown to the catalogue is met by a profile term with the same key or within the
   misspelling distance, or by the phrase appearing in the profile's free text; partial when all
   its words (two or more) appear in one profile term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from fitscore.memo import PART_CAPACITY, Memo
from fitscore.models import DegreeLevelName, Name, Profile, StrictModel, YearMonth
from fitscore.skills.catalog import Catalog, builtin_catalog
from fitscore.skills.normalize import (
    common_words,
    edit_within_long_word,
    fits,
    key,
    segments,
    singular_key,
    variant_segments,
    words,
)
from fitscore.vocabulary import DegreeLevel, Source, Status

SIMILARITY_IMPLIED = 95.0
SIMILARITY_PROSE = 80.0
SIMILARITY_FAMILY = 60.0
_MIN_TYPO_LENGTH = 5
_TYPO_EDITS = 1
_CDIST_BATCH = 64
_CDIST_CELLS = 1 << 22  # distances computed at once, at most (16 MB of them)
_ACRONYM = re.compile(r"[A-Z]{2,}")

# A token keeps the symbols that belong to names: C++, C#, .NET, Node.js, scikit-learn, R&D, A/B.
_TOKEN = re.compile(r"\.?[^\W_](?:[^\W_]|[+#]|[.\-&/](?=[^\W_]))*[+#]*")


_ORIGIN_RANK = {origin: rank for rank, origin in enumerate(Source)}
# Evidence a person wrote in sentences (summaries, highlights), not listed or named in a title:
# it counts for less (a partial match).
PROSE = frozenset({Source.TEXT})
_STATUS_RANK = {Status.MET: 0, Status.PARTIAL: 1, Status.MISSING: 2}


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a term means in the catalogue."""

    skill: str | None
    similarity: float = 100.0
    typo: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place in the profile that shows a skill, in the profile's own words."""

    term: str
    source: str
    origin: Source  # which part of the profile: listed skills, a job, free text, ...
    skill: str | None
    similarity: float = 100.0
    years: float | None = None
    typo: bool = False
    order: int = 0

    def rank(self) -> tuple[int, float, int]:
        return (_ORIGIN_RANK[self.origin], -self.similarity, self.order)

    def standing(self) -> tuple[int, float]:
        """How strong the evidence is: listed beats free text, more years beat fewer."""
        return (_ORIGIN_RANK[self.origin], -(self.years or 0.0))


@dataclass(frozen=True, slots=True)
class Match:
    """The decision for one posting term."""

    status: Status
    wanted: str
    skill: str | None
    matched: str | None = None
    source: str | None = None
    similarity: float = 0.0
    reason: str = ""
    near_miss: str | None = None
    standing: tuple[int, float] = (len(Source), 0.0)

    def rank(self) -> tuple[int, float, tuple[int, float]]:
        return (_STATUS_RANK[self.status], -self.similarity, self.standing)


class Resolver:
    """Catalogue resolution with a cache per distinct term; misspellings found in batches."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        # Small: a posting term is resolved again only once its decision has left the
        # evidence's own (larger) memo, which is asked first.
        self._cache: Memo[str, Resolution] = Memo(PART_CAPACITY)

    # The tables of the typo search, made on its first use: a run whose terms are all in the
    # catalogue (or in the profile) never searches, and does not pay for them at start.
    @cached_property
    def _typo_keys(self) -> list[str]:
        return [item for item in self.catalog.index if len(item) >= _MIN_TYPO_LENGTH - 1]

    @cached_property
    def _by_first(self) -> dict[str, list[str]]:
        """A misspelling keeps its first character, so each query needs only that bucket."""
        buckets: dict[str, list[str]] = {}
        for item in self._typo_keys:
            buckets.setdefault(item[0], []).append(item)
        return buckets

    @cached_property
    def _spellings(self) -> dict[str, str]:
        spellings: dict[str, str] = {}
        for info in self.catalog.skills.values():
            for spelling in (info.name, *info.aliases):
                spellings.setdefault(key(spelling), spelling)
        return spellings

    def resolve(self, term: str) -> Resolution:
        found = self._cache.get(term)
        return found if found is not None else self.resolve_many((term,))[term]

    def resolve_many(self, terms: Iterable[str]) -> dict[str, Resolution]:
        """Every term's resolution; the fuzzy pass runs once over all that need it. The
        answer holds them all, the cache only the most recent (a profile of 100,000 skills
        must not be resolved again one by one because the cache let the first ones go)."""
        resolved: dict[str, Resolution] = {}
        pending: list[str] = []
        for term in dict.fromkeys(terms):
            known = self._cache.get(term)
            if known is not None:
                resolved[term] = known
                continue
            skill = self._exact(term)
            if skill is not None:
                resolved[term] = Resolution(skill)
            elif len(key(term)) >= _MIN_TYPO_LENGTH:
                pending.append(term)
            else:
                resolved[term] = Resolution(None)
            if term in resolved:
                self._cache.put(term, resolved[term])
        if pending:
            for term, resolution in zip(pending, self._typos(pending), strict=True):
                resolved[term] = resolution
                self._cache.put(term, resolution)
        return resolved

    def _exact(self, term: str) -> str | None:
        for variant, boundaries in variant_segments(term):
            skill = self.catalog.lookup(variant, boundaries)
            if skill is not None:
                return skill
        return None

    def _typos(self, terms: Sequence[str]) -> list[Resolution]:
        queries = [key(term) for term in terms]
        results = []
        for term, query, near in zip(terms, queries, self._near_keys(queries), strict=True):
            best: dict[str, tuple[int, str]] = {}
            written = segments(term)[1]
            for candidate, distance in near:
                skill = self.catalog.index[candidate]
                spelling = self._spellings.get(candidate, candidate)
                if not _typo_shaped(term, query, candidate, spelling):
                    continue
                allowed = self.catalog.boundaries.get(candidate, frozenset())
                # An edit may shift a boundary by one place; it may not add a word break.
                shifted = frozenset(b + d for b in allowed for d in (-1, 0, 1))
                if not fits(written, shifted, len(query)):
                    continue
                if written and not edit_within_long_word(query, candidate, written):
                    continue
                if skill not in best or distance < best[skill][0]:
                    best[skill] = (distance, candidate)
            results.append(_unique_best(query, best))
        return results

    def _near_keys(self, queries: list[str]) -> list[list[tuple[str, int]]]:
        """Catalogue keys within the typo distance of each query, computed in one batch.

        A big batch (a folder of postings) goes through ``process.cdist`` in one C call; a
        handful of terms (one profile) is cheaper one by one than importing numpy for it.
        """
        if len(queries) >= _CDIST_BATCH:
            # The distance matrix is computed in slices of rows, so that its memory stays
            # bounded however many terms (a profile of 100,000 skills) or keys there are.
            rows = max(1, _CDIST_CELLS // max(1, len(self._typo_keys)))
            near: list[list[tuple[str, int]]] = []
            for start in range(0, len(queries), rows):
                matrix = process.cdist(
                    queries[start : start + rows],
                    self._typo_keys,
                    scorer=OSA.distance,
                    score_cutoff=_TYPO_EDITS,
                )
                near.extend(
                    [
                        (self._typo_keys[int(c)], int(row[c]))
                        for c in (row <= _TYPO_EDITS).nonzero()[0]
                    ]
                    for row in matrix
                )
            return near
        return [
            [
                (str(choice), int(distance))
                for choice, distance, _ in process.extract(
                    query,
                    self._by_first.get(query[0], ()),
                    scorer=OSA.distance,
                    score_cutoff=_TYPO_EDITS,
                    limit=None,
                )
            ]
            for query in queries
        ]


def _unique_best(query: str, best: dict[str, tuple[int, str]]) -> Resolution:
    if not best:
        return Resolution(None)
    ordered = sorted(best.items(), key=lambda item: (item[1][0], item[0]))
    if len(ordered) > 1 and ordered[0][1][0] == ordered[1][1][0]:
        return Resolution(None)
    skill, (_, candidate) = ordered[0]
    return Resolution(skill, round(fuzz.ratio(query, candidate), 1), typo=True)


@dataclass
class ProfileEvidence:
    """Everything a profile shows, indexed for matching; decisions are cached per term."""

    catalog: Catalog
    resolver: Resolver
    items: tuple[Evidence, ...]
    texts: tuple[tuple[str, Source, str], ...]
    by_skill: dict[str, Evidence] = field(default_factory=dict)
    implied: dict[str, tuple[Evidence, str]] = field(default_factory=dict)
    by_family: dict[str, Evidence] = field(default_factory=dict)
    _cache: Memo[str, Match] = field(default_factory=Memo)
    _categories: Memo[tuple[str, tuple[str, ...]], Match] = field(default_factory=Memo)
    _index: UnknownTermIndex | None = None

    def _unknowns(self) -> UnknownTermIndex:
        if self._index is None:
            self._index = UnknownTermIndex(tuple(sorted(self.items, key=Evidence.rank)), self.texts)
        return self._index

    def __post_init__(self) -> None:
        for item in sorted(self.items, key=Evidence.rank):
            if item.skill is None:
                continue
            self.by_skill.setdefault(item.skill, item)
            for implied in sorted(self.catalog.closure.get(item.skill, frozenset())):
                if implied != item.skill:
                    self.implied.setdefault(implied, (item, item.skill))
            family = self.catalog.family_of(item.skill)
            if family is not None:
                self.by_family.setdefault(family, item)

    def near_misses(self) -> list[Evidence]:
        return [item for item in self.items if item.typo]

    def match(self, term: str) -> Match:
        """Decide one posting term (cached)."""
        found = self._cache.get(term)
        if found is None:
            found = self._decide(term)
            self._cache.put(term, found)
        return found

    def match_any(self, members: Sequence[str]) -> Match:
        """An ``any_of`` group: its best member decides (ties go to the first listed). Not
        kept per group: its members' decisions are, and groups repeat far less than terms."""
        return min((self.match(member) for member in members), key=Match.rank)

    def match_category(self, category: str, examples: Sequence[str] = ()) -> Match:
        """A catalogue category: any skill of it counts; the posting's examples come first."""
        cache_key = (category, tuple(examples))
        found = self._categories.get(cache_key)
        if found is None:
            found = self._decide_category(category, examples)
            self._categories.put(cache_key, found)
        return found

    def _decide_category(self, category: str, examples: Sequence[str]) -> Match:
        label = self.catalog.categories.get(category, category.replace("_", " "))
        example_skills = {self.resolver.resolve(example).skill for example in examples}
        candidates = [
            item
            for item in self.items
            if item.skill is not None and category in self.catalog.categories_of(item.skill)
        ]
        if not candidates:
            return Match(Status.MISSING, label, None, reason=f"no {label} in the profile")

        def preference(
            item: Evidence,
        ) -> tuple[bool, bool, tuple[int, float], tuple[int, float, int]]:
            shows_example = bool(
                self.catalog.closure.get(item.skill or "", frozenset()) & example_skills
            )
            direct = category in self.catalog.skills[item.skill or ""].categories
            return (not shows_example, not direct, item.standing(), item.rank())

        best = min(candidates, key=preference)
        holder = self.catalog.category_holder(best.skill or "", category) or best.skill
        reason = f"{holder} is a {label}"
        if holder != best.skill:
            reason = f"{best.skill} implies {holder}, a {label}"
        found = Match(
            Status.MET,
            label,
            holder,
            best.term,
            best.source,
            best.similarity,
            reason=reason,
            near_miss=_near_miss(best),
            standing=best.standing(),
        )
        return _in_prose(found) if best.origin in PROSE else found

    def _decide(self, term: str) -> Match:
        resolution = self.resolver.resolve(term)
        if resolution.skill is None:
            return self._decide_unknown(term)
        skill = resolution.skill
        direct = self.by_skill.get(skill)
        implied = self.implied.get(skill)
        # Listed evidence, of the skill or of one that implies it, meets the term; evidence
        # found only in prose is partial, and an implication never makes it more.
        if direct is not None and direct.origin not in PROSE:
            return self._met_directly(term, skill, direct, resolution)
        if implied is not None and implied[0].origin not in PROSE:
            return self._met_by_implication(term, skill, *implied)
        if direct is not None:
            return _in_prose(self._met_directly(term, skill, direct, resolution))
        if implied is not None:
            return _in_prose(self._met_by_implication(term, skill, *implied))
        family = self.catalog.family_of(skill)
        sibling = self.by_family.get(family) if family is not None else None
        if sibling is not None and family is not None:
            label = self.catalog.families.get(family, family)
            return Match(
                Status.PARTIAL,
                term,
                skill,
                sibling.term,
                sibling.source,
                SIMILARITY_FAMILY,
                f"{sibling.skill} and {skill} are both {label}",
                _near_miss(sibling),
                sibling.standing(),
            )
        return Match(Status.MISSING, term, skill, reason=f"no {skill} in the profile")

    @staticmethod
    def _met_directly(term: str, skill: str, direct: Evidence, resolution: Resolution) -> Match:
        reason = "same skill" if key(direct.term) == key(skill) else f"{direct.term} = {skill}"
        return Match(
            Status.MET,
            term,
            skill,
            direct.term,
            direct.source,
            min(direct.similarity, resolution.similarity),
            reason,
            _near_miss(direct),
            direct.standing(),
        )

    @staticmethod
    def _met_by_implication(term: str, skill: str, item: Evidence, via: str) -> Match:
        return Match(
            Status.MET,
            term,
            skill,
            item.term,
            item.source,
            SIMILARITY_IMPLIED,
            f"{via} implies {skill}",
            _near_miss(item),
            item.standing(),
        )

    def _decide_unknown(self, term: str) -> Match:
        parts = _slash_parts(term, self.resolver)
        if parts:
            # "C/C++", "Unix/Linux": either one shows it.
            choice = self.match_any(parts)
            return Match(
                choice.status,
                term,
                choice.skill,
                choice.matched,
                choice.source,
                choice.similarity,
                choice.reason,
                choice.near_miss,
                choice.standing,
            )
        index = self._unknowns()
        same = index.first(term, index.same_candidates(term), _same_term)
        if same is not None:
            found = Match(Status.MET, term, None, same.term, same.source, 100.0, "same term")
            return _in_prose(found) if same.origin in PROSE else found
        near = index.first(term, index.typo_candidates(term), _within_typo)
        if near is not None:
            return Match(
                Status.MET,
                term,
                None,
                near.term,
                near.source,
                round(fuzz.ratio(key(term), key(near.term)), 1),
                "spelling variant",
                f"you listed '{near.term}': did you mean {term}?",
            )
        holding = index.texts_with(words(term))
        phrase = _phrase_pattern(term) if holding else None  # compiled only when it may match
        if phrase is not None:
            for position in holding:
                source, origin, text = self.texts[position]
                if phrase.search(text):
                    named = Match(Status.MET, term, None, term, source, 100.0, "named in the text")
                    return _in_prose(named) if origin in PROSE else named
        wanted_words = set(words(term))
        if len(wanted_words) >= 2:
            longer = index.first_with_words(wanted_words)
            if longer is not None:
                return Match(
                    Status.PARTIAL,
                    term,
                    None,
                    longer.term,
                    longer.source,
                    round(fuzz.token_set_ratio(term, longer.term), 1),
                    "all its words appear in a longer term",
                )
        return Match(Status.MISSING, term, None, reason=f"'{term}' is not in the profile")


class UnknownTermIndex:
    """The profile's terms and texts indexed for a term the catalogue does not know, so that
    deciding it costs lookups in the profile, not a pass over all of it: by each spelling's key
    (the same term), by first and last character and length (a slip of one key keeps both and
    the length within one), by word (a longer term holding all its words), and the texts by the
    words they hold (a phrase can only be in a text that holds all its words). Each lookup
    gives positions in rank order; the exact test then runs on those only, first come first."""

    def __init__(self, ranked: tuple[Evidence, ...], texts: Sequence[tuple[str, Source, str]]):
        self.ranked = ranked
        self.by_key: dict[str, list[int]] = {}
        self.by_shape: dict[tuple[str, str, int], list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.text_words: dict[str, list[int]] = {}
        for position, item in enumerate(ranked):
            for variant, _ in variant_segments(item.term):
                _add(self.by_key, variant, position)
            item_key = key(item.term)
            if item_key:
                _add(self.by_shape, (item_key[0], item_key[-1], len(item_key)), position)
            for word in set(words(item.term)):
                _add(self.by_word, word, position)
        for position, (_, _, text) in enumerate(texts):
            for token in set(_TEXT_WORD.findall(text)):
                for spelling in {token.lower(), token.casefold(), *words(token)}:
                    _add(self.text_words, spelling, position)

    def same_candidates(self, term: str) -> list[int]:
        return _merged(self.by_key.get(variant, []) for variant, _ in variant_segments(term))

    def typo_candidates(self, term: str) -> list[int]:
        term_key = key(term)
        if len(term_key) < _MIN_TYPO_LENGTH:
            return []
        first, last, length = term_key[0], term_key[-1], len(term_key)
        return _merged(
            self.by_shape.get((first, last, size), []) for size in range(length - 1, length + 2)
        )

    def first(
        self, term: str, candidates: list[int], test: Callable[[str, str], bool]
    ) -> Evidence | None:
        for position in candidates:
            if test(term, self.ranked[position].term):
                return self.ranked[position]
        return None

    def first_with_words(self, wanted: set[str]) -> Evidence | None:
        found = _common(self.by_word.get(word, []) for word in wanted)
        return self.ranked[found[0]] if found else None

    def texts_with(self, parts: Sequence[str]) -> list[int]:
        return _common(self.text_words.get(part, []) for part in set(parts)) if parts else []


_TEXT_WORD = re.compile(r"[^\W_]+")


def _add(index: dict[Any, list[int]], name: Any, position: int) -> None:
    found = index.setdefault(name, [])
    if not found or found[-1] != position:
        found.append(position)


def _merged(lists: Iterable[list[int]]) -> list[int]:
    """Positions in any of ``lists``, in order, once each."""
    return sorted(set().union(*lists))


def _common(lists: Iterable[list[int]]) -> list[int]:
    """Positions in every one of ``lists``, in order (none for no list)."""
    ordered = sorted(lists, key=len)
    if not ordered or not ordered[0]:
        return []
    found = set(ordered[0])
    for other in ordered[1:]:
        found.intersection_update(other)
        if not found:
            return []
    return sorted(found)


def _in_prose(found: Match) -> Match:
    """A met decision whose only evidence is prose: partial, and said so."""
    return replace(
        found,
        status=Status.PARTIAL,
        similarity=min(found.similarity, SIMILARITY_PROSE),
        reason=f"{found.reason}; named only in prose, not listed as a skill",
    )


def _slash_parts(term: str, resolver: Resolver) -> list[str]:
    """The parts of "A/B" when each names a catalogue skill ("C/C++"), else nothing."""
    if "/" not in term:
        return []
    parts = [part.strip() for part in term.split("/") if part.strip()]
    if len(parts) < 2 or any(resolver.resolve(part).skill is None for part in parts):
        return []
    return parts


def _same_term(first: str, second: str) -> bool:
    """Two spellings of one unknown term: same key, and no short word joined to another."""
    for first_key, first_breaks in variant_segments(first):
        for second_key, second_breaks in variant_segments(second):
            if first_key == second_key and (
                fits(first_breaks, second_breaks, len(first_key))
                or fits(second_breaks, first_breaks, len(first_key))
            ):
                return True
    return False


def _within_typo(first: str, second: str) -> bool:
    first_key, second_key = key(first), key(second)
    if min(len(first_key), len(second_key)) < _MIN_TYPO_LENGTH:
        return False
    if not _typo_shaped(first, first_key, second_key, second):
        return False
    first_breaks = segments(first)[1]
    if first_breaks and not edit_within_long_word(first_key, second_key, first_breaks):
        return False
    return OSA.distance(first_key, second_key, score_cutoff=_TYPO_EDITS) <= _TYPO_EDITS


def _typo_shaped(term: str, query: str, candidate: str, spelling: str) -> bool:
    """Could ``term`` be a slip of the keyboard for ``spelling``, not a different name?

    Same first character; the same digits (PyTorch3D, Web3 and S3 are names, not typos); the
    same acronyms where either is written in capitals (OpenSSL and OpenSSH are different tools);
    and the last character untouched: adding, dropping or changing it makes another word
    (Graph/GraphX, Scalar/Scala, Sprint/Spring), while slips happen inside a word (Pytorh).
    """
    if query[0] != candidate[0] or query[-1] != candidate[-1]:
        return False
    if sorted(filter(str.isdigit, query)) != sorted(filter(str.isdigit, candidate)):
        return False
    acronyms = sorted(_ACRONYM.findall(term)), sorted(_ACRONYM.findall(spelling))
    return not ((acronyms[0] or acronyms[1]) and acronyms[0] != acronyms[1])


def _phrase_pattern(term: str) -> re.Pattern[str] | None:
    parts = words(term)
    if not parts:
        return None
    body = r"[\s\-_]+".join(re.escape(part) for part in parts)
    return re.compile(rf"(?<![\w+#]){body}(?![\w+#])", re.IGNORECASE)


def _near_miss(item: Evidence) -> str | None:
    if item.typo and item.skill:
        return f"you listed '{item.term}': did you mean {item.skill}?"
    return None


class ResearchEvidence(StrictModel):
    skill: Name
    degrees: tuple[DegreeLevelName, ...] = ()
    publications: bool = False


class EvidenceRules(StrictModel):
    """``data/evidence.yaml``: what records show besides listed skills."""

    research: ResearchEvidence | None = None


@cache
def evidence_rules() -> EvidenceRules:
    from fitscore.rules import packaged

    return packaged("evidence.yaml", EvidenceRules)


class Matcher:
    """Builds :class:`ProfileEvidence` for profiles against one catalogue."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self.catalog = catalog if catalog is not None else builtin_catalog()
        self.resolver = Resolver(self.catalog)
        self._research = evidence_rules().research
        self._research_skill = (
            self.resolver.resolve(self._research.skill).skill if self._research else None
        )

    def _records(self, profile: Profile) -> list[Evidence]:
        """Research shown by a doctorate or a publication (``data/evidence.yaml``)."""
        rules, skill = self._research, self._research_skill
        if rules is None or skill is None:
            return []
        found = []
        for degree in profile.education:
            if degree.degree in rules.degrees:
                state = "in progress" if degree.status == "in_progress" else "completed"
                subject = f" in {degree.field}" if degree.field else ""
                level = DegreeLevel(degree.degree).display
                wording = f"{level[0].upper()}{level[1:]}{subject} ({state})"
                found.append(Evidence(wording, f"education: {wording}", Source.EDUCATION, skill))
        if rules.publications:
            for paper in profile.publications:
                source = f"publication: {paper.title}"
                found.append(Evidence(paper.title, source, Source.PUBLICATION, skill))
        return found

    def evidence(self, profile: Profile) -> ProfileEvidence:
        """Collect every skill the profile shows: lists, then free text."""
        listed: list[tuple[str, str, Source, float | None]] = []
        texts: list[tuple[str, Source, str | None]] = []
        for skill in profile.skills:
            listed.append((skill.name, "skills", Source.SKILLS, skill.years))
        for job in profile.experience:
            where = f"experience: {job.describe()}"
            years = _years(job.start, job.end)
            for skill in job.skills:
                listed.append((skill.name, where, Source.EXPERIENCE, skill.years or years))
            # A job title is the person's own label of the work: as good as a listed skill.
            texts.append((where, Source.EXPERIENCE, job.title))
            texts.append((where, Source.TEXT, job.summary))
            texts.extend((where, Source.TEXT, text) for text in job.highlights)
        for project in profile.projects:
            where = f"project: {project.name}"
            for skill in project.skills:
                listed.append((skill.name, where, Source.PROJECT, skill.years))
            texts.append((where, Source.PROJECT, project.name))
            texts.append((where, Source.TEXT, project.summary))
            texts.extend((where, Source.TEXT, text) for text in project.highlights)
        for paper in profile.publications:
            texts.append((f"publication: {paper.title}", Source.PUBLICATION, paper.title))
        if profile.summary:
            texts.append(("summary", Source.TEXT, profile.summary))
        for degree in profile.education:
            if degree.field:
                texts.append((f"education: {degree.field}", Source.EDUCATION, degree.field))
        resolved = self.resolver.resolve_many(term for term, *_ in listed)
        items: list[Evidence] = []
        for order, (term, source, origin, years) in enumerate(listed):
            resolution = resolved[term]
            for part in _slash_parts(term, self.resolver) if resolution.skill is None else ():
                # A listed "C/C++" shows both C and C++.
                named = self.resolver.resolve(part).skill
                items.append(Evidence(term, source, origin, named, 100.0, years, False, order))
            items.append(
                Evidence(
                    term,
                    source,
                    origin,
                    resolution.skill,
                    resolution.similarity,
                    years,
                    resolution.typo,
                    order,
                )
            )
        for record in self._records(profile):
            items.append(replace(record, order=len(items)))
        clean_texts = tuple((source, origin, text) for source, origin, text in texts if text)
        for source, origin, text in clean_texts:
            for span in spot_prose(self.catalog, text, heading=origin not in PROSE):
                items.append(Evidence(span.wording, source, origin, span.skill, order=len(items)))
        return ProfileEvidence(self.catalog, self.resolver, tuple(items), clean_texts)


def _years(start: YearMonth | None, end: YearMonth | str | None) -> float | None:
    if start is None or not isinstance(end, YearMonth):
        return None
    return round(max(0, start.months_until(end)) / 12, 2)


@dataclass(frozen=True, slots=True)
class Span:
    """A catalogue skill named in free text: where, as written, and which skill."""

    start: int
    end: int
    wording: str
    skill: str


def spot(catalog: Catalog, text: str) -> list[tuple[str, str]]:
    """Catalogue skills named in free text, longest phrase first, as (wording, skill)."""
    return [(span.wording, span.skill) for span in spot_spans(catalog, text)]


# Where one sentence of prose ends: a stop, a colon or semicolon followed by a space, a new line.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s*\n\s*")
_LEADING_MARKS = re.compile(r"^[\W_]*")


def spot_prose(catalog: Catalog, text: str, *, heading: bool = False) -> list[Span]:
    """Skills named in a person's prose, sentence by sentence, ordinary words in context.

    A name that is also an ordinary word (``ordinary_word`` in the catalogue) counts only
    when written as the tool: as part of a longer name ("Apache Airflow"), in the catalogue's
    capitalisation and not as a sentence's first word, or in a sentence that also names a
    related technology (one sharing a category, family or implication with it). In a
    ``heading`` (a job title, a project name) every word may be capitalised, so the catalogue's
    capitalisation counts in any place ("Swift Developer").
    """
    found: list[Span] = []
    offset = 0
    for piece in _SENTENCE_END.split(text):
        start = text.find(piece, offset) if piece else offset
        offset = start + len(piece)
        if not piece.strip():
            continue
        spans = spot_spans(catalog, piece)
        first_word = len(_LEADING_MARKS.match(piece).group(0))  # type: ignore[union-attr]
        firm: list[Span] = []
        pending: list[Span] = []
        for span in spans:
            info = catalog.skills[span.skill]
            # Ordinary words: a one-word name marked so, or a phrase of common words ("back end").
            plain = all(word in common_words() for word in words(span.wording))
            as_tool = not plain and (not info.ordinary_word or " " in span.wording.strip())
            if not as_tool and (heading or span.start != first_word):
                as_tool = span.wording in (info.name, *info.aliases) and (
                    heading or not _in_a_proper_name(piece, span, first_word, spans)
                )
            (firm if as_tool else pending).append(span)
        firm.extend(span for span in pending if _related_to_any(catalog, span.skill, firm))
        found.extend(
            Span(span.start + start, span.end + start, span.wording, span.skill)
            for span in sorted(firm, key=lambda item: item.start)
        )
    return found


_CAPITALISED_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][a-z]+) $")
_CAPITALISED_AFTER = re.compile(r"^ [A-Z][a-z]+\b")


def _in_a_proper_name(text: str, span: Span, first_word: int, spans: Sequence[Span]) -> bool:
    """Is a capitalised ordinary word part of a name ("Julia Smith", "the Rust Belt")?

    It is when a capitalised word stands right next to it (one space, no punctuation), other
    than a sentence's first word or another technology.
    """
    starts = {other.start for other in spans} | {first_word}
    ends = {other.end for other in spans}
    before = _CAPITALISED_BEFORE.search(text[: span.start])
    if before is not None and before.start(1) not in starts and before.end(1) not in ends:
        return True
    return _CAPITALISED_AFTER.match(text[span.end :]) is not None and span.end + 1 not in starts


def _related_to_any(catalog: Catalog, skill: str, others: Sequence[Span]) -> bool:
    """Does a technology named next to ``skill`` belong with it (category, family, implication)?"""
    info = catalog.skills[skill]
    closure = catalog.closure.get(skill, frozenset())
    for other in others:
        if other.skill == skill:
            continue
        neighbour = catalog.skills[other.skill]
        if info.categories & neighbour.categories or (
            info.family is not None and info.family == neighbour.family
        ):
            return True
        if other.skill in closure or skill in catalog.closure.get(other.skill, frozenset()):
            return True
    return False


def spot_spans(catalog: Catalog, text: str) -> list[Span]:
    """Like :func:`spot`, with the position of each mention."""
    tokens = [(match.start(), match.end(), match.group(0)) for match in _TOKEN.finditer(text)]
    return _spot_tokens(catalog, text, tokens)


def _spot_tokens(catalog: Catalog, text: str, tokens: list[tuple[int, int, str]]) -> list[Span]:
    found: list[Span] = []
    marked = _marked_gaps(text, tokens)
    position = 0
    while position < len(tokens):
        step = 0
        # A name never runs over a bracket or a list's comma: "AWS (S3, Glue)" is not "AWS S3".
        widest = min(catalog.max_words, len(tokens) - position, marked[position] - position + 1)
        for width in range(widest, 0, -1):
            window = tokens[position : position + width]
            wording = " ".join(token for _, _, token in window)
            skill = _text_skill(catalog, wording)
            if skill is not None:
                found.append(
                    Span(window[0][0], window[-1][1], text[window[0][0] : window[-1][1]], skill)
                )
                step = width
                break
        start, _, token = tokens[position]
        if step == 0 and "/" in token:
            # "Hadoop/Spark" names two skills; "A/B" and "CI/CD" were tried whole above.
            parts, offset = [], start
            for part in token.split("/"):
                if part:
                    parts.append((offset, offset + len(part), part))
                offset += len(part) + 1
            found.extend(_spot_tokens(catalog, text, parts))
        position += max(step, 1)
    return found


def _marked_gaps(text: str, tokens: list[tuple[int, int, str]]) -> list[int]:
    """For each token, the index of the first token at or after it that a bracket or a list's
    comma follows (no catalogue name runs over one); the last index when none does."""
    following = [len(tokens) - 1] * len(tokens)
    next_mark = len(tokens) - 1
    for index in range(len(tokens) - 2, -1, -1):
        if not _MARKS.isdisjoint(text[tokens[index][1] : tokens[index + 1][0]]):
            next_mark = index
        following[index] = next_mark
    return following


_MARKS = frozenset("()[]{},;:|")


def _text_skill(catalog: Catalog, wording: str) -> str | None:
    term_key, written = segments(wording)
    name = catalog.lookup(term_key, written)
    if name is None:
        singular = singular_key(term_key)
        if singular:
            name = catalog.lookup(singular, frozenset(b for b in written if b < len(singular)))
    if name is None:
        return None
    info = catalog.skills[name]
    if info.spot == "never" or term_key in info.spot_except:
        return None
    # Short names (R, C, Go, ML, CV) and words that are also English count only as written.
    short = info.spot == "case_sensitive" or len(term_key) <= 2
    if short and wording not in (info.name, *info.aliases):
        return None
    return name


def match(posting_term: str, profile: Profile, catalog: Catalog | None = None) -> Match:
    """Is ``posting_term`` shown in ``profile``? A one-off convenience over :class:`Matcher`."""
    return Matcher(catalog).evidence(profile).match(posting_term)
