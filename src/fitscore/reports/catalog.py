"""What the skill catalogue says about a term or a category."""

from __future__ import annotations

from dataclasses import dataclass

from fitscore.errors import EXIT_CHECK_FAILED, EXIT_OK


@dataclass(frozen=True, slots=True)
class SkillDescription:
    """What one term means in the skill catalogue (``fitscore catalog show``)."""

    term: str
    skill: str | None
    typo: bool = False
    aliases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    family: str | None = None
    implies: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.skill is not None else EXIT_CHECK_FAILED


@dataclass(frozen=True, slots=True)
class CategoryDescription:
    """A category of the catalogue and the skills that belong to it (``catalog show``)."""

    name: str
    label: str
    members: tuple[str, ...]
    examples: tuple[str, ...] = ()
    exit_code: int = EXIT_OK


@dataclass(frozen=True, slots=True)
class CategoryCount:
    name: str
    members: int
    label: str


@dataclass(frozen=True, slots=True)
class CategoryList:
    """The categories a posting can ask for (``fitscore catalog categories``)."""

    categories: tuple[CategoryCount, ...]
    exit_code: int = EXIT_OK
