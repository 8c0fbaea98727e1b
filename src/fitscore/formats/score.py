"""Formats of a :class:`~fitscore.reports.ScoreReport`: text, json, markdown, and a rich table."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fitscore.formats import ScoreFormat
from fitscore.formats.plain import REPORT_WIDTH, plain_text
from fitscore.reports import ScoreReport

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

BAND_STYLES = {"excellent": "bold green", "good": "green", "fair": "yellow", "weak": "red"}
STATUS_STYLES = {"met": "green", "partial": "yellow", "missing": "red"}
STATUS_MARKS = {"met": "✔", "partial": "~", "missing": "✘"}


def as_json(report: ScoreReport) -> str:
    """SPEC.md's JSON report; key order fixed, floats already rounded by the core."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


NOTHING = ("", "—")  # what a cell holds when it has nothing to say


def bar(fraction: float, width: int = 20) -> str:
    filled = max(0, min(width, round(fraction * width)))
    return "█" * filled + "░" * (width - filled)


def _where(matched: str | None, source: str | None, similarity: float) -> str:
    if matched is None:
        return ""
    shown = f"'{matched}'"
    if source:
        shown += f" from {source}"
    if similarity < 100:
        shown += f" (similarity {similarity:g})"
    return shown


def _title_at(report: ScoreReport) -> str:
    return f"{report.title} at {report.company}" if report.company else report.title


def as_text(report: ScoreReport) -> str:
    """Plain text that reads well in a pipe or a log; no colour, stable layout."""
    lines = [
        f"score: {report.score:.1f}/100 ({report.band})",
        f"profile: {report.profile_name}"
        + (f" ({report.profile_path})" if report.profile_path else ""),
        f"posting: {_title_at(report)}"
        + (f" ({report.posting_path})" if report.posting_path else ""),
        "",
        "components:",
    ]
    for component in report.components:
        lines.append(
            f"  {component.name:<17} {component.points:5.1f} / {component.weight:5.1f}  "
            f"{component.detail}"
        )
    if report.requirements:
        lines += ["", "requirements:"]
        for item in report.requirements:
            found = _where(item.matched, item.source, item.similarity)
            lines.append(
                f"  {item.status.value:<8} {item.section:<9} {item.text}"
                + (f"  <- {found}" if found else "")
            )
    lines += ["", "gaps (points each would add):"]
    if not report.gaps:
        lines.append("  none")
    for gap in report.gaps:
        lines.append(f"  +{gap.points:4.1f}  {gap.section:<9} {gap.text}")
        lines.append(f"         {gap.suggestion}")
    if report.notes:
        lines += ["", "notes:"]
        lines.extend(f"  - {note}" for note in report.notes)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(report: ScoreReport) -> str:
    """Markdown for notes and pull requests."""
    lines = [
        f"## {_cell(_title_at(report))}: {report.score:.1f}/100 ({report.band})",
        "",
        f"Profile: **{_cell(report.profile_name)}**"
        + (f" (`{report.profile_path}`)" if report.profile_path else ""),
        "",
        "| component | points | weight | detail |",
        "| --- | ---: | ---: | --- |",
    ]
    for component in report.components:
        lines.append(
            f"| {component.name} | {component.points:.1f} | {component.weight:.1f} | "
            f"{_cell(component.detail)} |"
        )
    if report.requirements:
        lines += [
            "",
            "| status | kind | requirement | matched | source | points lost |",
            "| --- | --- | --- | --- | --- | ---: |",
        ]
        for item in report.requirements:
            lines.append(
                f"| {STATUS_MARKS[item.status.value]} {item.status.value} | {item.section} | "
                f"{_cell(item.text)} | {_cell(item.matched or '')} | {_cell(item.source or '')} | "
                f"{item.points_lost:.1f} |"
            )
    lines += ["", "### Gaps", ""]
    if not report.gaps:
        lines.append("None.")
    for gap in report.gaps:
        lines.append(
            f"- **+{gap.points:.1f}** ({gap.section}) {_cell(gap.text)}: {_cell(gap.suggestion)}"
        )
    if report.notes:
        lines += ["", "### Notes", ""]
        lines.extend(f"- {_cell(note)}" for note in report.notes)
    return "\n".join(lines) + "\n"


def as_renderable(report: ScoreReport) -> RenderableType:
    """The terminal report: panels and tables. User text is never read as rich markup."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    band_style = BAND_STYLES.get(report.band, "bold")
    headline = Text.assemble(
        (f"{report.score:5.1f}", f"bold {band_style}"),
        " / 100  ",
        (bar(report.score / 100, 30), band_style),
        "  ",
        (report.band, band_style),
    )
    header = Text.assemble(
        (report.title, "bold"),
        " at " if report.company else "",
        (report.company or "", "bold"),
        "\n",
        ("for ", "dim"),
        report.profile_name,
    )
    components = Table(title="Score breakdown", title_justify="left", expand=False)
    components.add_column("component")
    components.add_column("points", justify="right")
    components.add_column("", no_wrap=True)
    components.add_column("detail")
    for component in report.components:
        fraction = component.points / component.weight if component.weight else 0.0
        components.add_row(
            component.name.replace("_", " "),
            f"{component.points:.1f} / {component.weight:.1f}",
            Text(bar(fraction, 12), style="cyan"),
            Text(component.detail),
        )
    blocks: list[RenderableType] = [Panel(Group(header, headline), expand=False), components]
    if report.requirements:
        blocks.append(
            _table(
                "Requirements",
                [("", {}), ("kind", {}), ("requirement", {}), ("matched", {}), ("from", {})],
                [
                    [
                        Text(
                            STATUS_MARKS[item.status.value], style=STATUS_STYLES[item.status.value]
                        ),
                        Text(item.section),
                        Text(item.text),
                        Text(item.matched or "—", style=STATUS_STYLES[item.status.value]),
                        Text(item.source or ""),
                    ]
                    for item in report.requirements
                ],
            )
        )
    gap_rows = [
        [
            Text(f"+{gap.points:.1f}", style="bold"),
            Text(gap.section),
            Text(gap.text),
            Text(gap.suggestion),
        ]
        for gap in report.gaps
    ] or [[Text(""), Text(""), Text("none", style="green"), Text("")]]
    gap_columns = [("points", {"justify": "right"}), ("kind", {}), ("gap", {}), ("suggestion", {})]
    blocks.append(_table("Gaps, by the points each would add", gap_columns, gap_rows))
    if report.notes:
        blocks.append(Text("\n".join(f"• {note}" for note in report.notes), style="yellow"))
    return Group(*blocks)


def _table(title: str, columns: list[tuple[str, dict[str, Any]]], rows: list[list[Text]]) -> Table:
    """A table of ``rows`` without the columns no row fills (blanks or "—" only: such a column
    takes width from the ones that say something, which on 80 columns is most of it)."""
    from rich.table import Table

    kept = [
        index
        for index in range(len(columns))
        if any(row[index].plain not in NOTHING for row in rows)
    ]
    table = Table(title=title, title_justify="left")
    for index in kept:
        name, options = columns[index]
        table.add_column(name, **options)
    for row in rows:
        table.add_row(*(row[index] for index in kept))
    return table


def as_table(report: ScoreReport, width: int = REPORT_WIDTH) -> str:
    """The terminal report rendered without colour (for a pipe or a file)."""
    return plain_text(as_renderable(report), width)


FORMATTERS: dict[ScoreFormat, Callable[[ScoreReport], str]] = {
    ScoreFormat.TABLE: as_table,
    ScoreFormat.TEXT: as_text,
    ScoreFormat.JSON: as_json,
    ScoreFormat.MARKDOWN: as_markdown,
}
