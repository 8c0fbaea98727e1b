"""JSON Schemas of the file kinds, generated from the models (for editors and other tools), and
the ``$schema`` line that points an editor at them from wherever a file is written.

Editors (the YAML language server) read ``# yaml-language-server: $schema=PATH`` at the top of a
file, PATH relative to the file. fitscore places the schemas with ``fitscore schema --write
DIR`` (``schemas/`` by convention) and, when it writes a profile or a posting, looks for that
folder beside the file or in a folder above it: the reference it writes then resolves wherever
the file lives. With no such folder it writes no reference (a path that resolves nowhere would
only make the editor complain).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fitscore.loading import model_of
from fitscore.vocabulary import FileKind

SCHEMA_FOLDER = "schemas"
REFERENCE_PREFIX = "# yaml-language-server: $schema="
SEARCH_DEPTH = 64  # folders above the file looked at, at most


def json_schema(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a profile or posting file."""
    schema = model_of(kind).model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: FileKind) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def file_name(kind: FileKind) -> str:
    return f"{kind.value}.schema.json"


def is_schema_file(path: Path) -> bool:
    """Whether ``path`` holds a JSON Schema (one fitscore wrote earlier may be replaced)."""
    try:
        document = json.loads(path.read_bytes()[: 1 << 22])
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and "json-schema.org" in str(document.get("$schema", ""))


def reference(kind: FileKind, written_to: str | None) -> str | None:
    """The ``$schema`` line for a ``kind`` file written to ``written_to`` (None: standard
    output, taken as written in the current folder), or None when no schema folder is found
    beside it or above it."""
    folder = Path(written_to).parent if written_to else Path(".")
    try:
        start = folder.resolve()
    except (OSError, RuntimeError):
        return None
    for place in (start, *start.parents)[:SEARCH_DEPTH]:
        candidate = place / SCHEMA_FOLDER / file_name(kind)
        try:
            found = candidate.is_file()
        except OSError:
            found = False
        if found:
            return REFERENCE_PREFIX + Path(os.path.relpath(candidate, start)).as_posix()
    return None


def with_reference(text: str, kind: FileKind, written_to: str | None) -> str:
    """``text`` with the ``$schema`` line for where it is written first, when there is one."""
    line = reference(kind, written_to)
    return f"{line}\n{text}" if line is not None else text
