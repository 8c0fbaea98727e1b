"""Formats of catalogue answers: plain lines, stable for scripts."""

from __future__ import annotations

from fitscore.reports import CategoryList, SkillDescription


def categories_text(report: CategoryList) -> str:
    """One ``name<TAB>members<TAB>label`` line per category."""
    return "".join(f"{c.name}\t{c.members}\t{c.label}\n" for c in report.categories)


def description_text(report: SkillDescription) -> str:
    """``label: value`` lines about one skill (empty for a term the catalogue lacks)."""
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
    return "".join(f"{label}: {value}\n" for label, value in rows)
