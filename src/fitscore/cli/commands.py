"""The commands. Each turns options into one call of the core, emits the report, and exits
with the report's code; heavy modules are imported inside the command that needs them."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

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
from fitscore.cli.options import (
    MAX_BYTES,
    Catalogs,
    Force,
    Header,
    Jobs,
    ListFormatChoice,
    MaxBytes,
    NullSeparated,
    Output,
    PostingPaths,
    ProfilePath,
    Today,
    WeightsFile,
)
from fitscore.cli.terminal import is_terminal
from fitscore.formats import BatchFormat, ListFormat, ScoreFormat, ValidateFormat
from fitscore.sources import STDIN, Limits, split_paths
from fitscore.vocabulary import FileKind

if TYPE_CHECKING:
    from fitscore.reports import DemandReport, RankReport
    from fitscore.skills.catalog import Catalog


def _catalog(extra: list[str] | None) -> Catalog:
    from fitscore.skills.catalog import load_catalog

    return load_catalog(extra or ())


def _paths(paths: list[str], null: bool) -> list[str]:
    """``-`` stands for the paths listed on standard input (one a line, or NUL-separated)."""
    expanded: list[str] = []
    for path in paths:
        expanded.extend(split_paths(sys.stdin.read(), null=null) if path == STDIN else [path])
    return [path for path in expanded if path]


def _finish(
    report: RankReport | DemandReport,
    output_format: ListFormat | None,
    header: bool | None,
    output: str | None = None,
    force: bool = False,
) -> NoReturn:
    """A report over many postings: the files that failed, the list, the exit code."""
    report_problems(report.problems)
    chosen = output_format or ListFormat.default(is_terminal(sys.stdout) and output is None)
    emit_to(report, chosen, output, header=header, force=force)
    if report.summary():
        note(report.summary())
    raise typer.Exit(report.exit_code)


@app.command()
def validate(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders to check.", metavar="PATH...")
    ],
    kind: Annotated[
        FileKind | None,
        typer.Option("--kind", help="Treat every file as this kind instead of detecting it."),
    ] = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ValidateFormat.TEXT,
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


@app.command()
def score(
    profile: ProfilePath,
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
    weights: WeightsFile = None,
    save: Annotated[
        str | None,
        typer.Option(
            "--save", metavar="FILE", help="Also keep the terminal report as .svg, .html or .txt."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let --save overwrite a file.")] = False,
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
            stdin=sys.stdin.buffer,
        )
        emit(
            report,
            output_format or ScoreFormat.default(is_terminal(sys.stdout)),
            save=save,
            force=force,
        )
        if not report.passed:
            note(f"score {report.score:.1f} is under {fail_under:g}")
        raise typer.Exit(report.exit_code)


@app.command()
def rank(
    profile: ProfilePath,
    paths: PostingPaths,
    output_format: ListFormatChoice = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show only the best N.")] = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score", min=0, max=100, help="Show only postings scoring N or more.", metavar="N"
        ),
    ] = None,
    null: NullSeparated = False,
    jobs: Jobs = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first file that cannot be scored.")
    ] = False,
    header: Header = None,
    weights: WeightsFile = None,
    today: Today = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
    output: Output = None,
    force: Force = False,
) -> None:
    """Rank postings for a profile, best first (ties by path).

    Example: fitscore rank profiles/me.yaml postings/ --format tsv | head -5
    """
    from fitscore.ranking import rank as run

    with guard(), progress_bar() as progress:
        refuse_binary_on_terminal(output_format is ListFormat.PARQUET, output)
        report = run(
            profile,
            _paths(paths, null),
            catalog=_catalog(catalog),
            weights=weights,
            today=today,
            jobs=jobs,
            limits=Limits(max_bytes=max_bytes),
            strict=strict,
            top=top,
            min_score=min_score,
            progress=progress,
        )
        _finish(report, output_format, header, output, force)


@app.command()
def gaps(
    profile: ProfilePath,
    paths: PostingPaths,
    output_format: ListFormatChoice = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Show only the first N.")] = None,
    null: NullSeparated = False,
    jobs: Jobs = None,
    header: Header = None,
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
        )
        _finish(report, output_format, header)


@app.command()
def init(
    kind: Annotated[
        FileKind, typer.Option("--kind", help="What to start: a profile or a posting.")
    ] = FileKind.PROFILE,
    output: Output = None,
    force: Force = False,
) -> None:
    """Print a commented starter profile (or posting) that validates as it is.

    Example: fitscore init -o profiles/me.yaml
    """
    from fitscore.rules import starter

    with guard():
        output_text(
            starter(kind), output, force=force, then=f"edit it, then: fitscore validate {output}"
        )


@catalog_app.command("categories")
def catalog_categories(catalog: Catalogs = None) -> None:
    """List the categories a posting can ask for, with how many skills each holds.

    Example: fitscore catalog categories
    """
    from fitscore.formats.catalog import categories_text
    from fitscore.skills.lookup import categories

    with guard():
        write(categories_text(categories(_catalog(catalog))))


@catalog_app.command("show")
def catalog_show(
    term: Annotated[str, typer.Argument(help="A skill as a profile or posting might write it.")],
    catalog: Catalogs = None,
) -> None:
    """Show what a term resolves to: canonical name, aliases, categories, family, implications.

    Example: fitscore catalog show k8s
    """
    from fitscore.formats.catalog import description_text
    from fitscore.skills.lookup import describe

    with guard():
        report = describe(_catalog(catalog), term)
        if report.skill is None:
            note(f"'{term}' is not in the skill catalogue")
        write(description_text(report))
        raise typer.Exit(report.exit_code)


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
    force: Force = False,
    title: Annotated[str | None, typer.Option("--title", help="Job title, if not found.")] = None,
    company: Annotated[
        str | None, typer.Option("--company", help="Company name, if not found.")
    ] = None,
    catalog: Catalogs = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Turn a raw posting (text, or HTML with schema.org JobPosting data) into a posting draft.

    Example: fitscore parse job.txt | fitscore score profiles/me.yaml -
    """
    from fitscore.parsing import check_yaml, draft_to_yaml, parse_posting
    from fitscore.sources import read_source

    with guard():
        skills = _catalog(catalog)
        raw, name = read_source(source, Limits(max_bytes=max_bytes), sys.stdin.buffer)
        draft = parse_posting(raw, name, skills, title=title, company=company)
        text = draft_to_yaml(draft, name)
        check_yaml(text, skills)
        output_text(text, output, force=force)


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
    force: Force = False,
    today: Today = None,
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Import a JSON Resume (jsonresume.org) as a profile YAML; what cannot be kept is listed.

    Example: fitscore import jsonresume resume.json -o profiles/me.yaml
    """
    from fitscore.jsonresume import from_jsonresume, to_yaml
    from fitscore.loading import load_json

    with guard():
        document = load_json(source, Limits(max_bytes=max_bytes), sys.stdin.buffer)
        result = from_jsonresume(document, today=today or dt.date.today())
        for dropped in result.dropped:
            note(f"not imported: {dropped}")
        output_text(to_yaml(result), output, force=force)


@app.command()
def schema(
    kind: Annotated[FileKind, typer.Argument(help="profile or posting.")],
) -> None:
    """Print the JSON Schema of a file kind, generated from the models.

    Example: fitscore schema profile > schemas/profile.schema.json
    """
    from fitscore.schemas import json_schema

    with guard():
        write(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n")


@app.command()
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
        typer.Option(
            "--format", "-f", help="Row format. Default: the -o file's suffix, else jsonl."
        ),
    ] = None,
    force: Force = False,
    jobs: Jobs = None,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            metavar="N",
            help="Keep only pairs scoring N or more; pairs that cannot reach N are not scored.",
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
