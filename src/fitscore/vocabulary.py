"""The domain's words, one meaning each. No dependencies: every layer may import this.

- :class:`FileKind`: what a file holds (a profile or a posting).
- :class:`Section`: where a requirement item sits in a posting (its JSON ``kind``).
- :class:`Component`: the five parts of a score.
- :class:`Status`: how well the profile meets one requirement.
- :class:`Source`: where in the profile a piece of evidence was found.
- :class:`FieldRelation`: a degree field against the fields a posting lists.
- :class:`DegreeLevel`: degree levels, with their order and how a report names them.
- :class:`Outcome`: what a row of a batch run holds (a scored pair or a refused input).
"""

from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    PROFILE = "profile"
    POSTING = "posting"


class Section(StrEnum):
    REQUIRED = "required"
    PREFERRED = "preferred"

    @property
    def component(self) -> Component:
        """The score component that this section's skills earn."""
        return Component.REQUIRED_SKILLS if self is Section.REQUIRED else Component.PREFERRED_SKILLS


class Component(StrEnum):
    REQUIRED_SKILLS = "required_skills"
    PREFERRED_SKILLS = "preferred_skills"
    DEGREE = "degree"
    PUBLICATIONS = "publications"
    BIG_DATA = "big_data"

    @property
    def is_skills(self) -> bool:
        return self in (Component.REQUIRED_SKILLS, Component.PREFERRED_SKILLS)


class Status(StrEnum):
    MET = "met"
    PARTIAL = "partial"
    MISSING = "missing"


class Source(StrEnum):
    """Where evidence was found, strongest first (the order ranks evidence)."""

    SKILLS = "skills"
    EXPERIENCE = "experience"
    PROJECT = "project"
    PUBLICATION = "publication"
    EDUCATION = "education"
    TEXT = "free text"

    @property
    def is_listed(self) -> bool:
        """Named in a list the candidate keeps (skills, a job's or a project's tools)."""
        return self in (Source.SKILLS, Source.EXPERIENCE, Source.PROJECT)


class FieldRelation(StrEnum):
    """How a candidate's degree field stands to the fields a posting lists."""

    EXACT = "exact"
    RELATED = "related"
    UNRELATED = "unrelated"


class DegreeLevel(StrEnum):
    """Degree levels, lowest first; ``rank`` orders them, ``display`` is how a report says it."""

    OTHER = "other"
    ASSOCIATE = "associate"
    BACHELORS = "bachelors"
    MASTERS = "masters"
    PHD = "phd"

    @property
    def rank(self) -> int:
        return _DEGREE_RANK[self]

    @property
    def display(self) -> str:
        return _DEGREE_DISPLAY[self]


def degree_rank(level: str) -> int:
    """``DegreeLevel(level).rank`` without making the member (this runs per degree compared)."""
    return _DEGREE_RANK[level]


def degree_display(level: str) -> str:
    """``DegreeLevel(level).display``, the same way."""
    return _DEGREE_DISPLAY[level]


# Keyed by the members, found by their values too (a StrEnum member hashes as its text).
_DEGREE_RANK: dict[str, int] = {level: rank for rank, level in enumerate(DegreeLevel)}
_DEGREE_DISPLAY: dict[str, str] = {
    DegreeLevel.PHD: "PhD",
    DegreeLevel.MASTERS: "master's",
    DegreeLevel.BACHELORS: "bachelor's",
    DegreeLevel.ASSOCIATE: "associate",
    DegreeLevel.OTHER: "other degree",
}


class Outcome(StrEnum):
    """What a row of ``fitscore batch`` holds: a scored pair, or an input that was refused."""

    SCORED = "scored"
    PROFILE_ERROR = "profile_error"
    POSTING_ERROR = "posting_error"
