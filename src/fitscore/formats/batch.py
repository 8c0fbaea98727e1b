"""The rows of ``fitscore batch`` as jsonl, csv or Parquet: every column of the schema, always,
in the order of ``reports.BATCH_COLUMNS`` (README "Batch rows")."""

from __future__ import annotations

from fitscore.formats import BatchFormat
from fitscore.formats.records import RecordFormat, write_records
from fitscore.reports import BATCH_COLUMN_NAMES, BATCH_COLUMNS, BatchReport


def render(report: BatchReport, output_format: BatchFormat) -> str:
    """The rows as jsonl (one object a line, nulls kept) or csv (with a header row)."""
    if output_format is BatchFormat.PARQUET:
        raise ValueError("parquet is binary: use parquet()")
    records = [row.to_record() for row in report.rows]
    return write_records(records, RecordFormat(output_format.value), BATCH_COLUMN_NAMES)


def parquet(report: BatchReport) -> bytes:
    """The rows as one Parquet file with the typed schema."""
    from fitscore.formats.parquet import parquet_from_rows

    return parquet_from_rows([row.flat() for row in report.rows], BATCH_COLUMNS)
