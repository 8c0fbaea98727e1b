"""The console script. What stops a run outside a command (Ctrl-C while the program starts or
reads its options, the reader of its output gone, ``--help`` onto a full disk, a file typer
writes for ``--install-completion``) is one line, or silence, and its exit code; inside a
command, ``cli.guard`` does the same."""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

# The codes of fitscore.errors, written out so that nothing is imported before the handlers
# are in place (a test checks that they agree).
EXIT_USAGE, EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 2, 130, 141


def main() -> None:
    # fitscore uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from fitscore import startup

    startup.skip_plugin_discovery()
    startup.pause_collector()  # until the command's work begins (cli.guard)
    if sys.stdout is None or sys.stderr is None:  # started with a closed descriptor
        if sys.stderr is not None:
            sys.stderr.write("fitscore: error: standard output is closed\n")
        sys.exit(EXIT_USAGE)
    if sys.stdin is None:
        # Started without standard input (`<&-`): descriptor 0 is free, and the next file
        # opened would take it (and be read by a worker as its input). The null device holds
        # it; reading `-` still says that standard input is closed (sys.stdin stays None).
        _hold_descriptor(0)
    # SIGTERM ends a run as Ctrl-C does: workers stopped, temporary files removed, one line.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        from fitscore.cli import commands  # noqa: F401  (registers the commands)
        from fitscore.cli.app import for_arguments

        for_arguments(sys.argv[1:])()
    except KeyboardInterrupt:
        sys.stderr.write("fitscore: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence(1)
        sys.exit(EXIT_CLOSED_PIPE)
    except OSError as exc:
        # Only an output stream or a file typer writes gets here (the guard turns every other
        # failure of a command into its message): say it once, where that is still possible,
        # and keep the final flush of a full stream from failing again (exit 120).
        where = f"cannot write {exc.filename}" if exc.filename else "cannot write the output"
        try:
            sys.stderr.write(f"fitscore: error: {where}: {exc.strerror or exc}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            _silence(2)
        _silence(1)
        sys.exit(EXIT_USAGE)


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _hold_descriptor(number: int) -> None:
    try:
        held = os.open(os.devnull, os.O_RDONLY)
        if held != number:
            os.dup2(held, number)
            os.close(held)
    except OSError:
        pass


def _silence(number: int) -> None:
    """Point descriptor ``number`` at the null device: what is still buffered for it goes
    nowhere instead of failing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, number)
        os.close(devnull)
    except OSError:
        pass
