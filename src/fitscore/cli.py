"""The typer command line: options -> one core call -> a formatter -> an exit code."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from fitscore.__about__ import __version__
from fitscore.console import is_terminal
from fitscore.errors import (
    EXIT_CHECK_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    FitscoreError,
    InputError,
    OutputError,
)
from fitscore.formats import RankFormat, ScoreFormat, ValidateFormat
from fitscore.kinds import Kind
from fitscore.yamlsource import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from rich.console import RenderableType

    from fitscore.skills.catalog import Catalog

app = typer.Typer(
    name="fitscore",
    help=(
        "How well does a candidate profile fit a job posting, and what exactly is missing?\n\n"
        "Example: fitscore score profiles/me.yaml postings/acme-ml-intern.yaml"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

CatalogOption = Annotated[
    list[str] | None,
    typer.Option(
        "--catalog",
        metavar="FILE",
        help="A user skill catalogue to add (repeatable). Default: $FITSCORE_CATALOG, "
        "else ~/.config/fitscore/catalog.yaml when it exists.",
    ),
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse input files larger than this many bytes."),
]


ProfileArgument = Annotated[str, typer.Argument(help="Profile YAML file.", metavar="PROFILE")]
PostingsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Posting files or folders; - reads paths from standard input.", metavar="PATH..."
    ),
]
ListFormatOption = Annotated[
    RankFormat | None,
    typer.Option("--format", "-f", help="Output format. Default: table on a terminal, else tsv."),
]
NullOption = Annotated[
    bool, typer.Option("-0", "--null", help="Paths on standard input are NUL-separated.")
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPU count).")
]
HeaderOption = Annotated[
    bool | None,
    typer.Option("--header/--no-header", help="Header row for csv (default on) and tsv (off)."),
]
WeightsOption = Annotated[
    str | None, typer.Option("--weights", metavar="FILE", help="YAML file of component weights.")
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        help="Date to judge 'present' and graduation dates by (default: today).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fitscore {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """fitscore: a scored gap report between a profile and a job posting."""


@contextmanager
def _guard() -> Iterator[None]:
    """Turn every stop into one message on stderr and the documented exit code."""
    try:
        yield
    except FitscoreError as exc:
        _report_error(exc)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        sys.stderr.write("fitscore: interrupted\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _quiet_closed_pipe()
    except (OSError, MemoryError, RecursionError, ValueError, TypeError, LookupError) as exc:
        # A bug or an environment failure: one line, not a traceback (FITSCORE_DEBUG=1 shows it).
        if os.environ.get("FITSCORE_DEBUG"):
            raise
        sys.stderr.write(f"fitscore: internal error: {type(exc).__name__}: {exc}\n")
        raise typer.Exit(EXIT_USAGE) from None


def _report_error(exc: FitscoreError) -> None:
    if isinstance(exc, InputError) and exc.problems:
        for problem in exc.problems:
            sys.stderr.write(f"{problem.location()}: {problem.severity}: {problem.message}\n")
    else:
        sys.stderr.write(f"fitscore: error: {exc}\n")


def _quiet_closed_pipe() -> NoReturn:
    # The reader went away (`| head`): stop quietly, as other Unix tools do.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(141)


def _write(text: str) -> None:
    """The report to stdout. A closed pipe is quiet; any other failure is one clear line."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # full disk, closed descriptor
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write the output: {reason}") from exc


def _limits(max_bytes: int) -> Limits:
    return Limits(max_bytes=max_bytes)


def _catalog(extra: list[str] | None) -> Catalog:
    from fitscore.skills.catalog import load_catalog

    return load_catalog(extra or ())


@app.command()
def validate(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders to check.", metavar="PATH...")
    ],
    kind: Annotated[
        Kind | None,
        typer.Option("--kind", help="Treat every file as this kind instead of detecting it."),
    ] = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ValidateFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    catalog: CatalogOption = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """Check profile and posting files; problems as path:line:col lines.

    Example: fitscore validate profiles postings --format github
    """
    from fitscore.formats.validation import FORMATTERS
    from fitscore.validation import validate_paths

    with _guard():
        report = validate_paths(
            paths, _catalog(catalog), kind=kind, limits=_limits(max_bytes), strict=strict
        )
        _write(FORMATTERS[output_format](report))
        sys.stderr.write(report.summary() + "\n")
        from fitscore.validation import MISSING_PATH

        missing = any(p.code == MISSING_PATH for r in report.results for p in r.problems)
        if missing:
            raise typer.Exit(EXIT_USAGE)
        raise typer.Exit(EXIT_OK if report.passed else EXIT_CHECK_FAILED)


@app.command()
def score(
    profile: ProfileArgument,
    posting: Annotated[
        str, typer.Argument(help="Posting YAML file, or - for standard input.", metavar="POSTING")
    ],
    output_format: Annotated[
        ScoreFormat | None,
        typer.Option(
            "--format", "-f", help="Report format. Default: table on a terminal, else text."
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under", min=0, max=100, help="Exit 1 when the score is below N.", metavar="N"
        ),
    ] = None,
    weights: WeightsOption = None,
    save: Annotated[
        str | None,
        typer.Option(
            "--save", metavar="FILE", help="Also keep the terminal report as .svg, .html or .txt."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let --save overwrite a file.")] = False,
    today: TodayOption = None,
    catalog: CatalogOption = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """Score a profile against one posting: the gap report.

    Example: fitscore score profiles/me.yaml postings/acme.yaml --fail-under 70
    """
    from fitscore.documents import read_pair, read_weights
    from fitscore.formats.score import FORMATTERS, as_renderable
    from fitscore.scoring import Scorer

    with _guard():
        limits = _limits(max_bytes)
        skills = _catalog(catalog)
        profile_model, posting_model = read_pair(profile, posting, skills, limits)
        weight_model = read_weights(weights, limits) if weights else None
        scorer = Scorer(
            profile_model,
            catalog=skills,
            weights=weight_model,
            today=_date(today),
            profile_path=profile,
        )
        report = scorer.score(posting_model, posting_path=posting)
        chosen = output_format or (
            ScoreFormat.TABLE if is_terminal(sys.stdout) else ScoreFormat.TEXT
        )
        if chosen is ScoreFormat.TABLE and is_terminal(sys.stdout):
            from fitscore.console import make_console

            make_console().print(as_renderable(report))
        else:
            _write(FORMATTERS[chosen](report))
        if save:
            from fitscore.output import save_renderable

            save_renderable(as_renderable(report), save, force=force)
        if fail_under is not None and report.score < fail_under:
            sys.stderr.write(f"fitscore: score {report.score:.1f} is under {fail_under:g}\n")
            raise typer.Exit(EXIT_CHECK_FAILED)


def _over_postings(
    profile: str,
    paths: list[str],
    measure: str,
    *,
    null: bool,
    jobs: int | None,
    strict: bool,
    weights: str | None,
    today: str | None,
    catalog: list[str] | None,
    max_bytes: int,
) -> tuple[list[Any], int, int]:
    """Score every posting under ``paths`` with the scorer's ``measure`` method.

    Problems go to stderr as path:line:col lines; returns the results in input order, how many
    inputs could not be scored, and how many there were.
    """
    from fitscore.documents import read_profile, read_weights
    from fitscore.ranking import collect_paths, default_jobs, score_files
    from fitscore.scoring import Scorer

    limits = _limits(max_bytes)
    scorer = Scorer(
        read_profile(profile, limits),
        catalog=_catalog(catalog),
        weights=read_weights(weights, limits) if weights else None,
        today=_date(today),
        profile_path=profile,
    )
    files, missing = collect_paths(_expand_stdin(paths, null))
    for problem in missing:
        sys.stderr.write(f"{problem.location()}: error: {problem.message}\n")
    if missing and strict:
        raise typer.Exit(EXIT_CHECK_FAILED)
    with _progress(len(files)) as advance:
        results, failures, failed = score_files(
            scorer,
            files,
            getattr(scorer, measure),
            jobs=jobs or default_jobs(),
            limits=limits,
            strict=strict,
            progress=advance,
        )
    for failure in failures:
        sys.stderr.write(f"{failure.location()}: {failure.severity}: {failure.message}\n")
    return results, failed + len(missing), len(files) + len(missing)


def _emit_list(
    output_format: RankFormat | None,
    table: Callable[[], RenderableType],
    text: Callable[[RankFormat], str],
    bad: int,
    total: int,
) -> None:
    """A colour table on a terminal, else the chosen text format; exit 1 if inputs failed."""
    chosen = output_format or (RankFormat.TABLE if is_terminal(sys.stdout) else RankFormat.TSV)
    if chosen is RankFormat.TABLE and is_terminal(sys.stdout):
        from fitscore.console import make_console

        make_console().print(table())
    else:
        _write(text(chosen))
    if bad:
        sys.stderr.write(f"fitscore: {bad} of {total} inputs could not be scored\n")
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command()
def rank(
    profile: ProfileArgument,
    paths: PostingsArgument,
    output_format: ListFormatOption = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show only the best N.")] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Show only postings scoring N or more.", metavar="N"
        ),
    ] = None,
    null: NullOption = False,
    jobs: JobsOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first file that cannot be scored.")
    ] = False,
    header: HeaderOption = None,
    weights: WeightsOption = None,
    today: TodayOption = None,
    catalog: CatalogOption = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """Rank postings for a profile, best first (ties by path).

    Example: fitscore rank profiles/me.yaml postings/ --format tsv | head -5
    """
    from fitscore.formats.rank import as_renderable, render
    from fitscore.ranking import RankReport

    with _guard():
        entries, bad, total = _over_postings(
            profile,
            paths,
            "summary",
            null=null,
            jobs=jobs,
            strict=strict,
            weights=weights,
            today=today,
            catalog=catalog,
            max_bytes=max_bytes,
        )
        shown = RankReport.ranked(entries).select(top, min_score)
        _emit_list(
            output_format,
            lambda: as_renderable(shown),
            lambda chosen: render(shown, chosen, header),
            bad,
            total,
        )


@app.command()
def gaps(
    profile: ProfileArgument,
    paths: PostingsArgument,
    output_format: ListFormatOption = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show only the first N.")] = None,
    null: NullOption = False,
    jobs: JobsOption = None,
    header: HeaderOption = None,
    weights: WeightsOption = None,
    today: TodayOption = None,
    catalog: CatalogOption = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """What to learn next: the skills postings ask for that the profile lacks, by points.

    Example: fitscore gaps profiles/me.yaml postings/ --top 10
    """
    from fitscore.formats.rank import demand_renderable, demand_text
    from fitscore.reports import roll_up

    with _guard():
        found, bad, total = _over_postings(
            profile,
            paths,
            "missing_items",
            null=null,
            jobs=jobs,
            strict=False,
            weights=weights,
            today=today,
            catalog=catalog,
            max_bytes=max_bytes,
        )
        rows = roll_up(found)[:top] if top else roll_up(found)
        _emit_list(
            output_format,
            lambda: demand_renderable(rows),
            lambda chosen: demand_text(rows, chosen, header),
            bad,
            total,
        )


@app.command()
def init(
    kind: Annotated[
        Kind, typer.Option("--kind", help="What to start: a profile or a posting.")
    ] = Kind.PROFILE,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead of stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let -o overwrite a file.")] = False,
) -> None:
    """Print a commented starter profile (or posting) that validates as it is.

    Example: fitscore init -o profiles/me.yaml
    """
    from fitscore.output import write_atomic
    from fitscore.rules import starter

    with _guard():
        text = starter(kind.value)
        if output is None:
            _write(text)
        else:
            write_atomic(output, text, force=force)
            sys.stderr.write(
                f"fitscore: wrote {output}; edit it, then: fitscore validate {output}\n"
            )


def _expand_stdin(paths: list[str], null: bool) -> list[str]:
    """``-`` stands for the paths listed on standard input (one a line, or NUL-separated)."""
    expanded: list[str] = []
    for path in paths:
        if path != "-":
            expanded.append(path)
            continue
        data = sys.stdin.read()
        separator = "\0" if null else "\n"
        expanded.extend(item.rstrip("\r") if not null else item for item in data.split(separator))
    return [path for path in expanded if path]


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only when stderr is a terminal and the run is long."""
    if total < 2000 or not is_terminal(sys.stderr):
        yield None
        return
    from rich.progress import Progress

    from fitscore.console import make_console

    with Progress(console=make_console(sys.stderr), transient=True) as bar:
        task = bar.add_task("scoring", total=total)
        yield lambda done: bar.advance(task, done)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        value = os.environ.get("FITSCORE_TODAY")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date like 2026-11-30", param_hint="--today"
        ) from None


catalog_app = typer.Typer(
    help="Look into the skill catalogue: categories, and what a term resolves to.",
    no_args_is_help=True,
)
app.add_typer(catalog_app, name="catalog")


@catalog_app.command("categories")
def catalog_categories(catalog: CatalogOption = None) -> None:
    """List the categories a posting can ask for, with how many skills each holds.

    Example: fitscore catalog categories
    """
    with _guard():
        skills = _catalog(catalog)
        lines = [
            f"{category}\t{len(skills.category_members(category))}\t{label}\n"
            for category, label in sorted(skills.categories.items())
        ]
        _write("".join(lines))


@catalog_app.command("show")
def catalog_show(
    term: Annotated[str, typer.Argument(help="A skill as a profile or posting might write it.")],
    catalog: CatalogOption = None,
) -> None:
    """Show what a term resolves to: canonical name, aliases, categories, family, implications.

    Example: fitscore catalog show k8s
    """
    from fitscore.skills.matcher import Resolver

    with _guard():
        skills = _catalog(catalog)
        resolution = Resolver(skills).resolve(term)
        if resolution.skill is None:
            sys.stderr.write(f"fitscore: '{term}' is not in the skill catalogue\n")
            raise typer.Exit(EXIT_CHECK_FAILED)
        info = skills.skills[resolution.skill]
        implied = sorted(skills.closure[info.name] - {info.name}, key=str.casefold)
        rows = [
            ("skill", info.name),
            ("matched as", f"misspelling of {info.name}" if resolution.typo else "name or alias"),
            ("aliases", ", ".join(info.aliases)),
            ("categories", ", ".join(sorted(skills.categories_of(info.name)))),
            ("family", info.family or ""),
            ("implies", ", ".join(implied)),
        ]
        _write("".join(f"{label}: {value}\n" for label, value in rows))


@app.command()
def parse(
    source: Annotated[
        str,
        typer.Argument(help="Raw posting: text, HTML, or - for standard input.", metavar="FILE"),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the draft here, not to stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let -o overwrite a file.")] = False,
    title: Annotated[str | None, typer.Option("--title", help="Job title, if not found.")] = None,
    company: Annotated[
        str | None, typer.Option("--company", help="Company name, if not found.")
    ] = None,
    catalog: CatalogOption = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """Turn a raw posting (text, or HTML with schema.org JobPosting data) into a posting draft.

    Example: fitscore parse job.txt | fitscore score profiles/me.yaml -
    """
    from fitscore.documents import read_raw
    from fitscore.output import write_atomic
    from fitscore.parsing import check_yaml, draft_to_yaml, parse_posting

    with _guard():
        skills = _catalog(catalog)
        raw, name = read_raw(source, _limits(max_bytes))
        draft = parse_posting(raw, name, skills, title=title, company=company)
        text = draft_to_yaml(draft, name)
        check_yaml(text, skills)
        if output is None:
            _write(text)
        else:
            write_atomic(output, text, force=force)
            sys.stderr.write(f"fitscore: wrote {output}\n")


import_app = typer.Typer(
    help="Turn a résumé kept in another format into a fitscore profile.", no_args_is_help=True
)
app.add_typer(import_app, name="import")


@import_app.command("jsonresume")
def import_jsonresume(
    source: Annotated[
        str, typer.Argument(help="A JSON Resume document, or - for standard input.", metavar="FILE")
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the profile here, not to stdout."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let -o overwrite a file.")] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", metavar="YYYY-MM-DD", help="Date that decides degrees in progress."
        ),
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_LIMITS.max_bytes,
) -> None:
    """Import a JSON Resume (jsonresume.org) as a profile YAML; what cannot be kept is listed.

    Example: fitscore import jsonresume resume.json -o profiles/me.yaml
    """
    from fitscore.documents import read_json
    from fitscore.importers.jsonresume import from_jsonresume, to_yaml
    from fitscore.output import write_atomic

    with _guard():
        document = read_json(source, _limits(max_bytes))
        result = from_jsonresume(document, today=_date(today) or dt.date.today())
        for note in result.read_as:
            sys.stderr.write(f"fitscore: read: {note}\n")
        for note in result.dropped:
            sys.stderr.write(f"fitscore: not imported: {note}\n")
        text = to_yaml(result)
        if output is None:
            _write(text)
        else:
            write_atomic(output, text, force=force)
            sys.stderr.write(f"fitscore: wrote {output}\n")


@app.command()
def schema(
    kind: Annotated[Kind, typer.Argument(help="profile or posting.")],
) -> None:
    """Print the JSON Schema of a file kind, generated from the models.

    Example: fitscore schema profile > schemas/profile.schema.json
    """
    from fitscore.schemas import json_schema

    with _guard():
        _write(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    """Console entry point."""
    # fitscore uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if sys.stdout is None or sys.stderr is None:  # started with a closed descriptor
        if sys.stderr is not None:
            sys.stderr.write("fitscore: error: standard output is closed\n")
        sys.exit(EXIT_USAGE)
    try:
        app()
    except BrokenPipeError:
        _quiet_closed_pipe()
    except KeyboardInterrupt:
        sys.stderr.write("fitscore: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
