"""Tables that say, row by row, whether a skill is required.

"Skill | Level | Required?" over "Python | Expert | Yes" and "Kafka | Intermediate | No": the
header names a column of the vocabulary's ``grid_columns``, and each row becomes one clause, its
cells joined, then the section its cell there names, in words the item reader knows ("Kafka |
Intermediate | No (preferred)"). Read alike from HTML and Markdown tables and from plain
text lines of cells between bars.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from fitscore.drafting.rules import PREFERRED, REQUIRED, fold, parsing_rules

_SAYS = {REQUIRED: "required", PREFERRED: "preferred"}  # cues of the item reader's vocabulary


def requirement_column(header: Sequence[str]) -> int | None:
    """The index of the header's cell that names a requirement column, or None."""
    columns = _folded("grid_columns")
    for index, cell in enumerate(header):
        if _bare(cell) in columns:
            return index
    return None


def row_clause(cells: Sequence[str], column: int) -> str:
    """The row as one clause: its cells, then the section its requirement cell names."""
    row = " | ".join(cell for cell in cells if cell)
    value = _bare(cells[column]) if column < len(cells) else ""
    if value in _folded("grid_required"):
        return f"{row} ({_SAYS[REQUIRED]})"
    if value in _folded("grid_preferred"):
        return f"{row} ({_SAYS[PREFERRED]})"
    return row


def _bare(cell: str) -> str:
    """A cell's words, folded, without the marks around them ("**Required?**" -> "required?")."""
    return fold(re.sub(r"^[\s*_`]+|[\s*_`]+$", "", cell))


@cache
def _folded(name: str) -> frozenset[str]:
    words: tuple[str, ...] = getattr(parsing_rules(), name)
    return frozenset(fold(word) for word in words) | frozenset(word for word in words)


_RULE = re.compile(r"^[\s|:+=-]*-[\s|:+=-]*$")  # "|---|:---:|", "----+----"


def text_grids(lines: list[str]) -> list[str]:
    """Plain-text lines with the grids among them read: a run of lines of cells between bars
    whose first names a requirement column becomes one list item a row (the header and any
    rule line under it blank)."""
    read = list(lines)
    number = 0
    while number < len(read):
        header = _cells(read[number])
        column = requirement_column(header) if len(header) >= 2 else None
        if column is None:
            number += 1
            continue
        row = number + 1
        read[number] = ""
        while row < len(read) and "|" in read[row]:
            if _RULE.match(read[row]):
                read[row] = ""
            else:
                read[row] = "• " + row_clause(_cells(read[row]), column)
            row += 1
        number = row
    return read


def _cells(line: str) -> list[str]:
    if "|" not in line:
        return []
    return [" ".join(cell.split()) for cell in line.strip().strip("|").split("|")]
