"""What ``parse`` wrote."""

from __future__ import annotations

from dataclasses import dataclass

from fitscore.diagnostics import Problem
from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK
from fitscore.reports.validation import count_noun


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
            f"{count_noun(len(self.drafts), 'draft')} written, {self.empty} with no requirement, "
            f"{count_noun(self.failed, 'input')} failed"
        )


# Batch rows (``fitscore batch``, ``fitscore.batch``): one flat row per pair, or per problem of
# an input that could not be read. The columns and their types are data: README "Batch rows"
