"""Where input bytes come from: a named path, standard input, or a walk over folders.

This is the one place that opens a user's path. A path is read up to the size limit and never
more, whatever it is; a named pipe given on purpose (``score me.yaml <(fitscore parse job.txt)``)
is read to its end, while a path fitscore found itself (:class:`FoundPath`: in a folder walk, or
listed on standard input by ``find``) is read only when it is a regular file: a pipe would
block, a device never ends, a socket cannot be read. A file name that is not UTF-8 is reported
with its bytes escaped, never handed on (no output could show it). The walk is iterative, so a
tree of any depth is walked without recursion. Failures are
:class:`~fitscore.diagnostics.Problem` values, located where they can be.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fitscore.diagnostics import MISSING_PATH, Problem, error
from fitscore.errors import InputError
from fitscore.waiting import POLLS_PIPES, until_readable, woken

STDIN = "-"
STDIN_NAME = "<stdin>"
YAML_SUFFIXES = (".yaml", ".yml")
TOO_LARGE = "too-large"
UNREADABLE = "unreadable"
FILE_NAME = "file-name"
LISTING_TOO_LARGE = "listing-too-large"
# Bytes of paths read from standard input: half a million paths of 100 bytes, and a bound on
# what `rank me.yaml - < /dev/zero` can cost.
LISTING_LIMIT = 64 << 20
NOT_REGULAR = "not a regular file (a pipe, socket or device)"


class FoundPath(str):
    """A path fitscore found rather than one the user named: a folder walk's, or one listed on
    standard input. Only a regular file is read from it, never a pipe, socket or device."""

    __slots__ = ()


class ClosedStream(io.BytesIO):
    """Standard input when the program was started without one (``<&-``): reading it is one
    clear error, not a crash."""

    def read(self, size: int | None = -1) -> bytes:
        raise OSError(errno.EBADF, "standard input is closed")


CLOSED_STDIN = ClosedStream()


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
    """Over the limit, by ``size``: what was read stops one byte past the limit (a pipe, or an
    endless stream), so that size says only that it is over the limit, never the real size."""
    if size == limits.max_bytes + 1:
        return f"over the {limits.max_bytes:,}-byte limit (reading stopped there)"
    return f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit"


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``path``; raises :class:`InputError`.

    A regular file over the limit is refused before it is read; anything else (a pipe) is read
    to one byte past the limit, so the caller can tell it is too large. A :class:`FoundPath` is
    opened without blocking and read only when it is a regular file. A named pipe is opened
    without blocking too where a wait for its writer can be a poll (Linux): Ctrl-C then ends
    that wait whenever it comes, as it ends the wait for the pipe's bytes.
    """
    found = isinstance(path, FoundPath)
    nonblocking = getattr(os, "O_NONBLOCK", 0) if found or POLLS_PIPES else 0
    flags = os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | nonblocking
    try:
        handle = os.open(path, flags)
        try:
            status = os.fstat(handle)
            if stat.S_ISDIR(status.st_mode):
                raise _unreadable(path, "is a directory, not a file")
            regular = stat.S_ISREG(status.st_mode)
            if found and not regular:
                raise _unreadable(path, NOT_REGULAR)
            if regular:  # (O_NONBLOCK changes nothing for a regular file: it is left set)
                if status.st_size > limits.max_bytes:
                    message = too_large(status.st_size, limits)
                    raise InputError([error(path, 1, 1, TOO_LARGE, message)])
                raw = _read_regular(handle, status.st_size, limits.max_bytes + 1)
            else:
                raw = _read_waiting(path, handle, limits.max_bytes + 1)
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
    """An open stream (standard input), to one byte past the limit. An unbuffered file (the
    program's own standard input, as ``cli`` passes it) is read from its descriptor, each read
    begun only once there is something to read."""
    try:
        if isinstance(stream, io.FileIO):
            return _read_waiting(name, stream.fileno(), limits.max_bytes + 1)
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


def _read_regular(handle: int, size: int, most: int) -> bytes:
    """A regular file, in one call when it holds the ``size`` bytes its status gave: asked for
    a byte more than that, a shorter answer is its end. One that grew (or says 0 bytes, as
    files under /proc do) is read on to ``most`` bytes."""
    first = os.read(handle, min(size + 1, most))
    if len(first) <= size or len(first) >= most:
        return first
    return first + _read_bounded(handle, most - len(first))


def _read_waiting(path: str, handle: int, most: int) -> bytes:
    """A pipe, terminal or device, to ``most`` bytes. Each read begins only once there is
    something to read, and Ctrl-C or SIGTERM ends the wait whenever it comes, even just before
    the wait begins (:mod:`fitscore.waiting`): a pipe that never speaks cannot hold a run."""
    with woken() as alarm:
        if alarm is not None or os.get_blocking(handle):
            return _read_bounded(handle, most, alarm)
    # Opened without blocking, with nothing to wait with (not the main thread, or an event loop
    # holds the wakeup): opened again to block, as a pipe with no writer yet reads as empty.
    again = os.open(path, os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    try:
        return _read_bounded(again, most)
    finally:
        os.close(again)


def _read_bounded(handle: int, most: int, alarm: int | None = None) -> bytes:
    chunks: list[bytes] = []
    remaining = most
    while remaining > 0:
        until_readable(handle, alarm)
        try:
            chunk = os.read(handle, min(remaining, 1 << 20))
        except BlockingIOError:  # another reader of the pipe took what was there
            if alarm is None:
                raise
            continue
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
    paths: Iterable[str], suffixes: tuple[str, ...] = YAML_SUFFIXES, *, ordered: bool = True
) -> Iterator[tuple[str, Problem | None]]:
    """Files named, and files with ``suffixes`` under folders named, in sorted order.

    Each comes with ``None``, or the problem that keeps it from being read. Sorting a folder's
    files means holding their names; with ``ordered`` False they come as the folder lists them,
    one at a time, and a walk of any size holds only the folders still to list. A file named is
    taken as it is (a pipe named on purpose is read); a :class:`FoundPath` only when it is a
    regular file.
    """
    for path in paths:
        if not _utf8(path):
            yield printable_name(path), _bad_name(path)
        elif os.path.isdir(path):
            yield from _walk(path, suffixes) if ordered else _walk_as_found(path, suffixes)
        elif isinstance(path, FoundPath):
            yield path, _odd_entry(path)
        elif os.path.exists(path) or os.path.islink(path):
            yield path, None
        else:
            yield path, error(path, 0, 0, MISSING_PATH, "no such file or folder")


def _walk(top: str, suffixes: tuple[str, ...]) -> Iterator[tuple[str, Problem | None]]:
    """The files with ``suffixes`` under ``top`` (hidden ones left out), sorted, with the
    problems of odd entries; then the folders that cannot be listed, in the order of the tree.
    Links to folders are not followed."""
    files: list[tuple[str, Problem | None]] = []
    folders: list[tuple[str, Problem | None]] = []
    for path, problem in _walk_as_found(top, suffixes):
        (files if isinstance(path, FoundPath) else folders).append((path, problem))
    yield from sorted(files, key=lambda found: found[0])
    yield from sorted(folders, key=lambda found: found[0].split(os.sep))


def _walk_as_found(top: str, suffixes: tuple[str, ...]) -> Iterator[tuple[str, Problem | None]]:
    """What :func:`_walk` finds, in the order the folders list it, holding no list of names. A
    stack, not recursion: a tree 10,000 folders deep is walked like a flat one."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                for entry in listing:
                    if entry.name.startswith("."):
                        continue
                    if _is_folder(entry):
                        if not entry.is_symlink():
                            stack.append(entry.path)
                    elif entry.name.endswith(suffixes):
                        path = FoundPath(entry.path)
                        if not _utf8(path):
                            yield path, _bad_name(path)
                        else:
                            yield path, None if _plain_file(entry) else _odd_entry(path)
        except OSError as exc:
            message = f"cannot list the folder: {exc.strerror or exc}"
            yield folder, error(printable_name(folder), 0, 0, UNREADABLE, message)


def each_once(
    found: Iterable[tuple[str, Problem | None]], many: bool
) -> Iterator[tuple[str, Problem | None]]:
    """``found`` without repeats. One folder walked (``many`` False) repeats nothing, so
    nothing is held; several arguments may name a file twice, so their paths are kept."""
    if not many:
        yield from found
        return
    seen: set[str] = set()
    for path, problem in found:
        name = problem.path if problem is not None else path
        if name not in seen:
            seen.add(name)
            yield path, problem


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _plain_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, not a link, as the folder listing says (no system call where the
    file system gives the type); anything else is looked at by :func:`_odd_entry`."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(path: str) -> str:
    """``path`` as text any output can show: bytes that are not UTF-8 as ``\\xNN``."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _bad_name(path: str) -> Problem:
    message = (
        "the file name is not valid UTF-8 (shown with its bytes escaped): rename it to have it read"
    )
    return error(printable_name(path), 0, 0, FILE_NAME, message)


def collect(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Readable files under ``paths`` and the problems of the others, each path once, in
    order (``find dir`` lists a folder and then what is in it)."""
    found: list[str] = []
    problems: list[Problem] = []
    for path, problem in each_once(discover(paths), many=True):
        if problem is None:
            found.append(path)
        else:
            problems.append(problem)
    return found, problems


def _odd_entry(path: str) -> Problem | None:
    """A folder entry that is not a regular file (a pipe would block, a socket cannot be read,
    a symbolic-link loop has no end) is reported instead of read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return error(path, 0, 0, UNREADABLE, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISREG(mode):
        return None
    return error(path, 0, 0, UNREADABLE, NOT_REGULAR)


def split_paths(listing: str, *, null: bool = False) -> list[str]:
    """Paths listed one a line (or NUL-separated), as ``find`` prints them; blanks dropped."""
    if null:
        return [item for item in listing.split("\0") if item]
    return [item.rstrip("\r") for item in listing.split("\n") if item.rstrip("\r")]


def read_listing(stream: BinaryIO, *, null: bool = False) -> list[FoundPath]:
    """The paths listed on ``stream`` (standard input), as :class:`FoundPath` values: bytes
    decoded as file names are (a name that is not UTF-8 survives, to be reported), at most
    ``LISTING_LIMIT`` bytes of them."""
    raw = read_stream(stream, STDIN_NAME, Limits(max_bytes=LISTING_LIMIT))
    if len(raw) > LISTING_LIMIT:
        message = f"the list of paths is over the {LISTING_LIMIT:,}-byte limit"
        raise InputError([error(STDIN_NAME, 0, 0, LISTING_TOO_LARGE, message)])
    text = os.fsdecode(raw)
    return [FoundPath(item) for item in split_paths(text, null=null)]
