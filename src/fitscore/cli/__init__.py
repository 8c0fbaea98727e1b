"""The command line: a thin typer layer over the core.

- ``app``: the typer applications; ``commands``: one function per command, each
  options -> one core call -> ``emit`` -> the report's exit code;
- ``options``: the shared arguments and options; ``emit``: stdout, ``-o``, ``--save`` and the
  progress bar; ``guard``: every stop as one message and the documented exit code, plus the
  option hints the core leaves out; ``terminal``: terminal, colour and width decisions.

The console script is ``fitscore.entry:main``. Nothing outside this package imports typer
or rich's console.
"""

from __future__ import annotations

from fitscore.cli import commands as _commands  # noqa: F401  (registers the commands)
from fitscore.cli.app import app

__all__ = ["app"]
