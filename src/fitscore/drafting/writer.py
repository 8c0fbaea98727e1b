"""The draft as posting YAML, written item by item: block style, and above every requirement
item a comment quoting the sentence it came from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_PLAIN = re.compile(r"^[A-Za-z0-9(][\w .,()+#&'/-]*$")
_RESERVED = frozenset(
    {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf"}
)
_QUOTE_WIDTH = 110


@dataclass(frozen=True)
class SourcedItem:
    value: Any  # a skill name, or an any_of / category mapping
    source: str


@dataclass(frozen=True)
class DraftDocument:
    """Everything the YAML shows, in the order it shows it."""

    source_name: str
    title: str
    company: str | None = None
    location: str | None = None
    url: str | None = None
    themes: tuple[str, ...] = ()
    required: tuple[SourcedItem, ...] = ()
    preferred: tuple[SourcedItem, ...] = ()
    degree: dict[str, Any] | None = None
    degree_source: str = ""
    degree_notes: tuple[str, ...] = ()
    publications: tuple[str, str] | None = None  # (need, source)
    big_data: tuple[str, str] | None = None
    header_notes: tuple[str, ...] = field(default_factory=tuple)


def scalar(value: Any) -> str:
    """One YAML scalar: plain when that reads back as the same string, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if (
        _PLAIN.match(text)
        and text.casefold() not in _RESERVED
        and not _numeric(text)
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    return "".join(char if char.isprintable() else _escape(char) for char in quoted)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return bool(re.match(r"^[-+]?(?:0[xob]|\d[\d_:]*$)", text))
    return True


def quote(text: str) -> str:
    """A sentence as a one-line comment body."""
    printable = "".join(char if char.isprintable() else " " for char in text)
    flat = " ".join(printable.split())
    return flat if len(flat) <= _QUOTE_WIDTH else flat[: _QUOTE_WIDTH - 3].rstrip() + "..."


def _item_lines(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return [f"  - {scalar(value)}"]
    lines: list[str] = []
    for index, (key, inner) in enumerate(value.items()):
        lead = "  - " if index == 0 else "    "
        if isinstance(inner, list | tuple):
            lines.append(f"{lead}{key}:")
            lines.extend(f"      - {scalar(member)}" for member in inner)
        else:
            lines.append(f"{lead}{key}: {scalar(inner)}")
    return lines


def _section(name: str, items: Iterable[SourcedItem]) -> list[str]:
    lines = [f"{name}:"]
    for item in items:
        lines.append(f'  # "{quote(item.source)}"')
        lines.extend(_item_lines(item.value))
    return lines if len(lines) > 1 else []


def to_yaml(draft: DraftDocument) -> str:
    """The draft as YAML text."""
    lines = [
        "# yaml-language-server: $schema=../schemas/posting.schema.json",
        f"# Draft parsed by fitscore from {quote(draft.source_name)}: check every item against",
        "# the sentence quoted above it before relying on the score.",
    ]
    lines.extend(f"# {quote(note)}" for note in draft.header_notes)
    lines.append(f"title: {scalar(draft.title)}")
    for key in ("company", "location", "url"):
        value = getattr(draft, key)
        if value:
            lines.append(f"{key}: {scalar(value)}")
    if draft.themes:
        lines.append("themes:")
        lines.extend(f"  - {scalar(theme)}" for theme in draft.themes)
    lines.extend(_section("required", draft.required))
    lines.extend(_section("preferred", draft.preferred))
    if draft.degree is not None:
        if draft.degree_source:
            lines.append(f'# "{quote(draft.degree_source)}"')
        lines.extend(f"# {quote(note)}" for note in draft.degree_notes)
        lines.append("degree:")
        for key, value in draft.degree.items():
            if isinstance(value, list | tuple):
                lines.append(f"  {key}:")
                lines.extend(f"    - {scalar(member)}" for member in value)
            else:
                lines.append(f"  {key}: {scalar(value)}")
    for key in ("publications", "big_data"):
        need = getattr(draft, key)
        if need is not None:
            lines.append(f'# "{quote(need[1])}"')
            lines.append(f"{key}: {need[0]}")
    return "\n".join(lines) + "\n"
