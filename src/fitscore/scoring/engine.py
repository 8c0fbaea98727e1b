"""The scorer: one profile against many postings, reusing what is known about the profile.

``evaluate`` decides every requirement item and component of a posting; ``score``,
``summary`` and ``missing_items`` are three views of one evaluation (the report, what
``rank`` keeps, what ``gaps`` adds up), so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from fitscore.loading import load_pair, load_posting, load_profile, load_weights
from fitscore.memo import PART_CAPACITY, Memo
from fitscore.models import Posting, Profile, Requirement, Weights
from fitscore.reports import (
    ComponentResult,
    DemandItem,
    Gap,
    RankEntry,
    RequirementResult,
    ScoreReport,
)
from fitscore.rules import ScoringRules, scoring_rules
from fitscore.scoring import advice, components
from fitscore.scoring.components import Part
from fitscore.scoring.fields import FieldIndex
from fitscore.scoring.topics import Topics
from fitscore.scoring.weights import effective_weights
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Match, Matcher, ProfileEvidence
from fitscore.sources import DEFAULT_LIMITS, Limits
from fitscore.vocabulary import Component, Section, Status


@dataclass(frozen=True, slots=True)
class Row:
    """One requirement item decided: the points it loses is its share times what it lacks."""

    section: Section
    item: Requirement
    decision: Match
    lost: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The numbers behind a report: component parts, weighted components, decided items."""

    parts: tuple[Part, ...]
    components: tuple[ComponentResult, ...]
    rows: tuple[Row, ...]
    total: float
    notes: tuple[str, ...]

    def missed_rows(self) -> list[Row]:
        """Requirement items that lose points: the gaps among the items."""
        return [r for r in self.rows if r.lost > 0 and r.decision.status is not Status.MET]

    def missed_components(self) -> list[tuple[Part, float]]:
        """Degree, publications and big data, with the points each loses, where it loses any."""
        missed = []
        for part, component in zip(self.parts, self.components, strict=True):
            lost = round(component.weight - component.points, 1)
            if part.applies and not part.name.is_skills and lost > 0:
                missed.append((part, lost))
        return missed

    def ranked_gaps(
        self, texts: Mapping[int, str] | None = None
    ) -> list[tuple[float, Section, str]]:
        """Every gap as (points, section, text), in the order a report lists them.

        ``texts`` may hold each requirement item's text by ``id(item)``, worked out once per
        posting by a caller that ranks the gaps of one posting for many profiles.
        """
        known = texts or {}
        # The sort key of _gap_order, built inline: this runs once per pair of a batch. Equal
        # keys have equal sections, so the whole tuples sort as the keys do.
        keyed = [
            (
                -row.lost,
                row.section is not Section.REQUIRED,
                known.get(id(row.item)) or row.item.text(),
                row.section,
            )
            for row in self.missed_rows()
        ]
        keyed.extend(
            (-lost, part.gap_section is not Section.REQUIRED, part.gap_text, part.gap_section)
            for part, lost in self.missed_components()
        )
        keyed.sort()
        return [(-points, section, text) for points, _, text, section in keyed]


def _gap_order(points: float, section: Section, text: str) -> tuple[float, bool, str]:
    """Gaps by the points they would add; required before preferred at equal points."""
    return (-points, section is not Section.REQUIRED, text)


_SECTIONS = tuple(Section)


class Scorer:
    """Scores one profile against many postings, reusing what is known about the profile.

    Reuse one scorer for many postings: the profile's evidence, every decision about a term
    and every component that depends on one part of a posting are computed once.
    """

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
        self._fields = FieldIndex()
        self._topics = Topics(self.matcher.resolver)
        # Keyed by the requirement's values, not the model: thousands of keys are kept.
        self._degrees: Memo[tuple[Any, ...] | None, tuple[Part, tuple[str, ...]]] = Memo(
            PART_CAPACITY
        )
        self._publications: Memo[tuple[str, tuple[str, ...]], Part] = Memo(PART_CAPACITY)
        self._big_data: Memo[str, Part] = Memo()
        self._weights: Memo[tuple[Weights, tuple[Component, ...]], dict[Component, float]] = Memo()

    def score(
        self, posting: Posting, posting_path: str = "", *, fail_under: float | None = None
    ) -> ScoreReport:
        """The gap report of the profile against ``posting``."""
        evaluation = self.evaluate(posting)
        requirements = [_requirement(row) for row in evaluation.rows]
        gaps = [
            Gap(row.section, row.item.text(), row.lost, self._suggest(row.item, row.decision))
            for row in evaluation.missed_rows()
        ]
        gaps.extend(
            Gap(part.gap_section, part.gap_text, lost, part.suggestion)
            for part, lost in evaluation.missed_components()
        )
        gaps.sort(key=lambda gap: _gap_order(gap.points, gap.section, gap.text))
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
            fail_under=fail_under,
        )

    def summary(self, posting: Posting, posting_path: str = "") -> RankEntry:
        """What ``rank`` keeps of a posting: the same numbers as :meth:`score`, no prose."""
        evaluation = self.evaluate(posting)
        candidates = [(row.lost, row.section, row.item.text()) for row in evaluation.missed_rows()]
        candidates.extend(
            (lost, part.gap_section, part.gap_text) for part, lost in evaluation.missed_components()
        )
        top = min(candidates, key=lambda gap: _gap_order(*gap)) if candidates else None
        required = [row for row in evaluation.rows if row.section is Section.REQUIRED]
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
            scorable=any(component.weight > 0 for component in evaluation.components),
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
                self._options(row.item),
            )
            for row in self.evaluate(posting).missed_rows()
        ]

    def _options(self, item: Requirement) -> tuple[str, ...]:
        """The skills that would meet a choice or a category item (a few, best known first)."""
        if item.any_of is not None:
            return tuple(item.any_of)
        if item.category is not None:
            named = [self.matcher.resolver.resolve(term).skill or term for term in item.examples]
            known = self.catalog.category_members(item.category)
            return tuple(dict.fromkeys([*named, *known]))[:6]
        return ()

    def evaluate(self, posting: Posting) -> Evaluation:
        """Every decision, credit, weight and point of the profile against ``posting``."""
        partial_credit = self.rules.partial_credit
        decided: list[tuple[Section, tuple[Requirement, ...], list[Match], list[float]]] = []
        parts: list[Part] = []
        for section in _SECTIONS:
            items: tuple[Requirement, ...] = (
                posting.required if section is Section.REQUIRED else posting.preferred
            )
            decisions = [self._decide(item) for item in items]
            credits = [components.item_credit(decision, partial_credit) for decision in decisions]
            parts.append(components.skills(section, decisions, credits))
            decided.append((section, items, decisions, credits))
        degree, degree_notes = self._degrees(
            posting.degree.value_key() if posting.degree is not None else None,
            lambda: components.degree(
                self.profile.education, posting.degree, self.rules.degree, self._fields, self.today
            ),
        )
        parts.append(degree)
        parts.append(
            self._publications(
                (posting.publications, posting.themes),
                lambda: components.publications(
                    self.profile.publications, posting, self.rules.publications, self._topics
                ),
            )
        )
        parts.append(
            self._big_data(
                posting.big_data,
                lambda: components.big_data(
                    self.evidence, posting.big_data, self.catalog, self.rules.big_data
                ),
            )
        )
        applies = tuple(part.name for part in parts if part.applies)
        effective = self._weights(
            (posting.weights, applies),
            lambda: effective_weights(self.rules.weights, posting.weights, self.weights, applies),
        )
        weighted = tuple(
            ComponentResult(
                part.name,
                effective.get(part.name, 0.0),
                round(effective.get(part.name, 0.0) * part.credit, 1),
                part.detail if part.applies else advice.NOT_ASKED,
            )
            for part in parts
        )
        rows: list[Row] = []
        for section, items, decisions, credits in decided:
            # Each item of a section earns an equal share of the section's weight.
            share = effective.get(section.component, 0.0) / max(1, len(items))
            for item, decision, credit in zip(items, decisions, credits, strict=True):
                lost = 0.0 if credit == 1.0 else round(share * (1 - credit), 1)
                rows.append(Row(section, item, decision, lost))
        notes = list(degree_notes)
        if not effective:
            notes.append(advice.NOTHING_TO_SCORE)
        total = round(sum(component.points for component in weighted), 1)
        return Evaluation(tuple(parts), weighted, tuple(rows), total, tuple(notes))

    def decide(self, item: Requirement) -> Match:
        """The decision for one requirement item of a posting (cached per term)."""
        return self._decide(item)

    def _decide(self, item: Requirement) -> Match:
        if item.any_of is not None:
            return self.evidence.match_any(item.any_of)
        if item.category is not None:
            return self.evidence.match_category(item.category, item.examples)
        return self.evidence.match(item.skill or "")

    def _suggest(self, item: Requirement, decision: Match) -> str:
        label = examples = None
        if item.category is not None:
            label = self.catalog.categories.get(item.category, item.category.replace("_", " "))
            examples = list(item.examples) or list(self.catalog.category_members(item.category)[:5])
        return advice.requirement_suggestion(item, decision, label or "", examples or ())

    def _near_misses(self) -> list[Match]:
        return [self.evidence.match(item.term) for item in self.evidence.near_misses()]


def _requirement(row: Row) -> RequirementResult:
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


def score(
    profile: Profile | str,
    posting: Posting | str,
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    fail_under: float | None = None,
    limits: Limits = DEFAULT_LIMITS,
    stdin: BinaryIO | None = None,
) -> ScoreReport:
    """Score ``profile`` against ``posting``: models, or paths of files to read.

    Paths are read with the problems of both files reported together
    (:class:`~fitscore.errors.InputError`); ``-`` is ``stdin`` when one is given. To score
    many postings, reuse one :class:`Scorer`.
    """
    profile_path = profile if isinstance(profile, str) else ""
    posting_path = posting if isinstance(posting, str) else ""
    if isinstance(profile, str) or isinstance(posting, str):
        profile, posting = _models(profile, posting, catalog, limits, stdin)
    weight_model = load_weights(weights, limits) if isinstance(weights, str) else weights
    scorer = Scorer(
        profile, catalog=catalog, weights=weight_model, today=today, profile_path=profile_path
    )
    return scorer.score(posting, posting_path, fail_under=fail_under)


def _models(
    profile: Profile | str,
    posting: Posting | str,
    catalog: Catalog | None,
    limits: Limits,
    stdin: BinaryIO | None,
) -> tuple[Profile, Posting]:
    if isinstance(profile, str) and isinstance(posting, str):
        return load_pair(profile, posting, catalog, limits, stdin)
    if isinstance(profile, str):
        assert isinstance(posting, Posting)
        return load_profile(profile, limits, stdin), posting
    return profile, load_posting(str(posting), catalog, limits, stdin)
