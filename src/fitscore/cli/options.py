"""The command line's shared arguments and options, declared once (``Annotated`` types)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from fitscore.formats import ListFormat
from fitscore.sources import DEFAULT_LIMITS


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date like 2026-11-30") from None


Catalogs = Annotated[
    list[str] | None,
    typer.Option(
        "--catalog",
        metavar="FILE",
        help="A user skill catalogue to add (repeatable). Default: $FITSCORE_CATALOG, "
        "else ~/.config/fitscore/catalog.yaml when it exists.",
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse input files larger than this many bytes."),
]
MAX_BYTES = DEFAULT_LIMITS.max_bytes
ProfilePath = Annotated[str, typer.Argument(help="Profile YAML file.", metavar="PROFILE")]
PostingPaths = Annotated[
    list[str],
    typer.Argument(
        help="Posting files or folders; - reads paths from standard input.", metavar="PATH..."
    ),
]
ListFormatChoice = Annotated[
    ListFormat | None,
    typer.Option("--format", "-f", help="Output format. Default: table on a terminal, else tsv."),
]
NullSeparated = Annotated[
    bool, typer.Option("-0", "--null", help="Paths on standard input are NUL-separated.")
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes (default: one per CPU for thousands of postings, else 1).",
    ),
]
Header = Annotated[
    bool | None,
    typer.Option("--header/--no-header", help="Header row for csv (default on) and tsv (off)."),
]
WeightsFile = Annotated[
    str | None, typer.Option("--weights", metavar="FILE", help="YAML file of component weights.")
]
Today = Annotated[
    dt.date | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        envvar="FITSCORE_TODAY",
        show_envvar=False,
        parser=parse_date,
        help="Date to judge 'present' and graduation dates by "
        "(default: $FITSCORE_TODAY, else today).",
    ),
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
]
Force = Annotated[bool, typer.Option("--force", help="Let -o overwrite a file.")]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Do not read or keep results in the cache (also: FITSCORE_CACHE=off).",
    ),
]


def check_save(value: str | None) -> str | None:
    """Refuse a --save suffix before any posting is scored, not after."""
    from pathlib import Path

    from fitscore.cli.emit import SAVE_SUFFIXES

    if value is not None and Path(value).suffix.lower() not in SAVE_SUFFIXES:
        raise typer.BadParameter(f"'{value}' does not end in .html, .svg or .txt")
    return value


Save = Annotated[
    str | None,
    typer.Option(
        "--save",
        metavar="FILE",
        callback=check_save,
        help="Also keep the report: .html (a self-contained page with charts), .svg or .txt.",
    ),
]
SaveForce = Annotated[bool, typer.Option("--force", help="Let --save overwrite a file.")]
