"""Facts about the posting that are not skills: the degree, the title, the company, the place."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from fitscore.drafting.blocks import Block
from fitscore.drafting.rules import fold, has, heading_kind, parsing_rules, spaced_pattern
from fitscore.drafting.sections import heading_section, without_links
from fitscore.vocabulary import DegreeLevel

_FIELD_STOP = re.compile(
    r"\bor (?:an? )?(?:other |closely |similar |equivalent )?"
    r"(?:related|relevant|similar|equivalent)\b|\bor equivalent\b|\bwith\b|\bfrom\b|\bat\b|[.;:()]",
    re.IGNORECASE,
)
# Every pattern here is linear on runs of spaces or separators: a run of spaces is matched
# only from its start ((?<!\s)) and possessively, so no start in the middle retries it.
_FIELD_SPLIT = re.compile(r"(?:(?<!\s)\s++)?[,/&]\s*+|(?<!\s)\s++(?:or|and)\s++")
_MARKUP = re.compile(
    r"!?\[([^\[\]]{0,300})\]\([^()\s]{0,2000}\)|^#{1,6}\s+|\*{1,3}|`+|(?<!\w)_{1,3}|_{1,3}(?!\w)"
)
_PLACE_SPLIT = re.compile(r"(?<!\s)\s++[·—–|-]\s++")
_LOCATION_LABEL = re.compile(
    r"(?:^|\s)(?i:(?:job[ \t]+)?locations?)[ \t]*+:[ \t]*+(.+?)"
    r"(?:(?<![ \t])[ \t]++[A-Z][\w-]{1,20}:|$)"
)
_MAX_FIELD_WORDS = 5
_HEAD_CHARS = 1000
_FRAME_BLOCKS = 5  # "a Senior ML Engineer role at Acme": the opening blocks of an e-mail


# -- degree ------------------------------------------------------------------------------------


@cache
def _abbreviation_patterns() -> dict[str, re.Pattern[str]]:
    words = parsing_rules().degree.abbreviations
    return {
        level: re.compile(
            r"(?<![A-Za-z0-9.])(?:"
            + "|".join(re.escape(word) for word in forms)
            + r")(?![A-Za-z0-9])"
        )
        for level, forms in words.items()
    }


PARENTHESIS = re.compile(r"\(([^()]{1,400})\)")  # an aside in brackets (innermost)


def degree_levels(text: str) -> list[str]:
    """Every degree level a clause names ("BS, MS or PhD": all three)."""
    rules = parsing_rules().degree
    found = {level for level, words in rules.levels.items() if has(text, words)}
    abbreviated = {
        level for level, pattern in _abbreviation_patterns().items() if pattern.search(text)
    }
    # "MS" alone may be Microsoft: abbreviations count beside a degree word or each other.
    if abbreviated and (found or len(abbreviated) >= 2 or has(text, ("degree", "degrees"))):
        found |= abbreviated
    if not found and has(PARENTHESIS.sub(" ", text), rules.default_level_cues):
        found.add(rules.default_level)  # "honours degree (or expected by 2025) in CS" too
    return sorted(found, key=lambda level: DegreeLevel(level).rank)


def read_degree(text: str) -> tuple[dict[str, Any], bool] | None:
    """The degree a clause asks for (the lowest level it accepts) and whether it says that
    equivalent experience will do; None when it names no degree."""
    text = without_links(text)
    levels = degree_levels(text)
    rules = parsing_rules().degree
    if not levels or has(text, rules.negation_cues):
        return None
    degree: dict[str, Any] = {
        "level": levels[0],
        "status": "in_progress_ok" if has(text, rules.in_progress_cues) else "completed",
    }
    fields = degree_fields(text) or degree_fields(PARENTHESIS.sub(" ", text))
    if fields:
        degree["fields"] = fields
    degree["related_ok"] = bool(has(text, rules.related_cues))
    return degree, bool(has(text, rules.equivalent_cues))


@cache
def _degree_word_pattern() -> re.Pattern[str]:
    rules = parsing_rules().degree
    words = [word for group in rules.levels.values() for word in group]
    words += [word for group in rules.abbreviations.values() for word in group]
    words += ["degree", "degrees"]
    body = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.IGNORECASE)


def _degree_word_end(text: str) -> int:
    """Where the last degree word of the clause ends (one pass over the text)."""
    end = 0
    for match in _degree_word_pattern().finditer(text):
        end = max(end, match.end())
    if text[max(0, end - 3) : end].casefold() == " in":
        end -= 2  # "BS in Computer Science": the level's own "in" still opens the fields
    return end


def degree_fields(text: str) -> list[str]:
    """The fields after "in" that follow the degree words: "PhD programme in Statistics"."""
    after = text[_degree_word_end(text) :]
    match = re.search(r"\bin\s+(.+)", after) or re.search(r"\bof\s+(.+)", after)
    if match is None:
        return []
    body = _FIELD_STOP.split(match.group(1), maxsplit=1)[0]
    noise = {fold(word) for word in parsing_rules().degree.not_field_words}
    fields = []
    for part in _FIELD_SPLIT.split(body):
        words = [word for word in part.strip(" ,.").split() if fold(word) not in noise]
        while words and fold(words[0]) in noise:
            words.pop(0)
        cleaned = " ".join(words)
        if cleaned and len(words) <= _MAX_FIELD_WORDS and cleaned[:1].isupper():
            fields.append(cleaned)
    return list(dict.fromkeys(fields))


# -- title, company, location ------------------------------------------------------------------


def plain_line(text: str) -> str:
    """A line (its head: titles and names are near the start) without Markdown markup; a link
    keeps its text."""
    head = text[:_HEAD_CHARS]
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", head).split()).strip(" -|:")


def _strip_title_label(line: str) -> str:
    folded = fold(line)
    for label in sorted(parsing_rules().title_labels, key=len, reverse=True):
        if folded.startswith(tuple(label + mark for mark in _LABEL_ENDS)):
            rest = re.sub(r"^(?:an?|the)\s+", "", line[len(label) :].lstrip(" :-–—!"))
            if rest:
                return rest
    return line


_LABEL_ENDS = (" ", ":", "!")  # "Job title: X", "We're hiring! X"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?!\d)")


def title_like(line: str) -> str | None:
    """The line as a job title, or None when it is a sentence, a URL or a heading."""
    text = _strip_title_label(without_links(plain_line(line)).strip())
    words = text.split()
    if not words or len(words) > parsing_rules().title_max_words or len(text) > 150:
        return None
    if text.endswith((".", "!", "?", ",", ";")) or not any(char.isalpha() for char in text):
        return None
    if _CLOCK.search(text):
        return None  # "Sam Okafor  11:03 AM": who posted a chat message, and when
    if heading_kind(text) is not None or (text.endswith(":") and heading_section(text)):
        return None
    if has(text, parsing_rules().title_not_words):
        return None
    while text and not (text[-1].isalnum() or text[-1] in ")]+#"):
        text = text[:-1].rstrip()  # "Embedded Rust Engineer 🦀"
    words = text.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])  # "Android Developer Android Developer" (a copied page)
    return text or None


_PIECES = re.compile(r"((?<!\s)\s++(?:[|·—–•]|--|-)\s++)")


def _has_title_word(text: str) -> bool:
    return bool(has(text, parsing_rules().title_words))


def _pieces(line: str) -> list[str]:
    return [piece.strip() for piece in _PIECES.split(plain_line(line))[::2] if piece.strip()]


def _separated(line: str) -> list[tuple[str, str]]:
    """(separator before, piece) pairs of a line like "Title — Company | Place"."""
    parts = _PIECES.split(plain_line(line))
    pairs = [("", parts[0].strip())]
    pairs.extend((parts[i], parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2))
    return [(sep, piece) for sep, piece in pairs if piece]


def find_title(blocks: list[Block], text: str = "") -> str | None:
    """The job title: the top heading, else the first short line (or the piece of it) that
    names a kind of job, else a title introduced in prose, else the first short line that is
    not a heading."""
    top = [block for block in blocks if block.role == "heading" and block.level == 1][:1]
    head = top + [block for block in blocks[:12] if block.role != "item"]
    for block in head:
        pieces = _separated(block.text) or [("", block.text)]
        for index, (_, piece) in enumerate(pieces):
            title = title_like(_cut_tail(_cut_joined(piece), text))
            if title is not None and _has_title_word(title):
                for separator, more in pieces[index + 1 :]:
                    if title != piece or not _title_continues(more, text):
                        break
                    title = piece = f"{title}{separator}{more}"
                return title
        leading = (
            _before_company(block.text, text)
            or _leading_title(block.text)
            or _framed_title(block.text)
            or (_introduced_title(block.text) if block in blocks[:_FRAME_BLOCKS] else None)
        )
        if leading is not None:
            return leading
    introduced = _introduced_title(_MARKUP.sub(lambda m: m.group(1) or "", text[:20_000]))
    if introduced is not None:
        return introduced
    for block in head:
        title = title_like(block.text)
        if title is not None and heading_section(title) is None:
            return title
    return None


def _title_continues(piece: str, text: str) -> bool:
    rules = parsing_rules()
    return not (
        _looks_like_place(piece)
        or piece.split()[-1] in rules.company_suffixes
        or has(piece, rules.title_stop_words)
        or re.search(r"[$€£¥]\s?\d", piece)
        or len(piece.split()) > 5
    )


def _cut_tail(piece: str, text: str) -> str:
    """ "Detection Engineer Saltgate Security": the words after the last job word go when
    they are a company or a place."""
    words = piece.split()
    kinds = {fold(word) for word in parsing_rules().title_words}
    last = max((i for i, word in enumerate(words) if fold(word.strip(",()")) in kinds), default=-1)
    if last < 0 or last == len(words) - 1:
        return piece
    if words[last + 1].startswith("(") and ")" in " ".join(words[last + 1 :]):
        while last + 1 < len(words) and ")" not in words[last]:
            last += 1
    tail = " ".join(words[last + 1 :])
    stop = _stop_in(words[last + 1 :])
    if stop is not None:  # "Software Engineer 2 Full-time", "Front End Engineer 2 Years of ..."
        return " ".join(words[: last + 1 + stop])
    if words[last].endswith(",") or re.match(r"^(?:[IVX]+|\d+|Sr\.?|Jr\.?)(?:\s|$)", tail):
        return piece
    if tail and (_looks_like_place(tail) or _company_like(tail, text)):
        return " ".join(words[: last + 1])
    return piece


@cache
def _joined_pattern() -> re.Pattern[str]:
    joiners = _joiners()
    name = _COMPANY_NAME[1:-1]  # (a group of its own here)
    return re.compile(rf"^(.*?\S)[ \t]+(?i:{joiners})[ \t]+({name})(?:[ \t]*\(.*\))?$")


@cache
def _joiners() -> str:
    """The words that join a title to its company, as one alternation."""
    return "|".join(re.escape(word) for word in parsing_rules().title_company_joiners)


@cache
def _joined_line_pattern() -> re.Pattern[str]:
    joiners = _joiners()
    return re.compile(rf"^(?i:{joiners})[ \t]+{_COMPANY_NAME}(?:[ \t]*(?:[(,|·—–-].*)?)?$")


def _cut_joined(piece: str) -> str:
    """ "Senior Data Engineer at Acme Analytics (Remote)": the title ends at the word that joins
    it to a name (capitalised words that name no kind of job)."""
    match = _joined_pattern().match(piece)
    if match is None or not _has_title_word(match.group(1)) or _has_title_word(match.group(2)):
        return piece
    return match.group(1)


def _stop_in(tail: list[str]) -> int | None:
    """Where the terms of the job begin among the words after a title ("Full-time", "5+ years",
    "Contract"): the index of their first word (a number a duration is of counted in)."""
    rules = parsing_rules()
    words = " ".join(tail)
    found = spaced_pattern(tuple(rules.title_stop_words)).search(words)
    if found is None:
        return None
    index = words.count(" ", 0, found.start())
    durations = {fold(word) for word in rules.title_duration_words}
    if index and fold(found.group(0).split()[0]) in durations and _COUNT.match(tail[index - 1]):
        return index - 1
    return index


_COUNT = re.compile(r"^\d+(?:[+]|[-–]\d+)?$")  # "2", "5+", "3-5"


def _before_company(line: str, text: str) -> str | None:
    """ "Data Intern, Pricing (Summer 2026) Brightfern New York ... Brightfern is a ...": on a
    run-on first line the title ends where the company that introduces itself is named."""
    if len(line.split()) <= parsing_rules().title_max_words:
        return None
    for match in _introduction_pattern().finditer(text[:20_000]):
        name = match.group(1).split()[0]
        position = line.find(f" {name} ")
        if position > 0:
            title = title_like(line[:position])
            return title if title is not None and _has_title_word(title) else None
    return None


def _leading_title(line: str) -> str | None:
    """ "Senior Data Engineer Haulwise Chicago, IL ...": the capitalised words up to the last
    job word among the first few, when the line runs on."""
    words = plain_line(line).split()
    limit = parsing_rules().title_max_words
    if len(words) <= limit:
        return None
    kinds = {fold(word) for word in parsing_rules().title_words}
    last = None
    for index, word in enumerate(words[:limit]):
        if not word[:1].isupper() and word not in ("of", "and", "&", "-", ","):
            break
        if fold(word.strip(",()")) in kinds:
            last = index
    return " ".join(words[: last + 1]).rstrip(",") if last is not None else None


@cache
def _introduction_title_pattern() -> re.Pattern[str]:
    cues = "|".join(
        re.escape(cue) for cue in sorted(parsing_rules().title_introductions, key=len, reverse=True)
    )
    name = r"((?:[A-Z][\w/+&-]*|of|and|&)(?:[ \t]+(?:[A-Z(][\w/+&(),-]*|of|and|&)){0,7})"
    return re.compile(rf"(?i:\b(?:{cues}))[ \t]+{name}")


def _introduced_title(text: str) -> str | None:
    for match in _introduction_title_pattern().finditer(text):
        words = match.group(1).split()
        while words and words[-1] in ("of", "and", "&"):
            words.pop()
        candidate = " ".join(words).strip(" ,")
        if candidate and _has_title_word(candidate):
            return candidate
    return None


@cache
def _title_frame_pattern() -> re.Pattern[str]:
    frames = "|".join(re.escape(frame) for frame in parsing_rules().title_frames)
    name = r"([A-Z][\w/+&-]*(?:[ \t]+(?:[A-Z(][\w/+&(),-]*|of|and|&)){0,7})"
    return re.compile(rf"{name}[ \t]+(?i:{frames})\b")


def _framed_title(line: str) -> str | None:
    """ "I'm recruiting for a Senior ML Engineer role at ...": a title framed in prose."""
    not_names = _not_names()
    for match in _title_frame_pattern().finditer(plain_line(line)):
        words = match.group(1).split()
        while words and (fold(words[0]) in not_names or words[0] in ("I", "I'm")):
            words.pop(0)
        while words and words[-1] in ("of", "and", "&"):
            words.pop()
        candidate = " ".join(words).strip(" ,")
        if candidate and _has_title_word(candidate) and title_like(candidate) == candidate:
            return candidate
    return None


@cache
def _not_names() -> frozenset[str]:
    """Words a company's name never starts with ("The", "About", "Join"), folded."""
    return frozenset(fold(word) for word in parsing_rules().not_company_words)


def title_from_name(name: str) -> str:
    """A title made of a file's name: "senior-data-engineer.html" -> "senior data engineer"."""
    stem = re.split(r"[\\/]", name)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    words = " ".join(re.split(r"[-_\s]+", stem.strip("<>"))).strip()
    return words[:200] or "untitled posting"


def _company_like(name: str, text: str) -> bool:
    rules = parsing_rules()
    words = name.split()
    if (
        not 1 <= len(words) <= 6
        or not name[:1].isupper()
        or ":" in name
        or name.endswith((".", ","))
    ):
        return False
    if fold(words[0]) in _not_names():
        return False
    if heading_kind(name) is not None or _looks_like_place(name) or _has_title_word(name):
        return False
    if words[-1] in rules.company_suffixes:
        return True
    return text.casefold().count(words[0].casefold()) >= 2


@cache
def _introduction_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(cue) for cue in parsing_rules().company_introductions)
    name = r"[A-Z][\w&'-]*\.?(?:[ \t]+(?:[A-Z][\w&'-]*\.?|&|of))" + "{0,4}"
    return re.compile(rf"(?:^|[.!?:][ \t]+|\n)({name})[ \t]+(?:{cues})\b")


_TITLE_PARTS = re.compile(r"\s+(?:[|·—–-]|at|@)\s+")


def company_in_page_title(page_title: str | None, title: str | None) -> str | None:
    """ "Tidewater Logistics - Senior Backend Engineer", "Job Application for Senior Backend
    Engineer at Tidewater": a page's <title> that holds the job's title names the company in
    its other part (not a careers page's own words, "Careers", "Jobs")."""
    if not page_title or not title:
        return None
    parts = [part.strip() for part in _TITLE_PARTS.split(page_title) if part.strip()]
    wanted = fold(title)
    if len(parts) < 2 or not any(fold(part).endswith(wanted) for part in parts):
        return None
    not_names = _not_names()
    for part in parts:
        words = part.split()
        if fold(part).endswith(wanted) or not 1 <= len(words) <= 6 or not part[:1].isupper():
            continue
        if all(fold(word) in not_names for word in words) or _has_title_word(part):
            continue
        if heading_kind(part) is None and not _looks_like_place(part):
            return _undecorated_name(part)
    return None


def _undecorated_name(name: str) -> str:
    """A name without what decorates its end: "Ferrocene Labs ·", "Pixelmoss Studio 🎮"."""
    while name and not (name[-1].isalnum() or name[-1] in ".)&+"):
        name = name[:-1].rstrip()
    return name


def find_company(blocks: list[Block], text: str, title: str | None) -> str | None:
    """The company the posting names (see :func:`_find_company`), without what decorates the
    end of its name."""
    found = _find_company(blocks, text, title)
    return (_undecorated_name(found) or None) if found else None


def _find_company(blocks: list[Block], text: str, title: str | None) -> str | None:
    """The company: a piece of the title line or a short line under it that looks like a
    name, "TITLE at NAME", "About NAME", or a name that introduces itself ("NAME is a ...")."""
    lines = [block.text for block in blocks[:6] if block.role != "item"]
    start = next((i for i, line in enumerate(lines) if title and title in plain_line(line)), 0)
    # The lines under the title first: a piece of the title line after a dash is as often the
    # team ("Data Analyst II - Claims Analytics" over "Northbeam Health").
    for line in [*lines[start + 1 : start + 3], lines[start] if lines else ""]:
        joined = _joined_line_pattern().match(plain_line(line))
        if joined is not None and line != lines[start]:  # "at Acme Analytics" under the title
            return joined.group(1)
        for piece in _pieces(line):
            if piece != title and (title or "") not in piece and _company_like(piece, text):
                return piece
    labels = "|".join(re.escape(label) for label in parsing_rules().company_labels)
    for block in blocks[:15]:
        labelled = re.match(
            rf"^(?i:{labels})[ \t]*+:[ \t]*+(.+?)(?:(?<![ \t])[ \t]++[A-Z][\w-]{{1,20}}:|$)",
            plain_line(block.text),
        )  # "Company: Acme Location: Remote" (lines a Markdown paragraph ran together)
        if labelled and 0 < len(labelled.group(1).split()) <= 6:
            return labelled.group(1).strip()
    not_names = _not_names()
    name = _COMPANY_NAME
    whole = text[:20_000]
    # The prose frames ("a ... role at Acme") count in the first paragraphs only.
    head = "\n".join(block.text for block in blocks[:_FRAME_BLOCKS] if block.role != "item")
    searches = [(re.compile(rf"(?m)^About[ \t]+{name}[ \t]*+(?::[ \t]*+)?$"), whole)]
    if title:
        joiners = _joiners()
        after_title = rf"{re.escape(title)}\s+(?i:{joiners})[ \t]+{name}"  # (or on the next line)
        searches.insert(0, (re.compile(after_title), whole))
    frames = _company_frame_patterns()
    searches.extend((pattern, head[: _HEAD_CHARS * 2]) for pattern in frames)
    searches.append((_introduction_pattern(), whole))
    for pattern, window in searches:
        for match in pattern.finditer(window):
            found = match.group(1).strip()
            first = fold(found.split()[0])
            if first not in not_names and heading_section(found) not in ("required", "preferred"):
                # A frame ("role at Acme Robotics in ...") ends the name itself.
                return found.rstrip(".") if pattern in frames else _named_again(found, text)
    return None


_COMPANY_NAME = r"([A-Z][\w&'-]*\.?(?:[ \t]+(?:[A-Z][\w&'-]*\.?|&)){0,4})"


@cache
def _company_frame_patterns() -> tuple[re.Pattern[str], ...]:
    """ "role at {}", "join {} as": the name in the place of "{}", the words around it in any
    case."""
    patterns = []
    for frame in parsing_rules().company_frames:
        before, after = (part.strip() for part in frame.split("{}"))
        lead = rf"(?<![\w])(?i:{re.escape(before)})[ \t]+" if before else r"(?<![\w])"
        tail = rf"[ \t]+(?i:{re.escape(after)})(?![\w])" if after else ""
        patterns.append(re.compile(lead + _COMPANY_NAME + tail))
    return tuple(patterns)


def _named_again(name: str, text: str) -> str:
    """The longest start of a name the text names more than once: in "Engineer at Haulwise
    Show match details" the company is Haulwise, named again in "Haulwise is a ..."."""
    words = name.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if text.count(candidate) >= 2:
            return candidate
    return name


def _looks_like_place(text: str) -> bool:
    words = parsing_rules().location_words
    if re.search(r"\b[A-Z][a-zé]+,\s+[A-Z]{2}\b", text):  # "Austin, TX"
        return True
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def find_location(blocks: list[Block], title: str | None) -> str | None:
    """ "Location: ..." near the top, "(USA)" after the title, or a place-like line."""
    if title:
        located = re.match(r"^.*?\(([^()]{1,80})\)\s*$", title)
        if located and _looks_like_place(located.group(1)):
            return located.group(1).strip()
    for block in blocks[:8]:
        line = plain_line(block.text)
        label = _LOCATION_LABEL.search(line)
        if label:
            return label.group(1).split("|")[0].strip()[:200] or None
    for block in blocks[1:4]:
        line = plain_line(block.text)
        pieces = _PLACE_SPLIT.split(line, maxsplit=1)
        if len(pieces) > 1 and _looks_like_place(pieces[1]) and len(pieces[1].split()) <= 8:
            return pieces[1].strip()
    return None
