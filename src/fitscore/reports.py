"""Every result fitscore produces, as frozen values: what formatters and Python callers see.

Each report of a run (score, rank, demand, validation) carries its results, the problems met
on the way and the exit code SPEC.md gives it. This module depends on the vocabulary and the
problem type only, so formatters never import the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from fitscore.diagnostics import MISSING_PATH, Problem, error
from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE
from fitscore.vocabulary import Component, FileKind, Outcome, Section, Status


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


@dataclass(frozen=True, slots=True)
class FileResult:
    """What ``validate`` found in one file."""

    path: str
    kind: FileKind | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(problem.is_error for problem in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of one ``validate`` run: one result per file, in path order."""

    results: tuple[FileResult, ...]
    strict: bool = False

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(problem for result in self.results for problem in result.problems)

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.results)

    @property
    def warnings(self) -> int:
        return sum(result.warnings for result in self.results)

    @property
    def invalid(self) -> int:
        return sum(1 for result in self.results if not self.file_passed(result))

    def file_passed(self, result: FileResult) -> bool:
        return result.errors == 0 and not (self.strict and result.warnings)

    @property
    def passed(self) -> bool:
        return self.invalid == 0 and bool(self.results)

    @property
    def exit_code(self) -> int:
        """2 when a named path does not exist (a usage error), 1 when a file is invalid."""
        if any(problem.code == MISSING_PATH for problem in self.problems):
            return EXIT_USAGE
        return EXIT_OK if self.passed else EXIT_CHECK_FAILED

    def summary(self) -> str:
        files = len(self.results)
        return (
            f"checked {_count(files, 'file')}: {files - self.invalid} valid, {self.invalid} "
            f"invalid ({_count(self.errors, 'error')}, {_count(self.warnings, 'warning')})"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


@dataclass(frozen=True, slots=True)
class SkillDescription:
    """What one term means in the skill catalogue (``fitscore catalog show``)."""

    term: str
    skill: str | None
    typo: bool = False
    aliases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    family: str | None = None
    implies: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.skill is not None else EXIT_CHECK_FAILED


@dataclass(frozen=True, slots=True)
class CategoryDescription:
    """A category of the catalogue and the skills that belong to it (``catalog show``)."""

    name: str
    label: str
    members: tuple[str, ...]
    examples: tuple[str, ...] = ()
    exit_code: int = EXIT_OK


@dataclass(frozen=True, slots=True)
class CategoryCount:
    name: str
    members: int
    label: str


@dataclass(frozen=True, slots=True)
class CategoryList:
    """The categories a posting can ask for (``fitscore catalog categories``)."""

    categories: tuple[CategoryCount, ...]
    exit_code: int = EXIT_OK


@dataclass(frozen=True, slots=True)
class DraftFile:
    """One raw posting read into a draft: where it went (None: the text is for stdout)."""

    source: str
    target: str | None
    text: str
    notes: tuple[str, ...]
    has_requirements: bool


@dataclass(frozen=True, slots=True)
class ParseReport:
    """What ``parse`` did with each input (``fitscore parse``)."""

    drafts: tuple[DraftFile, ...]
    problems: tuple[Problem, ...] = ()
    failed: int = 0

    @property
    def empty(self) -> int:
        return sum(1 for draft in self.drafts if not draft.has_requirements)

    @property
    def exit_code(self) -> int:
        """1 when a draft holds no requirement (it is still written) or an input failed."""
        return EXIT_CHECK_FAILED if self.empty or self.failed else EXIT_OK

    def summary(self) -> str:
        return (
            f"{_count(len(self.drafts), 'draft')} written, {self.empty} with no requirement, "
            f"{_count(self.failed, 'input')} failed"
        )


# Batch rows (``fitscore batch``, ``fitscore.batch``): one flat row per pair, or per problem of
# an input that could not be read. The columns and their types are data: README "Batch rows"
# documents each; a change of meaning or type bumps ``BATCH_SCHEMA_VERSION``.
BATCH_SCHEMA_VERSION = 1
BATCH_GAPS = 3
BATCH_COLUMNS: tuple[tuple[str, str], ...] = (
    ("schema_version", "int"),
    ("profile_id", "string"),
    ("posting_id", "string"),
    ("outcome", "string"),
    ("score", "float"),
    ("band", "string"),
    *((f"{component.value}_points", "float") for component in Component),
    ("required_met", "int"),
    ("required_total", "int"),
    *(
        column
        for number in range(1, BATCH_GAPS + 1)
        for column in ((f"gap_{number}", "string"), (f"gap_{number}_points", "float"))
    ),
    ("error_line", "int"),
    ("error_column", "int"),
    ("error_code", "string"),
    ("error_message", "string"),
    ("fitscore_version", "string"),
    ("catalog_stamp", "string"),
)
BATCH_COLUMN_NAMES = tuple(name for name, _ in BATCH_COLUMNS)


class BatchRow(NamedTuple):
    """One row of a batch run: a scored pair, or one problem of a refused input.

    A scored pair has every score column; an error row has its input's id (the other id is
    empty), where the problem is (1-based line and column, 0 when unknown) and what it is.
    A named tuple rather than a dataclass: rows are made, sorted and sent between processes
    by the million, and a tuple does all three several times faster (and is as immutable).
    """

    profile_id: str
    posting_id: str
    outcome: Outcome
    fitscore_version: str
    catalog_stamp: str
    score: float | None = None
    band: str | None = None
    points: tuple[float, ...] = ()
    required_met: int | None = None
    required_total: int | None = None
    gaps: tuple[tuple[str, float], ...] = ()
    error_line: int | None = None
    error_column: int | None = None
    error_code: str | None = None
    error_message: str | None = None

    def sort_key(self) -> tuple[str, str, int, int]:
        """Rows are written by profile id, then posting id (then where a problem is)."""
        return (self.profile_id, self.posting_id, self.error_line or 0, self.error_column or 0)

    def problem(self) -> Problem | None:
        """The problem an error row reports (located in its input's id), or None."""
        if self.outcome is Outcome.SCORED:
            return None
        return error(
            self.profile_id or self.posting_id,
            self.error_line or 0,
            self.error_column or 0,
            self.error_code or "",
            self.error_message or "",
        )

    def flat(self) -> tuple[object, ...]:
        """The values of every column of ``BATCH_COLUMNS``, in order."""
        points: tuple[float | None, ...] = self.points or _NO_POINTS
        gaps: list[object] = []
        for text, lost in self.gaps[:BATCH_GAPS]:
            gaps += (text, lost)
        gaps += _NO_GAP * (BATCH_GAPS - len(self.gaps[:BATCH_GAPS]))
        return (
            BATCH_SCHEMA_VERSION,
            self.profile_id,
            self.posting_id,
            self.outcome.value,
            self.score,
            self.band,
            *points,
            self.required_met,
            self.required_total,
            *gaps,
            self.error_line,
            self.error_column,
            self.error_code,
            self.error_message,
            self.fitscore_version,
            self.catalog_stamp,
        )

    def to_record(self) -> dict[str, object]:
        """The row as a flat mapping with every column of ``BATCH_COLUMNS``, in order."""
        return dict(zip(BATCH_COLUMN_NAMES, self.flat(), strict=True))


_NO_POINTS: tuple[None, ...] = (None,) * len(Component)
_NO_GAP = (None, None)


@dataclass(frozen=True, slots=True)
class BatchReport:
    """Every row of a batch run, in ``BatchRow.sort_key`` order; ``profiles`` and
    ``postings`` count the inputs, read or not."""

    rows: tuple[BatchRow, ...]
    profiles: int = 0
    postings: int = 0

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What the error rows say, as problems (``path:line:col`` lines on stderr)."""
        return tuple(problem for row in self.rows if (problem := row.problem()) is not None)

    @property
    def failed(self) -> int:
        """Inputs (profiles and postings) that could not be scored."""
        return len(
            {(r.profile_id, r.posting_id) for r in self.rows if r.outcome is not Outcome.SCORED}
        )

    @property
    def scored(self) -> int:
        """Pairs scored."""
        return sum(1 for row in self.rows if row.outcome is Outcome.SCORED)

    @property
    def exit_code(self) -> int:
        """1 when an input could not be scored (the others are), as for ``rank``."""
        return EXIT_CHECK_FAILED if self.failed else EXIT_OK

    def summary(self) -> str:
        """One line for stderr when inputs failed, else empty."""
        if not self.failed:
            return ""
        return f"{self.failed} of {self.profiles + self.postings} inputs could not be scored"
