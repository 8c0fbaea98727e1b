"""Writing files for the user: atomically, and never over an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rich.console import Console, RenderableType

from fitscore.errors import OutputError

SAVE_SUFFIXES = (".svg", ".html", ".htm", ".txt")


def write_atomic(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    The previous file, if any, stays intact when anything fails on the way.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputError(f"{path} exists; use --force to overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_renderable(renderable: RenderableType, path: str, *, force: bool = False) -> None:
    """Keep a terminal report as SVG, HTML or text, through rich's own export."""
    suffix = Path(path).suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise OutputError(f"cannot save as '{suffix or path}': use .svg, .html or .txt")
    console = Console(record=True, width=110, file=open(os.devnull, "w"), force_terminal=True)  # noqa: SIM115
    try:
        console.print(renderable)
    finally:
        console.file.close()
    if suffix == ".svg":
        text = console.export_svg(title="fitscore")
    elif suffix in (".html", ".htm"):
        text = console.export_html()
    else:
        text = console.export_text()
    write_atomic(path, text, force=force)
