"""Output formats: each is a pure function from a report to text; the enums drive ``--format``.

- ``records``: json, jsonl, csv and tsv of any list of records (rank and gaps share it);
- ``score``, ``rank``, ``validation``: the formats of each report, and the rich renderables
  drawn on a terminal;
- ``plain``: a renderable as plain text, and the widths used off a terminal.

The enums live here, apart from the formatters, so the command line can offer the choices
without importing every formatter. A format that ``draws_table`` is drawn with colour when the
output is a terminal, and as plain text otherwise; formatters themselves never look at a
terminal. :func:`render` and :func:`renderable` find the formatter for any report.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from fitscore.reports import (
        CategoryList,
        DemandReport,
        RankReport,
        ScoreReport,
        ValidationReport,
    )

    Report = ScoreReport | RankReport | DemandReport | ValidationReport | CategoryList


class ValidateFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"

    @property
    def draws_table(self) -> bool:
        return False


class ScoreFormat(StrEnum):
    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"

    @property
    def draws_table(self) -> bool:
        return self is ScoreFormat.TABLE

    @classmethod
    def default(cls, terminal: bool) -> ScoreFormat:
        return cls.TABLE if terminal else cls.TEXT


class ListFormat(StrEnum):
    """Formats of a list of results (``rank``, ``gaps``)."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"

    @property
    def draws_table(self) -> bool:
        return self is ListFormat.TABLE

    @classmethod
    def default(cls, terminal: bool) -> ListFormat:
        return cls.TABLE if terminal else cls.TSV


class CatalogFormat(StrEnum):
    """Formats of the catalogue's category list."""

    TABLE = "table"
    TSV = "tsv"

    @property
    def draws_table(self) -> bool:
        return self is CatalogFormat.TABLE

    @classmethod
    def default(cls, terminal: bool) -> CatalogFormat:
        return cls.TABLE if terminal else cls.TSV


Format = ValidateFormat | ScoreFormat | ListFormat | CatalogFormat


def render(report: Report, output_format: Format, header: bool | None = None) -> str:
    """The text of ``report`` in ``output_format``; ``header`` overrides csv's and tsv's."""
    from fitscore.reports import CategoryList, DemandReport, RankReport, ScoreReport

    if isinstance(report, CategoryList):
        from fitscore.formats import catalog, plain

        if output_format is CatalogFormat.TABLE:
            return plain.plain_text(catalog.categories_renderable(report), plain.LIST_WIDTH)
        return catalog.categories_text(report)
    if isinstance(report, ScoreReport):
        from fitscore.formats import score

        return score.FORMATTERS[ScoreFormat(output_format)](report)
    if isinstance(report, RankReport | DemandReport):
        from fitscore.formats import rank

        return rank.render(report, ListFormat(output_format), header)
    from fitscore.formats import validation

    return validation.FORMATTERS[ValidateFormat(output_format)](report)


def renderable(report: Report, width: int | None = None) -> RenderableType:
    """What a terminal of ``width`` columns shows of ``report`` for a format that
    ``draws_table`` (None: the width of a plain-text table)."""
    from fitscore.reports import CategoryList, DemandReport, RankReport, ScoreReport

    if isinstance(report, CategoryList):
        from fitscore.formats import catalog

        return catalog.categories_renderable(report)
    if isinstance(report, ScoreReport):
        from fitscore.formats import score

        return score.as_renderable(report)
    from fitscore.formats import rank

    if isinstance(report, RankReport | DemandReport):
        from fitscore.formats.plain import LIST_WIDTH

        return rank.renderable_of(report, width or LIST_WIDTH)
    raise TypeError(f"no table for {type(report).__name__}")
