"""Refresh ``catalog.compiled.json`` from ``catalog.yaml``.

Run ``python -m fitscore.skills.compile`` after editing the YAML file.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from fitscore.errors import InputError
from fitscore.skills.catalog import COMPILED_NAME, build_from_yaml, builtin_source


def compiled_text() -> str:
    """What the compiled file must hold for the current YAML."""
    raw = builtin_source()
    return build_from_yaml(raw).to_json(hashlib.sha256(raw).hexdigest())


def main() -> int:
    target = Path(__file__).with_name(COMPILED_NAME)
    try:
        text = compiled_text()
    except InputError as exc:
        for problem in exc.problems:
            print(f"{problem.location()}: {problem.message}", file=sys.stderr)
        return 2
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
