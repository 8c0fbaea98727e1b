"""Where a report goes: standard output (a table on a terminal, text otherwise), ``-o FILE``
and ``--save FILE``. Formatters return text; only this module writes it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fitscore.cli.terminal import is_terminal
from fitscore.errors import OutputError, UsageError
from fitscore.formats import Format, render, renderable
from fitscore.output import write_atomic

if TYPE_CHECKING:
    from rich.console import RenderableType

    from fitscore.formats import Report

SAVE_SUFFIXES = (".svg", ".html", ".htm", ".txt")
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
    format is a table; with ``save``, also kept as SVG, HTML or text."""
    if output_format.draws_table and is_terminal(sys.stdout):
        from fitscore.cli.terminal import make_console

        console = make_console()
        console.print(renderable(report, console.width))
    else:
        write(render(report, output_format, header))
    if save:
        save_renderable(renderable(report), save, force=force)


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


def save_renderable(item: RenderableType, path: str, *, force: bool = False) -> None:
    """Keep a terminal report as SVG, HTML or text, through rich's own export."""
    from fitscore.cli.terminal import recording_console

    suffix = Path(path).suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise OutputError(f"cannot save as '{suffix or path}': use .svg, .html or .txt")
    console = recording_console()
    try:
        console.print(item)
    finally:
        console.file.close()
    if suffix == ".svg":
        text = console.export_svg(title="fitscore")
    elif suffix in (".html", ".htm"):
        text = console.export_html()
    else:
        text = console.export_text()
    write_atomic(path, text, force=force)


@contextmanager
def progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A ``progress(done, total)`` callback that draws a bar on stderr, only when stderr is a
    terminal and the run is long."""
    if not is_terminal(sys.stderr):
        yield lambda done, total: None
        return
    from rich.progress import Progress, TaskID

    from fitscore.cli.terminal import make_console

    state: dict[str, TaskID] = {}
    with Progress(console=make_console(sys.stderr), transient=True) as bar:

        def advance(done: int, total: int) -> None:
            if total < PROGRESS_FROM:
                return
            if "task" not in state:
                state["task"] = bar.add_task("scoring", total=total)
            bar.update(state["task"], completed=done)

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
) -> None:
    """Like :func:`emit`, to the file ``output`` when one is given; binary formats as bytes."""
    from fitscore.formats import BatchFormat, ListFormat, render_bytes

    if isinstance(output_format, ListFormat | BatchFormat) and output_format.is_binary:
        emit_bytes(render_bytes(report, output_format), output, force=force)
    elif output is None:
        emit(report, output_format, header=header)
    else:
        output_text(render(report, output_format, header), output, force=force)
