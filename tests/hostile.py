"""A harness for hostile inputs: fitscore in a child process with a time and memory budget.

Budgets are generous on purpose (a case that needs 40 s or 1.5 GiB is a bug, not a slow
machine), so a test fails only when a pass stops being linear or bounded, never on timing noise.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 60.0  # seconds of wall time for one run
MEMORY = 2 << 30  # bytes of address space for one run
FORBIDDEN = ("Traceback", "(a bug)", "internal error")


@dataclass(frozen=True)
class Outcome:
    """What one bounded run did."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def explain(self) -> str:
        return f"fitscore {' '.join(self.args)[:200]} -> {self.code}\n{self.stderr[-1500:]}"


def bounded_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment: no user catalogue, cache or colour; the test's own date."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "FITSCORE_TODAY": "2026-11-30",
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.update(extra or {})
    return env


def _limit(memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def run_bounded(
    args: Sequence[str],
    home: Path,
    *,
    stdin: bytes | int | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT,
    memory: int = MEMORY,
) -> Outcome:
    """Run `fitscore ARGS` in a child with a wall-time and address-space cap.

    `stdin` is bytes to feed, a file descriptor to pass, or None for an empty pipe. A run that
    outlives `timeout` fails the test (subprocess.TimeoutExpired), and the child is killed.
    """
    feed = stdin if isinstance(stdin, bytes) else (b"" if stdin is None else None)
    done = subprocess.run(
        [sys.executable, "-m", "fitscore", *args],
        input=feed,
        stdin=stdin if isinstance(stdin, int) else None,
        capture_output=True,
        env=bounded_env(home, env),
        timeout=timeout,
        preexec_fn=lambda: _limit(memory),
        check=False,
    )
    return Outcome(
        tuple(args),
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def assert_handled(outcome: Outcome, codes: Sequence[int] = (0, 1, 2)) -> None:
    """The run ended with a documented code and no traceback, bug notice or memory error."""
    assert outcome.code in codes, outcome.explain()
    text = outcome.stdout + outcome.stderr
    for word in (*FORBIDDEN, "MemoryError"):
        assert word not in text, outcome.explain()
