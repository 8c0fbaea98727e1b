"""Clauses to requirement items with the skill catalogue.

A clause becomes, in this order: a degree, publications, a category with examples ("big data
technologies (e.g., Hadoop/Spark)"), a choice ("at least one of", "A or B", "A and/or B", a
parenthesised list after a phrase) or single skills. A clause in a neutral section counts only
when a prose cue says it asks something of the candidate. Every item keeps its clause.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fitscore.drafting.facts import PARENTHESIS, read_degree
from fitscore.drafting.rules import (
    IGNORED,
    NEUTRAL,
    PREFERRED,
    REQUIRED,
    fold,
    has,
    parsing_rules,
    spaced_pattern,
)
from fitscore.drafting.sections import Clause
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Resolver, Span, spot_spans
from fitscore.vocabulary import DegreeLevel

_THEME_CATEGORIES = frozenset(
    {"ml_area", "nlp", "computer_vision", "research", "statistics", "data_science", "search"}
)
# Runs of spaces and separators are matched possessively, and a run of spaces that leads a
# match only from its start ((?<!\s)): no pattern here retries a run from every position.
_SEPARATOR = re.compile(r"^[\s,/]*+(?:(?:or|and|and/or|&)[\s,/]++)?$", re.IGNORECASE)
_OR = re.compile(r"(?:\bor\b|/)", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"(?:(?<!\s)\s++)?(?:,|;|\band/or\b|\bor\b|\band\b|/)\s*+", re.IGNORECASE)
# Where a label line's items part ("Python; SQL, AWS or GCP"): brackets are tracked so that a
# list inside parentheses stays whole.
_ITEM_SEPARATOR = re.compile(r"[()\[\]]|[,;]|(?<!\S)(?:/|and)(?!\S)")
_LABEL_STOP = re.compile(
    r"(?:^|[,;:]|\b(?:with|in|of|using|via|and|or|for|on|including|like|such as|e\.g\.?)\b)\s*",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][\w.+#-]*(?:\s+[A-Z0-9][\w.+#-]*){0,2}$")
_MAX_LABEL = 120
_JOINED_AFTER = re.compile(r"[ \t]+(?:or|and/or)[ \t]+(?P<name>[A-Z][\w+#.-]*[\w+#])(?=[\s,.;)]|$)")
_JOINED_BEFORE = re.compile(r"(?:^|[\s(])(?P<name>[A-Z][\w+#.-]*[\w+#])[ \t]+(?:or|and/or)[ \t]+$")
# CamelCase, capitals with digits, or a capitalised word: the shapes of product names.
_PRODUCT_NAME = re.compile(
    r"^(?:[A-Z][a-z0-9]+[A-Z][\w]*|[A-Z][A-Z0-9+#]{1,7}|[A-Z][a-z]{2,}[\w+#]*)$"
)
_PURPOSE = re.compile(r"\s+for\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_CONNECTOR = re.compile(
    r"\s+(?:(?!(?:and|or|in)\b)[A-Za-z-]+\s+){0,2}(?:with|via|using)\s+$", re.IGNORECASE
)


@dataclass
class Item:
    section: str
    value: Any  # a skill name, or an any_of / category mapping
    source: str


@dataclass
class Reading:
    """What the clauses ask for, each part with the sentence it came from."""

    items: list[Item] = field(default_factory=list)
    degree: tuple[dict[str, Any], str, str] | None = None  # (degree, source, section)
    equivalent_experience: bool = False
    publications: tuple[str, str] | None = None
    big_data: tuple[str, str] | None = None
    themes: list[str] = field(default_factory=list)
    loose: list[Clause] = field(default_factory=list)  # neutral clauses without a cue
    # Requirement clauses that named nothing the catalogue knows ("Knowledge of programming").
    unnamed: list[Clause] = field(default_factory=list)


class Reader:
    """Reads clauses into a :class:`Reading`."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.resolver = Resolver(catalog)
        self.rules = parsing_rules()
        self.reading = Reading()
        self.generic = frozenset(self.rules.generic_categories)
        self.ordinary = frozenset(self.rules.ordinary_skills)
        self.tools = frozenset(self.rules.tool_categories)
        self.areas = frozenset(fold(word) for word in self.rules.area_words)
        self.role_words = frozenset(fold(word) for word in self.rules.title_words)
        self._index: dict[str, int] = {}  # an item's identity -> its place in reading.items
        self._quote: str | None = None  # the text an item quotes, when not the piece it is in

    def read(self, clauses: Iterable[Clause]) -> Reading:
        for clause, quote in self._with_asides_apart(clauses):
            self._quote = quote
            section = self._section(clause)
            if section in (REQUIRED, PREFERRED):
                for piece in self.pieces(clause):
                    before = (
                        len(self.reading.items),
                        self.reading.degree,
                        self.reading.publications,
                    )
                    self.requirement(piece, section)
                    after = (
                        len(self.reading.items),
                        self.reading.degree,
                        self.reading.publications,
                    )
                    if before == after:
                        self.reading.unnamed.append(Clause(piece, section))
            elif section == NEUTRAL:
                self.reading.loose.append(clause)
                for piece in self.pieces(clause):
                    self._themes(spot_spans(self.catalog, piece))
            else:
                for piece in self.pieces(clause):
                    self._themes(spot_spans(self.catalog, piece))
        return self.reading

    def _with_asides_apart(self, clauses: Iterable[Clause]) -> Iterator[tuple[Clause, str | None]]:
        """ "Kubernetes (EKS is a plus)", "Spark (PySpark is fine)": an aside in brackets that
        names a skill of its own and holds a cue (preferred, or a waiver) is read as a clause
        of its own after the one around it, so its cue is said of what it names alone. An aside
        that is only a preferred cue ("Kafka (preferred)") still speaks for its whole clause; a
        waiver never does ("Python (3.10+ is fine)"). Both parts quote the whole clause."""
        for clause in clauses:
            asides = [match for match in PARENTHESIS.finditer(clause.text) if self._aside(match)]
            if not asides:
                yield clause, None
                continue
            outer, start = [], 0
            for match in asides:
                outer.append(clause.text[start : match.start()])
                start = match.end()
            outer.append(clause.text[start:])
            yield (
                Clause(" ".join(" ".join(outer).split()), clause.section, clause.listed),
                clause.text,
            )
            for match in asides:
                yield Clause(match.group(1).strip(), clause.section), clause.text

    def _aside(self, match: re.Match[str]) -> bool:
        inside = match.group(1)
        if has(inside, self.rules.ignored_cues):
            return True
        cue = has(inside, self.rules.preferred_cues)
        if cue is None:
            return False
        if spot_spans(self.catalog, inside):
            return True
        filler = _filler_words()
        words = re.findall(r"\w+", fold(inside).replace(cue, " "))
        return any(word not in filler for word in words)

    def pieces(self, clause: Clause) -> list[str]:
        """What is read as one requirement: a label line's items one by one, like bullets; an
        over-long clause in pieces of a bounded size (so no clause costs more than its size)."""
        limit = self.rules.max_clause_chars
        pieces = self._list_items(clause.text) if clause.listed else [clause.text]
        if all(len(piece) <= limit for piece in pieces):
            return pieces
        return [chunk for piece in pieces for chunk in _chunks(piece, limit)]

    def _list_items(self, text: str) -> list[str]:
        """ "Python; SQL, AWS or GCP" -> Python | SQL | AWS or GCP: split at ";", ",", " / " and
        " and " outside brackets and catalogue names, unless the line is one choice ("one of"),
        one list of examples ("such as"), a degree or publications."""
        rules = self.rules
        cues = (*rules.choice_cues, *rules.example_cues, *rules.publications_cues)
        if has(text, cues) or read_degree(text) is not None:
            return [text]
        names = sorted((span.start, span.end) for span in spot_spans(self.catalog, text))
        pieces: list[str] = []
        start = depth = name = 0
        for match in _ITEM_SEPARATOR.finditer(text):
            mark = match.group(0)
            if mark in "([":
                depth += 1
                continue
            if mark in ")]":
                depth = max(0, depth - 1)
                continue
            while name < len(names) and names[name][1] <= match.start():
                name += 1
            inside_name = name < len(names) and names[name][0] <= match.start()
            if depth or inside_name:
                continue
            pieces.append(text[start : match.start()])
            start = match.end()
        pieces.append(text[start:])
        return [piece.strip() for piece in pieces if piece.strip()] or [text]

    def _section(self, clause: Clause) -> str:
        text = clause.text
        if clause.section == IGNORED:
            return IGNORED
        if self._is_duty(text):
            return IGNORED
        if has(text, self.rules.preferred_cues):
            return PREFERRED
        if clause.section == NEUTRAL:
            cues = (*self.rules.prose_required_cues, *self.rules.required_cues)
            return REQUIRED if has(text, cues) else NEUTRAL
        if has(text, self.rules.required_cues):
            return REQUIRED
        return clause.section

    def _is_duty(self, text: str) -> bool:
        folded = fold(text[:200])
        starts, exceptions = _duty_words()
        for start in starts:
            if folded.startswith(start):
                return not folded[len(start) :].startswith(exceptions)
        return False

    # -- one requirement clause ----------------------------------------------------------------

    def requirement(self, text: str, section: str) -> None:
        if self._degree(text, section):
            return
        if has(text, self.rules.publications_cues):
            self._raise_need("publications", section, text)
            self._themes(spot_spans(self.catalog, text), every_skill=True)
            return
        if has(text, self.rules.ignored_cues):
            return
        spans = [
            s
            for s in self.spans(text)
            if self._is_requirement_skill(s) and not self._names_a_role(text, s)
        ]
        choice = self._choice(text, spans)
        if choice is not None:
            alone, members = choice
            for span in alone:  # "Python and at least one of PyTorch or JAX": Python alone
                self._add(section, span.skill, text)
            self._add(section, {"any_of": _names(members), "label": _label(text)}, text)
            self._note_big_data([*alone, *members], section, text)
            return
        spotted = spans
        spans = self._categories(text, spans, section)
        spans = self._parenthesised_groups(text, spans, section)
        spans = self._without_class_names(text, spans)
        spans = self._without_purposes(text, spans)
        named = self._example_lists(text, spans, spotted)
        spans = sorted(spans + named, key=lambda span: span.start)
        self._note_big_data(spans, section, text)
        spans = spans + self._named_neighbours(text, spans)
        for group in _chains(text, spans):
            if len(group) > 1:
                self._add(section, {"any_of": _names(group)}, text)
            else:
                self._add(section, group[0].skill, text)

    def spans(self, text: str) -> list[Span]:
        """Catalogue skills named in the text. A mention that runs over a joining word ("R or"
        read as the alias RoR) is a joint of two words, not a name: it is read word by word."""
        found: list[Span] = []
        joiners = frozenset(self.rules.joiners)
        for span in spot_spans(self.catalog, text):
            words = span.wording.split()
            if len(words) > 1 and joiners.intersection(words) and not self._spelled(span):
                offset = span.start
                for word in words:
                    start = text.index(word, offset)
                    offset = start + len(word)
                    if word not in joiners:
                        found.extend(
                            Span(s.start + start, s.end + start, s.wording, s.skill)
                            for s in spot_spans(self.catalog, word)
                        )
                continue
            if not self._acronym_in_lower_case(span):
                found.append(span)
        return found

    def _acronym_in_lower_case(self, span: Span) -> bool:
        """ "rest week" is not REST: a name written only in capitals is not read in lower case."""
        if not span.wording.islower():
            return False
        info = self.catalog.skills[span.skill]
        wording = span.wording.casefold()
        spellings = [name for name in (info.name, *info.aliases) if name.casefold() == wording]
        return bool(spellings) and all(name.isupper() for name in spellings)

    def _spelled(self, span: Span) -> bool:
        info = self.catalog.skills[span.skill]
        wording = " ".join(span.wording.casefold().split())
        return any(
            wording == " ".join(name.casefold().split()) for name in (info.name, *info.aliases)
        )

    def _categories_of(self, skill: str) -> frozenset[str]:
        """A catalogue skill's categories; none for a name the catalogue does not know."""
        info = self.catalog.skills.get(skill)
        return info.categories if info is not None else frozenset()

    def _is_requirement_skill(self, span: Span) -> bool:
        categories = self._categories_of(span.skill)
        return not categories <= self.generic and span.skill not in self.ordinary

    def _is_area(self, span: Span) -> bool:
        return fold(span.skill.split()[-1]) in self.areas

    def _is_tool(self, span: Span) -> bool:
        if self._is_area(span):
            return False  # "Web Development" is an area of work, whatever its categories
        return bool(self._categories_of(span.skill) & self.tools)

    def _names_a_role(self, text: str, span: Span) -> bool:
        """ "a Front End Developer": an area named as a role asks for no skill."""
        following = re.match(r"\s+([A-Za-z]+)", text[span.end : span.end + 40])
        return (
            following is not None
            and fold(span.skill.split()[-1]) in self.areas
            and fold(following.group(1)) in self.role_words
        )

    def _choice(self, text: str, spans: list[Span]) -> tuple[list[Span], list[Span]] | None:
        """ "at least one of A, B or C": the skills asked for alone and the members of the
        choice, or None when the clause offers none. Members are the skills after the cue when
        two or more follow it, else all of them ("A, B or C: at least one"); a name the
        catalogue does not know in the list after the cue is a member too ("Bazel, Buck2 or
        Pants"); the name of a class ("one ML framework (...)") is none."""
        cue = spaced_pattern(tuple(self.rules.choice_cues)).search(text)
        if cue is None:
            return None
        phrases = self._phrase_ranges(text)
        named = [s for s in spans if not any(a <= s.start < b for a, b in phrases)]
        start = cue.end()
        after = [span for span in named if span.start >= start]
        listed = text[start:]
        close = re.search(r"[.;)]", listed)
        listed = listed[: close.start()] if close else listed
        unknown = self._unknown_members(listed, after, start)
        members = sorted(after + unknown, key=lambda span: span.start)
        if len(members) >= 2:
            return [span for span in named if span.start < start], members
        if len(named) >= 2:
            return [], named
        return None

    def _phrase_ranges(self, text: str) -> list[tuple[int, int]]:
        folded = text.casefold()
        ranges: list[tuple[int, int]] = []
        for phrases in self.rules.category_phrases.values():
            for phrase in phrases:
                pattern = rf"(?<![\w]){re.escape(phrase.casefold())}(?![\w])"
                ranges.extend(match.span() for match in re.finditer(pattern, folded))
        return ranges

    def _categories(self, text: str, spans: list[Span], section: str) -> list[Span]:
        """Category phrases become category items; the skills named as examples join them."""
        folded = text.casefold()
        taken: list[tuple[int, int]] = []
        consumed: set[int] = set()
        for category, phrases in self.rules.category_phrases.items():
            if category not in self.catalog.categories:
                continue
            for phrase in sorted(phrases, key=len, reverse=True):
                match = re.search(rf"(?<![\w]){re.escape(phrase.casefold())}(?![\w])", folded)
                if match is None or any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                if any(s.start < match.start() < s.end for s in spans):
                    continue  # "A/B testing frameworks" is A/B testing, not testing frameworks
                taken.append((match.start(), match.end()))
                end = self._example_end(text, match.end())
                inside = [
                    s for s in spans if match.end() <= s.start < end and id(s) not in consumed
                ]
                consumed.update(id(span) for span in inside)
                item: dict[str, Any] = {"category": category}
                if inside:
                    item["examples"] = _names(inside)
                item["label"] = _label(text[match.start() : end])
                self._add(section, item, text)
                # The phrase itself ("big data technologies") also spots the skill it names.
                consumed.update(
                    id(span) for span in spans if match.start() <= span.start < match.end()
                )
                break
        return [span for span in spans if id(span) not in consumed]

    def _example_end(self, text: str, after: int) -> int:
        rest = text[after:]
        opening = re.match(r"\s*\(", rest)
        if opening:
            close = rest.find(")")
            return after + (close + 1 if close >= 0 else len(rest))
        cue = self._example_cue(rest)
        if cue is not None:
            stop = re.search(r"[;.)]|\s(?:and|with|to|that|in)\s(?![A-Z])", rest[cue:])
            return after + cue + (stop.start() if stop else len(rest) - cue)
        return after

    def _example_cue(self, rest: str) -> int | None:
        for cue in self.rules.example_cues:
            match = re.match(rf"\s*+(?:,\s*+)?{re.escape(cue)}(?:\s*+,)?\s*+", rest, re.IGNORECASE)
            if match:
                return match.end()
        return None

    def _parenthesised_groups(self, text: str, spans: list[Span], section: str) -> list[Span]:
        """ "probabilistic programming (Stan, PyMC, NumPyro)": one choice, labelled by the
        phrase; a tool before the parenthesis ("Python (pandas, NumPy)") stays its own item."""
        consumed: set[int] = set()
        for match in PARENTHESIS.finditer(text):
            inside = [s for s in spans if match.start() < s.start < match.end()]
            unknown = self._unknown_members(match.group(1), inside, match.start(1))
            members = _names(sorted(inside + unknown, key=lambda span: span.start))
            if len(members) < 2:
                continue
            consumed.update(id(span) for span in inside)
            before = text[: match.start()].rstrip()
            label = _phrase_before(before)
            for span in spans:
                # The name of the kind of tools ("feature stores") is the label, not a skill.
                named = len(before) - len(label) < span.end <= len(before)
                if named and not self._is_tool(span):
                    consumed.add(id(span))
            item: dict[str, Any] = {"any_of": list(dict.fromkeys(members))}
            tool_named = any(
                self._is_tool(span) and span.wording == label for span in spans
            )  # "SQL (Airflow, dbt)": no kind of tools is named
            if label and not tool_named:
                item["label"] = _label(label)
            self._add(section, item, text)
            self._note_big_data(inside, section, text)
        return [span for span in spans if id(span) not in consumed]

    def _unknown_members(
        self, inner: str, inside: list[Span], offset: int, *, alone: bool = False
    ) -> list[Span]:
        """Names in a list beside catalogue skills that the catalogue does not know (or does
        not spot in prose): "(Amplitude, Mixpanel, or Looker)"; after "such as" a list of
        names alone will do ("tools such as Evidently or WhyLogs")."""
        if not inside and not alone:
            return []
        found = []
        position = 0
        for part in _LIST_SPLIT.split(inner):
            at = inner.find(part, position)
            position = max(position, at + len(part))
            name = part.strip(" .")
            start = offset + at + (len(part) - len(part.lstrip(" .")))
            if not name or any(s.start < start + len(name) and start < s.end for s in inside):
                continue
            if _NAME.match(name) and fold(name.split()[0]) not in self._stop_words():
                found.extend(self._named(name, start))
        return found

    def _named(self, name: str, start: int) -> list[Span]:
        """A name as a skill; "HTML5 CSS3" (punctuation lost) is two known names."""
        whole = self.resolver.resolve(name).skill
        words = name.split()
        if whole is None and len(words) > 1:
            each = [self.resolver.resolve(word).skill for word in words]
            if all(each):
                spans, offset = [], start
                for word, skill in zip(words, each, strict=True):
                    spans.append(Span(offset, offset + len(word), word, skill or word))
                    offset += len(word) + 1
                return spans
        return [Span(start, start + len(name), name, whole or name)]

    def _example_lists(self, text: str, spans: list[Span], spotted: list[Span]) -> list[Span]:
        """The unknown names of a list after "such as", "like", "e.g."; a list that a category
        item or a choice already took is left alone. A list runs to the next ".", ";", ")" or
        example cue, so each stretch of text is read once however many cues it holds."""
        taken_ids = {id(span) for span in spotted} - {id(span) for span in spans}
        taken = sorted(span.start for span in spotted if id(span) in taken_ids)
        spans = sorted(spans, key=lambda span: span.start)
        starts = [span.start for span in spans]
        stops = [match.start() for match in re.finditer(r"[.;)]", text)]
        cues = "|".join(re.escape(cue) for cue in self.rules.example_cues)
        opened = list(re.finditer(rf"(?<![\w])(?:{cues})[\s,:]++", text, re.IGNORECASE))
        found: list[Span] = []
        for number, match in enumerate(opened):
            after = match.end()
            stop = bisect_left(stops, after)
            end = stops[stop] if stop < len(stops) else len(text)
            if number + 1 < len(opened):
                end = min(end, opened[number + 1].start())
            if bisect_left(taken, after) < bisect_left(taken, end):
                continue
            inside = spans[bisect_left(starts, after) : bisect_left(starts, end)]
            found.extend(self._unknown_members(text[after:end], inside, after, alone=True))
        return found

    def _stop_words(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.rules.not_company_words)

    def _named_neighbours(self, text: str, spans: list[Span]) -> list[Span]:
        """In "Java, Spring, and Hibernate" a capitalised name between skills is one too."""
        found = []
        ordered = sorted(spans, key=lambda span: span.start)
        for left, right in zip(ordered, ordered[1:], strict=False):
            between = text[left.end : right.start]
            parts = [part for part in _LIST_SPLIT.split(between) if part.strip()]
            if len(parts) != 1 or not _LIST_SPLIT.match(between):
                continue
            name = parts[0].strip()
            if _NAME.match(name) and fold(name.split()[0]) not in self._stop_words():
                skill = self.resolver.resolve(name).skill or name
                start = left.end + between.find(name)
                found.append(Span(start, start + len(name), name, skill))
        taken = bytearray(len(text) + 1)  # 1 where a name already stands: overlap in O(name)
        for span in [*ordered, *found]:
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        for span in ordered:
            # "SQL or KQL", "HL7 or FHIR": a name joined to a skill by "or" is a choice of it.
            after = _JOINED_AFTER.match(text, span.end)
            before = _JOINED_BEFORE.search(text[max(0, span.start - 40) : span.start])
            for match, offset in ((after, 0), (before, max(0, span.start - 40))):
                if match is None:
                    continue
                name, start = match.group("name"), offset + match.start("name")
                if any(taken[start : start + len(name)]):
                    continue
                if self._looks_like_a_name(name):
                    skill = self.resolver.resolve(name).skill or name
                    found.append(Span(start, start + len(name), name, skill))
                    taken[start : start + len(name)] = b"\x01" * len(name)
        return found

    def _looks_like_a_name(self, name: str) -> bool:
        """A tool's name, not a word: "KQL", "Braintree" (capitalised mid-sentence), "HL7"."""
        if fold(name) in self._stop_words() or has(name, self.rules.location_words):
            return False
        return bool(_PRODUCT_NAME.match(name))

    def _without_class_names(self, text: str, spans: list[Span]) -> list[Span]:
        """In "gradient boosting (XGBoost or LightGBM)" or "database technologies such as
        Oracle" the tools are the requirement; the name before them only says what kind of
        tools they are. A tool itself ("Python (pandas, statsmodels)") stays a requirement."""
        kept = []
        cues = "|".join(re.escape(cue) for cue in self.rules.example_cues)
        after_name = re.compile(
            rf"\s*+(?:[A-Za-z-]+\s++){{0,2}}(?:\(|(?:,\s*+)?(?:{cues})\s)"
            r"|\s++(?:(?!(?:and|or|in)\b)[A-Za-z-]+\s++){0,2}(?:with|via|using)\s++(?=\S)",
            re.IGNORECASE,
        )
        example = re.compile(rf"(?:{cues})\s*$", re.IGNORECASE)
        bare_cue = re.compile(rf",?\s*(?:{cues})\s*$", re.IGNORECASE)
        for span in spans:
            opening = after_name.match(text, span.end)
            if opening is not None and self._is_tool(span) and not example.search(opening.group(0)):
                opening = None  # "Python (pandas, NumPy)", "Python with pandas": the tool stays
            named_product = (
                span.start > 0  # a bullet's first word is capitalised whatever it names
                and span.wording[:1].isupper()
                and not self._is_area(span)
                and opening is not None
                and bare_cue.match(opening.group(0)) is not None  # no "tools" in between
            )
            if opening and example.search(opening.group(0)) and named_product:
                opening = None  # "Power BI, including DAX": a product, not a kind of tools
            if opening and example.search(opening.group(0)):
                # "dbt, including tests ... and dimensional modeling": the examples of a class
                # follow its cue at once; a skill further on is not one of them.
                at_once = any(opening.end() <= other.start < opening.end() + 3 for other in spans)
                if not at_once and not text[opening.end() : opening.end() + 1].isupper():
                    opening = None
            if opening:
                start = opening.end()
                close = re.search(r"[).;]", text[start:])
                end = start + close.start() if close else len(text)
                if _CONNECTOR.match(opening.group(0)):  # "with", "via": the very next word
                    end = start + 1
                if any(start <= other.start < end for other in spans):
                    continue
            kept.append(span)
        return kept

    def _without_purposes(self, text: str, spans: list[Span]) -> list[Span]:
        """ "Vitest or Jest for unit tests", "Playwright for end-to-end testing": the area
        after "for" says what the tool is for; the tool is the requirement."""
        kept = []
        for span in spans:
            before = text[max(0, span.start - 40) : span.start]
            purpose = _PURPOSE.search(before)
            tool_before = purpose is not None and any(
                other.end == span.start - len(before) + purpose.start() and other is not span
                for other in spans
            )
            if tool_before and not self._is_tool(span):
                continue
            kept.append(span)
        return kept

    def _note_big_data(self, spans: list[Span], section: str, text: str) -> None:
        if has(text, self.rules.category_phrases.get("big_data", ())) or any(
            "big_data" in self._categories_of(span.skill) for span in spans
        ):
            self._raise_need("big_data", section, text)

    def _raise_need(self, name: str, section: str, text: str) -> None:
        current = getattr(self.reading, name)
        if current is None or (current[0] == PREFERRED and section == REQUIRED):
            setattr(self.reading, name, (section, self._quote or text))

    def _degree(self, text: str, section: str) -> bool:
        found = read_degree(text)
        if found is None:
            return False
        degree, equivalent = found
        current = self.reading.degree
        lower = current is not None and current[2] == section and _below(degree, current[0])
        if current is None or lower or (section == REQUIRED and current[2] != REQUIRED):
            self.reading.degree = (degree, self._quote or text, section)
            self.reading.equivalent_experience = equivalent
        return True

    def _add(self, section: str, item: Any, source: str) -> None:
        identity = json.dumps(item, sort_keys=True) if isinstance(item, dict) else item
        index = self._index.get(identity)
        if index is not None:
            if self.reading.items[index].section == PREFERRED and section == REQUIRED:
                self.reading.items[index] = Item(section, item, self._quote or source)
            return
        self._index[identity] = len(self.reading.items)
        self.reading.items.append(Item(section, item, self._quote or source))

    def _themes(self, spans: list[Span], every_skill: bool = False) -> None:
        for span in spans:
            categories = self._categories_of(span.skill)
            if every_skill or categories & _THEME_CATEGORIES:
                theme = (
                    span.skill.casefold()
                    if span.skill[:2] != span.skill[:2].upper()
                    else span.skill
                )
                if theme not in self.reading.themes and "soft_skill" not in categories:
                    self.reading.themes.append(theme)


@cache
def _filler_words() -> frozenset[str]:
    return frozenset(fold(word) for word in parsing_rules().aside_filler_words)


@cache
def _duty_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rules = parsing_rules()
    starts = tuple(fold(start) + " " for start in rules.duty_starts)
    return starts, tuple(fold(word) for word in rules.duty_exceptions)


def _below(degree: dict[str, Any], other: dict[str, Any]) -> bool:

    return DegreeLevel(degree["level"]).rank < DegreeLevel(other["level"]).rank


def _names(spans: Iterable[Span]) -> list[str]:
    return list(dict.fromkeys(span.skill for span in spans))


def _phrase_before(before: str) -> str:
    """The words just before a parenthesis, back to a clause boundary: "observability tooling"."""
    window = before[-80:]
    stops = list(_LABEL_STOP.finditer(window))
    phrase = window[stops[-1].end() :] if stops else window
    words = phrase.split()
    return " ".join(words[-6:]).strip(" ,;:")


def _label(text: str) -> str:
    words = re.sub(r"\s+", " ", text).strip(" .;:,")
    for start in parsing_rules().clause_starts:
        if words.casefold().startswith(start.casefold() + " "):
            words = words[len(start) + 1 :]
            break
    return words if len(words) <= _MAX_LABEL else words[: _MAX_LABEL - 3].rstrip() + "..."


def _chunks(text: str, limit: int) -> list[str]:
    """The text in pieces of at most ``limit`` characters, each cut after a comma or a space
    where there is one (a list loses at most the item it was cut in)."""
    chunks = []
    while len(text) > limit:
        cut = max(text.rfind(", ", 0, limit), text.rfind("; ", 0, limit))
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        cut = cut + 1 if cut > 0 else limit
        chunks.append(text[:cut].strip(" ,;"))
        text = text[cut:]
    chunks.append(text.strip(" ,;"))
    return [chunk for chunk in chunks if chunk]


def _chains(text: str, spans: list[Span]) -> list[list[Span]]:
    """Skills joined by "or", "and/or" or "/" (with commas) form one choice; others stand alone."""
    groups: list[list[Span]] = []
    joiners: list[str] = []
    for span in sorted(spans, key=lambda item: item.start):
        if groups:
            between = text[groups[-1][-1].end : span.start]
            if _SEPARATOR.match(between):
                groups[-1].append(span)
                joiners[-1] += between
                continue
        groups.append([span])
        joiners.append("")
    result: list[list[Span]] = []
    for group, joined in zip(groups, joiners, strict=True):
        if len(group) > 1 and _OR.search(joined):
            result.append(group)
        else:
            result.extend([span] for span in group)
    return result
