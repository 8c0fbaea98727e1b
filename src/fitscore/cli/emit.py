"""Where a report goes: standard output (a table on a terminal, text otherwise), ``-o FILE``
and ``--save FILE``. Formatters return text; only this module writes it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fitscore.cli.terminal import is_terminal, saved_width
from fitscore.errors import OutputError, UsageError
from fitscore.formats import Format, render, renderable
from fitscore.output import write_atomic

if TYPE_CHECKING:
    from fitscore.formats import Report

SAVE_SUFFIXES = (".svg", ".html", ".htm", ".txt")
MONOSPACE = (
    "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"
)
# rich's own SVG template less its web font: the font-face rules there fetch Fira Code from a
# CDN, so a saved SVG looked different offline. The placeholders are rich's (export_svg).
SVG_FORMAT = (
    '<svg class="rich-terminal" viewBox="0 0 {width} {height}" '
    'xmlns="http://www.w3.org/2000/svg">\n'
    "<style>\n"
    ".{unique_id}-matrix {{ font-family: " + MONOSPACE + "; font-size: {char_height}px; "
    "line-height: {line_height}px; font-variant-east-asian: full-width; }}\n"
    ".{unique_id}-title {{ font-size: 18px; font-weight: bold; "
    "font-family: system-ui, sans-serif; }}\n"
    "{styles}\n"
    "</style>\n"
    "<defs>\n"
    '<clipPath id="{unique_id}-clip-terminal">\n'
    '<rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />\n'
    "</clipPath>\n"
    "{lines}\n"
    "</defs>\n"
    "{chrome}\n"
    '<g transform="translate({terminal_x}, {terminal_y})" '
    'clip-path="url(#{unique_id}-clip-terminal)">\n'
    "{backgrounds}\n"
    '<g class="{unique_id}-matrix">\n'
    "{matrix}\n"
    "</g>\n"
    "</g>\n"
    "</svg>\n"
)
PROGRESS_FROM = 2000


def write(text: str) -> None:
    """Text to stdout. A closed pipe is raised (the guard ends quietly); any other failure is
    one clear line."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # full disk, closed descriptor
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write the output: {reason}") from exc


def emit(
    report: Report,
    output_format: Format,
    *,
    header: bool | None = None,
    save: str | None = None,
    force: bool = False,
) -> None:
    """``report`` to stdout in ``output_format``, drawn as a table on a terminal when the
    format is a table; with ``save``, also kept as an HTML page, SVG or text."""
    if output_format.draws_table and is_terminal(sys.stdout):
        from fitscore.cli.terminal import make_console

        console = make_console()
        console.print(renderable(report, console.width))
    else:
        write(render(report, output_format, header))
    if save:
        save_report(report, save, force=force)


def output_text(
    text: str, output: str | None, *, force: bool = False, then: str | None = None
) -> None:
    """``text`` to stdout, or to the file ``output`` (atomically; never over a file unless
    ``force``), saying on stderr what was written and, with ``then``, what to do next."""
    if output is None:
        write(text)
        return
    write_atomic(output, text, force=force)
    sys.stderr.write(f"fitscore: wrote {output}" + (f"; {then}" if then else "") + "\n")


def save_report(report: Report, path: str, *, force: bool = False) -> None:
    """Keep ``report`` in the file ``path``, by its suffix: ``.html``/``.htm`` a self-contained
    page; ``.svg`` and ``.txt`` the terminal report through rich's export, as wide as the
    terminal (100 columns off one), with local fonts only. Never over a file unless ``force``."""
    suffix = Path(path).suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise OutputError(f"cannot save as '{suffix or path}': use .html, .svg or .txt")
    if suffix in (".html", ".htm"):
        from fitscore.formats.html import page

        text = page(report)
    else:
        text = _export(report, suffix)
    write_atomic(path, text, force=force)


def _export(report: Report, suffix: str) -> str:
    from fitscore.cli.terminal import recording_console

    console = recording_console(saved_width(sys.stdout))
    try:
        console.print(renderable(report))
    finally:
        console.file.close()
    if suffix == ".svg":
        return console.export_svg(title="fitscore", code_format=SVG_FORMAT)
    return console.export_text()


@contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback that draws a bar on stderr, only when stderr is a
    terminal and the run is long."""
    if not is_terminal(sys.stderr):
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )

    from fitscore.cli.terminal import make_console

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    state: dict[str, TaskID] = {}
    started = time.monotonic()
    with Progress(*columns, console=make_console(sys.stderr), transient=True) as bar:

        def advance(done: int, total: int) -> None:
            if total < PROGRESS_FROM:
                return
            if "task" not in state:
                state["task"] = bar.add_task("scoring", total=total, rate="")
            elapsed = time.monotonic() - started
            rate = f"{done / elapsed:,.0f}/s" if elapsed > 0 else ""
            bar.update(state["task"], completed=done, rate=rate)

        yield advance


BINARY_ON_TERMINAL = "parquet is binary: write it to a file with -o FILE (or pipe it)"


def refuse_binary_on_terminal(binary: bool, output: str | None) -> None:
    """Stop before any work when binary output would go to a terminal."""
    if binary and output is None and is_terminal(sys.stdout):
        raise UsageError(BINARY_ON_TERMINAL)


def emit_bytes(data: bytes, output: str | None, *, force: bool = False) -> None:
    """Binary output (Parquet) to the file ``output`` (atomically, never over a file unless
    ``force``), or to standard output when it is not a terminal."""
    if output is not None:
        write_atomic(output, data, force=force)
        sys.stderr.write(f"fitscore: wrote {output}\n")
        return
    refuse_binary_on_terminal(True, output)
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"cannot write the output: {reason}") from exc


def emit_to(
    report: Report,
    output_format: Format,
    output: str | None,
    *,
    header: bool | None = None,
    force: bool = False,
    save: str | None = None,
) -> None:
    """Like :func:`emit`, to the file ``output`` when one is given; binary formats as bytes;
    with ``save``, also kept as an HTML page, SVG or text."""
    from fitscore.formats import BatchFormat, ListFormat, render_bytes

    if isinstance(output_format, ListFormat | BatchFormat) and output_format.is_binary:
        emit_bytes(render_bytes(report, output_format), output, force=force)
    elif output is None:
        emit(report, output_format, header=header)
    else:
        output_text(render(report, output_format, header), output, force=force)
    if save:
        save_report(report, save, force=force)
