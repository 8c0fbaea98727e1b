"""Import a JSON Resume (https://jsonresume.org/schema, v1.0.0) as a fitscore profile.

A JSON Resume describes a whole CV; a profile holds only what a posting can be scored
against. The import is therefore lossy by design, and never silently so: every entry or field
that cannot be carried over is named in ``ImportResult.dropped``.

Dates: JSON Resume allows "YYYY", "YYYY-MM" and "YYYY-MM-DD"; people also write "May 2021",
"Sept '24" or "Summer 2019" (see :mod:`fitscore.importers.dates`). A profile keeps year-months.

What people write is read as they mean it: a skill group whose name is a heading ("Languages",
"Tools / Misc") becomes its keywords, with the group's level; a name that lists several skills
("C/C++", "Selenium, Jasmine, Mocha") becomes those skills; well-known keys that are not the
schema's ("Technical skills", "company") are read as the schema's (``data/resume_keys.yaml``) and
said so in ``ImportResult.read_as``.

Nothing here reads or writes files; the caller parses the JSON and writes the YAML.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError

from fitscore.diagnostics import error
from fitscore.errors import InputError
from fitscore.importers.dates import ResumeDate, is_ongoing, parse_date, split_span
from fitscore.importers.trim import keep_within
from fitscore.loading import error_message
from fitscore.models import (
    NAME_MAX_CHARS,
    DegreeLevelName,
    Education,
    Experience,
    Level,
    Name,
    Profile,
    Project,
    Publication,
    Skill,
    StrictModel,
)
from fitscore.rules import packaged
from fitscore.sources import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from fitscore.skills.matcher import Resolver

IMPORT_COMMENT = "# imported from JSON Resume by fitscore; check before use"

# JSON Resume's skills[].level is free text too; same key form as the degree levels of
# data/resume_keys.yaml.

# The JSON Resume fields each profile field is read from. Fields of an entry that are not
# listed here have no place in a profile and are reported as dropped.
EDUCATION_SOURCES: dict[str, str] = {
    "degree": "studyType",
    "field": "area",
    "institution": "institution",
    "expected": "endDate",
}
PUBLICATION_SOURCES: dict[str, str] = {
    "title": "name",
    "venue": "publisher",
    "year": "releaseDate",
    "url": "url",
}
EXPERIENCE_SOURCES: dict[str, str] = {
    "title": "position",
    "org": "name",
    "start": "startDate",
    "end": "endDate",
    "skills": "keywords",  # not in the v1.0.0 schema, but common, and good evidence
    "summary": "summary",
    "highlights": "highlights",
}
PROJECT_SOURCES: dict[str, str] = {
    "name": "name",
    "skills": "keywords",
    "summary": "description",
    "url": "url",
    "highlights": "highlights",
}

# Sections of a JSON Resume that a profile has no room for: the field that names an entry in
# a note, and why the entry is left out.
UNMAPPED_SECTIONS: dict[str, tuple[str, str]] = {
    "volunteer": (
        "organization",
        "volunteer work has no place in a profile; add it as experience if relevant",
    ),
    "awards": ("title", "awards are not part of a profile"),
    "certificates": (
        "name",
        "certificates are not part of a profile; add the skills they prove if relevant",
    ),
    "languages": (
        "language",
        "spoken languages are not part of a profile; add one as a skill if a posting asks for it",
    ),
    "interests": ("name", "interests are not part of a profile"),
    "references": ("name", "references are not part of a profile"),
}

MAPPED_SECTIONS = frozenset({"basics", "work", "education", "publications", "skills", "projects"})
# "$schema" only points at the JSON Resume schema; it carries nothing to lose.
IGNORED_KEYS = frozenset({"$schema"})

_PARENTHESISED = re.compile(r"\(([^()]*)\)")  # innermost only: linear on "((((..."
_PARENTHESISED_NAME = re.compile(r"([^()]+)\(([^()]+)\)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Separators of a list written in one name. A comma, semicolon or bar never belongs to a skill's
# name; a slash or "and" may ("CI/CD", "Research and Development"), so those split only when
# every part is a known skill.
_STRONG_SEPARATOR = re.compile(r"\s*[,;|]\s*")
_WEAK_SEPARATOR = re.compile(r"\s*/\s*|\s+and\s+", re.IGNORECASE)


class ResumeKeys(StrictModel):
    """``data/resume_keys.yaml``: keys people write, and the schema's key each one means."""

    sections: dict[Name, Name]
    fields: dict[Name, dict[Name, Name]]
    degree_levels: dict[Name, DegreeLevelName]
    degree_years: dict[DegreeLevelName, int]
    heading_words: frozenset[Name]
    soft_skill_groups: frozenset[Name]
    skill_levels: dict[Name, Level]
    level_shares: dict[Level, float]


SOFT_SKILL = "soft_skill"  # the catalogue's category of soft skills: never scored


@cache
def resume_keys() -> ResumeKeys:
    return packaged("resume_keys.yaml", ResumeKeys)


@cache
def _resolver() -> Resolver:
    # The catalogue is loaded only when a name must be judged, not when the module is imported.
    from fitscore.skills.catalog import builtin_catalog
    from fitscore.skills.matcher import Resolver

    return Resolver(builtin_catalog())


@dataclass(frozen=True)
class ImportResult:
    """A profile built from a JSON Resume, and notes on everything that could not be kept.

    ``read_as`` says where a key that is not the schema's own was read as one of its keys.
    """

    profile: dict[str, object]
    dropped: tuple[str, ...]
    read_as: tuple[str, ...] = ()


def from_jsonresume(
    document: object,
    *,
    today: datetime.date,
    source: str = "<json>",
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Map a parsed JSON Resume document to profile data (see the module docstring).

    ``today`` decides whether a degree is still in progress: one with no ``endDate``, or an
    ``endDate`` after ``today``, is ``in_progress``; any other is ``completed``. Malformed
    parts are reported in ``dropped`` and skipped, so the returned profile always satisfies
    ``Profile.model_validate``, and its YAML loads within ``limits`` (those of the loader by
    default; the longest lists are cut, with a note, when it would not). Only a document that
    is not an object, or has no usable ``basics.name``, raises ``InputError`` (its problem
    located in ``source``), because a profile cannot exist without a name.
    """
    if not isinstance(document, dict):
        message = f"a JSON Resume is a JSON object, not {_json_type(document)}"
        raise InputError([error(source, 1, 1, "not-an-object", message)])
    importer = _Importer(today)
    try:
        name = _profile_name(document.get("basics"))
    except ValueError as exc:
        raise InputError([error(source, 0, 0, "no-name", str(exc))]) from None
    for key, value in document.items():
        importer.read_section(str(key), value)
    profile: dict[str, object] = {"name": name}
    summary = importer.summary(name)
    if summary is not None:
        profile["summary"] = summary
    sections: dict[str, list[Any]] = {
        "education": importer.education,
        "skills": importer.skills.as_list(),
        "publications": importer.publications,
        "experience": importer.experience,
        "projects": importer.projects,
    }
    profile.update({section: entries for section, entries in sections.items() if entries})
    # What the loader would refuse is cut here, so that the written profile always loads.
    importer.dropped.extend(keep_within(profile, _profile_yaml, limits))
    return ImportResult(
        profile=profile, dropped=tuple(importer.dropped), read_as=tuple(importer.read_as)
    )


def to_yaml(result: ImportResult) -> str:
    """The profile of ``result`` as YAML text, ready to save next to the other profiles.

    Two comment lines come first: the schema hint editors use, and a reminder that the file
    was generated. Keys keep the profile order, non-ASCII text is written as is, and
    multi-line text is written as a ``|`` block so it stays readable.
    """
    return _profile_yaml(result.profile)


def _profile_yaml(profile: dict[str, object]) -> str:
    body = yaml.dump(profile, Dumper=_ProfileDumper, sort_keys=False, allow_unicode=True, width=100)
    return f"{IMPORT_COMMENT}\n{body}"


class _ProfileDumper(yaml.SafeDumper):
    """A SafeDumper that indents lists under their key, as SPEC.md and the examples do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # PyYAML puts "- item" flush with its parent key by default.
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style: str | None = None
    if "\x85" in text:
        # PyYAML writes NEL raw in plain and single-quoted text and reads it back as a line
        # break; only double quotes escape it.
        style = '"'
    elif "\n" in text:
        # A summary with line breaks is unreadable as one quoted line full of "\n".
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ProfileDumper.add_representer(str, _represent_text)


def _profile_name(basics: object) -> str:
    """The validated ``basics.name``; without one there is no profile to build (ValueError)."""
    name = basics.get("name") if isinstance(basics, dict) else None
    if name is None or (isinstance(name, str) and not name.strip()):
        raise ValueError("the JSON Resume has no basics.name")
    if not isinstance(name, str):
        raise ValueError(f"the JSON Resume's basics.name is {_json_type(name)}, not text")
    try:
        Profile.model_validate({"name": name})
    except ValidationError as exc:
        message = _first_message(exc)
        raise ValueError(f"the JSON Resume's basics.name cannot be used: {message}") from None
    return name.strip()


def _vocabulary_key(text: str) -> str:
    """Lower case, punctuation removed, single spaces: "Ph.D." -> "phd", "Master's" -> "masters"."""
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


def _written_key(text: str) -> str:
    """A key as written, comparable: "Technical skills", "technical_skills", "technicalSkills"."""
    return _vocabulary_key(_CAMEL.sub(" ", text).replace("_", " ").replace("-", " "))


def _is_heading(name: str, keywords: list[str]) -> bool:
    """Is a skills-group name a heading over its keywords rather than a skill of its own?"""
    if not keywords:
        return False
    words = re.findall(r"[^\W_]+", name.casefold())
    if words and all(word in resume_keys().heading_words for word in words):
        return True
    return not _known_skill(name)


_STARS = re.compile(r"([★⭐●■✦]+)([☆○□✧]*)")
_RATED = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:(/|of|out of)\s*(\d+(?:[.,]\d+)?)|(%))?", re.IGNORECASE
)


def skill_level_named(text: str) -> str | None:
    """The profile level a written skill level means: a word ("Advanced", "Fortgeschritten",
    "Proficient"), stars ("★★★★☆"), a rating ("4/5", "8 out of 10", "80%") or a bare number
    (out of 5, 10 or 100, whichever it fits first); None when it says none of these."""
    words = resume_keys().skill_levels.get(_vocabulary_key(text))
    if words is not None:
        return words
    stars = _STARS.fullmatch("".join(text.split()))
    if stars is not None:
        full, empty = len(stars.group(1)), len(stars.group(2))
        return _level_of(full / (full + empty) if empty else full / 5)
    rated = _RATED.fullmatch(text.strip())
    if rated is None:
        return None
    value = float(rated.group(1).replace(",", "."))
    if rated.group(3) is not None:
        scale = float(rated.group(3).replace(",", "."))
    elif rated.group(4) is not None:
        scale = 100.0
    else:
        scale = next((top for top in (5.0, 10.0, 100.0) if value <= top), 0.0)
    return _level_of(value / scale) if scale > 0 else None


def _level_of(share: float) -> str | None:
    """The level a share of the top of a scale stands for (``level_shares`` in the data)."""
    if not 0 < share <= 1:
        return None
    for level, upper in sorted(resume_keys().level_shares.items(), key=lambda item: item[1]):
        if share <= upper:
            return level
    return None


def _soft_skill(name: str) -> bool:
    """Is ``name`` a catalogue skill of the soft-skill category alone ("Communication")?"""
    if len(name) > NAME_MAX_CHARS:
        return False
    resolver = _resolver()
    skill = resolver.resolve(name).skill
    info = resolver.catalog.skills.get(skill) if skill is not None else None
    return info is not None and info.categories == {SOFT_SKILL}


def _soft_skill_group(name: str) -> bool:
    """Does a skills group's name say that it holds soft skills?"""
    return _vocabulary_key(name) in resume_keys().soft_skill_groups or _soft_skill(name)


def _known_skill(name: str) -> bool:
    """Is ``name`` a catalogue skill as written (not as a likely misspelling)?"""
    if len(name) > NAME_MAX_CHARS:
        return False  # no skill's name is that long, and fuzzy matching is slow on long text
    resolution = _resolver().resolve(name)
    return resolution.skill is not None and not resolution.typo


def _skill_identity(name: str) -> str:
    """One identity per skill: "HTML5" and "HTML" are one, unknown names by their spelling."""
    if len(name) > NAME_MAX_CHARS:
        return " ".join(name.casefold().split())
    resolution = _resolver().resolve(name)
    if resolution.skill is not None and not resolution.typo:
        return resolution.skill
    return " ".join(name.casefold().split())


_LABELLED_LIST = re.compile(r"([^:;,]{1,60}?)\s*(?::|\s[-–—]\s)\s*(\S.*)")


def split_skill_list(name: str) -> list[str]:
    """The skills a name lists ("C/C++", "Selenium, Jasmine, Mocha"), or the name itself.

    A known skill is never split ("CI/CD", "PL/SQL"). Commas, semicolons and bars always
    separate; a slash or "and" separates only when every part is a known skill.
    """
    name = " ".join(name.split())
    if _known_skill(name):
        return [name]
    labelled = _LABELLED_LIST.fullmatch(name)
    if labelled is not None and _is_heading(labelled.group(1), [labelled.group(2)]):
        # "Languages: Java, Go", "Frameworks - Flask; FastAPI": a heading and its skills.
        return split_skill_list(labelled.group(2))
    qualified = _PARENTHESISED_NAME.fullmatch(name)
    if qualified is not None:
        # "AWS (EC2, S3)", "JavaScript (ES6+)", "Languages (Python, Go)": the known skills of
        # both parts; a qualifier that names none ("ES6+") is the outer skill's detail.
        outer, inner = qualified.group(1).strip(), qualified.group(2)
        parts = [outer] if _known_skill(outer) else []
        parts += [part for part in split_skill_list(inner) if _known_skill(part)]
        if parts:
            return parts
    found: list[str] = []
    for piece in _STRONG_SEPARATOR.split(name):
        piece = piece.strip()
        if not piece:
            continue
        if _known_skill(piece):
            found.append(piece)
            continue
        parts = [part.strip() for part in _WEAK_SEPARATOR.split(piece) if part.strip()]
        if len(parts) > 1 and all(_known_skill(part) for part in parts):
            found.extend(parts)
        else:
            found.append(piece)
    return found or [name]


def _degree_level(study_type: str) -> DegreeLevelName | None:
    """The degree level a studyType names, or None when it names none that is known."""
    # "Doctor of Philosophy (PhD)" names the degree twice; either half is enough.
    candidates = [
        study_type,
        *_PARENTHESISED.findall(study_type),
        _PARENTHESISED.sub(" ", study_type),
    ]
    levels = resume_keys().degree_levels
    longest = _longest_level_words()
    for candidate in candidates:
        words = _vocabulary_key(candidate).split()
        # The level leads and the subject follows: "Master of Science", "BS Computer Science".
        # Only as many leading words as the longest level name has can name one, which keeps a
        # studyType of a million words linear.
        for length in range(min(len(words), longest), 0, -1):
            level = levels.get(" ".join(words[:length]))
            if level is not None:
                return level
    for candidate in candidates:
        # "Honours Bachelor of Science", "Integrated Masters": a level word later on, if it is
        # long enough not to be a common abbreviation.
        for word in _vocabulary_key(candidate).split()[1:]:
            if len(word) >= 4 and word in levels:
                return levels[word]
    return None


@cache
def _longest_level_words() -> int:
    return max(len(name.split()) for name in resume_keys().degree_levels)


def _json_type(value: object) -> str:
    """How a value's type reads in a note, in JSON's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: object, limit: int = 60) -> str:
    """A short quotation of a value for a note."""
    if isinstance(value, str):
        text = " ".join(value.split())
    elif isinstance(value, dict):
        text = ", ".join(" ".join(item.split()) for item in value.values() if isinstance(item, str))
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


def _brief(text: str, limit: int = 60) -> str:
    """A key or a name as a note shows it: on one line, and cut when long."""
    flat = " ".join(text.split())
    return f"{flat[: limit - 1]}…" if len(flat) > limit else flat


def _is_missing(value: object) -> bool:
    """JSON Resume writers leave empty strings, lists and objects for sections not filled in."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def _first_message(error: ValidationError) -> str:
    return error_message(error.errors(include_url=False)[0])


class _SkillList:
    """Skills in first-seen order, one per skill ("HTML5" and "HTML" are one)."""

    def __init__(self) -> None:
        self._by_key: dict[str, dict[str, str]] = {}

    def add(self, name: str, level: str | None = None) -> None:
        kept = self._by_key.setdefault(_skill_identity(name), {"name": name})
        # A later mention may know the level the first one left out; the spelling stays first.
        if level is not None and "level" not in kept:
            kept["level"] = level

    def as_list(self) -> list[str | dict[str, str]]:
        """Plain names where there is no level, as people write profiles by hand."""
        return [skill if "level" in skill else skill["name"] for skill in self._by_key.values()]


class _Importer:
    """Reads one document section by section, collecting profile parts and dropped notes."""

    def __init__(self, today: datetime.date) -> None:
        self.today = today
        self.dropped: list[str] = []
        self.read_as: list[str] = []
        self.skills = _SkillList()
        self.education: list[dict[str, object]] = []
        self.publications: list[dict[str, object]] = []
        self.experience: list[dict[str, object]] = []
        self.projects: list[dict[str, object]] = []
        self._summary: tuple[str, str] | None = None  # (text, the basics field it came from)

    def note(self, text: str) -> None:
        self.dropped.append(text)

    # --- sections -------------------------------------------------------------------------

    def read_section(self, key: str, value: object) -> None:
        """Route one top-level key of the document."""
        if key in IGNORED_KEYS:
            return
        known = MAPPED_SECTIONS | set(UNMAPPED_SECTIONS) | {"meta"}
        if key not in known:
            meant = resume_keys().sections.get(_written_key(key))
            if meant is None and _written_key(key) in known:
                meant = _written_key(key)
            if meant is not None:
                self.read_as.append(f"{_brief(key)}: read as the JSON Resume section {meant}")
                self.read_section_as(key, meant, value)
                return
        self.read_section_as(key, key, value)

    def read_section_as(self, key: str, section: str, value: object) -> None:
        """Route one top-level key, read as the schema's ``section``."""
        if section == "basics":
            self.read_basics(value)
        elif section in UNMAPPED_SECTIONS:
            self.note_unmapped_section(section, value, key)
        elif section == "meta":
            if not _is_missing(value):
                self.note("meta: JSON Resume metadata, not part of a profile")
        elif section in MAPPED_SECTIONS:
            reader = {
                "work": self.read_work,
                "education": self.read_education,
                "publications": self.read_publication,
                "skills": self.read_skill_group,
                "projects": self.read_project,
            }[section]
            for index, entry in self.entries(key, value, section):
                reader(f"{key}[{index}]", self.schema_fields(f"{key}[{index}]", entry, section))
        else:
            self.note(
                f"{_brief(key)}: not a JSON Resume v1.0.0 section nor a known other name of one; "
                "left out"
            )

    def schema_fields(self, path: str, entry: dict[str, object], section: str) -> dict[str, object]:
        """``entry`` with well-known other names of the schema's fields renamed to them."""
        aliases = resume_keys().fields.get(section, {})
        renamed: dict[str, object] = {}
        for field, value in entry.items():
            meant = aliases.get(_written_key(field))
            if meant is not None and meant not in entry and meant not in renamed:
                self.read_as.append(f"{path}.{field}: read as {meant}")
                renamed[meant] = value
            else:
                renamed[field] = value
        return renamed

    def entries(
        self, section: str, value: object, meaning: str | None = None
    ) -> list[tuple[int, dict[str, object]]]:
        """The objects of a list section, with their index; anything else is noted."""
        meaning = meaning or section
        if _is_missing(value):
            return []
        if meaning == "skills" and isinstance(value, str):
            value = [value]  # "skills": "Python, SQL, Docker"
        if meaning == "skills" and isinstance(value, dict):
            # {"Languages": ["Python", "Go"], "Tools": "Docker, Git"}: headings over keywords.
            self.read_as.append(f"{section}: an object of groups, read as groups with keywords")
            value = [
                {"name": name, "keywords": items if isinstance(items, list) else [items]}
                for name, items in value.items()
            ]
        if not isinstance(value, list):
            self.note(f"{section}: expected a list, got {_json_type(value)}; left out")
            return []
        found: list[tuple[int, dict[str, object]]] = []
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                if entry:
                    found.append((index, entry))
            elif isinstance(entry, str) and meaning in ("skills", "publications") and entry.strip():
                # A bare name (a skill, a paper's title) in place of {"name": ...} is a common
                # slip; the meaning is clear.
                found.append((index, {"name": entry}))
            elif not _is_missing(entry):
                self.note(
                    f"{section}[{index}]: expected an object, got {_json_type(entry)}; left out"
                )
        return found

    def read_basics(self, basics: object) -> None:
        if not isinstance(basics, dict):
            return  # _profile_name has already refused a document without usable basics
        summary = self.text(basics, "summary", "basics")
        label = self.text(basics, "label", "basics")
        if summary is not None:
            self._summary = (summary, "summary")
            if label is not None:
                self.note(f"basics.label {_shown(label)}: not imported; basics.summary is used")
        elif label is not None:
            self._summary = (label, "label")
        for key, value in basics.items():
            if key in {"name", "summary", "label"} or _is_missing(value):
                continue
            if key == "profiles" and isinstance(value, list):
                for index, entry in enumerate(value):
                    self.note_unmapped_entry(f"basics.profiles[{index}]", entry, "network")
            else:
                self.note(f"basics.{_brief(key)} {_shown(value)}: not part of a profile")

    def summary(self, name: str) -> str | None:
        """The profile summary, checked against the model now that the name is known."""
        if self._summary is None:
            return None
        text, source = self._summary
        checked = self.conform(
            Profile, {"name": name, "summary": text}, "basics", "basics", {"summary": source}
        )
        summary = checked.get("summary") if checked else None
        return summary if isinstance(summary, str) else None

    def note_unmapped_section(self, section: str, value: object, written: str) -> None:
        name_key, reason = UNMAPPED_SECTIONS[section]
        if _is_missing(value):
            return
        if not isinstance(value, list):
            self.note(f"{written}: {reason}")
            return
        for index, entry in enumerate(value):
            self.note_unmapped_entry(f"{written}[{index}]", entry, name_key, reason)

    def note_unmapped_entry(
        self, path: str, entry: object, name_key: str, reason: str = "not part of a profile"
    ) -> None:
        if not _is_missing(entry):
            self.note(f"{self.label(path, entry, name_key)}: {reason}")

    def read_skill_group(self, path: str, entry: dict[str, object]) -> None:
        name = self.text(entry, "name", path)
        keywords = self.strings(entry, "keywords", path)
        # A name over a list of keywords is a heading ("Languages", "Tools / Misc") unless it
        # is a skill itself ("Python" over NumPy and pandas).
        heading = name is not None and _is_heading(name, keywords)
        level = self.skill_level(entry, path, has_name=name is not None or bool(keywords))
        if name is not None and heading and level is None:
            # Skills grouped by proficiency: {"name": "Advanced", "keywords": [...]}.
            level = resume_keys().skill_levels.get(_vocabulary_key(name))
        if name is not None and keywords and _soft_skill_group(name):
            # "Soft skills", "Habilidades blandas", "Leadership": the group holds soft skills.
            self.note(
                f"{path} {_shown(name)}: soft skills (fitscore scores none); its "
                f"{len(keywords)} keyword(s) left out"
            )
            self.note_unused_fields(path, entry, {"name", "level", "keywords"}, "name")
            return
        if name is not None and heading:
            self.read_as.append(
                f"{path}.name {_shown(name)}: a heading over its keywords, not a skill; "
                "its keywords are imported" + (f" at level {level}" if level else "")
            )
        elif name is not None:
            self.add_skill(name, level, f"{path}.name")
        for index, keyword in enumerate(keywords):
            # Under a skill, the level is that skill's; under a heading, the whole group's.
            self.add_skill(keyword, level if heading else None, f"{path}.keywords[{index}]")
        self.note_unused_fields(path, entry, {"name", "level", "keywords"}, "name")

    def skill_level(self, entry: dict[str, object], path: str, *, has_name: bool) -> str | None:
        raw = entry.get("level")
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            level_text: str | None = f"{raw:g}"  # RxResume and others: 0 to 5, or 0 to 100
        else:
            level_text = self.text(entry, "level", path)
        if level_text is None:
            return None
        if not has_name:
            self.note(
                f"{path}.level {_shown(level_text)}: no skill name or keywords to attach it to"
            )
            return None
        level = skill_level_named(level_text)
        if level is None:
            self.note(
                f"{path}.level {_shown(level_text)}: unknown level, skill imported without it"
            )
        return level

    def add_skill(
        self, name: str, level: str | None, path: str, target: _SkillList | None = None
    ) -> None:
        parts = split_skill_list(name)
        if len(parts) > 1:
            self.read_as.append(f"{path} {_shown(name)}: read as {len(parts)} skills")
        for part in parts:
            if _soft_skill(part):
                self.note(f"{path} {_shown(part)}: a soft skill (fitscore scores none); left out")
                continue
            candidate = {"name": part} if level is None else {"name": part, "level": level}
            try:
                Skill.model_validate(candidate)
            except ValidationError as error:
                self.note(f"{path} {_shown(part)}: {_first_message(error)}; left out")
                continue
            (target if target is not None else self.skills).add(part, level)

    def read_education(self, path: str, entry: dict[str, object]) -> None:
        label = self.label(path, entry, "institution")
        study_type = self.text(entry, "studyType", path)
        area = self.text(entry, "area", path)
        institution = self.text(entry, "institution", path)
        if study_type is None and area is None and institution is None:
            self.note(f"{label}: no studyType, area or institution; left out")
            return
        entry = self.spans_read(path, entry)
        degree = _degree_level(study_type) if study_type is not None else None
        if degree is None and area is not None and _degree_level(area) is not None:
            # "area": "B.S. Computer Science" with no studyType names the level too.
            degree = _degree_level(area)
            self.read_as.append(f"{path}.area {_shown(area)}: the degree level read from it")
        if degree is None:
            shown = _shown(study_type) if study_type is not None else "missing"
            self.note(f"{path}.studyType {shown}: unknown degree level, imported as 'other'")
        end = self.date(entry, "endDate", path, is_end=True)
        in_progress = end is None or end.last_day > self.today
        start = self.date(entry, "startDate", path, is_end=False)
        if end is None and start is not None and not is_ongoing(entry.get("endDate")):
            # No end given, but a start long enough ago that the degree cannot still be running.
            years = resume_keys().degree_years.get(degree or "other", 0)
            if years and start.last_day.year + years < self.today.year:
                in_progress = False
                self.read_as.append(
                    f"{path}: no endDate, but started {start.year_month}, more than {years} "
                    "years ago; read as completed"
                )
        education: dict[str, object] = {"degree": degree or "other"}
        if area is not None:
            education["field"] = area
        if institution is not None:
            education["institution"] = institution
        education["status"] = "in_progress" if in_progress else "completed"
        if end is not None:
            education["expected"] = end.year_month
        kept = self.conform(Education, education, path, label, EDUCATION_SOURCES)
        if kept is not None:
            self.education.append(kept)
        used = {*EDUCATION_SOURCES.values(), "startDate"}
        self.note_unused_fields(path, entry, used, "institution")

    def read_publication(self, path: str, entry: dict[str, object]) -> None:
        label = self.label(path, entry, "name")
        title = self.text(entry, "name", path)
        if title is None:
            self.note(f"{label}: no name, so no publication title; left out")
            return
        publication: dict[str, object] = {"title": title}
        venue = self.text(entry, "publisher", path)
        if venue is not None:
            publication["venue"] = venue
        released = self.date(entry, "releaseDate", path, is_end=False)
        if released is not None:
            publication["year"] = released.last_day.year
        url = self.text(entry, "url", path)
        if url is not None:
            publication["url"] = url
        kept = self.conform(Publication, publication, path, label, PUBLICATION_SOURCES)
        if kept is not None:
            self.publications.append(kept)
        self.note_unused_fields(path, entry, set(PUBLICATION_SOURCES.values()), "name")

    def read_work(self, path: str, entry: dict[str, object]) -> None:
        label = self.label(path, entry, "name")
        title = self.text(entry, "position", path)
        if title is None:
            self.note(f"{label}: no position, so it cannot become an experience entry; left out")
            return
        experience: dict[str, object] = {"title": title}
        org = self.text(entry, "name", path)
        if org is not None:
            experience["org"] = org
        entry = self.spans_read(path, entry)
        start = self.date(entry, "startDate", path, is_end=False)
        if start is not None:
            experience["start"] = start.year_month
        if _is_missing(entry.get("endDate")) or is_ongoing(entry.get("endDate")):
            experience["end"] = "present"
        else:
            end = self.date(entry, "endDate", path, is_end=True)
            if end is not None:
                experience["end"] = end.year_month
        self.copy_common(entry, path, experience)
        kept = self.conform(Experience, experience, path, label, EXPERIENCE_SOURCES)
        if kept is not None:
            self.experience.append(kept)
        self.note_unused_fields(path, entry, set(EXPERIENCE_SOURCES.values()), "name")

    def read_project(self, path: str, entry: dict[str, object]) -> None:
        label = self.label(path, entry, "name")
        name = self.text(entry, "name", path)
        if name is None:
            self.note(f"{label}: no name; left out")
            return
        project: dict[str, object] = {"name": name}
        self.copy_common(entry, path, project, summary_key="description")
        url = self.text(entry, "url", path)
        if url is not None:
            project["url"] = url
        kept = self.conform(Project, project, path, label, PROJECT_SOURCES)
        if kept is not None:
            self.projects.append(kept)
        self.note_unused_fields(path, entry, set(PROJECT_SOURCES.values()), "name")

    def copy_common(
        self,
        entry: dict[str, object],
        path: str,
        target: dict[str, object],
        *,
        summary_key: str = "summary",
    ) -> None:
        """Skills (from keywords), summary and highlights: shared by experience and projects."""
        skills = _SkillList()
        for index, keyword in enumerate(self.strings(entry, "keywords", path)):
            self.add_skill(keyword, None, f"{path}.keywords[{index}]", skills)
        if skills_found := skills.as_list():
            target["skills"] = skills_found
        summary = self.text(entry, summary_key, path)
        if summary is not None:
            target["summary"] = summary
        if highlights := self.strings(entry, "highlights", path):
            target["highlights"] = highlights

    # --- fields ---------------------------------------------------------------------------

    def label(self, path: str, entry: object, name_key: str) -> str:
        """``path`` with the entry's own name, so a note can be found in the document."""
        name = entry.get(name_key) if isinstance(entry, dict) else None
        if isinstance(name, str) and name.strip():
            return f"{path} ({_brief(name)})"
        return path

    def text(self, entry: dict[str, object], key: str, path: str) -> str | None:
        """A text field, stripped; None when missing or blank, noted when not text."""
        value = entry.get(key)
        if _is_missing(value):
            return None
        if not isinstance(value, str):
            self.note(f"{path}.{key}: expected text, got {_json_type(value)}; left out")
            return None
        return value.strip() or None

    def strings(self, entry: dict[str, object], key: str, path: str) -> list[str]:
        """A list-of-text field; items that are not text are noted and skipped."""
        value = entry.get(key)
        if _is_missing(value):
            return []
        if isinstance(value, str):
            value = [value]  # one text where a list is expected: its items are split later
        if not isinstance(value, list):
            self.note(f"{path}.{key}: expected a list of text, got {_json_type(value)}; left out")
            return []
        found: list[str] = []
        for index, item in enumerate(value):
            named = item.get("name") if isinstance(item, dict) else None
            if isinstance(named, str) and named.strip():  # [{"name": "AWS", "level": ...}]
                self.read_as.append(f"{path}.{key}[{index}]: an object, read by its name")
                item = named
            if isinstance(item, str):
                if item.strip():
                    found.append(item.strip())
            elif not _is_missing(item):
                self.note(f"{path}.{key}[{index}]: expected text, got {_json_type(item)}; left out")
        return found

    def date(
        self, entry: dict[str, object], key: str, path: str, *, is_end: bool
    ) -> ResumeDate | None:
        """A date field; None when missing or ongoing, noted when it is not a date."""
        value = entry.get(key)
        if _is_missing(value) or (is_end and is_ongoing(value)):
            return None
        parsed = parse_date(value, is_end=is_end, today=self.today)
        if parsed is None:
            self.note(
                f"{path}.{key} {_shown(value)}: not a date (such as 2021, 2021-05 or May 2021); "
                "left out"
            )
        return parsed

    def spans_read(self, path: str, entry: dict[str, object]) -> dict[str, object]:
        """A whole span written in one date field ("May 2021 - Present") split in two."""
        for field in ("startDate", "endDate"):
            value = entry.get(field)
            span = split_span(value) if isinstance(value, str) else None
            if span is None:
                continue
            start, end = span
            self.read_as.append(f"{path}.{field} {_shown(value)}: read as a start and an end")
            other = "endDate" if field == "startDate" else "startDate"
            entry = dict(entry)
            if _is_missing(entry.get(other)):
                entry["startDate"], entry["endDate"] = start, end
            else:
                entry[field] = start if field == "startDate" else end
        return entry

    def note_unused_fields(
        self, path: str, entry: dict[str, object], used: set[str], name_key: str
    ) -> None:
        unused = [key for key, value in entry.items() if key not in used and not _is_missing(value)]
        if unused:
            label = self.label(path, entry, name_key)
            self.note(
                f"{label}: {', '.join(map(_brief, unused))} not imported (no place in a profile)"
            )

    def conform(
        self,
        model: type[BaseModel],
        entry: dict[str, object],
        path: str,
        label: str,
        sources: Mapping[str, str],
    ) -> dict[str, object] | None:
        """``entry`` without what ``model`` refuses, each refusal noted; None if it cannot stand.

        The model owns limits such as text length, year range and an end before a start, so
        they are not repeated here: whatever it refuses is taken out, one problem at a time,
        until it accepts. A refused list item goes alone; a refused required field takes the
        whole entry with it.
        """
        while True:
            try:
                model.model_validate(entry)
            except ValidationError as error:
                problem = error.errors()[0]
                message = error_message(problem)
                location = problem["loc"]
                field = str(location[0]) if location else ""
                source = f"{path}.{sources.get(field, field)}"
                value = entry.get(field)
                if field not in entry or field in _required_fields(model):
                    self.note(f"{label}: {source} {message}; entry left out")
                    return None
                if isinstance(value, list) and len(location) > 1 and isinstance(location[1], int):
                    refused = location[1]
                    item = value[refused]
                    entry[field] = [other for index, other in enumerate(value) if index != refused]
                    self.note(f"{source} {_shown(item)}: {message}; left out")
                    if not entry[field]:
                        del entry[field]
                else:
                    del entry[field]
                    self.note(f"{source} {_shown(value)}: {message}; left out")
            else:
                return entry


def _required_fields(model: type[BaseModel]) -> set[str]:
    return {name for name, field in model.model_fields.items() if field.is_required()}
