"""The draft as posting YAML, written item by item: block style, and above every requirement
item a comment quoting the sentence it came from."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from fitscore.models import ANY_OF_MAX_ITEMS, NAME_MAX_CHARS

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


# -- within the posting schema's limits --------------------------------------------------------


def fit_name(text: str, limit: int = NAME_MAX_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary when it is longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit  # one long word: cut inside it
    return flat[:cut].rstrip(" ,;:-–—(")


class Fitter:
    """Makes a draft's values fit the posting schema (names, lists) and says what it cut."""

    def __init__(self, max_items: int, max_fields: int, max_themes: int) -> None:
        self.max_items = max_items
        self.max_fields = max_fields
        self.max_themes = max_themes
        self.notes: list[str] = []
        self._cut_names = 0

    def name(self, text: str | None, what: str | None = None) -> str | None:
        """A value that must be a schema name; None when nothing is left of it."""
        if text is None:
            return None
        fitted = fit_name(text)
        if len(fitted) < len(" ".join(text.split())):
            if what is not None:
                self.notes.append(
                    f"the {what} is longer than {NAME_MAX_CHARS} characters: "
                    f"it was cut to '{fitted}'"
                )
            else:
                self._cut_names += 1
        return fitted or None

    def names(self, values: Iterable[str], limit: int, what: str) -> list[str]:
        fitted = list(dict.fromkeys(name for name in map(self.name, values) if name))
        if len(fitted) > limit:
            self.notes.append(f"{what} lists {len(fitted)} names: only the first {limit} were kept")
            fitted = fitted[:limit]
        return fitted

    def item(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return self.name(str(value))
        fitted: dict[str, Any] = {}
        for key, inner in value.items():
            if key in ("any_of", "examples"):
                shown = "a choice" if key == "any_of" else "an example list"
                members = self.names(inner, ANY_OF_MAX_ITEMS, shown)
                if members or key == "examples":
                    fitted[key] = members
            elif isinstance(inner, str):
                name = self.name(inner)
                if name:
                    fitted[key] = name
            else:
                fitted[key] = inner
        if "examples" in fitted and not fitted["examples"]:
            del fitted["examples"]
        forms = [key for key in ("skill", "any_of", "category") if key in fitted]
        return fitted if len(forms) == 1 else None

    def section(self, name: str, items: Iterable[SourcedItem]) -> tuple[SourcedItem, ...]:
        kept = []
        for item in items:
            value = self.item(item.value)
            if value is not None:
                kept.append(SourcedItem(value, item.source))
        if len(kept) > self.max_items:
            self.notes.append(
                f"{len(kept)} {name} items were read: only the first {self.max_items} were kept"
            )
            kept = kept[: self.max_items]
        return tuple(kept)

    def degree(self, degree: dict[str, Any] | None) -> dict[str, Any] | None:
        if degree is None or "fields" not in degree:
            return degree
        fitted = dict(degree)
        fitted["fields"] = self.names(degree["fields"], self.max_fields, "the degree")
        if not fitted["fields"]:
            del fitted["fields"]
        return fitted

    def document(self, draft: DraftDocument) -> DraftDocument:
        """The draft with every value within the schema's limits."""
        url = draft.url
        if url is not None and len(url.strip()) > NAME_MAX_CHARS:
            self.notes.append(f"the URL is longer than {NAME_MAX_CHARS} characters: left out")
            url = None
        themes = self.names(draft.themes, self.max_themes, "the themes")
        fitted = replace(
            draft,
            title=self.name(draft.title, "title") or "untitled posting",
            company=self.name(draft.company, "company name"),
            location=self.name(draft.location, "location"),
            url=url,
            themes=tuple(themes),
            required=self.section("required", draft.required),
            preferred=self.section("preferred", draft.preferred),
            degree=self.degree(draft.degree),
        )
        if self._cut_names:
            self.notes.append(
                f"{self._cut_names} name(s) longer than {NAME_MAX_CHARS} characters were cut "
                "at a word boundary"
            )
        return fitted
