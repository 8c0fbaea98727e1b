"""The shape every input is read into: headings, list items and paragraphs, in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockRole = Literal["heading", "item", "text"]


@dataclass(frozen=True, slots=True)
class Block:
    """One visible unit of a posting. ``level`` is a heading's depth (1 = top; 0 = unknown)."""

    role: BlockRole
    text: str
    level: int = 0
