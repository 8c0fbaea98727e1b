"""Pure scoring: a profile and a posting in, a :class:`ScoreReport` out.

Every number comes from ``data/scoring.yaml``; README "How the score works" states each rule.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from fitscore.models import DEGREE_RANK, Education, Posting, Profile, Requirement, Weights
from fitscore.reports import (
    ComponentResult,
    DemandItem,
    Gap,
    RankEntry,
    RequirementResult,
    ScoreReport,
)
from fitscore.rules import ScoringRules, field_rules, scoring_rules, venue_rules
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Match, Matcher, ProfileEvidence, SourceKind, Status, spot
from fitscore.skills.normalize import key, words
from fitscore.skills.venues import VenueFinder

_DEGREE_NAMES = {
    "phd": "PhD",
    "masters": "master's",
    "bachelors": "bachelor's",
    "associate": "associate",
    "other": "other degree",
}
_LISTED = (SourceKind.SKILLS, SourceKind.EXPERIENCE, SourceKind.PROJECT)
_SKILL_COMPONENTS = ("required_skills", "preferred_skills")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Part:
    """One component before weighting: a credit in [0, 1] and what to say about it."""

    name: str
    applies: bool
    credit: float
    detail: str
    gap_kind: str = "required"
    gap_text: str = ""
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class _Row:
    """One requirement item decided: the points it loses is its share times what it lacks."""

    section: str
    item: Requirement
    decision: Match
    lost: float


@dataclass(frozen=True, slots=True)
class _Evaluation:
    parts: tuple[_Part, ...]
    components: tuple[ComponentResult, ...]
    rows: tuple[_Row, ...]
    total: float
    notes: tuple[str, ...]

    def missed_rows(self) -> list[_Row]:
        """Requirement items that lose points: the gaps among the items."""
        return [r for r in self.rows if r.lost > 0 and r.decision.status is not Status.MET]

    def missed_components(self) -> list[tuple[_Part, float]]:
        """Degree, publications and big data, with the points each loses, where it loses any."""
        missed = []
        for part, component in zip(self.parts, self.components, strict=True):
            lost = round(component.weight - component.points, 1)
            if part.applies and part.name not in _SKILL_COMPONENTS and lost > 0:
                missed.append((part, lost))
        return missed


def _gap_order(points: float, kind: str, text: str) -> tuple[float, bool, str]:
    """Gaps by the points they would add; required before preferred at equal points."""
    return (-points, kind != "required", text)


class Scorer:
    """Scores one profile against many postings, reusing what is known about the profile."""

    def __init__(
        self,
        profile: Profile,
        *,
        catalog: Catalog | None = None,
        matcher: Matcher | None = None,
        weights: Weights | None = None,
        rules: ScoringRules | None = None,
        today: dt.date | None = None,
        profile_path: str = "",
    ) -> None:
        self.profile = profile
        self.matcher = matcher if matcher is not None else Matcher(catalog)
        self.catalog = self.matcher.catalog
        self.evidence: ProfileEvidence = self.matcher.evidence(profile)
        self.weights = weights
        self.rules = rules if rules is not None else scoring_rules()
        self.today = today if today is not None else dt.date.today()
        self.profile_path = profile_path
        self._field_index = _FieldIndex()
        self._components: dict[Hashable, object] = {}
        self._papers: dict[tuple[str, str | None], tuple[frozenset[str], frozenset[str]]] = {}
        self._venue_areas = VenueFinder(venue_rules().venues)

    def score(self, posting: Posting, posting_path: str = "") -> ScoreReport:
        """The gap report of the profile against ``posting``."""
        evaluation = self._evaluate(posting)
        requirements = [self._requirement(row) for row in evaluation.rows]
        gaps = [
            Gap(row.section, row.item.text(), row.lost, self._suggest(row.item, row.decision))
            for row in evaluation.missed_rows()
        ]
        gaps.extend(
            Gap(part.gap_kind, part.gap_text, lost, part.suggestion)
            for part, lost in evaluation.missed_components()
        )
        gaps.sort(key=lambda gap: _gap_order(gap.points, gap.kind, gap.text))
        notes = list(evaluation.notes)
        notes.extend(
            note for note in dict.fromkeys(item.near_miss for item in self._near_misses()) if note
        )
        return ScoreReport(
            score=evaluation.total,
            band=self.rules.band(evaluation.total),
            profile_path=self.profile_path,
            profile_name=self.profile.name,
            posting_path=posting_path,
            title=posting.title,
            company=posting.company,
            components=evaluation.components,
            requirements=tuple(requirements),
            gaps=tuple(gaps),
            notes=tuple(notes),
        )

    def summary(self, posting: Posting, posting_path: str = "") -> RankEntry:
        """What ``rank`` keeps of a posting: the same numbers as :meth:`score`, no prose."""
        evaluation = self._evaluate(posting)
        candidates = [(row.lost, row.section, row.item.text()) for row in evaluation.missed_rows()]
        candidates.extend(
            (lost, part.gap_kind, part.gap_text) for part, lost in evaluation.missed_components()
        )
        top = min(candidates, key=lambda gap: _gap_order(*gap)) if candidates else None
        required = [row for row in evaluation.rows if row.section == "required"]
        return RankEntry(
            path=posting_path,
            title=posting.title,
            company=posting.company,
            score=evaluation.total,
            band=self.rules.band(evaluation.total),
            required_met=sum(1 for row in required if row.decision.status is Status.MET),
            required_total=len(required),
            top_gap=top[2] if top else None,
            top_gap_points=top[0] if top else 0.0,
        )

    def missing_items(self, posting: Posting, posting_path: str = "") -> list[DemandItem]:
        """Requirement items of ``posting`` the profile does not fully meet, with their cost."""
        return [
            DemandItem(
                # A plain skill is one thing to learn; a group or category is the whole choice.
                (row.decision.skill or row.item.text()) if row.item.skill else row.item.text(),
                row.item.text(),
                row.section,
                row.lost,
            )
            for row in self._evaluate(posting).missed_rows()
        ]

    def _evaluate(self, posting: Posting) -> _Evaluation:
        """The numbers behind a report: decisions, component credits, weights, points."""
        decided: list[tuple[str, list[tuple[Requirement, Match, float]]]] = []
        parts: list[_Part] = []
        partial_credit = self.rules.partial_credit
        for section in ("required", "preferred"):
            items: Sequence[Requirement] = getattr(posting, section)
            section_rows = []
            met = partial = 0
            earned = 0.0
            for item in items:
                decision = self._decide(item)
                if decision.status is Status.MET:
                    met += 1
                    credit = 1.0
                elif decision.status is Status.PARTIAL:
                    partial += 1
                    credit = partial_credit
                else:
                    credit = 0.0
                earned += credit
                section_rows.append((item, decision, credit))
            detail = f"{met} of {len(items)} met" + (f", {partial} partial" if partial else "")
            average = earned / len(items) if items else 0.0
            parts.append(_Part(f"{section}_skills", bool(items), average, detail))
            decided.append((section, section_rows))
        degree, degree_notes = self._cached(
            ("degree", posting.degree), lambda: self._degree(posting)
        )
        parts.append(degree)
        parts.append(
            self._cached(
                ("publications", posting.publications, posting.themes),
                lambda: self._publications(posting),
            )
        )
        parts.append(self._cached(("big_data", posting.big_data), lambda: self._big_data(posting)))
        effective = self._weights(posting, tuple(part.name for part in parts if part.applies))
        components = tuple(
            ComponentResult(
                part.name,
                effective.get(part.name, 0.0),
                round(effective.get(part.name, 0.0) * part.credit, 1),
                part.detail if part.applies else "not asked by this posting",
            )
            for part in parts
        )
        rows: list[_Row] = []
        for section, section_rows in decided:
            # Each item of a section earns an equal share of the section's weight.
            share = effective.get(f"{section}_skills", 0.0) / max(1, len(section_rows))
            rows.extend(
                _Row(
                    section,
                    item,
                    decision,
                    0.0 if credit == 1.0 else round(share * (1 - credit), 1),
                )
                for item, decision, credit in section_rows
            )
        notes = list(degree_notes)
        if not effective:
            notes.append(
                "The posting asks for nothing fitscore can score (no skills, degree, ...)."
            )
        total = round(sum(component.points for component in components), 1)
        return _Evaluation(tuple(parts), components, tuple(rows), total, tuple(notes))

    # -- requirement items -------------------------------------------------------------------

    def _decide(self, item: Requirement) -> Match:
        if item.any_of is not None:
            return self.evidence.match_any(item.any_of)
        if item.category is not None:
            return self.evidence.match_category(item.category, item.examples)
        return self.evidence.match(item.skill or "")

    def _requirement(self, row: _Row) -> RequirementResult:
        decision = row.decision
        return RequirementResult(
            row.section,
            row.item.text(),
            decision.status,
            decision.matched,
            decision.source,
            round(decision.similarity, 1),
            row.lost,
            decision.skill,
            decision.reason,
        )

    def _suggest(self, item: Requirement, decision: Match) -> str:
        close = ""
        if decision.status is Status.PARTIAL and decision.matched:
            close = f"You have {decision.matched} ({decision.reason}). "
        if item.any_of is not None:
            members = ", ".join(item.any_of)
            return (
                f"{close}Any one of {members} would satisfy this; "
                "show it in a skill, project or job."
            )
        if item.category is not None:
            label = self.catalog.categories.get(item.category, item.category.replace("_", " "))
            examples = list(item.examples) or list(self.catalog.category_members(item.category)[:5])
            return (
                f"Any {label} counts, e.g. {', '.join(examples)}; show hands-on use in a project."
            )
        wanted = decision.skill or item.skill or ""
        if close:
            return (
                f"{close}If you have used {wanted}, list it; "
                "otherwise a small project with it closes the gap."
            )
        return f"Add {wanted} to a project or experience entry, then list it under skills."

    def _near_misses(self) -> list[Match]:
        return [self.evidence.match(item.term) for item in self.evidence.near_misses()]

    # -- components --------------------------------------------------------------------------

    def _weights(self, posting: Posting, applies: tuple[str, ...]) -> dict[str, float]:
        """Effective weights (see ``_apportion``), once per distinct posting override."""
        cache_key = ("weights", posting.weights, applies)
        found = self._components.get(cache_key)
        if found is None:
            merged = self.rules.weights.given()
            merged.update(posting.weights.given())
            if self.weights is not None:
                merged.update(self.weights.given())
            found = _apportion({name: float(merged.get(name, 0.0)) for name in applies})
            self._components[cache_key] = found
        return cast(dict[str, float], found)

    def _cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Components that depend on one part of a posting are computed once per distinct part."""
        if key not in self._components:
            self._components[key] = compute()
        return cast(T, self._components[key])

    def _degree(self, posting: Posting) -> tuple[_Part, tuple[str, ...]]:
        wanted = posting.degree
        notes: list[str] = []
        if wanted is None:
            return _Part("degree", False, 0.0, ""), ()
        rules = self.rules.degree
        level_name = _DEGREE_NAMES[wanted.level]
        fields = ", ".join(wanted.fields)
        asked = f"{level_name}" + (" (in progress OK)" if wanted.status == "in_progress_ok" else "")
        asked += (
            f" in {fields}" + (" or a related field" if wanted.related_ok else "") if fields else ""
        )
        best: tuple[float, Education | None, str] = (0.0, None, "no degree listed")
        for entry in self.profile.education:
            steps = DEGREE_RANK[wanted.level] - DEGREE_RANK[entry.degree]
            levels = rules.level_steps_below
            level = levels[min(max(steps, 0), len(levels) - 1)]
            status = 1.0
            if wanted.status == "completed" and entry.status == "in_progress":
                status = rules.in_progress_for_completed
            field_credit, field_word = self._field_credit(entry, wanted.fields, wanted.related_ok)
            credit = level * status * field_credit
            state = "in progress" if entry.status == "in_progress" else "completed"
            subject = f" in {entry.field}" if entry.field else ""
            detail = f"{_DEGREE_NAMES[entry.degree]} {state}{subject} ({field_word})"
            if credit > best[0] or best[1] is None:
                best = (credit, entry, detail)
            self._degree_flags(entry, wanted.level, wanted.status, notes)
        credit, _, detail = best
        part = _Part(
            "degree",
            True,
            credit,
            detail,
            "required",
            f"degree: {asked}",
            f"The posting asks for a {asked}; yours: {detail}.",
        )
        return part, tuple(dict.fromkeys(notes))

    def _degree_flags(self, entry: Education, level: str, status: str, notes: list[str]) -> None:
        if entry.status == "in_progress" and entry.expected and entry.expected < self._month():
            notes.append(
                f"Your {_DEGREE_NAMES[entry.degree]} was expected by {entry.expected}, which has "
                "passed: update its status or date."
            )
        if status == "in_progress_ok" and entry.status == "completed" and entry.degree == level:
            notes.append(
                f"The posting is written for students working towards a {_DEGREE_NAMES[level]}; "
                "yours is completed, so check that you are eligible."
            )

    def _month(self) -> str:
        return f"{self.today.year:04d}-{self.today.month:02d}"

    def _field_credit(
        self, entry: Education, fields: Sequence[str], related_ok: bool
    ) -> tuple[float, str]:
        rules = self.rules.degree
        if not fields:
            return 1.0, "any field"
        if not entry.field:
            return rules.field_unrelated, "field not given"
        relation = self._field_index.relation(entry.field, fields)
        if relation == "exact":
            return rules.field_exact, "field listed"
        if relation == "related":
            credit = rules.field_related if related_ok else rules.field_related_not_ok
            return credit, "related field"
        return rules.field_unrelated, "field not listed"

    def _publications(self, posting: Posting) -> _Part:
        need = posting.publications
        if need == "none":
            return _Part("publications", False, 0.0, "")
        rules = self.rules.publications
        themes = self._theme_skills(posting.themes)
        total = 0.0
        on_theme = 0
        for paper in self.profile.publications:
            relevant = self._on_theme(paper.title, paper.venue, themes, posting.themes)
            on_theme += relevant
            if relevant:
                total += rules.base_value + rules.on_theme_bonus
            else:
                # A paper off every theme the posting names shows little for it.
                total += rules.off_theme_value if posting.themes else rules.base_value
        credit = 1 - 0.5 ** (total / rules.half_credit_at)
        count = len(self.profile.publications)
        detail = f"{count} paper{'s' if count != 1 else ''}"
        if posting.themes:
            detail += f", {on_theme} on the posting's themes"
        topic = ", ".join(posting.themes[:4]) or "the posting's field"
        text = "publications" + (f" in {topic}" if posting.themes else "")
        advice = (
            f"List papers, preprints or workshop papers on {topic} (title, venue, year); "
            "each one adds, with diminishing returns."
        )
        return _Part("publications", True, credit, detail, need, text, advice)

    def _theme_skills(self, themes: Sequence[str]) -> frozenset[str]:
        resolved = {self.matcher.resolver.resolve(theme).skill for theme in themes}
        return frozenset(skill for skill in resolved if skill)

    def _on_theme(
        self, title: str, venue: str | None, themes: frozenset[str], phrases: Sequence[str]
    ) -> bool:
        shown, title_words = self._paper_topics(title, venue)
        if shown & themes:
            return True
        # A sibling of a theme in the catalogue's families is on it too.
        theme_families = {self.catalog.family_of(theme) for theme in themes} - {None}
        if any(self.catalog.family_of(skill) in theme_families for skill in shown):
            return True
        return any(set(words(phrase)) <= title_words for phrase in phrases if words(phrase))

    def _paper_topics(self, title: str, venue: str | None) -> tuple[frozenset[str], frozenset[str]]:
        """Skills a paper is about (title, venue, and what they imply) and its title's words."""
        cache_key = (title, venue)
        found = self._papers.get(cache_key)
        if found is None:
            shown = {skill for _, skill in spot(self.catalog, title)}
            if venue:
                # The venue's areas, and skills its name says ("Clinical NLP Workshop").
                areas = self._venue_areas.areas(venue)
                shown |= {s for s in (self.matcher.resolver.resolve(a).skill for a in areas) if s}
                shown |= {skill for _, skill in spot(self.catalog, venue)}
            for skill in list(shown):
                shown |= self.catalog.closure.get(skill, frozenset())
            found = (frozenset(shown), frozenset(words(title)))
            self._papers[cache_key] = found
        return found

    def _big_data(self, posting: Posting) -> _Part:
        need = posting.big_data
        if need == "none":
            return _Part("big_data", False, 0.0, "")
        rules = self.rules.big_data
        wanted = set(rules.categories)
        values: dict[str, float] = {}
        hands_on = False
        for item in self.evidence.items:
            if item.skill is None or not wanted & self.catalog.categories_of(item.skill):
                continue
            if self.catalog.skills[item.skill].stands_for:
                continue  # "Big Data" or "Stream Processing" named as such is not a tool
            # PySpark, Spark SQL and Databricks all are Spark: one technology, counted once.
            technology = self._technology(item.skill, wanted)
            listed = item.kind in _LISTED
            value = 1.0 if listed else rules.text_only_value
            values[technology] = max(values.get(technology, 0.0), value)
            if item.kind is SourceKind.EXPERIENCE or (item.years or 0) >= rules.hands_on_years:
                hands_on = hands_on or listed
        breadth = min(1.0, sum(values.values()) / rules.saturation)
        credit = breadth * (1.0 if hands_on else rules.without_hands_on)
        tools = ", ".join(sorted(values, key=str.casefold)[:6]) or "none found"
        detail = f"{len(values)} tool{'s' if len(values) != 1 else ''}: {tools}"
        if values:
            detail += "; hands-on" if hands_on else "; no hands-on use shown"
        labels = [self.catalog.categories.get(c, c) for c in rules.categories]
        # Examples of technologies not shown yet, one per technology.
        by_technology: dict[str, str] = {}
        for category in rules.categories:
            for name in self.catalog.category_members(category)[:4]:
                technology = self._technology(name, wanted)
                if technology not in values:
                    by_technology.setdefault(technology, name)
        examples = list(by_technology.values())[:5]
        advice = (
            f"Show hands-on use of {' or '.join(labels)} (e.g. {', '.join(examples)}) in an "
            "experience or project entry, with years where you can."
        )
        if values:
            # Name what is really missing: a tool only in prose, hands-on use, or breadth.
            advice_parts = []
            in_prose = sorted(name for name, value in values.items() if value < 1.0)
            if in_prose:
                advice_parts.append(
                    f"{', '.join(in_prose)} {'is' if len(in_prose) == 1 else 'are'} named only "
                    "in prose: list it in skills or in an experience or project entry's skills."
                )
            if not hands_on:
                advice_parts.append(
                    "Show hands-on use: put a tool in an experience entry's skills, "
                    f"or give {rules.hands_on_years:g}+ years."
                )
            if len(values) < rules.saturation:
                advice_parts.append(
                    f"{len(values)} of {rules.saturation:g} technologies shown; another adds "
                    f"breadth (e.g. {', '.join(examples[:3])})."
                )
            advice = " ".join(advice_parts) or advice
        return _Part("big_data", True, credit, detail, need, "big data experience", advice)

    def _technology(self, skill: str, categories: set[str]) -> str:
        """The most basic big-data skill ``skill`` shows: Spark for PySpark and Databricks."""
        shown = [
            name
            for name in self.catalog.closure.get(skill, frozenset({skill}))
            if categories & self.catalog.skills[name].categories
            and not self.catalog.skills[name].stands_for
        ]
        basic = [
            name
            for name in shown
            if not any(
                other != name and other in self.catalog.closure.get(name, frozenset())
                for other in shown
            )
        ]
        return min(basic or [skill], key=str.casefold)


class _FieldIndex:
    """Degree fields by key, their groups, and aliases (``data/fields.yaml``).

    Degree words are stripped on both sides ("BS in Computer Science" is Computer Science), and
    a field naming several ("Mathematics and Economics", "CS & Stats") matches if any part does.
    """

    def __init__(self) -> None:
        rules = field_rules()
        self.aliases = {key(alias): key(target) for alias, target in rules.aliases.items()}
        self.groups: dict[str, set[str]] = {}
        self._relations: dict[tuple[str, tuple[str, ...]], str] = {}
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

    def _parts(self, field: str) -> list[str]:
        """The field as written, then each field it names, canonical."""
        whole = self.canonical(field)
        parts = [self.canonical(part) for part in self._separator.split(field) if part.strip()]
        return list(dict.fromkeys([whole, *parts]))

    def relation(self, field: str, listed: Sequence[str]) -> str:
        """exact, related or unrelated (cached: postings repeat the same field lists)."""
        cache_key = (field, tuple(listed))
        found = self._relations.get(cache_key)
        if found is None:
            found = self._relation(field, listed)
            self._relations[cache_key] = found
        return found

    def _relation(self, field: str, listed: Sequence[str]) -> str:
        mine = self._parts(field)
        wanted = {part for item in listed for part in self._parts(item)}
        if any(part in wanted for part in mine):
            return "exact"
        my_groups = set().union(*(self.groups.get(part, set()) for part in mine))
        if any(my_groups & self.groups.get(item, set()) for item in wanted):
            return "related"
        return "unrelated"


def _apportion(weights: Mapping[str, float]) -> dict[str, float]:
    """Scale weights to sum to exactly 100.0 in tenths (largest remainder), keeping order."""
    total = sum(weights.values())
    if total <= 0:
        return {}
    exact = {name: value * 1000 / total for name, value in weights.items()}
    tenths = {name: math.floor(value) for name, value in exact.items()}
    remainder = 1000 - sum(tenths.values())
    for name in sorted(exact, key=lambda n: (-(exact[n] - tenths[n]), n))[:remainder]:
        tenths[name] += 1
    return {name: tenths[name] / 10 for name in weights}


def score(
    profile: Profile,
    posting: Posting,
    *,
    catalog: Catalog | None = None,
    weights: Weights | None = None,
    today: dt.date | None = None,
) -> ScoreReport:
    """Score ``profile`` against ``posting`` (the Python API behind ``fitscore score``)."""
    return Scorer(profile, catalog=catalog, weights=weights, today=today).score(posting)
