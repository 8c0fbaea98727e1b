"""Rich renderables as plain text: what a table looks like in a pipe, a file or a test."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

# Off a terminal there is no width to ask for: reports are drawn at fixed widths, so that the
# same input gives the same bytes anywhere. On a terminal, its own width is used.
REPORT_WIDTH = 100
LIST_WIDTH = 120


def plain_text(renderable: RenderableType, width: int) -> str:
    """``renderable`` drawn at ``width`` columns with no colour and no terminal codes."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        width=width, no_color=True, color_system=None, force_terminal=False, file=buffer
    )
    console.print(renderable)
    return buffer.getvalue()
