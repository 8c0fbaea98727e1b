"""Writing a file for the user: atomically, with the user's permissions, never clobbering.

The text goes to a temporary file in the target's folder, is flushed to disk, and only then
takes the target's name, so a failure on the way leaves the previous file intact. Without
``force`` the name is taken with a hard link, which fails if the name exists: two runs writing
the same new file cannot both succeed. A new file gets the mode the user's umask gives
(``0644`` under ``022``); a replaced file keeps its mode. A symbolic link is written through
to its target; a pipe, device or folder is never replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from fitscore.errors import OutputError

EXISTS = "exists"


def write_atomic(path: str, text: str | bytes, *, force: bool = False) -> None:
    """Write ``text`` (or bytes, such as Parquet) to ``path``; raises :class:`OutputError`
    (code ``exists`` when the file exists and ``force`` is false)."""
    if not path:
        raise OutputError("the output file name is empty")
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            raise OutputError(f"{path} is not a regular file (a folder, pipe or device)")
        if not force:
            raise OutputError(f"{path} exists", code=EXISTS)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    folder = target.parent if str(target.parent) else Path(".")
    try:
        import tempfile  # imported here: most runs write no file, and start-up is short

        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _link_new(temporary: str, target: Path, shown: str) -> None:
    """Give the written file the name ``target`` only if no file has that name yet."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputError(f"{shown} exists", code=EXISTS) from None
    except OSError:
        # No hard links on this file system: an exclusive create is as safe against clobbering.
        with open(temporary, "rb") as source, open(target, "xb") as copy:
            copy.write(source.read())
            os.fchmod(copy.fileno(), stat.S_IMODE(os.stat(temporary).st_mode))
            os.fsync(copy.fileno())


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
