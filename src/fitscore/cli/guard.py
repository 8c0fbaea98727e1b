"""The one place a run's stop becomes a message and an exit code (SPEC.md "Exit codes").

- a :class:`~fitscore.errors.FitscoreError`: its problems (or its message), plus the option
  that helps, on stderr; its exit code;
- Ctrl-C: one line, 130; a closed pipe (``| head``): quiet, 141;
- anything else is a bug: one line naming it, 70 (``FITSCORE_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import NoReturn

import typer

from fitscore.diagnostics import Problem, printable
from fitscore.errors import (
    EXIT_CLOSED_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    FitscoreError,
    InputError,
    OutputError,
)
from fitscore.startup import begin_work

# What the command line adds to a core message, by the message's code: the core speaks of
# the data, the command line names the option that helps.
HINTS = {
    "too-large": " (raise it with --max-bytes)",
    "unknown-kind": "; use --kind",
    "unknown-skill": " (add it with --catalog)",
    "exists": "; use --force to overwrite it",
    "worker": "; retry with --jobs 1",
    "output-folder": "; pass -o FOLDER",
}


def hinted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """``problems`` with the command-line hint of their code added to their message."""
    return tuple(
        replace(problem, message=problem.message + HINTS[problem.code])
        if problem.code in HINTS
        else problem
        for problem in problems
    )


def report_problems(problems: Iterable[Problem]) -> None:
    """Problems on stderr, one ``path:line:col: severity: message`` line each."""
    for problem in hinted(problems):
        message = printable(problem.message)
        sys.stderr.write(f"{problem.location()}: {problem.severity}: {message}\n")


def note(message: str) -> None:
    """A one-line note on stderr (control characters escaped: it may quote the input)."""
    sys.stderr.write(f"fitscore: {printable(message)}\n")


@contextmanager
def guard() -> Iterator[None]:
    """Turn every stop into one message on stderr and the documented exit code."""
    begin_work()  # the collector paused by the console script resumes with the real work
    try:
        yield
    except typer.Exit:
        raise
    except FitscoreError as exc:
        if isinstance(exc, InputError) and exc.problems:
            report_problems(exc.problems)
        else:
            note(f"error: {exc}{HINTS.get(exc.code, '')}")
        if isinstance(exc, OutputError):
            silence_stdout()  # what a full stream still holds must not fail again at exit
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        interrupted()
    except BrokenPipeError:
        quiet_closed_pipe()
    except Exception as exc:
        if os.environ.get("FITSCORE_DEBUG"):
            raise
        note(
            f"internal error: {type(exc).__name__}: {exc} "
            "(a bug in fitscore: set FITSCORE_DEBUG=1 to see where, and report it)"
        )
        raise typer.Exit(EXIT_INTERNAL) from None


def interrupted() -> NoReturn:
    sys.stderr.write("fitscore: interrupted\n")
    raise typer.Exit(EXIT_INTERRUPTED)


def quiet_closed_pipe() -> NoReturn:
    """The reader went away (``| head``): stop quietly, as other Unix tools do."""
    silence_stdout()
    raise typer.Exit(EXIT_CLOSED_PIPE)


def silence_stdout() -> None:
    """Point stdout at the null device, so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
