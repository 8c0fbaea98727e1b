"""The one exception family of fitscore. The CLI turns each into one line and an exit code."""

from __future__ import annotations

from fitscore.diagnostics import Problem

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class FitscoreError(Exception):
    """Base of every error that stops a run; ``exit_code`` follows SPEC.md."""

    exit_code = EXIT_USAGE


class UsageError(FitscoreError):
    """The command line asks for something impossible."""


class InputError(FitscoreError):
    """An input file cannot be read or parsed. Carries the problems that say why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        text = f"{first.location()}: {first.message}" if first else "invalid input"
        super().__init__(text)


class OutputError(FitscoreError):
    """Writing a result failed (full disk, closed stream, refused overwrite)."""


class UnscorableError(InputError):
    """A posting in ``rank --strict`` could not be scored: the check failed (SPEC exit 1)."""

    exit_code = EXIT_CHECK_FAILED
