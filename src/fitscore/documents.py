"""Reading profile, posting and weights files (or standard input) into models."""

from __future__ import annotations

import sys

from fitscore.diagnostics import error
from fitscore.errors import InputError
from fitscore.loading import load
from fitscore.models import Posting, Profile, Weights
from fitscore.skills.catalog import Catalog, builtin_catalog
from fitscore.yamlsource import DEFAULT_LIMITS, Document, Limits, parse_bytes, read_document

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_any(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A file, or standard input when ``path`` is ``-``."""
    if path == STDIN:
        raw = sys.stdin.buffer.read(limits.max_bytes + 1)
        return parse_bytes(raw, STDIN_NAME, limits)
    return read_document(path, limits)


def read_raw(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, str]:
    """Bytes of a raw (non-YAML) input and the name to show for it; ``-`` is standard input."""
    if path == STDIN:
        raw = sys.stdin.buffer.read(limits.max_bytes + 1)
        name = STDIN_NAME
    else:
        try:
            with open(path, "rb") as stream:
                raw = stream.read(limits.max_bytes + 1)
        except OSError as exc:
            problem = error(path, 0, 0, "unreadable", f"cannot read: {exc.strerror or exc}")
            raise InputError([problem]) from exc
        name = path
    if len(raw) > limits.max_bytes:
        message = f"over the {limits.max_bytes:,}-byte limit (raise it with --max-bytes)"
        raise InputError([error(name, 1, 1, "too-large", message)])
    return raw, name


def read_json(path: str, limits: Limits = DEFAULT_LIMITS) -> object:
    """A JSON document from a file or standard input; syntax errors name line and column."""
    import json

    raw, name = read_raw(path, limits)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError([error(name, line, 1, "encoding", "invalid UTF-8")]) from exc
    except json.JSONDecodeError as exc:
        problem = error(name, exc.lineno, exc.colno, "json-syntax", f"invalid JSON: {exc.msg}")
        raise InputError([problem]) from exc


def read_profile(path: str, limits: Limits = DEFAULT_LIMITS) -> Profile:
    return load(path, Profile, document=read_any(path, limits))


def read_posting(
    path: str, catalog: Catalog | None = None, limits: Limits = DEFAULT_LIMITS
) -> Posting:
    known = frozenset((catalog or builtin_catalog()).categories)
    return load(path, Posting, context={"categories": known}, document=read_any(path, limits))


def read_weights(path: str, limits: Limits = DEFAULT_LIMITS) -> Weights:
    return load(path, Weights, document=read_any(path, limits))


def read_pair(
    profile_path: str, posting_path: str, catalog: Catalog, limits: Limits = DEFAULT_LIMITS
) -> tuple[Profile, Posting]:
    """Both files, reporting the problems of both when both are broken."""
    problems = []
    profile = posting = None
    try:
        profile = read_profile(profile_path, limits)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        posting = read_posting(posting_path, catalog, limits)
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or profile is None or posting is None:
        raise InputError(problems)
    return profile, posting
