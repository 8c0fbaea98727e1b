"""Batch rows: one flat row per scored pair or per problem of a refused input."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from fitscore.diagnostics import Problem, error
from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK
from fitscore.vocabulary import Component, Outcome

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
