"""Tables that say, row by row, whether a skill is required.

"Skill | Level | Required?" over "Python | Expert | Yes" and "Kafka | Intermediate | No": the
header names a column of the vocabulary's ``grid_columns`` (or a column per section, ticked: its
``grid_tick_columns``), and each row becomes one clause, its
cells joined, then the section its cell there names, in words the item reader knows ("Kafka |
Intermediate | No (preferred)"). Read alike from HTML and Markdown tables and from plain
text lines of cells between bars.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from fitscore.drafting.rules import PREFERRED, REQUIRED, fold, parsing_rules

_SAYS = {REQUIRED: "required", PREFERRED: "preferred"}  # cues of the item reader's vocabulary


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a table says what each row needs: one column of values ("Required?": "Yes"), or
    a column per section ticked row by row ("Must have" | "Nice to have": "✔")."""

    column: int | None = None
    ticks: tuple[tuple[int, str], ...] = ()


def grid_layout(header: Sequence[str]) -> Layout | None:
    """How a header row says what each row needs, or None when it does not."""
    cells = [_bare(cell) for cell in header]
    sections = parsing_rules().grid_tick_columns
    ticks = tuple(
        (index, section)
        for index, cell in enumerate(cells)
        for section in (REQUIRED, PREFERRED)
        if cell in _folded_words(sections[section])  # type: ignore[index]
    )
    if {section for _, section in ticks} == {REQUIRED, PREFERRED}:
        return Layout(ticks=ticks)
    columns = _folded("grid_columns")
    for index, cell in enumerate(cells):
        if cell in columns:
            return Layout(column=index)
    return None


def row_clause(cells: Sequence[str], layout: Layout) -> str:
    """The row as one clause: its cells (but the ticks), then the section the row names."""
    ticked = {index for index, _ in layout.ticks}
    row = " | ".join(cell for index, cell in enumerate(cells) if cell and index not in ticked)
    section = _row_section([_bare(cell) for cell in cells], layout)
    return f"{row} ({_SAYS[section]})" if section is not None else row


def _row_section(cells: list[str], layout: Layout) -> str | None:
    """The section a row's requirement cell, or its tick, names; None when it names none."""
    for index, section in layout.ticks:
        if index < len(cells) and cells[index] in _folded("grid_required"):
            return section
    if layout.column is None or layout.column >= len(cells):
        return None
    if cells[layout.column] in _folded("grid_required"):
        return REQUIRED
    return PREFERRED if cells[layout.column] in _folded("grid_preferred") else None


def _bare(cell: str) -> str:
    """A cell's words, folded, without the marks around them ("**Required?**" -> "required?")."""
    return fold(re.sub(r"^[\s*_`]+|[\s*_`]+$", "", cell))


@cache
def _folded(name: str) -> frozenset[str]:
    words: tuple[str, ...] = getattr(parsing_rules(), name)
    return _folded_words(words)


@cache
def _folded_words(words: tuple[str, ...]) -> frozenset[str]:
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
        layout = grid_layout(header) if len(header) >= 2 else None
        if layout is None:
            number += 1
            continue
        if number and _RULE.match(read[number - 1]):
            read[number - 1] = ""  # the border over the header ("+-----+-----+")
        row = number + 1
        read[number] = ""
        while row < len(read) and ("|" in read[row] or _RULE.match(read[row])):
            if _RULE.match(read[row]):
                read[row] = ""
            else:
                read[row] = "• " + row_clause(_cells(read[row]), layout)
            row += 1
        number = row
    return read


def _cells(line: str) -> list[str]:
    if "|" not in line:
        return []
    return [" ".join(cell.split()) for cell in line.strip().strip("|").split("|")]
