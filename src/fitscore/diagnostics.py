"""Problems found in input files: small frozen values, collected rather than raised."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The code of a problem that means "this path does not exist": a usage error, not a bad file.
MISSING_PATH = "missing-path"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding about one file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """``path:line:col`` (or just ``path`` when the position is unknown)."""
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


def error(path: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, message)


def warning(path: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(path, line, column, Severity.WARNING, code, message)
