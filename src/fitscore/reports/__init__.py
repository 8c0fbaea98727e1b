"""Every result fitscore produces, as frozen values: what formatters and Python callers see.

Each report of a run (score, rank, demand, validation, parse, batch) carries its results, the
problems met on the way and the exit code SPEC.md gives it. These modules depend on the
vocabulary and the problem type only, so formatters never import the engine.

Each kind of report has its own module, loaded on first use: ``fitscore score`` never builds the
classes of ``rank``, ``validate`` or ``batch``. Import the names from here.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fitscore.reports.batch import (
        BATCH_COLUMN_NAMES,
        BATCH_COLUMNS,
        BATCH_GAPS,
        BATCH_SCHEMA_VERSION,
        BatchReport,
        BatchRow,
    )
    from fitscore.reports.catalog import (
        CategoryCount,
        CategoryDescription,
        CategoryList,
        SkillDescription,
    )
    from fitscore.reports.drafting import (
        DraftFile,
        ParseReport,
    )
    from fitscore.reports.ranking import DemandReport, DemandRow, RankReport
    from fitscore.reports.score import (
        ComponentResult,
        DemandItem,
        Gap,
        RankEntry,
        RequirementResult,
        ScoreReport,
    )
    from fitscore.reports.validation import (
        FileResult,
        ValidationReport,
    )


_HOMES = {
    "score": (
        "ComponentResult",
        "RequirementResult",
        "Gap",
        "ScoreReport",
        "RankEntry",
        "DemandItem",
    ),
    "ranking": ("DemandRow", "RankReport", "DemandReport"),
    "validation": ("FileResult", "ValidationReport"),
    "catalog": ("SkillDescription", "CategoryDescription", "CategoryCount", "CategoryList"),
    "drafting": ("DraftFile", "ParseReport"),
    "batch": (
        "BATCH_SCHEMA_VERSION",
        "BATCH_GAPS",
        "BATCH_COLUMNS",
        "BATCH_COLUMN_NAMES",
        "BatchRow",
        "BatchReport",
    ),
}
__all__ = [
    "BATCH_COLUMNS",
    "BATCH_COLUMN_NAMES",
    "BATCH_GAPS",
    "BATCH_SCHEMA_VERSION",
    "BatchReport",
    "BatchRow",
    "CategoryCount",
    "CategoryDescription",
    "CategoryList",
    "ComponentResult",
    "DemandItem",
    "DemandReport",
    "DemandRow",
    "DraftFile",
    "FileResult",
    "Gap",
    "ParseReport",
    "RankEntry",
    "RankReport",
    "RequirementResult",
    "ScoreReport",
    "SkillDescription",
    "ValidationReport",
]
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
