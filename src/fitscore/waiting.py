"""Waits that Ctrl-C and SIGTERM always end.

Python runs a signal's handler between two steps of the program, not inside a system call: a
signal that comes after the last such check and before a blocking call begins (``read`` on a
silent pipe, a wait for a worker's answer) only sets a flag, and the call then blocks as if
nothing came. On a pipe that never speaks the run would never stop. A wait here also watches a
wakeup descriptor (:func:`signal.set_wakeup_fd`): the signal writes a byte to it whenever it
comes, so a wait that begins after it returns at once and the handler runs.

Only the main thread can do this (it is the one signals are handled in); elsewhere, and when
the program already has a wakeup descriptor of its own (an event loop's), a wait is a plain one
and that descriptor is left alone.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
from collections.abc import Iterator

# Whether a pipe opened without blocking can be waited on with poll until its writer has written
# or gone, and a wait on a terminal or device is a real one (Linux; poll on macOS refuses
# devices). Elsewhere a wait is select's, on a descriptor that blocks.
POLLS_PIPES = sys.platform.startswith("linux") and hasattr(select, "poll")


@contextlib.contextmanager
def woken() -> Iterator[int | None]:
    """A descriptor that is readable once a signal with a Python handler has come while it is
    held; ``None`` where there can be none."""
    if threading.current_thread() is not threading.main_thread():
        yield None
        return
    reader, writer = os.pipe()
    try:
        os.set_blocking(reader, False)
        os.set_blocking(writer, False)
        previous = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
        if previous != -1:  # the program's own: put it back, and wait without one
            signal.set_wakeup_fd(previous)
            yield None
            return
        try:
            yield reader
        finally:
            signal.set_wakeup_fd(-1)
    finally:
        os.close(reader)
        os.close(writer)


def until_readable(handle: int, alarm: int | None) -> None:
    """Return once ``handle`` can be read without blocking (data, its end, or an error to
    report). A signal that comes first runs its handler: Ctrl-C and SIGTERM raise
    ``KeyboardInterrupt`` here; one whose handler returns leaves the wait going on."""
    if alarm is None:
        return  # the read itself waits
    if not POLLS_PIPES:
        _until_selected(handle, alarm)
        return
    poller = select.poll()
    poller.register(handle, select.POLLIN)
    poller.register(alarm, select.POLLIN)
    while True:
        ready = {number for number, _ in poller.poll()}
        if handle in ready:
            return
        _drain(alarm)


def _until_selected(handle: int, alarm: int) -> None:
    while True:
        try:
            ready, _, _ = select.select([handle, alarm], [], [])
        except (OSError, ValueError):  # a descriptor select cannot take: the read waits
            return
        if handle in ready:
            return
        _drain(alarm)


def _drain(alarm: int) -> None:
    """Empty the wakeup descriptor, so that the next wait waits for the next signal."""
    with contextlib.suppress(BlockingIOError, InterruptedError):
        while os.read(alarm, 256):
            pass
