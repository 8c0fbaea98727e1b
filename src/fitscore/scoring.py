"""Pure scoring: a profile and a posting in, a :class:`ScoreReport` out.

Every number comes from ``data/scoring.yaml``; README "How the score works" states each rule.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fitscore.models import DEGREE_RANK, Education, Posting, Profile, Requirement, Weights
from fitscore.reports import ComponentResult, Gap, RequirementResult, ScoreReport
from fitscore.rules import COMPONENTS, ScoringRules, field_rules, scoring_rules, venue_rules
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Match, Matcher, ProfileEvidence, SourceKind, Status, spot
from fitscore.skills.normalize import key, words

_DEGREE_NAMES = {
    "phd": "PhD",
    "masters": "master's",
    "bachelors": "bachelor's",
    "associate": "associate",
    "other": "other degree",
}
_LISTED = (SourceKind.SKILLS, SourceKind.EXPERIENCE, SourceKind.PROJECT)


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

    def score(self, posting: Posting, posting_path: str = "") -> ScoreReport:
        """The gap report of the profile against ``posting``."""
        weights = self._weights(posting)
        requirement_rows: list[tuple[str, Requirement, Match, float]] = []
        parts: list[_Part] = []
        for section in ("required", "preferred"):
            items: Sequence[Requirement] = getattr(posting, section)
            decisions = [(item, self._decide(item)) for item in items]
            credits = [self._credit(decision) for _, decision in decisions]
            met = sum(1 for _, decision in decisions if decision.status is Status.MET)
            partial = sum(1 for _, decision in decisions if decision.status is Status.PARTIAL)
            detail = f"{met} of {len(items)} met" + (f", {partial} partial" if partial else "")
            average = sum(credits) / len(credits) if credits else 0.0
            parts.append(_Part(f"{section}_skills", bool(items), average, detail))
            requirement_rows.extend(
                (section, item, decision, credit)
                for (item, decision), credit in zip(decisions, credits, strict=True)
            )
        notes: list[str] = []
        parts.append(self._degree(posting, notes))
        parts.append(self._publications(posting))
        parts.append(self._big_data(posting))
        effective = _apportion({part.name: weights[part.name] for part in parts if part.applies})
        components = tuple(
            ComponentResult(
                part.name,
                effective.get(part.name, 0.0),
                round(effective.get(part.name, 0.0) * part.credit, 1),
                part.detail if part.applies else "not asked by this posting",
            )
            for part in parts
        )
        total = round(sum(component.points for component in components), 1)
        if not effective:
            notes.append(
                "The posting asks for nothing fitscore can score (no skills, degree, ...)."
            )
        requirements, gaps = self._rows(requirement_rows, effective)
        for part, component in zip(parts, components, strict=True):
            lost = round(component.weight - component.points, 1)
            if (
                part.applies
                and part.name not in ("required_skills", "preferred_skills")
                and lost > 0
            ):
                gaps.append(Gap(part.gap_kind, part.gap_text, lost, part.suggestion))
        gaps.sort(key=lambda gap: (-gap.points, gap.kind != "required", gap.text))
        notes.extend(
            note for note in dict.fromkeys(item.near_miss for item in self._near_misses()) if note
        )
        return ScoreReport(
            score=total,
            band=self.rules.band(total),
            profile_path=self.profile_path,
            profile_name=self.profile.name,
            posting_path=posting_path,
            title=posting.title,
            company=posting.company,
            components=components,
            requirements=tuple(requirements),
            gaps=tuple(gaps),
            notes=tuple(notes),
        )

    # -- requirement items -------------------------------------------------------------------

    def _decide(self, item: Requirement) -> Match:
        if item.any_of is not None:
            return self.evidence.match_any(item.any_of)
        if item.category is not None:
            return self.evidence.match_category(item.category, item.examples)
        return self.evidence.match(item.skill or "")

    def _credit(self, decision: Match) -> float:
        if decision.status is Status.MET:
            return 1.0
        if decision.status is Status.PARTIAL:
            return self.rules.partial_credit
        return 0.0

    def _rows(
        self,
        rows: Iterable[tuple[str, Requirement, Match, float]],
        effective: Mapping[str, float],
    ) -> tuple[list[RequirementResult], list[Gap]]:
        counts: dict[str, int] = {}
        materialised = list(rows)
        for section, *_ in materialised:
            counts[section] = counts.get(section, 0) + 1
        requirements: list[RequirementResult] = []
        gaps: list[Gap] = []
        for section, item, decision, credit in materialised:
            share = effective.get(f"{section}_skills", 0.0) / counts[section]
            lost = round(share * (1 - credit), 1)
            text = item.text()
            requirements.append(
                RequirementResult(
                    section,
                    text,
                    decision.status,
                    decision.matched,
                    decision.source,
                    round(decision.similarity, 1),
                    lost,
                    decision.skill,
                    decision.reason,
                )
            )
            if decision.status is not Status.MET and lost > 0:
                gaps.append(Gap(section, text, lost, self._suggest(item, decision)))
        return requirements, gaps

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

    def _weights(self, posting: Posting) -> dict[str, float]:
        merged = self.rules.weights.given()
        merged.update(posting.weights.given())
        if self.weights is not None:
            merged.update(self.weights.given())
        return {name: float(merged.get(name, 0.0)) for name in COMPONENTS}

    def _degree(self, posting: Posting, notes: list[str]) -> _Part:
        wanted = posting.degree
        if wanted is None:
            return _Part("degree", False, 0.0, "")
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
        return _Part(
            "degree",
            True,
            credit,
            detail,
            "required",
            f"degree: {asked}",
            f"The posting asks for a {asked}; yours: {detail}.",
        )

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
            total += rules.base_value + (rules.on_theme_bonus if relevant else 0.0)
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
        shown = {skill for _, skill in spot(self.catalog, title)}
        venues = venue_rules().venues
        if venue:
            for name, areas in venues.items():
                if key(name) == key(venue):
                    shown |= {
                        s for s in (self.matcher.resolver.resolve(a).skill for a in areas) if s
                    }
        for skill in list(shown):
            shown |= self.catalog.closure.get(skill, frozenset())
        if shown & themes:
            return True
        title_words = set(words(title))
        return any(set(words(phrase)) <= title_words for phrase in phrases if words(phrase))

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
            listed = item.kind in _LISTED
            value = 1.0 if listed else rules.text_only_value
            values[item.skill] = max(values.get(item.skill, 0.0), value)
            if item.kind is SourceKind.EXPERIENCE or (item.years or 0) >= rules.hands_on_years:
                hands_on = hands_on or listed
        breadth = min(1.0, sum(values.values()) / rules.saturation)
        credit = breadth * (1.0 if hands_on else rules.without_hands_on)
        tools = ", ".join(sorted(values, key=str.casefold)[:6]) or "none found"
        detail = f"{len(values)} tool{'s' if len(values) != 1 else ''}: {tools}"
        if values:
            detail += "; hands-on" if hands_on else "; no hands-on use shown"
        labels = [self.catalog.categories.get(c, c) for c in rules.categories]
        examples: list[str] = []
        for category in rules.categories:
            examples.extend(self.catalog.category_members(category)[:3])
        advice = (
            f"Show hands-on use of {' or '.join(labels)} (e.g. {', '.join(examples[:5])}) in an "
            "experience or project entry, with years where you can."
        )
        return _Part("big_data", True, credit, detail, need, "big data experience", advice)


class _FieldIndex:
    """Degree fields by key, their groups, and aliases (``data/fields.yaml``)."""

    def __init__(self) -> None:
        rules = field_rules()
        self.aliases = {key(alias): key(target) for alias, target in rules.aliases.items()}
        self.groups: dict[str, set[str]] = {}
        for group, members in rules.groups.items():
            for member in members:
                self.groups.setdefault(key(member), set()).add(group)

    def canonical(self, name: str) -> str:
        folded = key(name)
        return self.aliases.get(folded, folded)

    def relation(self, field: str, listed: Sequence[str]) -> str:
        mine = self.canonical(field)
        wanted = {self.canonical(item) for item in listed}
        if mine in wanted:
            return "exact"
        my_groups = self.groups.get(mine, set())
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
