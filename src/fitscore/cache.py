"""Results of earlier runs, so that re-ranking an unchanged folder is nearly free.

One SQLite file under the user's cache folder (``$XDG_CACHE_HOME/fitscore/results.sqlite``,
else ``~/.cache/fitscore``). A result is kept under a *run key* (everything a result depends
on except the posting: fitscore's version, the profile, the weights, the catalogue, the rules,
the date and what was measured) and the posting's path. It is used again only for the same
run key and the same posting: same size and modification time, or, when those disagree (or
the file changed too recently for its time to be trusted), the same content hash.

The cache can only make a run faster, never different or failed: a corrupt, foreign or
unwritable cache file is set aside with a one-line note and the run goes on without it (or
with a new one). Writers in two runs at once are serialised by SQLite (write-ahead log).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

FORMAT = 1
FILE_NAME = "results.sqlite"
# A file modified this close to when it was checked may change again within the same tick of
# its clock: its size and time prove nothing, its content is compared instead.
RACY_NANOSECONDS = 2_000_000_000
# Paths asked at once by lookup_many: far under the smallest limit SQLite may have been built
# with on the parameters of one statement (999).
LOOKUP_BATCH = 500
# Run keys not used for this long are dropped when the cache is opened.
KEEP_NANOSECONDS = 30 * 24 * 3600 * 1_000_000_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS fitscore_cache (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (run TEXT PRIMARY KEY, used_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS results (
    run TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    content TEXT NOT NULL,
    checked_ns INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (run, path)
) WITHOUT ROWID;
"""


def default_location() -> Path | None:
    """Where the cache lives, or None when it is turned off (``FITSCORE_CACHE=off``)."""
    setting = os.environ.get("FITSCORE_CACHE", "")
    if setting.casefold() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fitscore" / FILE_NAME


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """A result as kept: the posting file's identity when it was scored, and the result."""

    path: str
    size: int
    mtime_ns: int
    content: str
    checked_ns: int
    payload: str


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the cache knows of one path. ``proven``: size and time show the file unchanged,
    so ``payload`` holds; otherwise it holds only if the file's content hash is ``content``."""

    payload: str | None = None
    content: str | None = None
    proven: bool = False


MISS = Lookup()


class ResultCache:
    """The results of one run key. Reads work in any process (a connection per process);
    writes are batched by the process that owns the run."""

    def __init__(self, location: Path, run: str, notes: list[str]) -> None:
        self.location = location
        self.run = run
        self.notes = notes
        self._pending: list[Entry] = []
        self._connection: sqlite3.Connection | None = None
        self._pid = -1
        self.working = self._prepare()

    def __getstate__(self) -> dict[str, object]:
        """What a worker process gets: where the cache is, never an open connection."""
        return {"location": self.location, "run": self.run, "working": self.working}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.location = state["location"]  # type: ignore[assignment]
        self.run = state["run"]  # type: ignore[assignment]
        self.working = state["working"]  # type: ignore[assignment]
        self.notes = []
        self._pending = []
        self._connection = None
        self._pid = -1

    # -- opening -------------------------------------------------------------------------

    def _prepare(self) -> bool:
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
            connection = self._connect()
            self._check(connection)
            now = time.time_ns()
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO runs (run, used_ns) VALUES (?, ?)", (self.run, now)
                )
                old = [
                    row[0]
                    for row in connection.execute(
                        "SELECT run FROM runs WHERE used_ns < ?", (now - KEEP_NANOSECONDS,)
                    )
                ]
                connection.executemany("DELETE FROM results WHERE run = ?", [(r,) for r in old])
                connection.executemany("DELETE FROM runs WHERE run = ?", [(r,) for r in old])
            return True
        except _Foreign:
            return self._rebuild("is not a fitscore cache of this version")
        except sqlite3.OperationalError as exc:  # busy, read-only, a full disk: not damage
            self._give_up(f"cannot be used now ({exc})")
            return False
        except sqlite3.DatabaseError as exc:  # not a database, or a damaged one
            return self._rebuild(f"cannot be used ({exc})")
        except OSError as exc:
            self._give_up(f"cannot be created ({exc.strerror or exc})")
            return False

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            # A connection never crosses a fork: each process opens its own.
            self._connection = sqlite3.connect(self.location, timeout=10.0, isolation_level=None)
            self._pid = os.getpid()
        return self._connection

    def _check(self, connection: sqlite3.Connection) -> None:
        """Create the tables in a new file, or make sure an existing file is ours. Two runs
        may do this at once: the check and the creation are one write transaction."""
        _write_ahead_log(connection)
        connection.execute("BEGIN IMMEDIATE")
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(
                    "INSERT OR IGNORE INTO fitscore_cache (id, format) VALUES (1, ?)", (FORMAT,)
                )
            elif "fitscore_cache" not in tables:
                raise _Foreign
            formats = [row[0] for row in connection.execute("SELECT format FROM fitscore_cache")]
            if formats != [FORMAT]:
                raise _Foreign
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _rebuild(self, reason: str) -> bool:
        self._close()
        self.notes.append(f"the result cache {self.location} {reason}; starting a new one")
        try:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.location}{suffix}")
            connection = self._connect()
            self._check(connection)
            with _transaction(connection):
                connection.execute(
                    "INSERT OR REPLACE INTO runs (run, used_ns) VALUES (?, ?)",
                    (self.run, time.time_ns()),
                )
            return True
        except (sqlite3.DatabaseError, OSError) as exc:
            self._give_up(f"cannot be rebuilt ({exc})")
            return False

    def _give_up(self, reason: str) -> None:
        self._close()
        self.notes.append(f"the result cache {self.location} {reason}; running without it")
        self.working = False

    def _close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None

    # -- reading and writing -------------------------------------------------------------

    def lookup(self, path: str, status: os.stat_result) -> Lookup:
        """The kept result for ``path`` if its size and time prove it unchanged."""
        return self.lookup_many({path: status}).get(path, MISS)

    def lookup_many(self, files: Mapping[str, os.stat_result]) -> dict[str, Lookup]:
        """What the cache knows of each of ``files`` (path to status), asked a few hundred
        paths to a query rather than one query a path; paths it knows nothing of are left
        out. A failing read answers what it read so far: the rest is scored again."""
        known: dict[str, Lookup] = {}
        if not self.working or not files:
            return known
        names = list(files)
        try:
            connection = self._connect()
            for start in range(0, len(names), LOOKUP_BATCH):
                batch = names[start : start + LOOKUP_BATCH]
                rows = connection.execute(
                    "SELECT path, size, mtime_ns, content, checked_ns, payload FROM results "
                    f"WHERE run = ? AND path IN ({','.join('?' * len(batch))})",
                    (self.run, *batch),
                )
                for path, size, mtime_ns, content, checked_ns, payload in rows:
                    status = files[path]
                    trusted = status.st_mtime_ns < checked_ns - RACY_NANOSECONDS
                    same = size == status.st_size and mtime_ns == status.st_mtime_ns
                    known[path] = Lookup(payload, content, same and trusted)
        except sqlite3.Error:
            pass
        return known

    def keep(self, entry: Entry) -> None:
        """Remember a result; written in batches, and at :meth:`close`."""
        if not self.working:
            return
        self._pending.append(entry)
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if not self._pending or not self.working:
            self._pending.clear()
            return
        rows = [
            (self.run, e.path, e.size, e.mtime_ns, e.content, e.checked_ns, e.payload)
            for e in self._pending
        ]
        self._pending.clear()
        try:
            connection = self._connect()
            with _transaction(connection):
                connection.executemany(
                    "INSERT OR REPLACE INTO results "
                    "(run, path, size, mtime_ns, content, checked_ns, payload) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as exc:
            self._give_up(f"cannot be written ({exc})")

    def close(self) -> None:
        self.flush()
        self._close()


def _write_ahead_log(connection: sqlite3.Connection) -> None:
    """Readers and a writer at once. The mode is kept in the file: set once, by the first run;
    another run setting it at the same moment is told the file is busy, and waits its turn."""
    for attempt in range(50):
        try:
            mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).casefold() != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.02 * (attempt + 1))


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


class _Foreign(Exception):
    """The file is a SQLite database, but not one this version of fitscore wrote."""
