"""Records as json, jsonl, csv or tsv: one writer for every list of results.

A record is a mapping of column to value. json and jsonl keep the values' types; csv and tsv
write each value as text (``None`` as an empty cell). tsv has no quoting: tabs and line
breaks inside a value become spaces, so every line is one record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from enum import StrEnum

Record = Mapping[str, object]


class RecordFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


def write_records(
    records: Sequence[Record],
    output_format: RecordFormat,
    columns: Sequence[str],
    *,
    header: bool | None = None,
) -> str:
    """``records`` in ``output_format``; csv has a header row unless ``header`` is False,
    tsv only when it is True."""
    if output_format is RecordFormat.JSON:
        return json.dumps([dict(record) for record in records], indent=2, ensure_ascii=False) + "\n"
    if output_format is RecordFormat.JSONL:
        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one a record
        return "".join(encode(dict(record)) + "\n" for record in records)
    rows = [[_cell(record.get(column)) for column in columns] for record in records]
    if output_format is RecordFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header is not False:
            writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    lines = ["\t".join(columns)] if header else []
    lines.extend("\t".join(" ".join(cell.split()) for cell in row) for row in rows)
    return "".join(line + "\n" for line in lines)


def _cell(value: object) -> str:
    return "" if value is None else str(value)
