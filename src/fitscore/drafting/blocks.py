"""The shape every input is read into: headings, list items and paragraphs, in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# "label": a plain-text line that opens with a known label and lists items after its colon
# ("Must have: Python; SQL"), read as a section of its own.
BlockRole = Literal["heading", "item", "text", "label"]


@dataclass(frozen=True, slots=True)
class Block:
    """One visible unit of a posting. ``level`` is a heading's depth (1 = top; 0 = unknown)."""

    role: BlockRole
    text: str
    level: int = 0
