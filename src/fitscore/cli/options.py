"""The command line's arguments and options, declared once (``Annotated`` types).

Every option names its value (``metavar``) and says its choices and default in its help;
values are converted by the converters of ``cli.help``, so errors are in fitscore's words.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

import typer

from fitscore.cli.help import OptionError, choice, number, whole_number
from fitscore.formats import ListFormat, ScoreFormat, ValidateFormat
from fitscore.sources import DEFAULT_LIMITS
from fitscore.vocabulary import FileKind

MAX_BYTES = DEFAULT_LIMITS.max_bytes
# Far beyond any posting or profile, and small enough that no buffer of it is ever a problem.
MOST_BYTES = 1 << 30
MOST_JOBS = 256


def parse_date(value: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise OptionError(
            f"--today (or $FITSCORE_TODAY) must be a date like 2026-11-30; got '{value}'"
        ) from None


def _choices(kind: type[StrEnum]) -> str:
    names = [member.value for member in kind]
    return ", ".join(names[:-1]) + " or " + names[-1]


def format_option(kind: type[StrEnum], default: str) -> Any:
    """The ``--format``/``-f`` option of a command: its choices, then ``default`` (what is
    used without it) in brackets."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice("--format", kind),
        help=f"{_choices(kind)} ({default}).",
    )


# -- arguments --------------------------------------------------------------------------------
ProfilePath = Annotated[str, typer.Argument(help="Profile YAML file.", metavar="PROFILE")]
PostingPaths = Annotated[
    list[str],
    typer.Argument(
        help="Posting files or folders; - reads paths from standard input.", metavar="PATH..."
    ),
]

# -- formats ----------------------------------------------------------------------------------
ListFormatChoice = Annotated[
    ListFormat | None, format_option(ListFormat, "default: table on a terminal, else tsv")
]
ScoreFormatChoice = Annotated[
    ScoreFormat | None, format_option(ScoreFormat, "default: table on a terminal, else text")
]
ValidateFormatChoice = Annotated[ValidateFormat, format_option(ValidateFormat, "default: text")]
KindChoice = Annotated[
    FileKind | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        parser=choice("--kind", FileKind),
        help="profile or posting: treat every file as this kind instead of detecting it.",
    ),
]

# -- numbers ----------------------------------------------------------------------------------
MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        metavar="N",
        parser=whole_number("--max-bytes", 1, MOST_BYTES),
        help=f"Refuse input files larger than N bytes (default: {MAX_BYTES:,}).",
    ),
]
Top = Annotated[
    int | None,
    typer.Option("--top", metavar="N", parser=whole_number("--top"), help="Show only the first N."),
]
MinScore = Annotated[
    float | None,
    typer.Option(
        "--min-score",
        metavar="N",
        parser=number("--min-score", 0, 100),
        help="Show only postings scoring N (0-100) or more.",
    ),
]
FailUnder = Annotated[
    float | None,
    typer.Option(
        "--fail-under",
        metavar="N",
        parser=number("--fail-under", 0, 100),
        help="Exit 1 when the score is below N (0-100).",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        parser=whole_number("--jobs", 1, MOST_JOBS),
        help="Worker processes (default: one per CPU for thousands of postings, else 1).",
    ),
]

# -- the rest ---------------------------------------------------------------------------------
Catalogs = Annotated[
    list[str] | None,
    typer.Option(
        "--catalog",
        metavar="FILE",
        help="A user skill catalogue to add (repeatable). Default: $FITSCORE_CATALOG, "
        "else ~/.config/fitscore/catalog.yaml when it exists.",
    ),
]
NullSeparated = Annotated[
    bool, typer.Option("-0", "--null", help="Paths on standard input are NUL-separated.")
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
Strict = Annotated[
    bool, typer.Option("--strict", help="Stop at the first file that cannot be scored.")
]
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
        raise OptionError(f"--save must end in .html, .htm, .svg or .txt; got '{value}'")
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
