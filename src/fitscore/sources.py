"""Where input bytes come from: a named path, standard input, or a walk over folders.

This is the one place that opens a user's path. A path is read up to the size limit and never
more, whatever it is; a named pipe given on purpose (``score me.yaml <(fitscore parse job.txt)``)
is read to its end, while a folder walk never hands one out (it would block) and reports it.
Failures are :class:`~fitscore.diagnostics.Problem` values, located where they can be.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fitscore.diagnostics import MISSING_PATH, Problem, error
from fitscore.errors import InputError

STDIN = "-"
STDIN_NAME = "<stdin>"
YAML_SUFFIXES = (".yaml", ".yml")
TOO_LARGE = "too-large"
UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one input may cost."""

    max_bytes: int = 1 << 20
    max_depth: int = 64
    max_nodes: int = 200_000
    max_aliases: int = 1_000
    max_string: int = 10_000
    max_items: int = 10_000


DEFAULT_LIMITS = Limits()


def too_large(size: int, limits: Limits) -> str:
    return f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit"


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``path``; raises :class:`InputError`.

    A regular file over the limit is refused before it is read; anything else (a pipe) is read
    to one byte past the limit, so the caller can tell it is too large.
    """
    try:
        handle = os.open(path, os.O_RDONLY)
        try:
            status = os.fstat(handle)
            if stat.S_ISDIR(status.st_mode):
                raise _unreadable(path, "is a directory, not a file")
            if stat.S_ISREG(status.st_mode) and status.st_size > limits.max_bytes:
                raise InputError([error(path, 1, 1, TOO_LARGE, too_large(status.st_size, limits))])
            raw = _read_bounded(handle, limits.max_bytes + 1)
        finally:
            os.close(handle)
    except IsADirectoryError:
        raise _unreadable(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise _unreadable(path, "no such file") from None
    except PermissionError:
        raise _unreadable(path, "permission denied") from None
    except OSError as exc:
        raise _unreadable(path, f"cannot read: {exc.strerror or exc}") from exc
    return raw


def read_stream(stream: BinaryIO, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """An open stream (standard input), to one byte past the limit."""
    try:
        return stream.read(limits.max_bytes + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _unreadable(name, f"cannot read: {reason}") from exc


def open_source(
    path: str, limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None
) -> tuple[bytes, str]:
    """Bytes of ``path`` (possibly one past the limit) and the name to show for it.

    ``-`` stands for ``stdin`` when one is given; the Python API gives none, so there ``-`` is
    a file name like any other.
    """
    if path == STDIN and stdin is not None:
        return read_stream(stdin, STDIN_NAME, limits), STDIN_NAME
    return read_bytes(path, limits), path


def read_source(
    path: str, limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None
) -> tuple[bytes, str]:
    """Like :func:`open_source`, refusing input over the limit."""
    raw, name = open_source(path, limits, stdin)
    return _within(raw, name, limits), name


def _read_bounded(handle: int, most: int) -> bytes:
    chunks: list[bytes] = []
    remaining = most
    while remaining > 0:
        chunk = os.read(handle, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _within(raw: bytes, name: str, limits: Limits) -> bytes:
    if len(raw) > limits.max_bytes:
        message = f"over the {limits.max_bytes:,}-byte limit"
        raise InputError([error(name, 1, 1, TOO_LARGE, message)])
    return raw


def _unreadable(path: str, message: str) -> InputError:
    return InputError([error(path, 0, 0, UNREADABLE, message)])


def discover(
    paths: Iterable[str], suffixes: tuple[str, ...] = YAML_SUFFIXES
) -> Iterator[tuple[str, Problem | None]]:
    """Files named, and files with ``suffixes`` under folders named, in sorted order.

    Each comes with ``None``, or the problem that keeps it from being read.
    """
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, folders, files in os.walk(path, onerror=None, followlinks=False):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in files
                    if name.endswith(suffixes) and not name.startswith(".")
                )
            yield from ((item, _odd_entry(item)) for item in sorted(found))
        elif os.path.exists(path) or os.path.islink(path):
            yield path, None
        else:
            yield path, error(path, 0, 0, MISSING_PATH, "no such file or folder")


def collect(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Readable files under ``paths`` (each once, in order) and the problems of the others."""
    found: list[str] = []
    problems: list[Problem] = []
    for path, problem in discover(paths):
        if problem is None:
            found.append(path)
        else:
            problems.append(problem)
    return list(dict.fromkeys(found)), problems


def _odd_entry(path: str) -> Problem | None:
    """A folder entry that is not a regular file (a pipe would block, a socket cannot be read,
    a symbolic-link loop has no end) is reported instead of read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return error(path, 0, 0, UNREADABLE, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISREG(mode):
        return None
    return error(path, 0, 0, UNREADABLE, "not a regular file (a pipe, socket or device)")


def split_paths(listing: str, *, null: bool = False) -> list[str]:
    """Paths listed one a line (or NUL-separated), as ``find`` prints them; blanks dropped."""
    if null:
        return [item for item in listing.split("\0") if item]
    return [item.rstrip("\r") for item in listing.split("\n") if item.rstrip("\r")]
