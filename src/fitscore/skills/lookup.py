"""Questions about the catalogue itself: what a term means, which categories exist."""

from __future__ import annotations

from fitscore.reports import CategoryCount, CategoryDescription, CategoryList, SkillDescription
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Resolver


def describe(catalog: Catalog, term: str) -> SkillDescription:
    """The skill ``term`` resolves to, with its aliases, categories, family and implications."""
    resolution = Resolver(catalog).resolve(term)
    if resolution.skill is None:
        return SkillDescription(term, None)
    info = catalog.skills[resolution.skill]
    return SkillDescription(
        term,
        info.name,
        resolution.typo,
        tuple(info.aliases),
        tuple(sorted(catalog.categories_of(info.name))),
        info.family,
        tuple(sorted(catalog.closure[info.name] - {info.name}, key=str.casefold)),
    )


def describe_category(catalog: Catalog, term: str) -> CategoryDescription | None:
    """The category ``term`` names (its id, as a posting writes it, or its label), if any."""
    wanted = term.strip().casefold().replace(" ", "_").replace("-", "_")
    for name, label in catalog.categories.items():
        if wanted in (name.casefold(), label.casefold().replace(" ", "_").replace("-", "_")):
            return CategoryDescription(
                name,
                label,
                catalog.category_members(name),
                tuple(catalog.category_examples.get(name, ())),
            )
    return None


def categories(catalog: Catalog) -> CategoryList:
    """Every category, with how many skills it holds."""
    return CategoryList(
        tuple(
            CategoryCount(name, len(catalog.category_members(name)), label)
            for name, label in sorted(catalog.categories.items())
        )
    )
