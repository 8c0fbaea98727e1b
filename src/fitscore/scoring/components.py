"""One pure function per score component: the evidence in, a credit in [0, 1] and its words out.

Every number comes from ``data/scoring.yaml`` (``rules``); README "How the score works" states
each rule for users.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from fitscore.models import DegreeRequirement, Education, Posting, Publication, YearMonth
from fitscore.rules import BigDataRules, DegreeRules, PublicationRules
from fitscore.scoring import advice
from fitscore.scoring.fields import FieldIndex
from fitscore.scoring.topics import Topics
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Match, ProfileEvidence
from fitscore.vocabulary import Component, FieldRelation, Section, Source, Status, degree_rank


@dataclass(frozen=True, slots=True)
class Part:
    """One component before weighting: a credit in [0, 1] and what to say about it."""

    name: Component
    applies: bool
    credit: float
    detail: str
    gap_section: Section = Section.REQUIRED
    gap_text: str = ""
    suggestion: str = ""


def not_asked(name: Component) -> Part:
    return Part(name, False, 0.0, "")


def item_credit(decision: Match, partial_credit: float) -> float:
    """What one requirement item earns of its share: all, the partial credit, or nothing."""
    if decision.status is Status.MET:
        return 1.0
    if decision.status is Status.PARTIAL:
        return partial_credit
    return 0.0


def skills(section: Section, decisions: Sequence[Match], credits: Sequence[float]) -> Part:
    """A section's skills: the average of its items' credits (:func:`item_credit`)."""
    met = partial = 0
    for decision in decisions:
        if decision.status is Status.MET:
            met += 1
        elif decision.status is Status.PARTIAL:
            partial += 1
    average = sum(credits) / len(credits) if credits else 0.0
    detail = advice.skills_detail(met, len(decisions), partial)
    return Part(section.component, bool(decisions), average, detail)


def degree(
    education: Sequence[Education],
    wanted: DegreeRequirement | None,
    rules: DegreeRules,
    fields: FieldIndex,
    today: dt.date,
) -> tuple[Part, tuple[str, ...]]:
    """The best of the candidate's degrees against the one asked for, and notes on dates."""
    if wanted is None:
        return not_asked(Component.DEGREE), ()
    asked = advice.degree_asked(wanted)
    notes: list[str] = []
    best: tuple[float, Education | None, str] = (0.0, None, advice.NO_DEGREE)
    wanted_rank = degree_rank(wanted.level)
    this_month = YearMonth.of(today)
    for entry in education:
        steps = wanted_rank - degree_rank(entry.degree)
        levels = rules.level_steps_below
        level = levels[min(max(steps, 0), len(levels) - 1)]
        status = 1.0
        if wanted.status == "completed" and entry.status == "in_progress":
            status = rules.in_progress_for_completed
        field_credit, field_words = _field_credit(entry, wanted, rules, fields)
        credit = level * status * field_credit
        detail = advice.degree_detail(entry, field_words)
        if credit > best[0] or best[1] is None:
            best = (credit, entry, detail)
        notes.extend(_degree_notes(entry, wanted, this_month))
    credit, _, detail = best
    part = Part(
        Component.DEGREE,
        True,
        credit,
        detail,
        Section.REQUIRED,
        advice.degree_gap(asked),
        advice.degree_suggestion(asked, detail),
    )
    return part, tuple(dict.fromkeys(notes))


def _degree_notes(entry: Education, wanted: DegreeRequirement, this_month: YearMonth) -> list[str]:
    notes = []
    if entry.status == "in_progress" and entry.expected and entry.expected < this_month:
        notes.append(advice.expected_date_passed(entry))
    if (
        wanted.status == "in_progress_ok"
        and entry.status == "completed"
        and entry.degree == wanted.level
    ):
        notes.append(advice.completed_for_students(wanted.level))
    return notes


def _field_credit(
    entry: Education, wanted: DegreeRequirement, rules: DegreeRules, fields: FieldIndex
) -> tuple[float, str]:
    if not wanted.fields:
        return 1.0, advice.ANY_FIELD
    if not entry.field:
        return rules.field_unrelated, advice.FIELD_NOT_GIVEN
    relation = fields.relation(entry.field, wanted.fields)
    if relation is FieldRelation.EXACT:
        credit = rules.field_exact
    elif relation is FieldRelation.RELATED:
        credit = rules.field_related if wanted.related_ok else rules.field_related_not_ok
    else:
        credit = rules.field_unrelated
    return credit, advice.FIELD_WORDS[relation]


def publications(
    papers: Sequence[Publication], posting: Posting, rules: PublicationRules, topics: Topics
) -> Part:
    """Papers with diminishing returns; a paper on the posting's themes counts more."""
    need = posting.publications
    if need == "none":
        return not_asked(Component.PUBLICATIONS)
    themes = topics.theme_skills(posting.themes)
    total = 0.0
    on_theme = 0
    for paper in papers:
        relevant = topics.on_theme(paper.title, paper.venue, themes, posting.themes)
        on_theme += relevant
        if relevant:
            total += rules.base_value + rules.on_theme_bonus
        else:
            # A paper off every theme the posting names shows little for it.
            total += rules.off_theme_value if posting.themes else rules.base_value
    credit = 1 - 0.5 ** (total / rules.half_credit_at)
    return Part(
        Component.PUBLICATIONS,
        True,
        credit,
        advice.publications_detail(len(papers), on_theme, bool(posting.themes)),
        Section(need),
        advice.publications_gap(posting.themes),
        advice.publications_suggestion(posting.themes),
    )


def big_data(evidence: ProfileEvidence, need: str, catalog: Catalog, rules: BigDataRules) -> Part:
    """Breadth of big-data tools shown, discounted when no hands-on use is shown."""
    if need == "none":
        return not_asked(Component.BIG_DATA)
    wanted = set(rules.categories)
    values: dict[str, float] = {}
    hands_on = False
    for item in evidence.items:
        if item.skill is None or not wanted & catalog.categories_of(item.skill):
            continue
        if catalog.skills[item.skill].stands_for:
            continue  # "Big Data" or "Stream Processing" named as such is not a tool
        # PySpark, Spark SQL and Databricks all are Spark: one technology, counted once.
        technology = _technology(catalog, item.skill, wanted)
        listed = item.origin.is_listed
        value = 1.0 if listed else rules.text_only_value
        values[technology] = max(values.get(technology, 0.0), value)
        if item.origin is Source.EXPERIENCE or (item.years or 0) >= rules.hands_on_years:
            hands_on = hands_on or listed
    breadth = min(1.0, sum(values.values()) / rules.saturation)
    credit = breadth * (1.0 if hands_on else rules.without_hands_on)
    labels = [catalog.categories.get(c, c) for c in rules.categories]
    # Examples of technologies not shown yet, one per technology.
    by_technology: dict[str, str] = {}
    for category in rules.categories:
        for name in catalog.category_members(category)[:4]:
            technology = _technology(catalog, name, wanted)
            if technology not in values:
                by_technology.setdefault(technology, name)
    examples = list(by_technology.values())[:5]
    in_prose = sorted(name for name, value in values.items() if value < 1.0)
    suggestion = advice.big_data_suggestion(
        labels, examples, in_prose, hands_on, len(values), rules.saturation, rules.hands_on_years
    )
    return Part(
        Component.BIG_DATA,
        True,
        credit,
        advice.big_data_detail(sorted(values, key=str.casefold), hands_on),
        Section(need),
        advice.BIG_DATA_GAP,
        suggestion,
    )


def _technology(catalog: Catalog, skill: str, categories: set[str]) -> str:
    """The most basic big-data skill ``skill`` shows: Spark for PySpark and Databricks."""
    shown = [
        name
        for name in catalog.closure.get(skill, frozenset({skill}))
        if categories & catalog.skills[name].categories and not catalog.skills[name].stands_for
    ]
    basic = [
        name
        for name in shown
        if not any(
            other != name and other in catalog.closure.get(name, frozenset()) for other in shown
        )
    ]
    return min(basic or [skill], key=str.casefold)
