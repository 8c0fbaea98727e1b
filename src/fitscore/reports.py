"""What formatters see: frozen results of scoring and ranking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fitscore.skills.matcher import Status


@dataclass(frozen=True, slots=True)
class ComponentResult:
    name: str
    weight: float
    points: float
    detail: str


@dataclass(frozen=True, slots=True)
class RequirementResult:
    kind: str
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
    kind: str
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

    @property
    def required_met(self) -> int:
        return sum(
            1 for item in self.requirements if item.kind == "required" and item.status == "met"
        )

    @property
    def required_total(self) -> int:
        return sum(1 for item in self.requirements if item.kind == "required")

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of SPEC.md, keys in the documented order."""
        return {
            "score": self.score,
            "band": self.band,
            "profile": {"path": self.profile_path, "name": self.profile_name},
            "posting": {"path": self.posting_path, "title": self.title, "company": self.company},
            "components": [
                {"name": c.name, "weight": c.weight, "points": c.points, "detail": c.detail}
                for c in self.components
            ],
            "requirements": [
                {
                    "kind": r.kind,
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
                {"kind": g.kind, "text": g.text, "points": g.points, "suggestion": g.suggestion}
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
    kind: str
    points: float


@dataclass(frozen=True, slots=True)
class DemandRow:
    """One missing skill over many postings."""

    skill: str
    postings: int
    required_in: int
    points: float
    example: str

    def to_dict(self) -> dict[str, object]:
        return {
            "skill": self.skill,
            "postings": self.postings,
            "required_in": self.required_in,
            "points": self.points,
            "average_points": round(self.points / self.postings, 1) if self.postings else 0.0,
            "example": self.example,
        }


def roll_up(items_per_posting: list[list[DemandItem]]) -> tuple[DemandRow, ...]:
    """Missing skills by the total points they would add, then by how many postings ask."""
    totals: dict[str, list[float]] = {}
    examples: dict[str, str] = {}
    for items in items_per_posting:
        seen: set[str] = set()
        for item in items:
            row = totals.setdefault(item.skill, [0, 0, 0.0])
            if item.skill not in seen:  # a posting counts once per skill, all its points add
                seen.add(item.skill)
                row[0] += 1
                row[1] += any(i.kind == "required" for i in items if i.skill == item.skill)
            row[2] += item.points
            examples.setdefault(item.skill, item.text)
    rows = [
        DemandRow(skill, int(count), int(required), round(points, 1), examples[skill])
        for skill, (count, required, points) in totals.items()
    ]
    rows.sort(key=lambda row: (-row.points, -row.postings, row.skill.casefold()))
    return tuple(rows)
