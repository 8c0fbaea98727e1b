"""Output formats: each is a pure function from a report to text; the enums drive ``--format``.

- ``records``: json, jsonl, csv and tsv of any list of records (rank and gaps share it);
- ``score``, ``rank``, ``validation``: the formats of each report, and the rich renderables
  drawn on a terminal;
- ``plain``: a renderable as plain text, and the widths used off a terminal;
- ``batch``: the rows of ``fitscore batch`` (jsonl, csv, parquet); ``parquet``: any records as
  Parquet, through pyarrow (imported only there).

The enums live here, apart from the formatters, so the command line can offer the choices
without importing every formatter. A format that ``draws_table`` is drawn with colour when the
output is a terminal, and as plain text otherwise; formatters themselves never look at a
terminal. :func:`render` and :func:`renderable` find the formatter for any report.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from fitscore.reports import (
        BatchReport,
        CategoryList,
        DemandReport,
        RankReport,
        ScoreReport,
        ValidationReport,
    )

    Report = ScoreReport | RankReport | DemandReport | ValidationReport | CategoryList | BatchReport


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
    PARQUET = "parquet"

    @property
    def draws_table(self) -> bool:
        return self is ListFormat.TABLE

    @property
    def is_binary(self) -> bool:
        """Bytes, not text: written to a file (or a pipe), never to a terminal."""
        return self is ListFormat.PARQUET

    @classmethod
    def default(cls, terminal: bool) -> ListFormat:
        return cls.TABLE if terminal else cls.TSV


class BatchFormat(StrEnum):
    """Formats of the rows of ``fitscore batch``."""

    PARQUET = "parquet"
    JSONL = "jsonl"
    CSV = "csv"

    @property
    def draws_table(self) -> bool:
        return False

    @property
    def is_binary(self) -> bool:
        return self is BatchFormat.PARQUET

    @classmethod
    def for_output(cls, chosen: BatchFormat | None, output: str | None) -> BatchFormat:
        """The format asked for, else the one the output file's suffix names, else jsonl."""
        if chosen is not None:
            return chosen
        suffix = PurePath(output).suffix.lstrip(".").lower() if output else ""
        return cls(suffix) if suffix in {member.value for member in cls} else cls.JSONL


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


Format = ValidateFormat | ScoreFormat | ListFormat | CatalogFormat | BatchFormat


def render(report: Report, output_format: Format, header: bool | None = None) -> str:
    """The text of ``report`` in ``output_format``; ``header`` overrides csv's and tsv's."""
    from fitscore.reports import ScoreReport  # first: the other kinds load only when needed

    if isinstance(report, ScoreReport):
        from fitscore.formats import score

        return score.FORMATTERS[ScoreFormat(output_format)](report)
    from fitscore.reports import BatchReport, CategoryList, DemandReport, RankReport

    if isinstance(report, BatchReport):
        from fitscore.formats import batch

        return batch.render(report, BatchFormat(output_format))
    if isinstance(report, CategoryList):
        from fitscore.formats import catalog, plain

        if output_format is CatalogFormat.TABLE:
            return plain.plain_text(catalog.categories_renderable(report), plain.LIST_WIDTH)
        return catalog.categories_text(report)
    if isinstance(report, RankReport | DemandReport):
        from fitscore.formats import rank

        return rank.render(report, ListFormat(output_format), header)
    from fitscore.formats import validation

    return validation.FORMATTERS[ValidateFormat(output_format)](report)


def render_bytes(report: Report, output_format: ListFormat | BatchFormat) -> bytes:
    """The bytes of ``report`` in a binary format (Parquet)."""
    from fitscore.reports import BatchReport, DemandReport, RankReport

    if isinstance(report, BatchReport):
        from fitscore.formats import batch

        return batch.parquet(report)
    if isinstance(report, RankReport | DemandReport):
        from fitscore.formats import rank

        return rank.parquet(report)
    raise TypeError(f"no {output_format} for {type(report).__name__}")


def renderable(report: Report, width: int | None = None) -> RenderableType:
    """What a terminal of ``width`` columns shows of ``report`` for a format that
    ``draws_table`` (None: the width of a plain-text table)."""
    from fitscore.reports import ScoreReport

    if isinstance(report, ScoreReport):
        from fitscore.formats import score

        return score.as_renderable(report)
    from fitscore.reports import CategoryList, DemandReport, RankReport

    if isinstance(report, CategoryList):
        from fitscore.formats import catalog

        return catalog.categories_renderable(report)
    from fitscore.formats import rank

    if isinstance(report, RankReport | DemandReport):
        from fitscore.formats.plain import LIST_WIDTH

        return rank.renderable_of(report, width or LIST_WIDTH)
    raise TypeError(f"no table for {type(report).__name__}")
