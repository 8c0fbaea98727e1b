"""One profile against one posting: the gap report and its parts, and the short forms of it
that ``rank`` and ``gaps`` keep per posting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK
from fitscore.vocabulary import Component, Section, Status


@dataclass(frozen=True, slots=True)
class ComponentResult:
    name: Component
    weight: float
    points: float
    detail: str


@dataclass(frozen=True, slots=True)
class RequirementResult:
    section: Section
    text: str
    status: Status
    matched: str | None
    source: str | None
    similarity: float
    points_lost: float
    skill: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the profile lacks; ``section`` says whether the posting requires it."""

    section: Section
    text: str
    points: float
    suggestion: str


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """One profile against one posting."""

    score: float
    band: str
    profile_path: str
    profile_name: str
    posting_path: str
    title: str
    company: str | None
    components: tuple[ComponentResult, ...]
    requirements: tuple[RequirementResult, ...]
    gaps: tuple[Gap, ...]
    notes: tuple[str, ...] = ()
    fail_under: float | None = None

    @property
    def required_met(self) -> int:
        return sum(
            1
            for item in self.requirements
            if item.section is Section.REQUIRED and item.status is Status.MET
        )

    @property
    def required_total(self) -> int:
        return sum(1 for item in self.requirements if item.section is Section.REQUIRED)

    @property
    def scorable(self) -> bool:
        """False when the posting asks for nothing that can be scored: its 0.0 is no fit."""
        return any(component.weight > 0 for component in self.components)

    @property
    def passed(self) -> bool:
        """False only when a ``fail_under`` threshold was given and the score is below it."""
        return self.fail_under is None or self.score >= self.fail_under

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.passed else EXIT_CHECK_FAILED

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of SPEC.md, keys in the documented order."""
        return {
            "score": self.score,
            "band": self.band,
            "profile": {"path": self.profile_path, "name": self.profile_name},
            "posting": {"path": self.posting_path, "title": self.title, "company": self.company},
            "components": [
                {"name": c.name.value, "weight": c.weight, "points": c.points, "detail": c.detail}
                for c in self.components
            ],
            "requirements": [
                {
                    "kind": r.section.value,
                    "text": r.text,
                    "status": r.status.value,
                    "matched": r.matched,
                    "source": r.source,
                    "similarity": r.similarity,
                    "points_lost": r.points_lost,
                }
                for r in self.requirements
            ],
            "gaps": [
                {
                    "kind": g.section.value,
                    "text": g.text,
                    "points": g.points,
                    "suggestion": g.suggestion,
                }
                for g in self.gaps
            ],
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class RankEntry:
    """One scored posting: what ``rank`` keeps in memory (not the document)."""

    path: str
    title: str
    company: str | None
    score: float
    band: str
    required_met: int
    required_total: int
    top_gap: str | None
    top_gap_points: float
    scorable: bool = True  # False: the posting asks for nothing that can be scored

    def sort_key(self) -> tuple[float, str]:
        return (-self.score, self.path)

    def to_dict(self) -> dict[str, object]:
        """SPEC.md's ranking record, plus the biggest gap (documented addition)."""
        return {
            "path": self.path,
            "title": self.title,
            "company": self.company,
            "score": self.score,
            "band": self.band,
            "required_met": self.required_met,
            "required_total": self.required_total,
            "top_gap": self.top_gap,
        }


@dataclass(frozen=True, slots=True)
class DemandItem:
    """A requirement one posting makes that the profile misses: what ``gaps`` adds up."""

    skill: str
    text: str
    section: Section
    points: float
    options: tuple[str, ...] = ()  # for a choice or a category: skills that would do
