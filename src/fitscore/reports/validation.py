"""What ``validate`` found, file by file."""

from __future__ import annotations

from dataclasses import dataclass

from fitscore.diagnostics import MISSING_PATH, Problem
from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE
from fitscore.vocabulary import FileKind


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
            f"checked {count_noun(files, 'file')}: {files - self.invalid} valid, {self.invalid} "
            f"invalid ({count_noun(self.errors, 'error')}, {count_noun(self.warnings, 'warning')})"
        )


def count_noun(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
