"""Worker processes for runs over many files (``ranking``, ``batch``): results in input order,
Ctrl-C and SIGTERM left to the parent, and busy workers stopped at once when the run stops early.

A small pool of its own rather than ``ProcessPoolExecutor``, for what the executor cannot do:
start its workers one at a time, so that a process limit reached on the way (a failed fork,
EAGAIN) leaves a run on the workers that did start, or in this process, instead of a broken
pool or a wait that never ends; and tell a worker that died (its pipe closes) from one that
is only slow.
"""

from __future__ import annotations

import contextlib
import itertools
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from fitscore.errors import WorkerError
from fitscore.waiting import woken

T = TypeVar("T")
R = TypeVar("R")

# Chunks sent to a worker before its answer to the first is read: one, so that neither side
# ever waits to send while the other waits to send too (a large chunk against a large result).
AHEAD = 1
STOP_WAIT = 5.0  # seconds a worker gets to exit by itself before it is killed


def in_workers(
    work: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    context: BaseContext,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    chunksize: int = 1,
    notice: Callable[[str], None] | None = None,
) -> Iterator[R]:
    """``work`` of every item in up to ``jobs`` worker processes, in input order.

    Workers that cannot be started (the process limit) are done without, said once through
    ``notice``; with none at all the items are worked here. A worker that dies is a
    :class:`WorkerError`; when the run stops early (an error, Ctrl-C, SIGTERM, a closed pipe),
    the workers are stopped at once, busy or not, and none is left behind.
    """
    chunks = _chunks(items, chunksize)
    wanted = jobs
    if isinstance(items, Sized):
        wanted = max(1, min(jobs, -(-len(items) // max(1, chunksize))))
    workers: list[_Worker] = []
    try:
        failure = _start_workers(workers, context, wanted, work, initializer, initargs)
        if failure is not None and notice is not None:
            notice(_shortfall(len(workers), wanted, failure))
        if workers:
            yield from _results(workers, chunks)
            return
    finally:
        _stop(workers)
    if initializer is not None:
        initializer(*initargs)
    for chunk in chunks:
        yield from map(work, chunk)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.sent: deque[int] = deque()  # chunk numbers sent and not yet answered
        self.stopped = False


def _start_workers(
    workers: list[_Worker],
    context: BaseContext,
    wanted: int,
    work: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
) -> BaseException | None:
    """Start up to ``wanted`` workers into ``workers``; the failure that stopped it, if any."""
    for _ in range(wanted):
        ours, theirs = context.Pipe()
        process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, ours, work, initializer, initargs), daemon=True
        )
        try:
            with _signals_held():
                process.start()
        except (OSError, EOFError) as exc:  # the process limit, or a fork server that died of it
            ours.close()
            return exc
        finally:
            theirs.close()
        workers.append(_Worker(process, ours))
    return None


def _shortfall(started: int, wanted: int, failure: BaseException) -> str:
    if isinstance(failure, EOFError | ConnectionError):  # the fork server died of it
        reason = "the process that starts them stopped"
    else:
        reason = failure.strerror if isinstance(failure, OSError) and failure.strerror else "failed"
    if started == 0:
        return f"no worker process could be started ({reason}): the run goes on in this process"
    return (
        f"only {started} of {wanted} worker processes could be started ({reason}): "
        f"the run goes on with {started}"
    )


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, max(1, size))):
        yield chunk


def _results(workers: list[_Worker], chunks: Iterator[list[Any]]) -> Iterator[Any]:
    numbered = enumerate(chunks)
    held: dict[int, list[Any]] = {}
    owner: dict[Connection, _Worker] = {worker.connection: worker for worker in workers}
    next_out = 0
    exhausted = False
    while True:
        for worker in workers:
            while len(worker.sent) < AHEAD and not exhausted:
                item = next(numbered, None)
                if item is None:
                    exhausted = True
                    break
                worker.connection.send(item)
                worker.sent.append(item[0])
        if exhausted and not any(worker.sent for worker in workers):
            # Every answer is in: the workers end now, not when the caller lets go of this
            # generator (which may be never, or at exit).
            _stop(workers)
            for number in sorted(held):
                yield from held.pop(number)
            return
        while next_out in held:
            yield from held.pop(next_out)
            next_out += 1
        for ready in _answered(owner):
            worker = owner[ready]
            try:
                number, ok, payload = ready.recv()
            except (EOFError, OSError):
                raise WorkerError("a worker process stopped unexpectedly", code="worker") from None
            worker.sent.remove(number)
            if not ok:
                raise payload
            held[number] = payload


def _answered(owner: dict[Connection, _Worker]) -> list[Connection]:
    """The workers' ends with an answer (or closed), once there is one: Ctrl-C or SIGTERM ends
    the wait whenever it comes, even just before the wait begins (``fitscore.waiting``)."""
    with woken() as alarm:  # (a signal whose handler returns: the caller waits again)
        ready = wait([*owner, alarm] if alarm is not None else [*owner])
    return [end for end in ready if isinstance(end, Connection)]


def _serve(
    connection: Connection,
    parents_end: Connection,
    work: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
) -> None:
    """A worker's life: set up, then work each chunk sent until told to stop (None) or the
    pipe closes (the parent is gone)."""
    leave_interrupts_to_the_parent()
    parents_end.close()  # a forked worker holds a copy: the pipe would never close
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        number, chunk = task
        try:
            answer: tuple[int, bool, Any] = (number, True, [work(item) for item in chunk])
        except Exception as exc:  # a bug: raised again in the parent
            answer = (number, False, exc)
        try:
            connection.send(answer)
        except (BrokenPipeError, EOFError):
            return
        except Exception as exc:  # a result or an exception that does not pickle
            connection.send((number, False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the run and the workers, so a
    worker must not die of it on its own (with a traceback of its own). SIGTERM (the parent's
    way of stopping a worker) ends a worker quietly, whatever handler it inherited."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held since the fork (see _signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while a worker is started: a worker inherits the held mask and
    the parent's handlers, and lets them through only once its own handlers are in place, so
    a signal in between never raises the parent's KeyboardInterrupt inside a new worker (a
    traceback of its own on stderr). The parent gets what arrived as soon as the start ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(workers: list[_Worker]) -> None:
    """End every worker: an idle one told to, a busy one at once; none is left running."""
    for worker in workers:
        if worker.stopped:
            continue
        with contextlib.suppress(OSError, ValueError):
            if worker.sent:
                worker.process.terminate()
            else:
                worker.connection.send(None)
    for worker in workers:
        if worker.stopped:
            continue
        worker.stopped = True
        with contextlib.suppress(OSError, AssertionError, ValueError):
            worker.process.join(STOP_WAIT)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(STOP_WAIT)
        with contextlib.suppress(OSError):
            worker.connection.close()
