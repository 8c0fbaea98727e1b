"""The catalogue file format (built-in and user extension alike), as pydantic models.

Kept apart from :mod:`fitscore.skills.catalog` so that loading the precompiled built-in
catalogue does not build these models.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints

from fitscore.models import StrictModel

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Spot = Literal["normal", "case_sensitive", "never"]


class CategoryEntry(StrictModel):
    id: Identifier
    label: Term
    examples: tuple[Term, ...] = ()


class FamilyEntry(StrictModel):
    id: Identifier
    label: Term


class SkillEntry(StrictModel):
    name: Term
    aliases: tuple[Term, ...] = ()
    categories: tuple[Identifier, ...] = ()
    family: Identifier | None = None
    implies: tuple[Term, ...] = ()
    stands_for: Identifier | None = Field(
        default=None, description="A category this skill names as a whole: any member shows it."
    )
    spot_except: tuple[Term, ...] = Field(
        default=(),
        description="Spellings never counted in free text (common words: Shell, Oracle).",
    )
    spot: Spot = Field(
        default="normal",
        description="How the skill is found in free text: normal, case_sensitive or never.",
    )
    ordinary_word: bool = Field(
        default=False,
        description=(
            "The name is also an ordinary English word (airflow, spark, swift): in free text it"
            " counts only when written as the tool (qualified, capitalised inside a sentence,"
            " or next to a related technology)."
        ),
    )


class CatalogFile(StrictModel):
    """The catalogue file format (built-in and user extension alike)."""

    model_config = ConfigDict(title="fitscore skill catalogue")

    schema_version: int = Field(default=1, ge=1, le=1, description="Always 1 for now.")
    categories: tuple[CategoryEntry, ...] = ()
    families: tuple[FamilyEntry, ...] = ()
    skills: tuple[SkillEntry, ...] = ()
