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
            return printable(self.path)
        return f"{printable(self.path)}:{self.line}:{self.column}"


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}


def printable(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``), so that input shown
    on a terminal can never move the cursor, clear the screen or set the window title."""
    return text.translate(_CONTROL)


def error(path: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, message)


def warning(path: str, line: int, column: int, code: str, message: str) -> Problem:
    return Problem(path, line, column, Severity.WARNING, code, message)
