"""JSON text to plain data, with every mistake located at its line and column.

Python's ``json`` module silently keeps the last of two duplicate keys, recurses once per
nesting level (a ``RecursionError`` past about a thousand), refuses an integer longer than
``sys.get_int_max_str_digits()`` with a bare ``ValueError``, accepts ``NaN`` and ``Infinity``
(which are not JSON) and returns a lone UTF-16 surrogate (``"\\ud800"``) as if it were text.
This module parses with the ``json`` module (its C scanner is fast) and, when one of those
happens, finds the place with one linear scan of the text: the same limits and the same kind of
message as the YAML layer (``yamlsource``).
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from fitscore.diagnostics import Problem, error
from fitscore.errors import InputError
from fitscore.sources import DEFAULT_LIMITS, Limits

SYNTAX = "json-syntax"
DUPLICATE_KEY = "duplicate-key"
TOO_DEEP = "too-deep"
NUMBER_TOO_LONG = "number-too-long"
NOT_TEXT = "invalid-text"

# One token of JSON text: a string (escapes included), punctuation, a number or a bare word.
# Whitespace between tokens is skipped by finditer; the text is already known to parse, or to
# fail only where the json module said.
_TOKEN = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z]+',
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORDS = frozenset({"true", "false", "null"})


class _Stop(Exception):
    """Raised inside the json module's hooks: the scan says where and why."""


def parse_json(
    text: str,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    strict: bool = True,
    duplicate_keys: bool = False,
) -> Any:
    """The value of JSON ``text``; raises :class:`InputError` with located problems.

    ``strict=False`` lets raw control characters (a newline) stand inside strings, as pages'
    JSON-LD often has them. ``duplicate_keys=True`` keeps the last of two equal keys, as web
    browsers and search engines read JSON-LD; by default every duplicate is a problem, since
    the first one would be lost without a word.
    """
    hook = None if duplicate_keys else _no_duplicates
    try:
        value = json.loads(
            text,
            strict=strict,
            object_pairs_hook=hook,
            parse_int=_integer,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg}"
        raise InputError([error(path, exc.lineno, exc.colno, SYNTAX, message)]) from None
    except (_Stop, RecursionError, ValueError):
        # A duplicate key, a too-long number, NaN or nesting the C scanner cannot follow.
        raise InputError(_scan(text, path, limits, duplicate_keys) or [_unlocated(path)]) from None
    if _too_deep(value, limits.max_depth) or ("\\u" in text and _has_surrogate(value)):
        raise InputError(_scan(text, path, limits, duplicate_keys) or [_unlocated(path)])
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Stop
    return found


def _integer(digits: str) -> int:
    if len(digits) > _max_digits():
        raise _Stop
    return int(digits)


def _constant(word: str) -> Any:
    raise _Stop


def _max_digits() -> int:
    limit = sys.get_int_max_str_digits()
    return limit if limit > 0 else sys.maxsize


def _unlocated(path: str) -> Problem:
    return error(path, 1, 1, SYNTAX, "invalid JSON")


def _too_deep(value: Any, max_depth: int) -> bool:
    """Does ``value`` nest containers more than ``max_depth`` levels below the top one?"""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if not isinstance(current, dict | list):
            continue
        if depth > max_depth:
            return True
        children = current.values() if isinstance(current, dict) else current
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _has_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            if not current.isascii() and _SURROGATE.search(current):
                return True
        elif isinstance(current, dict):
            stack.extend(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return False


def _scan(text: str, path: str, limits: Limits, duplicate_keys: bool) -> list[Problem]:
    """Every duplicate key, too-long number, non-JSON constant and lone surrogate of ``text``,
    or the first place its nesting goes past the limit (after which nothing else is looked at).
    """
    problems: list[Problem] = []
    lines = _Lines(text)
    # One frame per open container: the keys of an object (key -> its line), None for a list.
    frames: list[dict[str, int] | None] = []
    expecting_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        start = match.start()
        first = token[0]
        if first in "{[":
            frames.append({} if first == "{" else None)
            expecting_key = first == "{"
            if len(frames) > limits.max_depth + 1:  # the top container is level 0
                line, column = lines.position(start)
                message = f"nested more than {limits.max_depth} levels deep"
                return [*problems, error(path, line, column, TOO_DEEP, message)]
        elif first in "}]":
            if frames:
                frames.pop()
            expecting_key = False
        elif first == ",":
            expecting_key = bool(frames) and frames[-1] is not None
        elif first == ":":
            expecting_key = False
        elif first == '"':
            value = _decoded(token)
            if value is None:
                line, column = lines.position(start + _lone_surrogate_at(token))
                message = "a lone UTF-16 surrogate (half of a pair) in a string is not text"
                problems.append(error(path, line, column, NOT_TEXT, message))
                value = token
            keys = frames[-1] if frames else None
            if expecting_key and keys is not None and not duplicate_keys:
                line, column = lines.position(start)
                if value in keys:
                    shown = _shown_key(value)
                    message = (
                        f"duplicate key '{shown}' (first defined on line {keys[value]}); "
                        "a JSON reader would silently keep only the last one"
                    )
                    problems.append(error(path, line, column, DUPLICATE_KEY, message))
                else:
                    keys[value] = line
            expecting_key = False
        elif first == "-" or first.isdigit():
            digits = len(re.match(r"-?(\d*)", token).group(1))  # type: ignore[union-attr]
            if digits > _max_digits():
                line, column = lines.position(start)
                message = f"a number of {digits:,} digits, over the {_max_digits():,}-digit limit"
                problems.append(error(path, line, column, NUMBER_TOO_LONG, message))
        elif token not in _WORDS:
            line, column = lines.position(start)
            message = f"invalid JSON: {token[:40]} is not a JSON value"
            problems.append(error(path, line, column, SYNTAX, message))
    return problems


def _decoded(token: str) -> str | None:
    """The text of a string token, or None when it holds a lone surrogate."""
    if "\\" not in token:
        return token[1:-1]
    try:
        value: str = json.loads(token, strict=False)
    except (json.JSONDecodeError, ValueError):
        return token[1:-1]
    return None if _SURROGATE.search(value) else value


def _lone_surrogate_at(token: str) -> int:
    """The offset in a string token of its first escape that is half a surrogate pair."""
    pending: int | None = None  # offset of a high surrogate waiting for its low half
    for match in _ESCAPE.finditer(token):
        code = int(match.group(1), 16) if match.group(1) else None
        if pending is not None:
            if code is not None and 0xDC00 <= code <= 0xDFFF:
                pending = None
                continue
            return pending
        if code is not None and 0xD800 <= code <= 0xDBFF:
            pending = match.start()
        elif code is not None and 0xDC00 <= code <= 0xDFFF:
            return match.start()
    return pending if pending is not None else 0


def _shown_key(key: str, limit: int = 60) -> str:
    flat = " ".join(key.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _Lines:
    """1-based line and column of offsets into one text, found in ascending order cheaply."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0  # the line start cached below is the line of this offset
        self.line = 1
        self.line_start = 0

    def position(self, offset: int) -> tuple[int, int]:
        if offset < self.offset:
            self.offset, self.line, self.line_start = 0, 1, 0
        self.line += self.text.count("\n", self.offset, offset)
        newline = self.text.rfind("\n", self.offset, offset)
        if newline >= 0:
            self.line_start = newline + 1
        self.offset = offset
        return self.line, offset - self.line_start + 1
