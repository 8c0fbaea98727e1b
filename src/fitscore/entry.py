"""The console script: Ctrl-C is one line and exit 130 even while the program is starting."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from fitscore.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("fitscore: interrupted\n")
        sys.exit(130)
    run()
