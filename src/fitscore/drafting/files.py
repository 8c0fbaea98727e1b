"""``fitscore parse`` over files: each raw posting to a draft, written where it belongs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from fitscore.diagnostics import error
from fitscore.drafting import draft_posting
from fitscore.errors import FitscoreError, InputError, UsageError
from fitscore.output import write_atomic
from fitscore.reports import DraftFile, ParseReport
from fitscore.schemas import with_reference
from fitscore.skills.catalog import Catalog
from fitscore.sources import DEFAULT_LIMITS, STDIN, Limits, read_source
from fitscore.vocabulary import FileKind

STDIN_STEM = "stdin"


def draft_files(
    sources: Sequence[str],
    output: str | None,
    catalog: Catalog,
    *,
    title: str | None = None,
    company: str | None = None,
    force: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    stdin: BinaryIO | None = None,
) -> ParseReport:
    """Draft every source. ``output`` None keeps one draft's text for standard output; a
    folder (required for several sources) gets ``STEM.yaml`` per source; else it is the file.

    With one source, what stops it stops the run (an exception); with several, each failure
    is a problem of the report and the others go on.
    """
    if output == "":
        raise UsageError("the output name is empty")
    many = len(sources) > 1
    into_folder = output is not None and (many or Path(output).is_dir())
    if many and (output is None or not Path(output).is_dir()):
        given = f"{output} is not a folder" if output else "none was given"
        raise UsageError(f"several inputs need an output folder ({given})", code="output-folder")
    drafts: list[DraftFile] = []
    problems = []
    for source in sources:
        try:
            raw, name = read_source(source, limits, stdin)
            result = draft_posting(raw, name, catalog, title=title, company=company)
            target = output
            if into_folder and output is not None:
                stem = Path(source).stem if source != STDIN else STDIN_STEM
                target = str(Path(output) / f"{stem}.yaml")
            text = with_reference(result.text, FileKind.POSTING, target)
            if target is not None:
                write_atomic(target, text, force=force)
            drafts.append(DraftFile(source, target, text, result.notes, result.has_requirements))
        except FitscoreError as exc:
            if not many:
                raise
            if isinstance(exc, InputError):
                problems.extend(exc.problems)
            else:
                problems.append(error(source, 0, 0, exc.code or "failed", str(exc)))
    return ParseReport(tuple(drafts), tuple(problems), len(sources) - len(drafts))
