"""Plain text to blocks: headings by their form, list items by any bullet glyph, numbers or
letters, and paragraphs with their hard-wrapped lines joined again."""

from __future__ import annotations

import re
import unicodedata

from fitscore.drafting.blocks import Block, BlockRole
from fitscore.drafting.grids import text_grids
from fitscore.drafting.rules import (
    IGNORED,
    PREFERRED,
    REQUIRED,
    fold,
    has,
    heading_cues,
    heading_fold,
    heading_kind,
    parsing_rules,
)
from fitscore.drafting.sections import inline_label

_SECTIONS = (REQUIRED, PREFERRED, IGNORED)

# A bullet: a glyph, "1." / "1)" / "(1)", or "a)" / "(a)" / "a." before the text.
_BULLET = re.compile(
    r"^[ \t]*(?:[-*+•●○◦▪▫■□‣⁃–—·➢➤►▶✓✔☐❖◆◇→>o](?=[ \t]|[A-Z(])[ \t]*"
    r"|[•●▪◦‣■►➤✓✔][ \t]*"
    r"|\(?\d{1,3}(?:\.\d{1,3})*[.)](?![\d])[ \t]+|\d{1,3}(?:\.\d{1,3})+[ \t]+(?=[A-Z(])"
    r"|\([a-zA-Z]\)[ \t]+|[a-z][.)][ \t]+)"
)
_END = (".", "!", "?", ";", ":")
# A whole line in emphasis marks: "*Must have*", "__Nice to have__:".
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(?=\S)(.{1,80}?)(?<=\S)\1[ \t]*:?")
# An emoji written as a chat's shortcode: ":white_check_mark:", ":star:".
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]{1,40}:(?![\w:])")
_MAX_HEADING_WORDS = 8
_MAX_HEADING_CHARS = 80
_WRAPPED = 50  # a line this long that ends mid-sentence was wrapped: the next line goes on


def text_blocks(text: str) -> list[Block]:
    """The blocks of a plain-text posting."""
    lines = text.splitlines()
    if len([line for line in lines if line.strip()]) <= 2 and len(text) > 300:
        lines = split_run_on(text).splitlines()
    lines = text_grids(undecorated(lines))
    roles: list[BlockRole] = []
    parts: list[list[str]] = []  # each block's lines, joined once at the end (never re-copied)
    joinable = False  # the last block may continue on the next line
    wrapped_only = False  # ... and only by a line that is clearly its continuation
    previous = ""
    for number, raw_line in enumerate(lines):
        lower = raw_line.lstrip()[:1].islower()
        wrapped = len(previous) >= _WRAPPED and not _title_case(previous) and not wrapped_only
        joinable = joinable and (wrapped or lower)
        previous = raw_line.strip()
        line = " ".join(raw_line.split())
        if not line:
            joinable = False
            continue
        wrapped_only = False
        bullet = _BULLET.match(raw_line)
        marked = _marked_heading(line, raw_line, bullet)
        if marked is not None:
            roles.append("heading")
            parts.append([marked])
            joinable = False
            continue
        if bullet and raw_line[bullet.end() :].strip():
            roles.append("item")
            parts.append([" ".join(raw_line[bullet.end() :].split())])
            joinable = not line.endswith(_END)
            continue
        if not (joinable and lower) and inline_label(line) is not None:
            # "Must have: Python; SQL": a section of its own, never run into its neighbours.
            roles.append("label")
            parts.append([line])
            joinable = wrapped_only = True
            continue
        if is_heading_line(line) or _heads_a_list(line, lines, number):
            roles.append("heading")
            parts.append([line.rstrip(":").strip()])
            joinable = False
            continue
        if joinable and roles and roles[-1] in ("text", "item", "label"):
            parts[-1].append(line)
        else:
            roles.append("text")
            parts.append([line])
        joinable = not line.endswith(_END)
    return [Block(role, " ".join(words)) for role, words in zip(roles, parts, strict=True)]


def _marked_heading(line: str, raw_line: str, bullet: re.Match[str] | None) -> str | None:
    """The words of a heading in marks a bullet pattern would take for an item's: emphasis
    ("*Must have*", Slack's bold; "_Nice to have_:"), or a number before words the vocabulary
    knows ("4. Requirements", "2.1 Nice to have")."""
    emphasised = _EMPHASIS.fullmatch(line)
    if emphasised is not None and is_heading_line(emphasised.group(2)):
        return emphasised.group(2).rstrip(":").strip()
    if bullet is None or not raw_line.lstrip()[:1].isdigit():
        return None
    words = " ".join(raw_line[bullet.end() :].split()).rstrip(":").strip()
    return words if heading_kind(words) is not None else None


def undecorated(lines: list[str]) -> list[str]:
    """Lines with the pictographs chat and social posts open them with (an emoji, a dingbat)
    read for what they mark: before a heading's words ("✅ What you'll need") the heading, before
    anything else a list item ("🔹 Airflow or Dagster"), except on the first line, which is
    the title. Glyphs the bullet pattern knows already are left to it."""
    read: list[str] = []
    first = True
    for line in lines:
        if ":" in line:
            line = _SHORTCODE.sub(" ", line).rstrip()  # "*Must have* :white_check_mark:"
        stripped = line.lstrip()
        marks = 0
        while marks < len(stripped) and _pictograph(stripped[marks]):
            marks += 1
        rest = stripped[marks:]
        if marks and rest[:1].isspace() and rest.strip() and _BULLET.match(stripped) is None:
            words = " ".join(rest.split())
            line = words if first or is_heading_line(words) else f"• {words}"
        first = first and not line.strip()
        read.append(line)
    return read


def _pictograph(char: str) -> bool:
    """An emoji or a dingbat, or what joins and styles one (ZWJ, variation selectors)."""
    if char in _EMOJI_JOINERS:
        return True
    return not char.isascii() and unicodedata.category(char) in ("So", "Sk", "Cn")


_EMOJI_JOINERS = frozenset("\u200d\ufe0f\ufe0e")


def _heads_a_list(line: str, lines: list[str], number: int) -> bool:
    """A short line after a blank line, right above a bulleted item, heads that list."""
    following = lines[number + 1] if number + 1 < len(lines) else ""
    if number and lines[number - 1].strip():
        return False
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and not line.endswith((".", ",", ";", "!", "?"))
        and _BULLET.match(following) is not None
        and bool(following[_BULLET.match(following).end() :].strip())  # type: ignore[union-attr]
    )


def is_heading_line(line: str) -> bool:
    """Does a whole line have the form of a heading?"""
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(line) > _MAX_HEADING_CHARS:
        return False
    bare = line.strip("#*_ \t").rstrip(":").strip()
    if not bare or bare.endswith((".", ",", ";", "!", "?")):
        return False
    unnumbered = _no_number(bare)
    folded = fold(unnumbered)
    if heading_kind(unnumbered) is not None:
        return True
    if line.endswith(":"):
        return True
    letters = [char for char in bare if char.isalpha()]
    if len(letters) >= 4 and all(char.isupper() for char in letters) and len(words) >= 2:
        return True
    if _title_case(bare) and has(heading_fold(bare), heading_cues(*_SECTIONS)):
        return True
    return bool(folded.startswith(parsing_rules().ignored_heading_starts) and len(words) <= 5)


def _no_number(text: str) -> str:
    return re.sub(r"^\d+[.)]?\s+", "", text)


def _title_case(text: str) -> bool:
    words = [word for word in re.findall(r"[A-Za-z][\w'’-]*", text) if len(word) > 3]
    return bool(words) and text[:1].isupper() and all(word[0].isupper() for word in words)


def split_run_on(text: str) -> str:
    """A one-paragraph posting still has its headings, capitalised mid-text: break there."""
    return _inline_heading_pattern().sub(lambda match: f"\n{match.group(1)}:\n", text)


_PATTERN: list[re.Pattern[str]] = []


def _inline_heading_pattern() -> re.Pattern[str]:
    if not _PATTERN:
        phrases = {phrase for group in parsing_rules().headings.values() for phrase in group}
        forms = {form for phrase in phrases for form in (_sentence(phrase), _titled(phrase))}
        titled = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
        _PATTERN.append(re.compile(rf"(?:(?<=[\w.)!?])[ \t]+)({titled}):?[ \t]+(?=[A-Z0-9])"))
    return _PATTERN[0]


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _titled(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split())
