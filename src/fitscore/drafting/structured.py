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

_JSON_LD = re.compile(
    r"<script\b[^>]{0,400}?type\s*=\s*[\"']?application/ld\+json[\"']?[^>]{0,400}>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_MICRODATA = re.compile(r"itemtype\s*=\s*[\"'][^\"']{0,200}JobPosting", re.IGNORECASE)
_RDFA = re.compile(r"typeof\s*=\s*[\"'][^\"']{0,200}JobPosting", re.IGNORECASE)
_MAX_REPAIR_CHARS = 200_000
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
    """The first JobPosting of the page, and notes on structured data that could not be used."""
    result = StructuredResult()
    broken = 0
    for match in _JSON_LD.finditer(html):
        document, strict = _lenient_json(match.group(1))
        broken += not strict
        if document is None:
            continue
        for candidate in _walk(document):
            if _is_job_posting(candidate):
                result.posting = _from_mapping(candidate)
                break
        if result.posting is not None:
            break
    if broken and result.posting is None:
        result.notes.append(
            f"{broken} JSON-LD block(s) were not valid JSON and held no usable JobPosting; "
            "the page's visible text was read instead"
        )
    if result.posting is None and (_MICRODATA.search(html) or _RDFA.search(html)):
        result.posting = _from_extruct(html, result.notes)
    return result


def _lenient_json(text: str) -> tuple[Any, bool]:
    """The JSON value of a block (None when hopeless) and whether it was valid JSON."""
    body = text.strip()
    if body.startswith("<!--"):
        body = body[4:]
    if body.endswith("-->"):
        body = body[:-3]
    body = body.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip()
    if not body:
        return None, True
    try:
        return json.loads(body, strict=False), True  # strict=False: raw newlines in strings
    except (json.JSONDecodeError, RecursionError):
        pass
    if len(body) > _MAX_REPAIR_CHARS:
        return None, False  # repairing is slow on huge blocks; the visible text is read instead
    try:
        from json_repair import repair_json

        repaired = repair_json(body, return_objects=True)
    except Exception:  # json-repair raises plain exceptions on hopeless input
        return None, False
    return (repaired if isinstance(repaired, dict | list) and repaired else None), False


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
