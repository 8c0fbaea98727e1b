"""The file formats of SPEC.md as frozen pydantic models. No I/O happens here."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

DegreeLevel = Literal["phd", "masters", "bachelors", "associate", "other"]
RequiredDegreeLevel = Literal["phd", "masters", "bachelors", "associate"]
DegreeStatus = Literal["in_progress", "completed"]
Level = Literal["beginner", "intermediate", "advanced", "expert"]
Need = Literal["required", "preferred", "none"]

DEGREE_RANK: dict[str, int] = {"other": 0, "associate": 1, "bachelors": 2, "masters": 3, "phd": 4}

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def _year_month(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str | int) else None
    if text is None:
        raise PydanticCustomError("date", "expected a year-month like 2027-06")
    match = _YEAR_MONTH.match(text)
    if not match:
        raise PydanticCustomError(
            "date", "expected a year-month like 2027-06, got '{value}'", {"value": text[:40]}
        )
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise PydanticCustomError(
            "date",
            "month {month} does not exist in '{value}' (use 01-12)",
            {"month": month, "value": text},
        )
    if not 1900 <= year <= 2100:
        raise PydanticCustomError("date", "year {year} is out of range", {"year": year})
    return f"{year:04d}-{month:02d}"


def _end_date(value: Any) -> str:
    if isinstance(value, str) and value.strip().casefold() == "present":
        return "present"
    return _year_month(value)


YearMonth = Annotated[str, BeforeValidator(_year_month, json_schema_input_type=str)]
EndDate = Annotated[str, BeforeValidator(_end_date, json_schema_input_type=str)]


class StrictModel(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        validate_default=False,
    )


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
    degree: DegreeLevel
    field: Name | None = None
    institution: Name | None = None
    status: DegreeStatus = "completed"
    expected: YearMonth | None = Field(
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
    start: YearMonth | None = None
    end: EndDate | None = Field(default=None, description='Year-month, or "present".')
    skills: tuple[SkillItem, ...] = ()
    summary: Text | None = None
    highlights: tuple[Text, ...] = ()

    @field_validator("end")
    @classmethod
    def _end_not_before_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("start")
        if end and end != "present" and start and end < start:
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
    any_of: tuple[Name, ...] | None = Field(default=None, min_length=1, max_length=100)
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
