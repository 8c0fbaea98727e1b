"""Blocks to clauses, each with the section it stands in.

A heading's section comes from the vocabulary (data/parsing.yaml ``headings``), else from the
cue words in it (``heading_cues``, preferred before required before ignored), else it is
neutral; an unknown heading nested in a requirements section keeps that section. A paragraph
may open with its own heading ("Requirements: ...", "Preferred. ..."). Clauses are the
sentences of a block and the items of a run-on list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fitscore.drafting.blocks import Block
from fitscore.drafting.rules import (
    IGNORED,
    NEUTRAL,
    PREFERRED,
    REQUIRED,
    fold,
    has,
    heading_cues,
    heading_fold,
    heading_kind,
    heading_kinds,
    parsing_rules,
)

_SENTENCE_END = re.compile(r"(?<=;)[ \t]+(?=\S)|(?<=[.!?])[ \t]+(?=[A-Z(\"'“])")
# A piece ending in one of these words runs on into the next ("Working towards a | PhD").
_DANGLING = frozenset(
    {"a", "an", "the", "in", "of", "to", "towards", "toward", "with", "for", "and", "or", "your"}
    | {"our"}
)
_LAST_WORD = re.compile(r"\w+$")
_LONGEST_DANGLING = max(len(word) for word in _DANGLING)
# Links and addresses are never requirements: "https://" is not HTTP, "/phd-jobs" no degree.
_URL = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://|\bwww\.)[^\s<>\"')\]]+")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_LABEL = re.compile(r"^([^:.!?;()]{1,60}?)([:.])[ \t]+(?=\S)")  # never inside brackets
_MAX_LABEL_WORDS = 6
_MAX_HEADING_WORDS = 8


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence (or list item) of the posting and the section it stands in. ``listed``: the
    items of a label line ("Must have: Python, SQL"), split like bullets when read."""

    text: str
    section: str
    listed: bool = False


def heading_section(heading: str) -> str | None:
    """The section a heading opens; None when neither its words nor its cues say."""
    folded = heading_fold(re.sub(r"^[#*_\s]*(?:\d{1,3}[.)]?\s+)?", "", heading).strip("*_ "))
    known = heading_kinds().get(folded)
    if known is not None:
        return known
    rules = parsing_rules()
    if folded.startswith(rules.ignored_heading_starts):
        return IGNORED
    for section in (PREFERRED, REQUIRED, IGNORED):
        if has(folded, heading_cues(section)):
            return section
    return None


def without_links(text: str) -> str:
    """The text with URLs and e-mail addresses taken out."""
    if "@" not in text and "://" not in text and "www." not in text:
        return text
    return _EMAIL.sub(" ", _URL.sub(" ", text))


def clauses(blocks: list[Block]) -> list[Clause]:
    """Every clause of the posting, in order, with its section."""
    rules = parsing_rules()
    current, depth = NEUTRAL, 0
    found: list[Clause] = []
    for block in blocks:
        text = without_links(block.text).strip()
        if not text:
            continue
        if block.role == "text" and text.endswith(":") and len(text.split()) <= _MAX_HEADING_WORDS:
            block = Block("heading", text.rstrip(":"))  # "What we need:" over a list
        if block.role == "label":
            labelled = inline_label(text)
            if labelled is not None:
                line_label, line_section, rest = labelled
                listed = line_section in (REQUIRED, PREFERRED)
                if listed or heading_kind(line_label) is not None:
                    current = line_section  # "Must have: ..." holds until the next heading
                found.extend(Clause(piece, line_section, listed) for piece in split_clauses(rest))
                continue
            block = Block("text", block.text)
        if block.role == "heading":
            section = heading_section(text)
            nested = block.level == 0 or block.level > depth
            inside = current in (REQUIRED, PREFERRED) and nested
            if section is None and inside or section == NEUTRAL and inside and block.level > 0:
                section = current
            else:
                section = section or rules.unknown_heading
                depth = block.level
            current = section
            continue
        section = current
        for number, piece in enumerate(split_clauses(text)):
            alone = _label_section(piece[:-1], piece[-1]) if piece.endswith((".", ":")) else None
            if number == 0 and alone is not None and len(piece.split()) <= _MAX_LABEL_WORDS:
                section = alone  # "Requirements." opening the paragraph
                if block.role == "text":
                    current = alone
                continue
            label = _LABEL.match(piece) if number == 0 or block.role == "text" else None
            if label is not None and len(label.group(1).split()) <= _MAX_LABEL_WORDS:
                named = _label_section(label.group(1), label.group(2))
                if named is not None and (number == 0 or label.group(2) == ":"):
                    piece = piece[label.end() :]
                    lasting = heading_kind(label.group(1)) is not None or named in (
                        REQUIRED,
                        PREFERRED,
                    )
                    if not lasting:  # "Location: Remote." says nothing of what follows
                        found.append(Clause(piece, named))
                        continue
                    section = named  # the rest of the block is under this heading
                    if block.role == "text":
                        current = named  # a paragraph's own heading holds until the next one
            found.append(Clause(piece, section))
    return found


def inline_label(line: str) -> tuple[str, str, str] | None:
    """ "Must have: Python; SQL": a label the vocabulary knows (a heading or its cue words), a
    colon and text on the same line -> (label, its section, the text after the colon)."""
    match = _LABEL.match(line)
    if match is None or match.group(2) != ":" or len(match.group(1).split()) > _MAX_LABEL_WORDS:
        return None
    section = _label_section(match.group(1).strip(), ":")
    return None if section is None else (match.group(1).strip(), section, line[match.end() :])


def _label_section(label: str, mark: str) -> str | None:
    if mark == ".":
        known = {fold(word) for word in parsing_rules().paragraph_labels}
        return heading_section(label) if fold(label) in known else None
    if heading_kind(label) is not None or label[:1].isupper():
        return heading_section(label)
    return None


@cache
def _run_on_pattern() -> re.Pattern[str]:
    starts = "|".join(re.escape(start) for start in parsing_rules().clause_starts)
    return re.compile(rf"(?<=[a-z0-9)\]])[ \t]+(?=(?:{starts})\b)")


def split_clauses(line: str) -> list[str]:
    """Sentences of a line, and the items of a run-on list ("... field Proficiency in ...")."""
    run_on = _run_on_pattern()
    pieces: list[list[str]] = []
    for sentence in _SENTENCE_END.split(line):
        for part in run_on.split(sentence):
            part = part.strip().rstrip(";").rstrip()
            if not part:
                continue
            # "Working towards a | PhD in ...": a start after "a" or "in" is not a new item.
            if pieces and _last_word(pieces[-1][-1]) in _DANGLING:
                pieces[-1].append(part)
            else:
                pieces.append([part])
    return [" ".join(parts) for parts in pieces]


def _last_word(text: str) -> str:
    """The text's last word, folded (looked for in its tail only: a piece may be long)."""
    match = _LAST_WORD.search(text[-_LONGEST_DANGLING - 1 :])
    return match.group(0).casefold() if match else ""


def has_requirement_heading(blocks: list[Block]) -> bool:
    """Does any heading (or paragraph label) open a required or preferred section?"""
    return any(clause.section in (REQUIRED, PREFERRED) for clause in clauses(blocks))
