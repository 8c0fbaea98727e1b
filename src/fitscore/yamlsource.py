"""Bytes -> plain data plus where each value sits in the file.

PyYAML's ``safe_load`` forgets positions, silently keeps the last of two duplicate keys and
expands aliases without bound. This module composes the node tree once (libyaml's C parser
where present), walks it with explicit limits, and turns every mistake into a
:class:`~fitscore.diagnostics.Problem` with a 1-based line and column.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fitscore.diagnostics import Problem, error

Path = tuple[str | int, ...]
Position = tuple[int, int]

_FAST_LOADER: type[Any] | None = getattr(yaml, "CSafeLoader", None)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_TAG + name for name in ("str", "int", "float", "bool", "null"))
_TIMESTAMP_TAG = _TAG + "timestamp"
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or broken file from exhausting time or memory."""

    max_bytes: int = 1 << 20
    max_depth: int = 64
    max_nodes: int = 200_000
    max_aliases: int = 1_000
    max_string: int = 10_000
    max_items: int = 10_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed YAML file: its data (``None`` when unusable) and the position of every value."""

    path: str
    data: Any
    problems: tuple[Problem, ...] = ()
    value_positions: Mapping[Path, Position] = field(default_factory=dict)
    key_positions: Mapping[Path, Position] = field(default_factory=dict)
    refused: frozenset[Path] = frozenset()

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)

    def position(self, path: Path, *, prefer_key: bool = False) -> Position:
        """Best known (line, column) for ``path``: the value, its key, or the nearest parent."""
        probe = tuple(path)
        while True:
            primary = self.key_positions if prefer_key else self.value_positions
            secondary = self.value_positions if prefer_key else self.key_positions
            if probe in primary:
                return primary[probe]
            if probe in secondary:
                return secondary[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]


def read_document(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read ``path`` from disk (``-`` is not handled here) and parse it."""
    try:
        size = os.path.getsize(path)
        if size > limits.max_bytes:
            return _failed(path, 1, 1, "too-large", _too_large(size, limits))
        with open(path, "rb") as stream:
            raw = stream.read(limits.max_bytes + 1)
    except IsADirectoryError:
        return _failed(path, 0, 0, "unreadable", "is a directory, not a file")
    except FileNotFoundError:
        return _failed(path, 0, 0, "unreadable", "no such file")
    except PermissionError:
        return _failed(path, 0, 0, "unreadable", "permission denied")
    except OSError as exc:
        return _failed(path, 0, 0, "unreadable", f"cannot read: {exc.strerror or exc}")
    return parse_bytes(raw, path, limits)


def parse_bytes(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Decode and parse one YAML document held in memory."""
    if len(raw) > limits.max_bytes:
        return _failed(path, 1, 1, "too-large", _too_large(len(raw), limits))
    if b"\x00" in raw[:_BINARY_SNIFF]:
        return _failed(path, 1, 1, "binary", "binary content, not a YAML text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return _failed(
            path,
            line,
            column,
            "encoding",
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
        )
    return parse_text(text, path, limits)


def parse_text(text: str, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML text into a :class:`Document`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    node, problem = _compose(text, path)
    if problem is not None:
        return Document(path, None, (problem,))
    if node is None:
        return _failed(path, 1, 1, "empty", "the file is empty (no YAML document in it)")
    walker = _Walker(path, limits)
    data = walker.convert(node)
    return Document(
        path, data, tuple(walker.problems), walker.values, walker.keys, frozenset(walker.refused)
    )


def _compose(text: str, path: str) -> tuple[Node | None, Problem | None]:
    loader_class = _FAST_LOADER or yaml.SafeLoader
    try:
        return _compose_with(loader_class, text), None
    except yaml.MarkedYAMLError as fast_error:
        if "nesting depth" in str(fast_error) or loader_class is yaml.SafeLoader:
            return None, _syntax_problem(path, fast_error)
        # libyaml's wording varies by version; the pure-Python parser gives stable messages.
        try:
            _compose_with(yaml.SafeLoader, text)
        except yaml.MarkedYAMLError as slow_error:
            return None, _syntax_problem(path, slow_error)
        except RecursionError:
            return None, error(path, 1, 1, "too-deep", "the document is nested too deeply")
        return None, _syntax_problem(path, fast_error)
    except yaml.YAMLError as exc:
        return None, error(path, 1, 1, "yaml-syntax", f"invalid YAML: {exc}")
    except RecursionError:
        return None, error(path, 1, 1, "too-deep", "the document is nested too deeply")


def _compose_with(loader_class: type[Any], text: str) -> Node | None:
    loader = loader_class(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (exc.problem or "invalid YAML").strip()
    if "'\\t'" in problem or "\t" in problem:
        return error(path, line, column, "tab", "tab character; YAML indents with spaces only")
    if "nesting depth" in problem:
        return error(path, line, column, "too-deep", "the document is nested too deeply")
    if "expected a single document" in (exc.context or ""):
        return error(
            path,
            line,
            column,
            "multiple-documents",
            "more than one YAML document ('---'); a file holds one profile or posting",
        )
    context = (exc.context or "").strip()
    message = f"{problem} ({context})" if context and context not in problem else problem
    return error(path, line, column, "yaml-syntax", f"invalid YAML: {message}")


def _too_large(size: int, limits: Limits) -> str:
    return (
        f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit "
        "(raise it with --max-bytes)"
    )


def _failed(path: str, line: int, column: int, code: str, message: str) -> Document:
    return Document(path, None, (error(path, line, column, code, message),))


class _Walker:
    """Turns a node tree into plain data, recording positions and problems on the way."""

    _constructor = SafeConstructor()

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.problems: list[Problem] = []
        self.values: dict[Path, Position] = {}
        self.keys: dict[Path, Position] = {}
        self.refused: set[Path] = set()
        self._seen: set[int] = set()
        self._visited = 0
        self._aliases = 0
        self._stopped = False

    def convert(self, root: Node) -> Any:
        data = self._node(root, (), 0)
        if self._stopped:
            return None
        return data

    def _report(self, node: Node, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(error(self.path, mark.line + 1, mark.column + 1, code, message))

    def _node(self, node: Node, path: Path, depth: int) -> Any:
        if self._stopped:
            return None
        self._visited += 1
        if id(node) in self._seen and not isinstance(node, ScalarNode):
            self._aliases += 1
            if self._aliases > self.limits.max_aliases:
                return self._stop(node, "alias-limit", "too many alias (*) references")
        self._seen.add(id(node))
        if self._visited > self.limits.max_nodes:
            code = "alias-limit" if self._aliases else "too-large"
            return self._stop(
                node, code, f"the document expands to more than {self.limits.max_nodes:,} values"
            )
        if depth > self.limits.max_depth:
            return self._stop(
                node, "too-deep", f"nested more than {self.limits.max_depth} levels deep"
            )
        self.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        before = len(self.problems)
        if isinstance(node, ScalarNode):
            value = self._scalar(node)
        elif isinstance(node, SequenceNode):
            value = self._sequence(node, path, depth)
        else:
            assert isinstance(node, MappingNode)
            value = self._mapping(node, path, depth)
        if value is None and len(self.problems) > before:
            # Reported here already; validation must not also call the value missing.
            self.refused.add(path)
        return value

    def _stop(self, node: Node, code: str, message: str) -> None:
        self._report(node, code, message)
        self._stopped = True

    def _scalar(self, node: ScalarNode) -> Any:
        if len(node.value) > self.limits.max_string:
            self._report(
                node,
                "too-long",
                f"a value of {len(node.value):,} characters, over the "
                f"{self.limits.max_string:,}-character limit",
            )
            return None
        tag = node.tag
        if tag == _TAG + "str":
            return node.value
        if tag == _TIMESTAMP_TAG:
            return node.value
        if tag in _SCALAR_TAGS:
            try:
                return self._constructor.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError):
                return node.value
        self._unsupported_tag(node)
        return None

    def _sequence(self, node: SequenceNode, path: Path, depth: int) -> list[Any] | None:
        if node.tag != _TAG + "seq":
            self._unsupported_tag(node)
            return None
        if len(node.value) > self.limits.max_items:
            self._report(
                node,
                "too-long",
                f"a list of {len(node.value):,} items, over the {self.limits.max_items:,} limit",
            )
            return None
        return [
            self._node(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
        ]

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any] | None:
        if node.tag != _TAG + "map":
            self._unsupported_tag(node)
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._report(key_node, "invalid-key", "a key must be plain text, not a list or map")
                continue
            if key_node.tag == _TAG + "merge":
                self._report(key_node, "unsupported", "merge keys ('<<') are not supported")
                continue
            key = str(key_node.value)
            key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            child: Path = (*path, key)
            if key in result or child in self.keys:
                first_line = self.keys[child][0]
                self._report(
                    key_node,
                    "duplicate-key",
                    f"duplicate key '{key}' (first defined on line {first_line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            self.keys[child] = key_position
            result[key] = self._node(value_node, child, depth + 1)
        return result

    def _unsupported_tag(self, node: Node) -> None:
        tag = node.tag or ""
        shown = tag.replace(_TAG, "!!")
        if "python" in tag:
            message = f"unsafe tag '{shown}' refused (fitscore never constructs objects)"
            self._report(node, "unsafe-tag", message)
        else:
            self._report(node, "unsupported-tag", f"unsupported tag '{shown}'")
