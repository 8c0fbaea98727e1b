"""Many postings against one profile: ranked entries and the demand for missing skills."""

from __future__ import annotations

from dataclasses import dataclass

from fitscore.diagnostics import Problem
from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK
from fitscore.reports.score import RankEntry


@dataclass(frozen=True, slots=True)
class DemandRow:
    """One missing skill over many postings. ``points``: what it would add to the scores,
    summed over the postings that ask for it; ``options``: for a choice or a category, the
    skills that would satisfy it."""

    skill: str
    postings: int
    required_in: int
    points: float
    example: str
    options: tuple[str, ...] = ()

    @property
    def average_points(self) -> float:
        """What it would add to one posting's score, on average."""
        return round(self.points / self.postings, 1) if self.postings else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "skill": self.skill,
            "postings": self.postings,
            "required_in": self.required_in,
            "points": self.points,
            "average_points": self.average_points,
            "example": self.example,
            "options": ", ".join(self.options),
        }


class _OverPostings:
    """What a run over many posting files says about the files it could not score."""

    __slots__ = ()
    failed: int
    inputs: int

    @property
    def exit_code(self) -> int:
        """1 when an input could not be scored, or when there was no posting at all."""
        return EXIT_CHECK_FAILED if self.failed or not self.inputs else EXIT_OK

    def summary(self) -> str:
        """One line for stderr when inputs failed or none was found, else empty."""
        if not self.inputs:
            return "no posting files found (folders are searched for *.yaml and *.yml files)"
        if not self.failed:
            return ""
        return f"{self.failed} of {self.inputs} inputs could not be scored"


@dataclass(frozen=True, slots=True)
class RankReport(_OverPostings):
    """Scored postings, best first; ties by path, so the order never depends on the input.

    ``problems`` are the inputs that could not be scored (missing paths, broken files);
    ``inputs`` counts every input, scored or not.
    """

    entries: tuple[RankEntry, ...]
    problems: tuple[Problem, ...] = ()
    inputs: int = 0
    failed: int = 0
    notes: tuple[str, ...] = ()

    def select(self, top: int | None = None, min_score: float | None = None) -> RankReport:
        """The best ``top`` entries scoring at least ``min_score``; problems are kept."""
        kept = [e for e in self.entries if min_score is None or e.score >= min_score]
        shown = tuple(kept[:top] if top is not None else kept)
        return RankReport(shown, self.problems, self.inputs, self.failed, self.notes)


@dataclass(frozen=True, slots=True)
class DemandReport(_OverPostings):
    """Missing skills over many postings, by the points they would add (``fitscore gaps``)."""

    rows: tuple[DemandRow, ...]
    problems: tuple[Problem, ...] = ()
    inputs: int = 0
    failed: int = 0
    notes: tuple[str, ...] = ()

    def select(self, top: int | None = None) -> DemandReport:
        shown = self.rows[:top] if top is not None else self.rows
        return DemandReport(shown, self.problems, self.inputs, self.failed, self.notes)
