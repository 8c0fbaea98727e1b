"""The commands. Each turns options into one call of the core, emits the report, and exits
with the report's code; heavy modules are imported inside the command that needs them."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, NoReturn

import typer

from fitscore.cli.app import app, catalog_app, import_app
from fitscore.cli.emit import (
    emit,
    emit_to,
    output_text,
    progress_bar,
    refuse_binary_on_terminal,
    write,
)
from fitscore.cli.guard import guard, hinted, note, report_problems
from fitscore.cli.help import Command, choice, number
from fitscore.cli.options import (
    MAX_BYTES,
    Catalogs,
    FailUnder,
    Force,
    Header,
    Jobs,
    KindChoice,
    ListFormatChoice,
    MaxBytes,
    MinScore,
    NoCache,
    NullSeparated,
    Output,
    PostingPaths,
    ProfilePath,
    Save,
    SaveForce,
    ScoreFormatChoice,
    Strict,
    Today,
    Top,
    ValidateFormatChoice,
    WeightsFile,
    format_option,
)
from fitscore.cli.terminal import is_terminal
from fitscore.errors import OutputError, UsageError
from fitscore.formats import BatchFormat, CatalogFormat, ListFormat, ScoreFormat, ValidateFormat
from fitscore.sources import CLOSED_STDIN, STDIN, Limits, read_listing
from fitscore.vocabulary import FileKind

if TYPE_CHECKING:
    from fitscore.reports import DemandReport, RankReport
    from fitscore.skills.catalog import Catalog


def _catalog(extra: list[str] | None) -> Catalog:
    from fitscore.skills.catalog import load_catalog

    return load_catalog(extra or ())


def _stdin() -> BinaryIO:
    """Standard input's bytes: unbuffered where it is the program's own (nothing reads it before
    a command does), so that a read waits in a way Ctrl-C always ends (``sources``); a
    stand-in that says it is closed when the program was started without one (``<&-``)."""
    if sys.stdin is None:
        return CLOSED_STDIN
    buffered = sys.stdin.buffer
    raw = buffered.raw if isinstance(buffered, io.BufferedReader) else None
    return raw if isinstance(raw, io.FileIO) else buffered


def _paths(paths: list[str], null: bool) -> list[str]:
    """``-`` stands for the paths listed on standard input (one a line, or NUL-separated):
    paths found, not named, so they get the checks of a folder walk."""
    expanded: list[str] = []
    for path in paths:
        expanded.extend(read_listing(_stdin(), null=null) if path == STDIN else [path])
    return [path for path in expanded if path]


def _stream(
    profile: str,
    paths: list[str],
    options: dict[str, Any],
    output_format: ListFormat | None,
    header: bool | None,
    min_score: float | None,
) -> NoReturn:
    """``rank --stream``: each entry written as soon as it is scored."""
    from fitscore.formats.rank import stream_lines
    from fitscore.ranking import Tally, scored
    from fitscore.reports import RankReport

    chosen = output_format or ListFormat.TSV
    if chosen not in (ListFormat.JSONL, ListFormat.CSV, ListFormat.TSV):
        raise UsageError(f"--stream writes jsonl, csv or tsv, not {chosen.value}")
    tally = Tally()
    entries = scored(profile, paths, tally, **options)
    kept = (entry for entry in entries if min_score is None or entry.score >= min_score)
    for line in stream_lines(kept, chosen, header):
        write(line)
    report_problems(tally.problems)
    for message in tally.notes:
        note(message)
    if tally.failed:
        note(RankReport((), (), tally.inputs, tally.failed).summary())
    raise typer.Exit(1 if tally.failed else 0)


def _finish(
    report: RankReport | DemandReport,
    output_format: ListFormat | None,
    header: bool | None,
    output: str | None = None,
    save: str | None = None,
    force: bool = False,
) -> NoReturn:
    """A report over many postings: the files that failed, the list (and --save), the exit
    code."""
    report_problems(report.problems)
    chosen = output_format or ListFormat.default(is_terminal(sys.stdout) and output is None)
    emit_to(report, chosen, output, header=header, force=force, save=save)
    for message in report.notes:
        note(message)
    if report.summary():
        note(report.summary())
    raise typer.Exit(report.exit_code)


@app.command(cls=Command)
def validate(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders to check.", metavar="PATH...")
    ],
    kind: KindChoice = None,
    output_format: ValidateFormatChoice = ValidateFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Check profile and posting files; problems as path:line:col lines.

    Example: fitscore validate profiles postings --format github
    """
    from dataclasses import replace

    from fitscore.validation import validate as run

    with guard():
        report = run(
            paths, _catalog(catalog), kind=kind, limits=Limits(max_bytes=max_bytes), strict=strict
        )
        results = tuple(replace(r, problems=hinted(r.problems)) for r in report.results)
        emit(replace(report, results=results), output_format)
        sys.stderr.write(report.summary() + "\n")
        raise typer.Exit(report.exit_code)


@app.command(cls=Command)
def score(
    profile: ProfilePath,
    posting: Annotated[
        str, typer.Argument(help="Posting YAML file, or - for standard input.", metavar="POSTING")
    ],
    output_format: ScoreFormatChoice = None,
    fail_under: FailUnder = None,
    weights: WeightsFile = None,
    save: Save = None,
    force: SaveForce = False,
    today: Today = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Score a profile against one posting: the gap report.

    Example: fitscore score profiles/me.yaml postings/acme.yaml --fail-under 70
    """
    from fitscore.scoring import score as run

    with guard():
        report = run(
            profile,
            posting,
            catalog=_catalog(catalog),
            weights=weights,
            today=today,
            fail_under=fail_under,
            limits=Limits(max_bytes=max_bytes),
            stdin=_stdin(),
        )
        emit(
            report,
            output_format or ScoreFormat.default(is_terminal(sys.stdout)),
            save=save,
            force=force,
        )
        if not report.scorable:
            note(f"{posting}: the posting asks for nothing fitscore can score: 0.0 is not a fit")
        if not report.passed:
            note(f"score {report.score:.1f} is under {fail_under:g}")
        raise typer.Exit(report.exit_code)


@app.command(cls=Command)
def rank(
    profile: ProfilePath,
    paths: PostingPaths,
    output_format: ListFormatChoice = None,
    top: Top = None,
    min_score: MinScore = None,
    null: NullSeparated = False,
    jobs: Jobs = None,
    strict: Strict = False,
    header: Header = None,
    stream: Annotated[
        bool,
        typer.Option(
            "--stream",
            help="Print each posting as soon as it is scored, in input order, not ranked "
            "(jsonl, csv or tsv; memory stays flat).",
        ),
    ] = False,
    no_cache: NoCache = False,
    output: Output = None,
    save: Save = None,
    force: Annotated[
        bool, typer.Option("--force", help="Let -o and --save overwrite files.")
    ] = False,
    weights: WeightsFile = None,
    today: Today = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Rank postings for a profile, best first (ties by path).

    Example: fitscore rank profiles/me.yaml postings/ --format tsv | head -5
    """
    from fitscore.ranking import rank as run

    with guard(), progress_bar() as progress:
        refuse_binary_on_terminal(output_format is ListFormat.PARQUET, output)
        options: dict[str, Any] = {
            "catalog": _catalog(catalog),
            "weights": weights,
            "today": today,
            "jobs": jobs,
            "limits": Limits(max_bytes=max_bytes),
            "strict": strict,
            "progress": progress,
            "cache": not no_cache,
        }
        if stream and save:
            raise UsageError("--save keeps a whole ranking: leave out --stream")
        if stream:
            _stream(profile, _paths(paths, null), options, output_format, header, min_score)
        report = run(profile, _paths(paths, null), top=top, min_score=min_score, **options)
        _finish(report, output_format, header, output=output, save=save, force=force)


@app.command(cls=Command)
def gaps(
    profile: ProfilePath,
    paths: PostingPaths,
    output_format: ListFormatChoice = None,
    top: Top = None,
    null: NullSeparated = False,
    jobs: Jobs = None,
    header: Header = None,
    no_cache: NoCache = False,
    save: Save = None,
    force: SaveForce = False,
    weights: WeightsFile = None,
    today: Today = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """What to learn next: the skills postings ask for that the profile lacks, by points.

    Example: fitscore gaps profiles/me.yaml postings/ --top 10
    """
    from fitscore.ranking import demand

    with guard(), progress_bar() as progress:
        report = demand(
            profile,
            _paths(paths, null),
            catalog=_catalog(catalog),
            weights=weights,
            today=today,
            jobs=jobs,
            limits=Limits(max_bytes=max_bytes),
            top=top,
            progress=progress,
            cache=not no_cache,
        )
        _finish(report, output_format, header, save=save, force=force)


@app.command(cls=Command)
def init(
    kind: Annotated[
        FileKind,
        typer.Option(
            "--kind",
            metavar="KIND",
            parser=choice("--kind", FileKind),
            help="profile or posting: what to start (default: profile).",
        ),
    ] = FileKind.PROFILE,
    output: Output = None,
    force: Force = False,
) -> None:
    """Print a commented starter profile (or posting) that validates as it is.

    Example: fitscore init -o profiles/me.yaml
    """
    from fitscore.rules import starter
    from fitscore.schemas import with_reference

    with guard():
        text = with_reference(starter(kind), kind, output)
        output_text(text, output, force=force, then=f"edit it, then: fitscore validate {output}")


@catalog_app.command("categories", cls=Command)
def catalog_categories(
    output_format: Annotated[
        CatalogFormat | None,
        format_option(CatalogFormat, "default: table on a terminal, else tsv"),
    ] = None,
    catalog: Catalogs = None,
) -> None:
    """List the categories a posting can ask for, with how many skills each holds.

    Example: fitscore catalog categories
    """
    from fitscore.skills.lookup import categories

    with guard():
        report = categories(_catalog(catalog))
        emit(report, output_format or CatalogFormat.default(is_terminal(sys.stdout)))


@catalog_app.command("show", cls=Command)
def catalog_show(
    term: Annotated[
        str,
        typer.Argument(
            metavar="TERM",
            help="A skill as a profile or posting might write it, or a category (big_data).",
        ),
    ],
    catalog: Catalogs = None,
) -> None:
    """Show what a term resolves to (name, aliases, categories, family, implications), or
    the skills of a category.

    Example: fitscore catalog show k8s
    """
    from fitscore.formats.catalog import category_text, description_text
    from fitscore.skills.lookup import describe, describe_category

    with guard():
        skills = _catalog(catalog)
        category = describe_category(skills, term)
        if category is not None:
            write(category_text(category))
            raise typer.Exit(category.exit_code)
        report = describe(skills, term)
        if report.skill is None:
            note(f"'{term}' is not in the skill catalogue")
        write(description_text(report))
        raise typer.Exit(report.exit_code)


@app.command(cls=Command)
def parse(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Raw postings: text, Markdown, HTML, or - for standard input.", metavar="FILE..."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write the draft here, not to stdout; a folder (one STEM.yaml per input) "
            "when it is one or when several inputs are given.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let -o overwrite files.")] = False,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Job title (overrides).")
    ] = None,
    company: Annotated[
        str | None,
        typer.Option("--company", metavar="TEXT", help="Company name (overrides)."),
    ] = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Turn raw postings (text, Markdown, or HTML with schema.org JobPosting data) into drafts.

    Exit 1 when a draft holds no requirement (it is still written) or an input failed.

    Example: fitscore parse job.txt | fitscore score profiles/me.yaml -
    """
    from fitscore.drafting import NO_COMPANY
    from fitscore.drafting.files import draft_files

    with guard():
        report = draft_files(
            sources,
            output,
            _catalog(catalog),
            title=title,
            company=company,
            force=force,
            limits=Limits(max_bytes=max_bytes),
            stdin=_stdin(),
        )
        for draft in report.drafts:
            for message in draft.notes:
                hint = " (or pass --company)" if message == NO_COMPANY else ""
                note(f"{draft.source}: {message}{hint}")
            if draft.target is None:
                write(draft.text)
            else:
                note(f"wrote {draft.target}")
        report_problems(report.problems)
        if len(sources) > 1:
            note(report.summary())
        raise typer.Exit(report.exit_code)


@import_app.command("jsonresume", cls=Command)
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
    force: Force = False,
    today: Today = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Import a JSON Resume (jsonresume.org) as a profile YAML; what cannot be kept is listed.

    Example: fitscore import jsonresume resume.json -o profiles/me.yaml
    """
    from fitscore.importers.jsonresume import from_jsonresume, to_yaml
    from fitscore.loading import load_json
    from fitscore.schemas import with_reference

    with guard():
        document = load_json(source, Limits(max_bytes=max_bytes), _stdin())
        shown = "<stdin>" if source == "-" else source
        result = from_jsonresume(document, today=today or dt.date.today(), source=shown)
        for reading in result.read_as:
            note(f"read: {reading}")
        for dropped in result.dropped:
            note(f"not imported: {dropped}")
        text = with_reference(to_yaml(result), FileKind.PROFILE, output)
        output_text(text, output, force=force)


@app.command(cls=Command)
def schema(
    kind: Annotated[
        FileKind | None,
        typer.Argument(
            metavar="KIND",
            parser=choice("KIND", FileKind),
            help="profile or posting (with --write: both when left out).",
        ),
    ] = None,
    write_to: Annotated[
        str | None,
        typer.Option(
            "--write",
            metavar="DIR",
            help="Write KIND.schema.json files into DIR (made if missing) instead of printing; "
            "init, parse and import then point the files they write at them.",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a file kind, generated from the models.

    Example: fitscore schema --write schemas
    """
    from fitscore.output import write_atomic
    from fitscore.schemas import file_name, is_schema_file, schema_text

    with guard():
        if write_to is None:
            if kind is None:
                raise UsageError("name a KIND (profile or posting), or write both with --write")
            write(schema_text(kind))
            raise typer.Exit(0)
        folder = Path(write_to)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot make {write_to}: {exc.strerror or exc}") from exc
        for each in (kind,) if kind is not None else tuple(FileKind):
            target = folder / file_name(each)
            # An earlier schema is replaced; any other file of that name is left alone.
            write_atomic(str(target), schema_text(each), force=is_schema_file(target))
            note(f"wrote {target}")


@app.command(cls=Command)
def batch(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Profile and posting files or folders. A file's kind is its nearest folder "
            "named profiles or postings, else its keys (as validate tells them).",
            metavar="PATH...",
        ),
    ],
    output: Output = None,
    output_format: Annotated[
        BatchFormat | None,
        format_option(BatchFormat, "default: the -o file's suffix, else jsonl"),
    ] = None,
    force: Force = False,
    jobs: Jobs = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            metavar="N",
            parser=number("--min-score", 0, 100),
            help="Keep only pairs scoring N (0-100) or more; pairs that cannot reach N are "
            "not scored.",
        ),
    ] = None,
    weights: WeightsFile = None,
    today: Today = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Score every profile against every posting: one flat row per pair, by profile then posting.

    Example: fitscore batch profiles/ postings/ -o results.parquet
    """
    from fitscore.batch import score_files

    chosen = BatchFormat.for_output(output_format, output)
    with guard(), progress_bar() as progress:
        refuse_binary_on_terminal(chosen.is_binary, output)
        if chosen.is_binary:
            from fitscore.formats.parquet import require_pyarrow

            require_pyarrow()
        report = score_files(
            paths,
            today=today or dt.date.today(),
            catalog=_catalog(catalog),
            weights=weights,
            jobs=jobs,
            limits=Limits(max_bytes=max_bytes),
            progress=progress,
            min_score=min_score,
        )
        report_problems(report.problems)
        emit_to(report, chosen, output, force=force)
        if report.summary():
            note(report.summary())
        raise typer.Exit(report.exit_code)
