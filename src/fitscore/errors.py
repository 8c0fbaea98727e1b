"""The one exception family of fitscore, and the exit codes of SPEC.md.

Exceptions are for what stops a run; what is wrong with one input file is a ``Problem``
(``fitscore.diagnostics``) carried by a report. Messages speak of the data ("the file exists");
the command line adds the option that helps ("use --force"), keyed by ``code``.
"""

from __future__ import annotations

from fitscore.diagnostics import Problem

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141


class FitscoreError(Exception):
    """Base of every error that stops a run; ``exit_code`` follows SPEC.md."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class UsageError(FitscoreError):
    """The call asks for something impossible."""


class InputError(FitscoreError):
    """An input cannot be read or parsed. Carries the problems that say why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        text = f"{first.location()}: {first.message}" if first else "invalid input"
        super().__init__(text, code=first.code if first else "")


class OutputError(FitscoreError):
    """Writing a result failed (full disk, closed stream, refused overwrite)."""


class UnscorableError(InputError):
    """A posting of a strict ranking could not be scored: the check failed (SPEC exit 1)."""

    exit_code = EXIT_CHECK_FAILED


class WorkerError(FitscoreError):
    """A worker process of a parallel run stopped unexpectedly."""

    exit_code = EXIT_INTERNAL
