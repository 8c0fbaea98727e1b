"""A raw posting (plain text, Markdown, or an HTML page) to a posting YAML draft.

The input is read into blocks (headings, list items, paragraphs): HTML by its tags, Markdown
through markdown-it-py, plain text by the form of its lines. A page's schema.org JobPosting
(JSON-LD, microdata, RDFa) gives the title, company and place, and its text when the visible
page holds no requirements section. Blocks become clauses in sections (data/parsing.yaml says
which headings hold requirements), clauses become items with the skill catalogue, and the
writer puts the sentence behind every item above it as a comment.

Nothing here refuses for want of metadata: a title is always found (the data, a heading, a
short first line, else the file's name), a missing company is left out, and a draft with no
requirement is still written; the notes say what to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fitscore.drafting.blocks import Block
from fitscore.drafting.facts import (
    company_in_page_title,
    find_company,
    find_location,
    find_title,
    read_degree,
    title_from_name,
)
from fitscore.drafting.items import Reader, Reading
from fitscore.drafting.rules import IGNORED, NEUTRAL, REQUIRED, parsing_rules
from fitscore.drafting.sections import Clause, clauses, has_requirement_heading
from fitscore.drafting.structured import JobPostingData, read_structured
from fitscore.drafting.writer import DraftDocument, Fitter, SourcedItem, fit_name, to_yaml
from fitscore.errors import FitscoreError
from fitscore.models import NAME_MAX_CHARS
from fitscore.skills.catalog import Catalog
from fitscore.textcodec import decode

__all__ = ["NO_COMPANY", "DraftResult", "draft_posting"]

NO_COMPANY = "no company name found in the text; add `company:` to the draft"

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CLOSING_TAG = re.compile(r"</(?:div|p|ul|ol|li|h[1-6]|span|section|article|table|main)>", re.I)


@dataclass(frozen=True, slots=True)
class DraftResult:
    """A draft and what a person should know about it."""

    text: str  # the posting YAML
    notes: tuple[str, ...]  # what was guessed, left out or not found, in the data's terms
    has_requirements: bool  # an item, a degree, publications, or a requirement sentence read
    title: str
    company: str | None


@dataclass
class _Source:
    blocks: list[Block]
    text: str
    data: JobPostingData | None
    notes: list[str]
    page_company: str | None = None
    page_title: str | None = None


def draft_posting(
    raw: bytes,
    name: str,
    catalog: Catalog,
    *,
    title: str | None = None,
    company: str | None = None,
) -> DraftResult:
    """Read a raw posting into a posting draft. Every value is fitted to the posting schema's
    limits (with a note), so the draft is valid by construction; a draft that still fails the
    schema is a bug in fitscore."""
    source = _read(raw, name)
    notes = list(source.notes)
    reading = Reader(catalog).read(_within_limit(clauses(_first_blocks(source.blocks)), notes))
    _add_structured_degree(reading, source.data)
    fallback = not reading.items and reading.degree is None and reading.publications is None
    if fallback:
        _fallback(reading, catalog, notes)
    data = source.data or JobPostingData()
    found_title = title or data.title or find_title(source.blocks, source.text)
    if found_title is None:
        found_title = title_from_name(name)
        notes.append(f"no job title found in the text; the file's name was used: '{found_title}'")
    found_company = (
        company
        or data.company
        or source.page_company
        or company_in_page_title(source.page_title, found_title)
        or (find_company(source.blocks, source.text, found_title) or "")[:NAME_MAX_CHARS]
    )
    if not found_company:
        notes.append(NO_COMPANY)
    has_requirements = bool(reading.items or reading.degree or reading.publications)
    unnamed: tuple[str, ...] = ()
    if not has_requirements and reading.unnamed:
        # Requirements were read, but none names a skill: they go into the draft as comments
        # for a person to turn into items, and the draft does not count as empty.
        unnamed = tuple(f'{clause.section}: "{clause.text}"' for clause in reading.unnamed[:10])
        notes.append(
            f"{len(reading.unnamed)} requirement sentence(s) name no skill from the catalogue; "
            "they are quoted in the draft's comments: add them as items by hand"
        )
        has_requirements = True
    if not has_requirements:
        notes.append(
            "no requirement found: no requirements heading, no sentence with a requirement cue "
            "(must, required, experience with, a plus, ...) and no skill from the catalogue"
        )
    location = data.location or find_location(source.blocks, fit_name(found_title))
    if location and not title and found_title.endswith(f"({location})"):
        found_title = found_title[: -len(location) - 2].strip()  # "Intern 2026 (USA)"
    document = _document(name, found_title, found_company, location, data, reading, unnamed)
    rules = parsing_rules()
    fitter = Fitter(rules.max_draft_items, rules.max_degree_fields, rules.max_themes)
    document = fitter.document(document)  # every value within the schema's limits
    notes.extend(fitter.notes)
    text = to_yaml(document)
    _check(text, catalog)
    return DraftResult(text, tuple(notes), has_requirements, document.title, document.company)


def _first_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks of the first few times the text budget: no posting is longer."""
    limit = parsing_rules().max_text_chars * 4
    total = 0
    for index, block in enumerate(blocks):
        total += len(block.text)
        if total > limit:
            return blocks[: index + 1]
    return blocks


def _within_limit(found: list[Clause], notes: list[str]) -> list[Clause]:
    """Requirement clauses first: the budget of text read goes to them, then to the rest."""
    limit = parsing_rules().max_text_chars
    if sum(len(clause.text) for clause in found) <= limit:
        return found
    notes.append(f"the text is long: only {limit:,} of its characters were read")
    kept: dict[int, Clause] = {}
    total = 0
    for wanted in ((REQUIRED, "preferred"), (NEUTRAL, IGNORED)):
        for index, clause in enumerate(found):
            if clause.section in wanted and total < limit:
                kept[index] = Clause(clause.text[: limit - total], clause.section)
                total += len(kept[index].text)
    return [kept[index] for index in sorted(kept)]


def _read(raw: bytes, name: str) -> _Source:
    from fitscore.drafting.markdown import looks_like_markdown, markdown_blocks
    from fitscore.drafting.text import text_blocks

    decoded = decode(raw, name)
    text = decoded.text.replace("\x00", "")
    if _looks_like_html(text, name):
        source = _read_html(text)
        if decoded.note:
            source.notes.insert(0, decoded.note)
        return source
    notes = [decoded.note] if decoded.note else []
    limit = parsing_rules().max_text_chars * 2  # markup and blank space besides the text
    if len(text) > limit:
        text = text[:limit]
        notes.append(f"the file is long: only its first {limit:,} characters were read")
    if looks_like_markdown(text, name):
        return _Source(markdown_blocks(text), text, None, notes)
    return _Source(text_blocks(text), text, None, notes)


def _looks_like_html(text: str, name: str) -> bool:
    if Path(name).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text):
        return True
    return head.startswith("<") and _CLOSING_TAG.search(text[:100_000]) is not None


def _read_html(html: str) -> _Source:
    from fitscore.drafting.html import html_blocks, read_page
    from fitscore.drafting.text import text_blocks

    structured = read_structured(html)
    notes = list(structured.notes)
    page = read_page(html)
    visible, page_company, page_title = page.blocks, page.site_name, page.title
    data = structured.posting
    visible_text = "\n".join(block.text for block in visible)
    if data is None or has_requirement_heading(visible):
        return _Source(visible, visible_text, data, notes, page_company, page_title)
    description = data.description
    blocks = html_blocks(description) if "<" in description else text_blocks(description)
    for heading, body in data.sections:
        blocks.append(Block("heading", heading))
        blocks.extend(html_blocks(body) if "<" in body else [Block("text", body)])
    if not blocks:
        notes.append("the page's JobPosting data holds no description; its visible text was read")
        return _Source(visible, visible_text, data, notes, page_company, page_title)
    shown = "\n".join(block.text for block in blocks)
    return _Source(blocks, shown, data, notes, page_company, page_title)


def _add_structured_degree(reading: Reading, data: JobPostingData | None) -> None:
    if reading.degree is not None or data is None:
        return
    for phrase in data.education:
        found = read_degree(phrase)
        if found is not None:
            reading.degree = (found[0], phrase, REQUIRED)
            reading.equivalent_experience = data.experience_in_place_of_education
            return


def _fallback(reading: Reading, catalog: Catalog, notes: list[str]) -> None:
    """No requirements section and no cue: the skills named outside ignored sections."""
    section = parsing_rules().fallback_section
    reader = Reader(catalog)
    for clause in reading.loose:
        for piece in reader.pieces(clause):
            reader.requirement(piece, section)
    if reader.reading.items:
        reading.items.extend(reader.reading.items)
        reading.big_data = reading.big_data or reader.reading.big_data
        notes.append(
            f"no requirements section found: the {len(reader.reading.items)} skill item(s) named "
            f"in the text were put under {section}; check each one"
        )


def _document(
    name: str,
    title: str,
    company: str | None,
    location: str | None,
    data: JobPostingData,
    reading: Reading,
    unnamed: tuple[str, ...] = (),
) -> DraftDocument:
    def section(name: str) -> tuple[SourcedItem, ...]:
        return tuple(
            SourcedItem(item.value, item.source) for item in reading.items if item.section == name
        )

    degree_notes = []
    if reading.equivalent_experience:
        degree_notes.append("equivalent experience may stand in for this degree")
    return DraftDocument(
        source_name=Path(name).name if name != "-" else name,
        title=title,
        company=company,
        location=location,
        url=data.url,
        themes=tuple(reading.themes),
        required=section(REQUIRED),
        preferred=section("preferred"),
        degree=reading.degree[0] if reading.degree else None,
        degree_source=reading.degree[1] if reading.degree else "",
        degree_notes=tuple(degree_notes),
        publications=reading.publications,
        big_data=reading.big_data,
        header_notes=(
            ("Requirements read but naming no catalogue skill:", *unnamed) if unnamed else ()
        ),
    )


def _check(text: str, catalog: Catalog) -> None:
    """The draft must be a valid posting before anyone sees it."""
    from fitscore.loading import to_model
    from fitscore.models import Posting
    from fitscore.yamlsource import parse_bytes

    document = parse_bytes(text.encode("utf-8"), "<draft>")
    posting, problems = to_model(document, Posting, {"categories": frozenset(catalog.categories)})
    if posting is None:
        detail = "; ".join(f"{p.location()}: {p.message}" for p in problems[:3])
        raise FitscoreError(f"the parsed draft is not a valid posting (a bug): {detail}")
