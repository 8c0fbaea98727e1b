"""Formats of catalogue answers: plain lines, stable for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fitscore.reports import CategoryDescription, CategoryList, SkillDescription

if TYPE_CHECKING:
    from rich.console import RenderableType


def categories_text(report: CategoryList) -> str:
    """One ``name<TAB>members<TAB>label`` line per category."""
    return "".join(f"{c.name}\t{c.members}\t{c.label}\n" for c in report.categories)


def categories_renderable(report: CategoryList) -> RenderableType:
    """The categories as a table, for a terminal."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Categories a posting can ask for", title_justify="left")
    table.add_column("category", no_wrap=True)
    table.add_column("skills", justify="right", no_wrap=True)
    table.add_column("label")
    for category in report.categories:
        table.add_row(Text(category.name), str(category.members), Text(category.label))
    return table


def category_text(report: CategoryDescription) -> str:
    """``label: value`` lines about a category, then its members one a line."""
    rows = [
        ("category", report.name),
        ("label", report.label),
        ("examples", ", ".join(report.examples)),
        ("skills", str(len(report.members))),
    ]
    head = "".join(f"{label}: {value}\n" for label, value in rows if value)
    return head + "".join(f"  {member}\n" for member in report.members)


def description_text(report: SkillDescription) -> str:
    """``label: value`` lines about one skill (empty for a term the catalogue lacks); a field
    with nothing in it is left out."""
    if report.skill is None:
        return ""
    rows = [
        ("skill", report.skill),
        ("matched as", f"misspelling of {report.skill}" if report.typo else "name or alias"),
        ("aliases", ", ".join(report.aliases)),
        ("categories", ", ".join(report.categories)),
        ("family", report.family or ""),
        ("implies", ", ".join(report.implies)),
    ]
    return "".join(f"{label}: {value}\n" for label, value in rows if value)
