"""Formats of a :class:`~fitscore.ranking.RankReport`: json, jsonl, csv, tsv and a rich table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from fitscore.formats import RankFormat
from fitscore.formats.plain import plain_text
from fitscore.formats.score import BAND_STYLES, bar
from fitscore.ranking import RankReport
from fitscore.reports import DemandRow, RankEntry

if TYPE_CHECKING:
    from rich.console import RenderableType

COLUMNS = (
    "rank",
    "score",
    "band",
    "required_met",
    "required_total",
    "title",
    "company",
    "top_gap",
    "path",
)


def _row(position: int, entry: RankEntry) -> list[str]:
    return [
        str(position),
        f"{entry.score:.1f}",
        entry.band,
        str(entry.required_met),
        str(entry.required_total),
        entry.title,
        entry.company or "",
        entry.top_gap or "",
        entry.path,
    ]


def as_json(report: RankReport) -> str:
    return json.dumps([e.to_dict() for e in report.entries], indent=2, ensure_ascii=False) + "\n"


def as_jsonl(report: RankReport) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in report.entries)


def as_csv(report: RankReport, header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(_row(position, e) for position, e in enumerate(report.entries, 1))
    return buffer.getvalue()


def as_tsv(report: RankReport, header: bool = False) -> str:
    """Tab-separated, one posting a line; tabs and line breaks inside a field become spaces."""
    lines = ["\t".join(COLUMNS)] if header else []
    for position, entry in enumerate(report.entries, 1):
        cells = (" ".join(cell.split()) for cell in _row(position, entry))
        lines.append("\t".join(cells))
    return "".join(line + "\n" for line in lines)


def as_renderable(report: RankReport) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(report.entries)} postings, best first", title_justify="left")
    # Numbers never wrap; the words share what width is left.
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, min_width=10)
    table.add_column("band", no_wrap=True, min_width=9)
    table.add_column("title", ratio=3)
    table.add_column("company", ratio=2)
    table.add_column("required", justify="right", no_wrap=True)
    table.add_column("top gap", ratio=3)
    for position, entry in enumerate(report.entries, 1):
        style = BAND_STYLES.get(entry.band, "")
        table.add_row(
            str(position),
            Text(f"{entry.score:.1f}", style=style),
            Text(bar(entry.score / 100, 10), style=style),
            Text(entry.band, style=style),
            Text(entry.title),
            Text(entry.company or ""),
            f"{entry.required_met}/{entry.required_total}",
            Text(f"+{entry.top_gap_points:.1f} {entry.top_gap}" if entry.top_gap else ""),
        )
    return table


def as_table(report: RankReport, width: int = 120) -> str:
    return plain_text(as_renderable(report), width)


FORMATTERS: dict[RankFormat, Callable[[RankReport], str]] = {
    RankFormat.TABLE: as_table,
    RankFormat.JSON: as_json,
    RankFormat.JSONL: as_jsonl,
    RankFormat.CSV: as_csv,
    RankFormat.TSV: as_tsv,
}


def render(report: RankReport, output_format: RankFormat, header: bool | None = None) -> str:
    """Text of ``report`` in ``output_format``; ``header`` overrides csv's and tsv's default."""
    if header is not None and output_format is RankFormat.CSV:
        return as_csv(report, header)
    if header is not None and output_format is RankFormat.TSV:
        return as_tsv(report, header)
    return FORMATTERS[output_format](report)


DEMAND_COLUMNS = ("skill", "postings", "required_in", "points", "average_points", "example")


def demand_text(
    rows: tuple[DemandRow, ...], output_format: RankFormat, header: bool | None = None
) -> str:
    """The skill-demand roll-up of ``fitscore gaps`` in one of the ``rank`` formats."""
    records = [row.to_dict() for row in rows]
    if output_format is RankFormat.JSON:
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if output_format is RankFormat.JSONL:
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if output_format is RankFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header is not False:
            writer.writerow(DEMAND_COLUMNS)
        writer.writerows([str(record[column]) for column in DEMAND_COLUMNS] for record in records)
        return buffer.getvalue()
    if output_format is RankFormat.TSV:
        lines = ["\t".join(DEMAND_COLUMNS)] if header else []
        lines += [
            "\t".join(" ".join(str(record[column]).split()) for column in DEMAND_COLUMNS)
            for record in records
        ]
        return "".join(line + "\n" for line in lines)
    return plain_text(demand_renderable(rows), 120)


def demand_renderable(rows: tuple[DemandRow, ...]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title="Skills to learn next: what the postings ask and you miss", title_justify="left"
    )
    table.add_column("#", justify="right")
    table.add_column("skill")
    table.add_column("postings", justify="right")
    table.add_column("required in", justify="right")
    table.add_column("points", justify="right")
    table.add_column("as a posting puts it")
    for position, row in enumerate(rows, 1):
        table.add_row(
            str(position),
            Text(row.skill, style="bold"),
            str(row.postings),
            str(row.required_in),
            f"+{row.points:.1f}",
            Text(row.example),
        )
    return table
