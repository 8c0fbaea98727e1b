"""Raw posting text, or a careers page in HTML, to a posting draft.

The text is cut into sections by its headings (data/parsing.yaml says which headings hold
requirements, which hold nice-to-haves and which hold only company talk), sections into
clauses (sentences, bullets, or the run-on items of a one-paragraph posting), and each clause
into requirement items with the skill catalogue: a degree, publications, a category with
examples ("big data technologies (e.g., Hadoop/Spark)"), a choice ("at least one of",
"A or B") or single skills. Every item keeps the sentence it came from, so a person can check
the draft.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from fitscore.errors import UsageError
from fitscore.models import StrictModel
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Span, spot_spans
from fitscore.yamlsource import parse_bytes

REQUIRED, PREFERRED, IGNORED, INTRO = "required", "preferred", "ignored", "intro"
_THEME_CATEGORIES = frozenset(
    {"ml_area", "nlp", "computer_vision", "research", "statistics", "data_science", "search"}
)
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣–—]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(])")
_SEPARATOR = re.compile(r"^[\s,/]*(?:(?:or|and|and/or|&)[\s,/]+)?$", re.IGNORECASE)
_OR = re.compile(r"(?:\bor\b|/)", re.IGNORECASE)
_DANGLING = re.compile(
    r"\b(?:a|an|the|in|of|to|towards|toward|with|for|and|or|your|our)$", re.IGNORECASE
)


class ParsingRules(StrictModel):
    headings: dict[str, tuple[str, ...]]
    clause_starts: tuple[str, ...]
    preferred_cues: tuple[str, ...]
    required_cues: tuple[str, ...]
    ignored_cues: tuple[str, ...]
    category_phrases: dict[str, tuple[str, ...]]
    example_cues: tuple[str, ...]
    choice_cues: tuple[str, ...]
    degree: dict[str, Any]
    publications_cues: tuple[str, ...]
    location_words: tuple[str, ...]
    generic_categories: tuple[str, ...]
    tool_categories: tuple[str, ...]


@cache
def parsing_rules() -> ParsingRules:
    from fitscore.rules import packaged

    return packaged("parsing.yaml", ParsingRules)


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    section: str


@dataclass
class Draft:
    """A posting as read from raw text, with the sentence behind each part."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    url: str | None = None
    items: list[tuple[str, Any, str]] = field(default_factory=list)  # (section, item, source)
    degree: tuple[dict[str, Any], str] | None = None
    publications: tuple[str, str] | None = None
    big_data: tuple[str, str] | None = None
    themes: list[str] = field(default_factory=list)

    def posting_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"title": self.title, "company": self.company}
        for name in ("location", "url"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.themes:
            data["themes"] = self.themes
        for section in (REQUIRED, PREFERRED):
            items = [item for kind, item, _ in self.items if kind == section]
            if items:
                data[section] = items
        if self.degree:
            data["degree"] = self.degree[0]
        if self.publications:
            data["publications"] = self.publications[0]
        if self.big_data:
            data["big_data"] = self.big_data[0]
        return data


# -- input -------------------------------------------------------------------------------------


def read_source(raw: bytes, name: str) -> tuple[str, dict[str, Any]]:
    """Plain text of a posting and what structured data came with it (JSON-LD, page title)."""
    text = raw.decode("utf-8-sig", errors="replace")
    if _looks_like_html(text, name):
        return _from_html(text)
    return text, {}


def _looks_like_html(text: str, name: str) -> bool:
    if Path(name).suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _from_html(text: str) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    posting = _json_ld_posting(soup)
    if posting is not None:
        return _json_ld_text(posting), _json_ld_fields(posting)
    for tag in soup(["script", "style", "noscript", "template", "svg", "nav", "footer", "form"]):
        tag.decompose()
    heading = soup.find("h1")
    title_tag = soup.find("title")
    facts: dict[str, Any] = {}
    page_title = title_tag.get_text(" ", strip=True) if title_tag is not None else ""
    parts = [part.strip() for part in re.split(r"\s+[-|—–·]\s+", page_title) if part.strip()]
    if heading is not None:
        facts["title"] = heading.get_text(" ", strip=True)
    elif parts:
        facts["title"] = parts[0]
    site = soup.find("meta", attrs={"property": "og:site_name"})
    others = [
        part
        for part in parts
        if part != facts.get("title") and not re.search(r"\b(?:careers?|jobs?)\b", part, re.I)
    ]
    if site is not None and site.get("content"):
        facts["company"] = str(site["content"]).strip()
    elif others:
        facts["company"] = others[0]
    return _html_lines(soup), facts


_BLOCKS = [
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "pre",
    "blockquote",
]


def _html_lines(soup: Any) -> str:
    """Visible text, one line per block element (a heading, a paragraph, a list item)."""
    lines = []
    for element in soup.find_all(_BLOCKS):
        if element.find(_BLOCKS) is not None:
            continue  # its inner blocks give the lines
        line = element.get_text(" ", strip=True)
        if line:
            suffix = ":" if element.name in ("h1", "h2", "h3", "h4", "h5", "h6", "dt") else ""
            lines.append(line + (suffix if not line.endswith(":") else ""))
    return "\n".join(lines) if lines else soup.get_text("\n", strip=True)


def _json_ld_posting(soup: Any) -> dict[str, Any] | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            document = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue
        for candidate in _walk_json_ld(document):
            kind = candidate.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "JobPosting" in kinds:
                return candidate
    return None


def _walk_json_ld(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, list):
        for item in document:
            yield from _walk_json_ld(item)
    elif isinstance(document, dict):
        yield document
        yield from _walk_json_ld(document.get("@graph", []))


def _plain(value: Any) -> str:
    """Text of a JSON-LD value that may be a string of HTML, a list, or a structured object."""
    from bs4 import BeautifulSoup

    if isinstance(value, list):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        for name in ("description", "name", "credentialCategory", "educationalLevel"):
            if isinstance(value.get(name), str):
                return _plain(value[name])
        return ""
    if not isinstance(value, str):
        return ""
    if "<" in value and ">" in value:
        return _html_lines(BeautifulSoup(value, "html.parser"))
    return value


def _json_ld_text(posting: dict[str, Any]) -> str:
    parts = [_plain(posting.get("description"))]
    for name, heading in (
        ("qualifications", "Qualifications"),
        ("skills", "Skills"),
        ("educationRequirements", "Qualifications"),
        ("experienceRequirements", "Qualifications"),
    ):
        text = _plain(posting.get(name))
        if text:
            parts.append(f"{heading}:\n{text}")
    return "\n".join(part for part in parts if part)


def _json_ld_fields(posting: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if isinstance(posting.get("title"), str):
        facts["title"] = posting["title"].strip()
    organisation = posting.get("hiringOrganization")
    if isinstance(organisation, dict) and isinstance(organisation.get("name"), str):
        facts["company"] = organisation["name"].strip()
    elif isinstance(organisation, str):
        facts["company"] = organisation.strip()
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names = []
    for place in places:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, dict):
            bits = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
            names.append(", ".join(bit for bit in bits if isinstance(bit, str) and bit))
    if any(names):
        facts["location"] = "; ".join(name for name in names if name)
    if isinstance(posting.get("url"), str):
        facts["url"] = posting["url"]
    return facts


# -- sections and clauses ----------------------------------------------------------------------


@cache
def _heading_kinds() -> dict[str, str]:
    rules = parsing_rules()
    return {_fold(phrase): kind for kind, phrases in rules.headings.items() for phrase in phrases}


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[’`]", "'", text).casefold().split()).strip(" :")


def _split_inline_headings(text: str) -> str:
    """A one-paragraph posting still has its headings, capitalised mid-text: break there."""
    return _inline_heading_pattern().sub(lambda match: f"\n{match.group(1)}:\n", text)


@cache
def _inline_heading_pattern() -> re.Pattern[str]:
    phrases = sorted(
        {phrase for phrases in parsing_rules().headings.values() for phrase in phrases},
        key=len,
        reverse=True,
    )
    # "Company Overview" and "What you'll do": title case or sentence case, never lower case.
    forms = {form for phrase in phrases for form in (_title_case(phrase), _sentence_case(phrase))}
    titled = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:(?<=[\w.)!?])\s+)({titled}):?\s+(?=[A-Z])")


def _sentence_case(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _title_case(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split())


def sections(text: str) -> list[Clause]:
    """Clauses of the posting, each with the kind of section it sits in."""
    if text.count("\n") < 3:
        text = _split_inline_headings(text)
    kinds = _heading_kinds()
    current = INTRO
    clauses: list[Clause] = []
    for raw_line in text.splitlines():
        line = _BULLET.sub("", raw_line).strip()
        if not line:
            continue
        heading, _, rest = line.partition(":")
        kind = kinds.get(_fold(heading)) if len(heading.split()) <= 6 else None
        if kind is None and not rest and len(line.split()) <= 5 and line.startswith("About "):
            kind = IGNORED  # "About Saltmarsh": the company's own introduction
        if kind is not None:
            current = kind
            line = rest.strip()
            if not line:
                continue
        elif line.endswith(":") and len(line.split()) <= 6:
            current = IGNORED if current == INTRO else current
            continue
        clauses.extend(Clause(piece, current) for piece in _clauses(line))
    return clauses


@cache
def _run_on_pattern() -> re.Pattern[str]:
    starts = "|".join(re.escape(start) for start in parsing_rules().clause_starts)
    return re.compile(rf"(?<=[a-z0-9)\]])\s+(?=(?:{starts})\b)")


def _clauses(line: str) -> list[str]:
    """Sentences of a line, and the items of a run-on list ("... field Proficiency in ...")."""
    run_on = _run_on_pattern()
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(line):
        for part in run_on.split(sentence):
            part = part.strip()
            if not part:
                continue
            # "Working towards a | PhD in ...": a start after "a" or "in" is not a new item.
            if pieces and _DANGLING.search(pieces[-1]):
                pieces[-1] = f"{pieces[-1]} {part}"
            else:
                pieces.append(part)
    return pieces


# -- clauses to items --------------------------------------------------------------------------


def _has(text: str, phrases: Iterable[str]) -> str | None:
    folded = _fold(text)
    for phrase in sorted(phrases, key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(_fold(phrase))}(?![\w])", folded):
            return phrase
    return None


class _Reader:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.rules = parsing_rules()
        self.draft = Draft()
        self._degree_section = INTRO  # the section the kept degree came from

    def read(self, clauses: list[Clause]) -> Draft:
        for clause in clauses:
            if clause.section in (REQUIRED, PREFERRED):
                self._requirement(clause)
            else:
                self._themes(spot_spans(self.catalog, clause.text))
        return self.draft

    def _section(self, clause: Clause) -> str:
        if _has(clause.text, self.rules.preferred_cues):
            return PREFERRED
        if _has(clause.text, self.rules.required_cues):
            return REQUIRED
        return clause.section

    def _requirement(self, clause: Clause) -> None:
        section = self._section(clause)
        text = clause.text
        if self._degree(text, section):
            return
        if _has(text, self.rules.publications_cues):
            self._raise_need("publications", section, text)
            self._themes(spot_spans(self.catalog, text), every_skill=True)
            return
        if _has(text, self.rules.ignored_cues):
            return
        spans = [s for s in spot_spans(self.catalog, text) if self._is_requirement_skill(s)]
        if _has(text, self.rules.choice_cues) and len(spans) >= 2:
            # "one ML framework (...)": the class name is not a member of the choice.
            phrases = self._phrase_ranges(text)
            spans = [s for s in spans if not any(a <= s.start < b for a, b in phrases)]
            self._add(section, {"any_of": _names(spans), "label": _label(text)}, text)
            self._note_big_data(spans, section, text)
            return
        spans = self._without_class_names(text, self._categories(text, spans, section))
        self._note_big_data(spans, section, text)
        for group in _chains(text, spans):
            if len(group) > 1:
                self._add(section, {"any_of": _names(group)}, text)
            else:
                self._add(section, group[0].skill, text)

    def _without_class_names(self, text: str, spans: list[Span]) -> list[Span]:
        tools = frozenset(self.rules.tool_categories)
        return _without_class_names(text, spans, self.catalog, tools)

    def _is_requirement_skill(self, span: Span) -> bool:
        categories = self.catalog.skills[span.skill].categories
        return not categories <= self.generic

    @property
    def generic(self) -> frozenset[str]:
        return frozenset(self.rules.generic_categories)

    def _phrase_ranges(self, text: str) -> list[tuple[int, int]]:
        folded = text.casefold()
        ranges: list[tuple[int, int]] = []
        for phrases in self.rules.category_phrases.values():
            for phrase in phrases:
                pattern = rf"(?<![\w]){re.escape(phrase.casefold())}(?![\w])"
                ranges.extend(match.span() for match in re.finditer(pattern, folded))
        return ranges

    def _categories(self, text: str, spans: list[Span], section: str) -> list[Span]:
        """Category phrases become category items; the skills named as examples join them."""
        folded = text.casefold()
        taken: list[tuple[int, int]] = []
        consumed: set[int] = set()
        for category, phrases in self.rules.category_phrases.items():
            if category not in self.catalog.categories:
                continue
            for phrase in sorted(phrases, key=len, reverse=True):
                match = re.search(rf"(?<![\w]){re.escape(phrase.casefold())}(?![\w])", folded)
                if match is None or any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append((match.start(), match.end()))
                examples = self._examples(text, match.end(), spans, consumed)
                item: dict[str, Any] = {"category": category}
                if examples:
                    item["examples"] = examples
                item["label"] = _label(text[match.start() : self._example_end(text, match.end())])
                self._add(section, item, text)
                # The phrase itself ("big data technologies") also spots the skill it names.
                consumed.update(
                    id(span) for span in spans if match.start() <= span.start < match.end()
                )
                break
        return [span for span in spans if id(span) not in consumed]

    def _example_end(self, text: str, after: int) -> int:
        rest = text[after:]
        opening = re.match(r"\s*\(", rest)
        if opening:
            close = rest.find(")")
            return after + (close + 1 if close >= 0 else len(rest))
        cue = self._example_cue(rest)
        if cue is not None:
            stop = re.search(r"[;.)]|\s(?:and|with|to|that|in)\s(?![A-Z])", rest[cue:])
            return after + cue + (stop.start() if stop else len(rest) - cue)
        return after

    def _example_cue(self, rest: str) -> int | None:
        for cue in self.rules.example_cues:
            match = re.match(rf"\s*,?\s*{re.escape(cue)}\s*,?\s*", rest, re.IGNORECASE)
            if match:
                return match.end()
        return None

    def _examples(self, text: str, after: int, spans: list[Span], consumed: set[int]) -> list[str]:
        end = self._example_end(text, after)
        inside = [span for span in spans if after <= span.start < end and id(span) not in consumed]
        consumed.update(id(span) for span in inside)
        return _names(inside)

    def _note_big_data(self, spans: list[Span], section: str, text: str) -> None:
        if _has(text, self.rules.category_phrases.get("big_data", ())):
            self._raise_need("big_data", section, text)

    def _raise_need(self, name: str, section: str, text: str) -> None:
        current = getattr(self.draft, name)
        if current is None or (current[0] == PREFERRED and section == REQUIRED):
            setattr(self.draft, name, (section, text))

    def _degree(self, text: str, section: str) -> bool:
        rules = self.rules.degree
        levels: dict[str, list[str]] = rules["levels"]
        found = [level for level, words in levels.items() if _has(text, words)]
        if not found:
            return False
        order = ["associate", "bachelors", "masters", "phd"]
        level = min(found, key=order.index)  # "Bachelor's or Master's": the least one qualifies
        in_progress = bool(_has(text, rules["in_progress_cues"]))
        related = bool(_has(text, rules["related_cues"]))
        degree = {
            "level": level,
            "status": "in_progress_ok" if in_progress else "completed",
            "fields": _fields(text),
            "related_ok": related,
        }
        if not degree["fields"]:
            del degree["fields"]
        if self.draft.degree is None or (section == REQUIRED and self._degree_section != REQUIRED):
            self.draft.degree = (degree, text)
            self._degree_section = section
        return True

    def _add(self, section: str, item: Any, source: str) -> None:
        identity = json.dumps(item, sort_keys=True) if isinstance(item, dict) else item
        for index, (kind, existing, _) in enumerate(self.draft.items):
            same = json.dumps(existing, sort_keys=True) if isinstance(existing, dict) else existing
            if same == identity:
                if kind == PREFERRED and section == REQUIRED:
                    self.draft.items[index] = (section, item, source)
                return
        self.draft.items.append((section, item, source))

    def _themes(self, spans: list[Span], every_skill: bool = False) -> None:
        for span in spans:
            categories = self.catalog.skills[span.skill].categories
            if every_skill or categories & _THEME_CATEGORIES:
                theme = (
                    span.skill.casefold()
                    if span.skill[:2] != span.skill[:2].upper()
                    else span.skill
                )
                if theme not in self.draft.themes and "soft_skill" not in categories:
                    self.draft.themes.append(theme)


def _names(spans: Iterable[Span]) -> list[str]:
    return list(dict.fromkeys(span.skill for span in spans))


def _label(text: str) -> str:
    words = re.sub(r"\s+", " ", text).strip(" .;:,")
    for start in parsing_rules().clause_starts:
        if words.casefold().startswith(start.casefold() + " "):
            words = words[len(start) + 1 :]
            break
    return words if len(words) <= 120 else words[:117].rstrip() + "..."


def _without_class_names(
    text: str, spans: list[Span], catalog: Catalog, tools: frozenset[str]
) -> list[Span]:
    """In "gradient boosting (XGBoost or LightGBM)" the tools are the requirement; the name
    before the parenthesis only says what kind of tools they are. A tool itself ("Python
    (pandas, statsmodels)") stays a requirement."""
    kept = []
    for span in spans:
        is_tool = bool(catalog.skills[span.skill].categories & tools)
        opening = None if is_tool else re.match(r"\s*(?:[A-Za-z-]+\s+){0,2}\(", text[span.end :])
        if opening:
            start = span.end + opening.end()
            close = text.find(")", start)
            end = close if close >= 0 else len(text)
            if any(start <= other.start < end for other in spans):
                continue
        kept.append(span)
    return kept


def _chains(text: str, spans: list[Span]) -> list[list[Span]]:
    """Skills joined by "or" or "/" (with commas) form one choice; others stand alone."""
    groups: list[list[Span]] = []
    joiners: list[str] = []
    for span in sorted(spans, key=lambda item: item.start):
        if groups:
            between = text[groups[-1][-1].end : span.start]
            if _SEPARATOR.match(between):
                groups[-1].append(span)
                joiners[-1] += between
                continue
        groups.append([span])
        joiners.append("")
    result: list[list[Span]] = []
    for group, joined in zip(groups, joiners, strict=True):
        if len(group) > 1 and _OR.search(joined):
            result.append(group)
        else:
            result.extend([span] for span in group)
    return result


def _fields(text: str) -> list[str]:
    """The fields after "in" in a degree clause: "in CS, ML, NLP or related field"."""
    match = re.search(r"\bin\s+(.+)", text)
    if match is None:
        return []
    body = re.split(r"\bor (?:a )?(?:closely )?related\b|\bor equivalent\b|[.;(]", match.group(1))[
        0
    ]
    parts = re.split(r",\s*|\s+or\s+|\s+and\s+|/", body)
    fields = []
    for part in parts:
        cleaned = part.strip(" ,.")
        cleaned = re.sub(r"^(?:a|an|the)\s+", "", cleaned, flags=re.IGNORECASE)
        if cleaned and len(cleaned.split()) <= 5 and cleaned[:1].isupper():
            fields.append(cleaned)
    return fields


# -- title, company, location ------------------------------------------------------------------


_PLACE_SPLIT = re.compile(r"\s+[·—–|]\s+|\s+-\s+")
_IS_A = re.compile(
    r"(?:^|[.!?]\s+|\n)([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:is|are)\s+(?:a|an|the)\b"
)
_LOCATION_LABEL = re.compile(r"^(?:job\s+)?locations?\s*:\s*(.+)$", re.IGNORECASE)


def _looks_like_place(text: str) -> bool:
    words = parsing_rules().location_words
    if re.search(r"\b[A-Z][a-zé]+,\s+[A-Z]{2}\b", text):  # "Austin, TX"
        return True
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in words)


def _facts_from_text(text: str) -> dict[str, Any]:
    """Title, company and location from the head of a plain-text posting.

    Careers pages open with the title, then the company (often "Company · Place"), then the
    place; one-paragraph postings run them together, so the company is also found by the
    sentence that introduces it ("Pinterest is a platform ...").
    """
    facts: dict[str, Any] = {}
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return facts
    introduced = _IS_A.search(text)
    first = lines[0]
    if len(first.split()) > 16 and introduced and introduced.group(1) in first:
        # Everything on one line: "Title Company Place Company is a ...".
        name = introduced.group(1)
        head, _, rest = first.partition(name)
        facts["title"], facts["company"] = head.strip(" ,-"), name
        place = rest.split(name, 1)[0].strip(" ,-")
        if place and len(place.split()) <= 6:
            facts["location"] = place
        return facts
    located = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", first)
    if located and _looks_like_place(located.group(2)):
        facts["title"], facts["location"] = located.group(1).strip(), located.group(2).strip()
    else:
        facts["title"] = first.rstrip(":")
    for line in lines[1:4]:
        label = _LOCATION_LABEL.match(line)
        if label:
            facts.setdefault("location", label.group(1).strip())
            continue
        if "company" in facts:
            if "location" not in facts and _looks_like_place(line) and len(line.split()) <= 12:
                facts["location"] = line
            continue
        pieces = _PLACE_SPLIT.split(line, maxsplit=1)
        if _company_like(pieces[0], text):
            facts["company"] = pieces[0].strip()
            if len(pieces) > 1 and _looks_like_place(pieces[1]):
                facts["location"] = pieces[1].strip()
    if "company" not in facts and introduced:
        facts["company"] = introduced.group(1)
    return facts


def _company_like(name: str, text: str) -> bool:
    """A short capitalised line that the posting mentions again (by its first word) is the
    company; a heading, a sentence or a place is not."""
    words = name.split()
    if not 1 <= len(words) <= 6 or not name[:1].isupper() or name.rstrip().endswith((".", ":")):
        return False
    if _fold(name) in _heading_kinds() or _looks_like_place(name):
        return False
    return text.count(words[0]) >= 2


def parse_posting(
    raw: bytes,
    name: str,
    catalog: Catalog,
    *,
    title: str | None = None,
    company: str | None = None,
) -> Draft:
    """Read a raw posting (text or HTML) into a draft; raises UsageError without a title/company."""
    text, facts = read_source(raw, name)
    draft = _Reader(catalog).read(sections(text))
    guessed = _facts_from_text(text)
    draft.title = title or facts.get("title") or guessed.get("title")
    draft.company = company or facts.get("company") or guessed.get("company")
    draft.location = facts.get("location") or guessed.get("location")
    draft.url = facts.get("url")
    if not draft.title:
        raise UsageError(f"{name}: no job title found; pass --title")
    if not draft.company:
        raise UsageError(f"{name}: no company name found; pass --company")
    return draft


# -- output ------------------------------------------------------------------------------------


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 110 else flat[:107].rstrip() + "..."


def draft_to_yaml(draft: Draft, source_name: str) -> str:
    """The draft as posting YAML, each item under a comment quoting its sentence."""
    import yaml

    lines = [
        "# yaml-language-server: $schema=../schemas/posting.schema.json",
        f"# Draft parsed by fitscore from {source_name}: check every item against the sentence",
        "# quoted above it before relying on the score.",
    ]
    data = draft.posting_data()
    sources = {
        section: [source for kind, _, source in draft.items if kind == section]
        for section in (REQUIRED, PREFERRED)
    }
    for key_name, value in data.items():
        chunk = (
            yaml.safe_dump(
                {key_name: value},
                sort_keys=False,
                allow_unicode=True,
                width=100,
                default_flow_style=None if isinstance(value, list | dict) else False,
            )
            .rstrip("\n")
            .splitlines()
        )
        if key_name in sources:
            notes = iter(sources[key_name])
            for line in chunk:
                if line.startswith("- "):
                    lines.append(f'  # "{_quote(next(notes))}"')
                    lines.append("  " + line)
                elif line.startswith("  "):
                    lines.append("  " + line)
                else:
                    lines.append(line)
            continue
        source = {
            "degree": draft.degree,
            "publications": draft.publications,
            "big_data": draft.big_data,
        }.get(key_name)
        if source is not None:
            lines.append(f'# "{_quote(source[1])}"')
        lines.extend(chunk)
    return "\n".join(lines) + "\n"


def check_yaml(text: str, catalog: Catalog) -> None:
    """The draft must be a valid posting before anyone sees it."""
    from fitscore.errors import FitscoreError
    from fitscore.loading import to_model
    from fitscore.models import Posting

    document = parse_bytes(text.encode("utf-8"), "<draft>")
    posting, problems = to_model(document, Posting, {"categories": frozenset(catalog.categories)})
    if posting is None:
        detail = "; ".join(f"{p.location()}: {p.message}" for p in problems[:3])
        raise FitscoreError(f"the parsed draft is not a valid posting (a bug): {detail}")
