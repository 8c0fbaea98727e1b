"""The file formats of SPEC.md as frozen pydantic models. No I/O happens here."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

DegreeLevelName = Literal["phd", "masters", "bachelors", "associate", "other"]
RequiredDegreeLevel = Literal["phd", "masters", "bachelors", "associate"]
DegreeStatus = Literal["in_progress", "completed"]
Level = Literal["beginner", "intermediate", "advanced", "expert"]
Need = Literal["required", "preferred", "none"]
PRESENT = "present"

# The limits of a file's values (`parse` and `import` write within them by construction).
TEXT_MAX_CHARS = 10_000  # a summary, a highlight, a publication's title
NAME_MAX_CHARS = 200  # a name, a title, a skill
ANY_OF_MAX_ITEMS = 100

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX_CHARS)
]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_CHARS)
]

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A calendar month, the unit of every date in a profile. Orders and prints as ``2027-06``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """``YYYY-MM`` or ``YYYY-MM-DD`` (the day is checked, then dropped).

        Raises ``ValueError`` with a message that speaks of the value.
        """
        text = text.strip()
        match = _YEAR_MONTH.match(text)
        if not match:
            raise ValueError(f"expected a year-month like 2027-06, got '{text[:40]}'")
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist in '{text}' (use 01-12)")
        if not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise ValueError(f"year {year} is out of range")
        if match.group(3) is not None:
            day = int(match.group(3))
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                raise ValueError(f"day {day} does not exist in '{text}'")
        return cls(year, month)

    @classmethod
    def of(cls, day: dt.date) -> YearMonth:
        return cls(day.year, day.month)

    def months_until(self, other: YearMonth) -> int:
        """Months from this one to ``other``, both counted (June to June is 1)."""
        return (other.year - self.year) * 12 + other.month - self.month + 1

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _year_month(value: Any) -> YearMonth:
    if isinstance(value, YearMonth):
        return value
    if isinstance(value, dt.date):
        return YearMonth.of(value)
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise PydanticCustomError("date", "expected a year-month like 2027-06")
    try:
        return YearMonth.parse(str(value))
    except ValueError as exc:
        raise PydanticCustomError("date", "{message}", {"message": str(exc)}) from None


def _end_date(value: Any) -> YearMonth | str:
    if isinstance(value, str) and value.strip().casefold() == PRESENT:
        return PRESENT
    return _year_month(value)


_AS_TEXT = PlainSerializer(str, return_type=str)
YearMonthField = Annotated[
    YearMonth,
    PlainValidator(_year_month, json_schema_input_type=str),
    _AS_TEXT,
]
EndDate = Annotated[
    YearMonth | Literal["present"],
    PlainValidator(_end_date, json_schema_input_type=str),
    _AS_TEXT,
]


class StrictModel(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        validate_default=False,
        defer_build=True,
    )

    def value_key(self) -> tuple[Any, ...]:
        """The model's values as a plain tuple: equal exactly when the models are equal, and
        a fraction of a model's size as a key kept in a memo (no ``__dict__``, no field set)."""
        return tuple(getattr(self, name) for name in type(self).model_fields)


class Skill(StrictModel):
    """A skill the candidate claims, with optional years and level."""

    name: Name
    years: float | None = Field(default=None, ge=0, le=70)
    level: Level | None = None


def _skill_from_text(value: Any) -> Any:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"name": str(value)}
    return value


SkillItem = Annotated[Skill, BeforeValidator(_skill_from_text, json_schema_input_type=str | Skill)]


class Education(StrictModel):
    degree: DegreeLevelName
    field: Name | None = None
    institution: Name | None = None
    status: DegreeStatus = "completed"
    expected: YearMonthField | None = Field(
        default=None, description="Year-month of (expected) graduation, e.g. 2027-06."
    )


class Publication(StrictModel):
    title: Text
    venue: Name | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Name | None = None


class Experience(StrictModel):
    title: Name
    org: Name | None = None
    start: YearMonthField | None = None
    end: EndDate | None = Field(default=None, description='Year-month, or "present".')
    skills: tuple[SkillItem, ...] = ()
    summary: Text | None = None
    highlights: tuple[Text, ...] = ()

    @field_validator("end")
    @classmethod
    def _end_not_before_start(
        cls, end: YearMonth | str | None, info: ValidationInfo
    ) -> YearMonth | str | None:
        start = info.data.get("start")
        if isinstance(end, YearMonth) and isinstance(start, YearMonth) and end < start:
            raise PydanticCustomError(
                "date_order",
                "ends ({end}) before it starts ({start})",
                {"end": end, "start": start},
            )
        return end

    def describe(self) -> str:
        return f"{self.title} at {self.org}" if self.org else self.title


class Project(StrictModel):
    name: Name
    skills: tuple[SkillItem, ...] = ()
    summary: Text | None = None
    url: Name | None = None
    highlights: tuple[Text, ...] = ()


class Profile(StrictModel):
    """A candidate profile (SPEC.md)."""

    name: Name
    summary: Text | None = Field(default=None, description="Free text; skills named here count.")
    education: tuple[Education, ...] = ()
    skills: tuple[SkillItem, ...] = ()
    publications: tuple[Publication, ...] = ()
    experience: tuple[Experience, ...] = ()
    projects: tuple[Project, ...] = ()


class Requirement(StrictModel):
    """One requirement item: a skill, ``any_of`` a closed list, or a catalogue ``category``."""

    skill: Name | None = None
    any_of: tuple[Name, ...] | None = Field(default=None, min_length=1, max_length=ANY_OF_MAX_ITEMS)
    category: Name | None = None
    examples: tuple[Name, ...] = ()
    label: Name | None = None

    @field_validator("category")
    @classmethod
    def _known_category(cls, category: str | None, info: ValidationInfo) -> str | None:
        known = (info.context or {}).get("categories")
        if category is not None and known is not None and category not in known:
            from difflib import get_close_matches

            close = get_close_matches(category, sorted(known), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise PydanticCustomError(
                "unknown_category",
                "unknown category '{category}'{hint}; see `fitscore catalog categories`",
                {"category": category, "hint": hint},
            )
        return category

    @model_validator(mode="after")
    def _one_form(self) -> Requirement:
        if (self.skill is None) + (self.any_of is None) + (self.category is None) == 2:
            if self.examples and self.category is None:
                raise PydanticCustomError(
                    "requirement_form", "'examples' belongs to a category item only"
                )
            return self
        forms = [
            name for name in ("skill", "any_of", "category") if getattr(self, name) is not None
        ]
        if len(forms) != 1:
            shown = " and ".join(forms) if forms else "none of them"
            raise PydanticCustomError(
                "requirement_form",
                "a requirement is exactly one of a skill, any_of or category; this one has {shown}",
                {"shown": shown},
            )
        if self.examples and self.category is None:
            raise PydanticCustomError(
                "requirement_form", "'examples' belongs to a category item only"
            )
        return self

    def text(self) -> str:
        """How the requirement reads in a report."""
        if self.label:
            return self.label
        if self.any_of is not None:
            return "one of " + ", ".join(self.any_of)
        if self.category is not None:
            shown = self.category.replace("_", " ")
            return f"{shown} (e.g. {', '.join(self.examples)})" if self.examples else shown
        return self.skill or ""


def _requirement_from_text(value: Any) -> Any:
    if type(value) is str:  # the common case first: this runs for every item of every posting
        return {"skill": value}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"skill": str(value)}
    return value


RequirementItem = Annotated[
    Requirement,
    BeforeValidator(_requirement_from_text, json_schema_input_type=str | Requirement),
]


class DegreeRequirement(StrictModel):
    level: RequiredDegreeLevel
    status: Literal["in_progress_ok", "completed"] = "completed"
    fields: tuple[Name, ...] = ()
    related_ok: bool = False


class Weights(StrictModel):
    """Per-component weights; any left out keep the default."""

    required_skills: float | None = Field(default=None, ge=0, le=1000)
    preferred_skills: float | None = Field(default=None, ge=0, le=1000)
    degree: float | None = Field(default=None, ge=0, le=1000)
    publications: float | None = Field(default=None, ge=0, le=1000)
    big_data: float | None = Field(default=None, ge=0, le=1000)

    def given(self) -> dict[str, float]:
        return {key: value for key, value in self.model_dump().items() if value is not None}


class Posting(StrictModel):
    """A job posting, parsed (SPEC.md)."""

    title: Name
    company: Name | None = None
    location: Name | None = None
    url: Name | None = None
    required: tuple[RequirementItem, ...] = ()
    preferred: tuple[RequirementItem, ...] = ()
    degree: DegreeRequirement | None = None
    publications: Need = "none"
    big_data: Need = "none"
    weights: Weights = Weights()
    themes: tuple[Name, ...] = Field(
        default=(), description="Topics the posting names; publications on them count more."
    )
