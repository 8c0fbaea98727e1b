"""The one place that decides terminal, colour, NO_COLOR and width."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from fitscore.formats.plain import REPORT_WIDTH

# The narrowest a table is drawn, whatever COLUMNS or the terminal say (0, -5, "abc" or 10
# would draw nothing or a garbled grid): narrower terminals wrap its lines instead.
NARROWEST = 60

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def colour_allowed(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return (
        is_terminal(stream) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )


def make_console(stream: TextIO | None = None, *, record: bool = False) -> Console:
    """A rich console for ``stream`` (stdout by default) that follows the rules above."""
    from rich.console import Console

    target = stream if stream is not None else sys.stdout
    terminal = is_terminal(target)
    return Console(
        file=target,
        force_terminal=terminal,
        no_color=not colour_allowed(target),
        highlight=False,
        soft_wrap=False,
        record=record,
        width=terminal_width(target) if terminal else REPORT_WIDTH,
    )


def terminal_width(stream: TextIO) -> int:
    """How wide to draw on the terminal ``stream`` is on: ``COLUMNS`` when it is a sane
    number (as rich and most tools read it), else the terminal's own width; never under
    NARROWEST."""
    setting = os.environ.get("COLUMNS", "").strip()
    width = int(setting) if setting.isdecimal() else 0
    return max(NARROWEST, width) if width > 0 else _own_width(stream)


def _own_width(stream: TextIO) -> int:
    """The width the terminal reports (the report width when it reports none); never under
    NARROWEST."""
    try:
        width = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        width = 0
    return max(NARROWEST, width or REPORT_WIDTH)


def saved_width(stream: TextIO) -> int:
    """How wide a saved report is drawn: as wide as the terminal ``stream`` is on, else
    the fixed report width (the same bytes anywhere)."""
    return _own_width(stream) if is_terminal(stream) else REPORT_WIDTH


def recording_console(width: int) -> Console:
    """A console that draws a report in colour for saving (``--save``), not for showing."""
    from rich.console import Console

    return Console(
        record=True,
        width=width,
        file=open(os.devnull, "w"),  # noqa: SIM115 (closed by the caller, after export)
        force_terminal=True,
    )
