"""Formats of a ranking and of a skill-demand roll-up: json, jsonl, csv, tsv and rich tables."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from fitscore.formats import ListFormat
from fitscore.formats.plain import LIST_WIDTH, plain_text
from fitscore.formats.records import RecordFormat, write_records
from fitscore.formats.score import BAND_STYLES, bar
from fitscore.reports import DemandReport, RankEntry, RankReport

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
DEMAND_COLUMNS = (
    "skill",
    "postings",
    "required_in",
    "points",
    "average_points",
    "example",
    "options",
)
# Column types of the Parquet form (formats.parquet).
COLUMN_TYPES = {
    "rank": "int",
    "score": "float",
    "required_met": "int",
    "required_total": "int",
    "postings": "int",
    "required_in": "int",
    "points": "float",
    "average_points": "float",
}


def render(
    report: RankReport | DemandReport, output_format: ListFormat, header: bool | None = None
) -> str:
    """Text of ``report`` in ``output_format``; ``header`` overrides csv's and tsv's default."""
    if output_format is ListFormat.TABLE:
        return plain_text(renderable_of(report), LIST_WIDTH)
    if output_format is ListFormat.PARQUET:
        raise ValueError("parquet is binary: use parquet()")
    chosen = RecordFormat(output_format.value)
    if isinstance(report, DemandReport):
        records = [row.to_dict() for row in report.rows]
        return write_records(records, chosen, DEMAND_COLUMNS, header=header)
    if chosen in (RecordFormat.JSON, RecordFormat.JSONL):
        return write_records([e.to_dict() for e in report.entries], chosen, (), header=header)
    rows = [{"rank": n, **e.to_dict()} for n, e in enumerate(report.entries, 1)]
    return write_records(rows, chosen, COLUMNS, header=header)


def parquet(report: RankReport | DemandReport) -> bytes:
    """``report`` as a Parquet file: the csv columns, typed."""
    from fitscore.formats.parquet import parquet_bytes

    columns: tuple[str, ...]
    if isinstance(report, DemandReport):
        records = [row.to_dict() for row in report.rows]
        columns = DEMAND_COLUMNS
    else:
        records = [{"rank": n, **e.to_dict()} for n, e in enumerate(report.entries, 1)]
        columns = COLUMNS
    return parquet_bytes(records, [(name, COLUMN_TYPES.get(name, "string")) for name in columns])


def stream_lines(
    entries: Iterable[RankEntry], output_format: ListFormat, header: bool | None = None
) -> Iterator[str]:
    """jsonl, csv or tsv of ``entries`` one line at a time, as they come (``rank --stream``);
    ``rank`` counts the lines written."""
    chosen = RecordFormat(output_format.value)
    columns = () if chosen is RecordFormat.JSONL else COLUMNS
    if chosen is not RecordFormat.JSONL and (
        header or (header is None and chosen is RecordFormat.CSV)
    ):
        yield write_records([], chosen, columns, header=True)
    for position, entry in enumerate(entries, 1):
        record = entry.to_dict() if not columns else {"rank": position, **entry.to_dict()}
        yield write_records([record], chosen, columns, header=False)


def renderable_of(report: RankReport | DemandReport, width: int = LIST_WIDTH) -> RenderableType:
    if isinstance(report, DemandReport):
        return demand_renderable(report)
    return as_renderable(report, width)


# Columns a ranking shows by the width it has: every line one posting, numbers never wrap;
# what does not fit is left out (bar, top gap) or cut with an ellipsis (title, company).
REQUIRED_FROM = 96
BAR_AND_GAP_FROM = 120


def as_renderable(report: RankReport, width: int = LIST_WIDTH) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    wide, medium = width >= BAR_AND_GAP_FROM, width >= REQUIRED_FROM
    count = len(report.entries)
    numbers = [
        ("#", max(1, len(str(count)))),
        ("score", 5),
        *([("", 10)] if wide else []),
        ("band", 9),
        *([("required", 8)] if medium else []),
    ]
    words = [("title", 3), ("company", 2), *([("top gap", 3)] if wide else [])]
    # Each column costs its width plus 3 (a border and two spaces of padding); one more border.
    left = width - 1 - sum(size + 3 for _, size in numbers) - 3 * len(words)
    shares = sum(weight for _, weight in words)
    sizes = {name: max(6, left * weight // shares) for name, weight in words}
    table = Table(title=f"{count} postings, best first", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    if wide:
        table.add_column("", no_wrap=True, width=10)
    table.add_column("band", no_wrap=True, width=9)
    for name, _ in words[:2]:
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=sizes[name])
    if medium:
        table.add_column("required", justify="right", no_wrap=True)
    if wide:
        table.add_column("top gap", no_wrap=True, overflow="ellipsis", max_width=sizes["top gap"])
    for position, entry in enumerate(report.entries, 1):
        style = BAND_STYLES.get(entry.band, "")
        cells: list[str | Text] = [str(position), Text(f"{entry.score:.1f}", style=style)]
        if wide:
            cells.append(Text(bar(entry.score / 100, 10), style=style))
        cells += [Text(entry.band, style=style), Text(entry.title), Text(entry.company or "")]
        if medium:
            cells.append(f"{entry.required_met}/{entry.required_total}")
        if wide:
            gap = f"+{entry.top_gap_points:.1f} {entry.top_gap}" if entry.top_gap else ""
            cells.append(Text(gap))
        table.add_row(*cells)
    return table


def demand_renderable(report: DemandReport) -> RenderableType:
    """The roll-up as a table. "points" is what a skill would add to the scores of all the
    postings that ask for it, "per posting" its average; "would do" lists the skills that
    satisfy a choice or a category."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title="Skills to learn next: what the postings ask and you miss", title_justify="left"
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("skill", ratio=3)
    table.add_column("postings", justify="right", no_wrap=True)
    table.add_column("required in", justify="right", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("per posting", justify="right", no_wrap=True)
    table.add_column("would do", ratio=2)
    for position, row in enumerate(report.rows, 1):
        table.add_row(
            str(position),
            Text(row.skill, style="bold"),
            str(row.postings),
            str(row.required_in),
            f"+{row.points:.1f}",
            f"+{row.average_points:.1f}",
            Text(", ".join(row.options)),
        )
    explanation = Text(
        "points: what learning it would add to your scores, summed over the postings that ask "
        "for it; per posting: the average for one of them.",
        style="dim",
    )
    return Group(table, explanation)
