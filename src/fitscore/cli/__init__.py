"""The command line: a thin typer layer over the core.

- ``app``: the typer applications; ``commands``: one function per command, each
  options -> one core call -> ``emit`` -> the report's exit code;
- ``options``: the shared arguments and options; ``emit``: stdout, ``-o``, ``--save`` and the
  progress bar; ``guard``: every stop as one message and the documented exit code, plus the
  option hints the core leaves out; ``terminal``: terminal, colour and width decisions.

Nothing outside this package imports typer or rich's console.
"""

from __future__ import annotations

import os
import sys

from fitscore.cli import commands as _commands  # noqa: F401  (registers the commands)
from fitscore.cli.app import app
from fitscore.cli.guard import silence_stdout
from fitscore.errors import EXIT_CLOSED_PIPE, EXIT_INTERRUPTED, EXIT_USAGE

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point."""
    # fitscore uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if sys.stdout is None or sys.stderr is None:  # started with a closed descriptor
        if sys.stderr is not None:
            sys.stderr.write("fitscore: error: standard output is closed\n")
        sys.exit(EXIT_USAGE)
    try:
        app()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(EXIT_CLOSED_PIPE)
    except KeyboardInterrupt:
        sys.stderr.write("fitscore: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
