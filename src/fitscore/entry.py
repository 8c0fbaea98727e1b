"""The console script. What stops a run outside a command (Ctrl-C while the program starts or
reads its options, the reader of its output gone) is one line, or silence, and its exit code;
inside a command, ``cli.guard`` does the same."""

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
        from fitscore.cli.guard import silence_stdout

        silence_stdout()
        sys.exit(EXIT_CLOSED_PIPE)


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
