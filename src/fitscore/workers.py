"""Worker processes for runs over many files (``ranking``, ``batch``): results in input order,
Ctrl-C left to the parent, and busy workers stopped at once when the run stops early."""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from fitscore.errors import WorkerError

T = TypeVar("T")
R = TypeVar("R")


def in_workers(
    work: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    context: BaseContext,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    chunksize: int = 1,
) -> Iterator[R]:
    """``work`` of every item in ``jobs`` worker processes, in input order.

    A worker that dies is a :class:`WorkerError`; when the run stops early (an error, Ctrl-C,
    a closed pipe), the files still queued, or one that blocks, are not waited for.
    """

    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start, initargs=(initializer, *initargs)
    )
    try:
        yield from pool.map(work, items, chunksize=chunksize)
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process stopped unexpectedly", code="worker") from exc
    except BaseException:
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(initializer: Callable[..., None] | None, *arguments: Any) -> None:
    """How every worker starts (a module-level function: a fork server pickles it)."""
    leave_interrupts_to_the_parent()
    if initializer is not None:
        initializer(*arguments)


def leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the run and the workers, so a
    worker must not die of it on its own (with a traceback of its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to end busy workers; its process table is stable
    # (Python 3.8 to 3.14).
    processes: dict[int, multiprocessing.process.BaseProcess] = getattr(pool, "_processes", {})
    for process in list(processes.values()):
        process.terminate()
