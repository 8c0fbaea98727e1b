"""schema.org JobPosting data in a page: JSON-LD (read leniently), microdata and RDFa.

JSON-LD with small mistakes (a trailing comma, a raw newline in a string) is repaired with
json-repair; microdata and RDFa are read with extruct, imported only when the page has them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fitscore.errors import InputError
from fitscore.jsonsource import SYNTAX, parse_json

_JSON_LD_START = re.compile(
    r"<script\b[^>]{0,400}?type\s*=\s*[\"']?application/ld\+json[\"']?[^>]{0,400}>", re.IGNORECASE
)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_MICRODATA = re.compile(r"itemtype\s*=\s*[\"'][^\"']{0,200}JobPosting", re.IGNORECASE)
_RDFA = re.compile(r"typeof\s*=\s*[\"'][^\"']{0,200}JobPosting", re.IGNORECASE)
_MAX_REPAIR_CHARS = 200_000
_NOTED_PROBLEMS = 3  # unreadable blocks described one by one in the note; the rest counted
# Text fields that hold requirements, with the heading their text is read under.
_REQUIREMENT_FIELDS = (
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("experienceRequirements", "Experience requirements"),
    ("educationRequirements", "Education requirements"),
)


@dataclass(frozen=True)
class JobPostingData:
    """What a page's JobPosting says, as plain values."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    url: str | None = None
    description: str = ""  # HTML or text
    sections: tuple[tuple[str, str], ...] = ()  # (heading, text) of the requirement fields
    education: tuple[str, ...] = ()  # credential phrases, "Bachelor of Science in Physics"
    experience_in_place_of_education: bool = False


@dataclass
class StructuredResult:
    posting: JobPostingData | None = None
    notes: list[str] = field(default_factory=list)


def read_structured(html: str) -> StructuredResult:
    """The first JobPosting of the page, and notes on structured data that could not be used.

    Structured data that cannot be read (broken JSON, nesting past the limit, a number too long
    to be one, text that is not text, no object at all) never stops the parse: it is named in a
    note, with its line in the page, and the page's visible text is read instead.
    """
    result = StructuredResult()
    problems: list[str] = []
    for start, end in _json_ld_blocks(html):
        document, problem = _lenient_json(html, start, end)
        if problem is not None:
            problems.append(problem)
        if document is None:
            continue
        for candidate in _walk(document):
            if _is_job_posting(candidate):
                result.posting = _from_mapping(candidate)
                break
        if result.posting is not None:
            break
    if problems and result.posting is None:
        shown = "; ".join(problems[:_NOTED_PROBLEMS])
        more = len(problems) - _NOTED_PROBLEMS
        result.notes.append(
            f"{len(problems)} JSON-LD block(s) held no usable data ({shown}"
            + (f"; and {more} more" if more > 0 else "")
            + "); the page's visible text was read instead"
        )
    if result.posting is None and (_MICRODATA.search(html) or _RDFA.search(html)):
        result.posting = _from_extruct(html, result.notes)
    return result


def _json_ld_blocks(html: str) -> Iterator[tuple[int, int]]:
    """Where the text of each JSON-LD script of the page starts and ends.

    Each search starts where the last block ended, and a script left open ends the search (no
    later one can close either), so the page is read once whatever it holds."""
    position = 0
    while (start := _JSON_LD_START.search(html, position)) is not None:
        end = _SCRIPT_END.search(html, start.end())
        if end is None:
            return
        yield start.end(), end.start()
        position = end.end()


def _lenient_json(html: str, start: int, end: int) -> tuple[Any, str | None]:
    """The JSON value of the block ``html[start:end]`` (None when hopeless) and, when it was
    not valid JSON-LD, why, at its line and column in the page.

    Small syntax mistakes (a trailing comma) are repaired; nesting past the limit, a number too
    long to convert and a lone surrogate are not, since no repair makes them data.
    """
    text = html[start:end]
    body = text.strip()
    if body.startswith("<!--"):
        body = body[4:]
    if body.endswith("-->"):
        body = body[:-3]
    body = body.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip()
    where = start + text.find(body)
    if not body:
        return None, None
    try:
        # strict=False: raw newlines in strings; a duplicate key keeps the last, as browsers do
        document = parse_json(body, "<json-ld>", strict=False, duplicate_keys=True)
    except InputError as exc:
        first = exc.problems[0]
        offset = where + _offset(body, first.line, first.column)
        problem = f"{_page_position(html, offset)}: {first.message}"
        if first.code != SYNTAX or len(body) > _MAX_REPAIR_CHARS:
            # repairing is slow on huge blocks; the visible text is read instead
            return None, problem
        return _repaired(body), problem
    if not isinstance(document, dict | list) or not document:
        return None, f"{_page_position(html, where)}: {_json_kind(document)}"
    return document, None


def _offset(text: str, line: int, column: int) -> int:
    """The offset in ``text`` of a 1-based line and column (0 for an unknown line)."""
    start = 0
    for _ in range(max(line, 1) - 1):
        newline = text.find("\n", start)
        if newline < 0:
            break
        start = newline + 1
    return start + max(column, 1) - 1


def _page_position(html: str, offset: int) -> str:
    line = html.count("\n", 0, offset) + 1
    column = offset - (html.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _repaired(body: str) -> Any:
    try:
        from json_repair import repair_json

        repaired = repair_json(body, return_objects=True)
    except Exception:  # json-repair raises plain exceptions on hopeless input
        return None
    if not isinstance(repaired, dict | list) or not repaired or _unusable(repaired):
        return None
    return repaired


def _unusable(value: Any) -> bool:
    """Would repaired data break what reads it: too deep, or holding text that is not text?"""
    try:
        parse_json(json.dumps(value), "<repaired>")
    except (InputError, ValueError, RecursionError):
        return True
    return False


def _json_kind(value: Any) -> str:
    """What a block holds that is no JSON-LD data, in JSON's words."""
    if isinstance(value, dict | list):
        return "an empty object" if isinstance(value, dict) else "an empty list"
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "true/false"
    else:
        kind = "text" if isinstance(value, str) else "a number"
    return f"{kind}, not an object"


def _walk(document: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 20:
        return
    if isinstance(document, list):
        for item in document:
            yield from _walk(item, depth + 1)
    elif isinstance(document, dict):
        yield document
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in document:
                yield from _walk(document[key], depth + 1)


def _types(value: Any) -> list[str]:
    kinds = value if isinstance(value, list) else [value]
    return [str(kind).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for kind in kinds if kind]


def _is_job_posting(candidate: dict[str, Any]) -> bool:
    return "JobPosting" in _types(candidate.get("@type") or candidate.get("type"))


def _from_extruct(html: str, notes: list[str]) -> JobPostingData | None:
    try:
        import extruct

        data = extruct.extract(html, syntaxes=["microdata", "rdfa"], uniform=True, errors="ignore")
    except Exception as exc:  # extruct wraps lxml and rdflib, whose errors vary
        notes.append(f"microdata/RDFa could not be read ({type(exc).__name__}); visible text used")
        return None
    for syntax in ("microdata", "rdfa"):
        for candidate in _walk(data.get(syntax) or []):
            if _is_job_posting(candidate):
                return _from_mapping(_unwrap_rdfa(candidate))
    return None


def _unwrap_rdfa(candidate: dict[str, Any]) -> dict[str, Any]:
    """RDFa in extruct's uniform shape keeps full IRIs and value lists: make them plain."""
    plain: dict[str, Any] = {}
    for name, value in candidate.items():
        short = name.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if "://" in name else name
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            values = [v.get("@value", v) for v in value]
            value = values[0] if len(values) == 1 else values
        plain[short] = value
    return plain


def text_of(value: Any, depth: int = 0) -> str:
    """The text of a JSON-LD value: a string, a list, or an object with a description/name."""
    if depth > 10:
        return ""
    if isinstance(value, list):
        return "\n".join(filter(None, (text_of(item, depth + 1) for item in value)))
    if isinstance(value, dict):
        if "credentialCategory" in value or "educationalLevel" in value:
            return credential(value)
        for name in ("description", "name", "@value", "value"):
            found = value.get(name)
            if isinstance(found, str):
                return found
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def credential(value: dict[str, Any]) -> str:
    """ "Bachelor of Science in Computer Science" from an EducationalOccupationalCredential."""
    kind = text_of(value.get("credentialCategory") or value.get("educationalLevel"), 1)
    about = text_of(value.get("about"), 1)
    return f"{kind} in {about}" if kind and about else kind


def _from_mapping(posting: dict[str, Any]) -> JobPostingData:
    organisation = posting.get("hiringOrganization")
    company = text_of(organisation.get("name") if isinstance(organisation, dict) else organisation)
    sections = []
    education: list[str] = []
    for name, heading in _REQUIREMENT_FIELDS:
        value = posting.get(name)
        text = text_of(value)
        if text.strip():
            sections.append((heading, text))
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and (
                "credentialCategory" in item or "educationalLevel" in item
            ):
                education.append(credential(item))
    return JobPostingData(
        title=_clean(text_of(posting.get("title") or posting.get("name"))),
        company=_clean(company),
        location=_location(posting.get("jobLocation")),
        url=_clean(text_of(posting.get("url"))) if isinstance(posting.get("url"), str) else None,
        description=_unescaped(text_of(posting.get("description"))),
        sections=tuple(sections),
        education=tuple(filter(None, education)),
        experience_in_place_of_education=posting.get("experienceInPlaceOfEducation") is True,
    )


def _unescaped(text: str) -> str:
    """A description whose HTML was escaped once more ("&lt;p&gt;") is HTML all the same."""
    import html

    return html.unescape(text) if "&lt;" in text else text


def _clean(text: str) -> str | None:
    flat = " ".join(text.split())
    return flat[:200] or None


def _location(value: Any) -> str | None:
    places = value if isinstance(value, list) else [value]
    names = []
    for place in places:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, dict):
            bits = [
                text_of(address.get(key))
                for key in ("addressLocality", "addressRegion", "addressCountry")
            ]
            names.append(", ".join(bit for bit in bits if bit))
        elif isinstance(address, str):
            names.append(address)
        elif isinstance(place, dict) and isinstance(place.get("name"), str):
            names.append(place["name"])
    return _clean("; ".join(name for name in names if name)) if any(names) else None
