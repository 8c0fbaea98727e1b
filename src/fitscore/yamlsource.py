"""Bytes -> plain data plus where each value sits in the file.

PyYAML's ``safe_load`` forgets positions, silently keeps the last of two duplicate keys and
expands aliases without bound. This module composes the node tree once (libyaml's C parser
where present), walks it with explicit limits, and turns every mistake into a
:class:`~fitscore.diagnostics.Problem` with a 1-based line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, BinaryIO

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fitscore.diagnostics import Problem, error
from fitscore.errors import InputError
from fitscore.sources import DEFAULT_LIMITS, TOO_LARGE, Limits, open_source, too_large

Path = tuple[str | int, ...]
Position = tuple[int, int]

# The base loaders resolve no implicit types: every plain scalar stays the text the user wrote
# ("yes" stays "yes", "1.10" stays "1.10"); the models convert numbers and booleans where a
# field wants them. libyaml's C parser where present, the pure-Python one otherwise.
_TAG = "tag:yaml.org,2002:"
_DEFAULT_TAGS = {ScalarNode: _TAG + "str", SequenceNode: _TAG + "seq", MappingNode: _TAG + "map"}


if hasattr(yaml, "CBaseLoader"):

    class _FastLoader(yaml.CBaseLoader):
        """libyaml's parser; tags resolved by node kind alone (what BaseResolver does, faster)."""

        def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
            return _DEFAULT_TAGS[kind]

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    _FAST_LOADER: type[Any] | None = _FastLoader
else:  # pragma: no cover - PyYAML without libyaml
    _FAST_LOADER = None
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_POSITION_DEPTH = 200
_SCALAR_TAGS = frozenset(_TAG + name for name in ("int", "float", "bool", "null"))
_TIMESTAMP_TAG = _TAG + "timestamp"
_STR_TAG = _TAG + "str"
_STR_TAG_OBJECT = _DEFAULT_TAGS[ScalarNode]  # the very object the fast loader hands out
_SEQ_TAG = _TAG + "seq"
_MAP_TAG = _TAG + "map"
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data (``None`` when unusable) and where each value sits.

    Positions are worked out from the node tree only when asked for (an error to report), so a
    valid file pays nothing for them.
    """

    path: str
    data: Any
    problems: tuple[Problem, ...] = ()
    root: Node | None = None

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)

    @cached_property
    def _position_maps(self) -> tuple[dict[Path, Position], dict[Path, Position]]:
        return _positions(self.root)

    @property
    def value_positions(self) -> Mapping[Path, Position]:
        return self._position_maps[0]

    @property
    def key_positions(self) -> Mapping[Path, Position]:
        return self._position_maps[1]

    def position(self, path: Path, *, prefer_key: bool = False) -> Position:
        """Best known (line, column) for ``path``: the value, its key, or the nearest parent."""
        probe = tuple(path)
        primary = self.key_positions if prefer_key else self.value_positions
        secondary = self.value_positions if prefer_key else self.key_positions
        while True:
            if probe in primary:
                return primary[probe]
            if probe in secondary:
                return secondary[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]


def _positions(root: Node | None) -> tuple[dict[Path, Position], dict[Path, Position]]:
    """1-based (line, column) of every value and key, by path; the first of duplicate keys."""
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    if root is None:
        return values, keys
    stack: list[tuple[Node, Path, int]] = [(root, (), 0)]
    while stack:
        node, path, depth = stack.pop()
        if path in values or depth > _POSITION_DEPTH:
            continue
        values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, SequenceNode):
            stack.extend((item, (*path, index), depth + 1) for index, item in enumerate(node.value))
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                child = (*path, str(key_node.value))
                if child not in keys:
                    keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                    stack.append((value_node, child, depth + 1))
    return values, keys


def read_document(
    path: str, limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None
) -> Document:
    """Read ``path`` (``-`` is ``stdin`` when one is given) and parse it; never raises."""
    try:
        raw, name = open_source(path, limits, stdin)
    except InputError as exc:
        return Document(path, None, tuple(exc.problems))
    return parse_bytes(raw, name, limits)


def parse_bytes(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Decode and parse one YAML document held in memory."""
    if len(raw) > limits.max_bytes:
        return _failed(path, 1, 1, TOO_LARGE, too_large(len(raw), limits))
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
    node, problem = _compose(text, path, limits)
    if problem is not None:
        return Document(path, None, (problem,))
    if node is None:
        return _failed(path, 1, 1, "empty", "the file is empty (no YAML document in it)")
    walker = _Walker(path, limits)
    data = walker.convert(node)
    return Document(path, data, tuple(walker.problems), node)


def _compose(text: str, path: str, limits: Limits) -> tuple[Node | None, Problem | None]:
    loader_class = _FAST_LOADER or yaml.BaseLoader
    try:
        return _compose_with(loader_class, text), None
    except yaml.MarkedYAMLError as fast_error:
        if "nesting depth" in str(fast_error):
            return None, _depth_problem(text, path, limits)
        if loader_class is yaml.BaseLoader:
            return None, _syntax_problem(path, fast_error)
        # libyaml's wording varies by version; the pure-Python parser gives stable messages.
        try:
            _compose_with(yaml.BaseLoader, text)
        except yaml.MarkedYAMLError as slow_error:
            return None, _syntax_problem(path, slow_error)
        except RecursionError:
            return None, _depth_problem(text, path, limits)
        return None, _syntax_problem(path, fast_error)
    except yaml.YAMLError as exc:
        return None, error(path, 1, 1, "yaml-syntax", f"invalid YAML: {exc}")
    except RecursionError:
        return None, _depth_problem(text, path, limits)


def _depth_problem(text: str, path: str, limits: Limits) -> Problem:
    """Where nesting first goes past the limit, found with the pure-Python event parser (a
    state machine, no recursion; libyaml's scanner stops at its own limit before emitting
    the events), so that the answer is the same with or without libyaml."""
    depth = 0
    message = f"nested more than {limits.max_depth} levels deep"
    try:
        for event in yaml.parse(text, Loader=yaml.BaseLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > limits.max_depth + 1 and mark is not None:  # root counts as 0 in _Walker
                    return error(path, mark.line + 1, mark.column + 1, "too-deep", message)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return error(path, 1, 1, "too-deep", message)


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


def _failed(path: str, line: int, column: int, code: str, message: str) -> Document:
    return Document(path, None, (error(path, line, column, code, message),))


class _Walker:
    """Turns a node tree into plain data within the limits, collecting problems on the way.

    A mapping value that is null (``skills:`` with nothing after it) is left out, as if the key
    were absent; one that was refused here (an unsafe tag, say) stays ``None`` so that
    validation reports it at its own place instead of calling the key missing.
    """

    _constructor = SafeConstructor()

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._visited = 0
        self._aliases = 0
        self._stopped = False

    def convert(self, root: Node) -> Any:
        data = self._node(root, 0)
        return None if self._stopped else data

    def _report(self, node: Node, code: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(error(self.path, mark.line + 1, mark.column + 1, code, message))

    def _node(self, node: Node, depth: int) -> Any:
        if self._stopped:
            return None
        self._visited += 1
        if self._visited > self.limits.max_nodes:
            code = "alias-limit" if self._aliases else "too-large"
            limit = self.limits.max_nodes
            return self._stop(node, code, f"the document expands to more than {limit:,} values")
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self._seen:
            self._aliases += 1
            if self._aliases > self.limits.max_aliases:
                return self._stop(node, "alias-limit", "too many alias (*) references")
        self._seen.add(id(node))
        if depth > self.limits.max_depth:
            limit = self.limits.max_depth
            return self._stop(node, "too-deep", f"nested more than {limit} levels deep")
        if isinstance(node, SequenceNode):
            return self._sequence(node, depth)
        assert isinstance(node, MappingNode)
        return self._mapping(node, depth)

    def _stop(self, node: Node, code: str, message: str) -> None:
        self._report(node, code, message)
        self._stopped = True

    def _scalar(self, node: ScalarNode) -> Any:
        value: str = node.value
        if len(value) > self.limits.max_string:
            limit = self.limits.max_string
            message = f"a value of {len(value):,} characters, over the {limit:,}-character limit"
            self._report(node, "too-long", message)
            return None
        tag = node.tag
        if tag in (_STR_TAG, _TIMESTAMP_TAG):
            return None if not node.style and value in _NULLS else value
        if tag in _SCALAR_TAGS:
            try:
                return self._constructor.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError):
                return value
        self._unsupported_tag(node)
        return None

    def _sequence(self, node: SequenceNode, depth: int) -> list[Any] | None:
        if node.tag != _SEQ_TAG:
            self._unsupported_tag(node)
            return None
        if len(node.value) > self.limits.max_items:
            limit = self.limits.max_items
            message = f"a list of {len(node.value):,} items, over the {limit:,} limit"
            self._report(node, "too-long", message)
            return None
        items = []
        for item in node.value:
            text = self._plain_text(item)
            items.append(text if text is not None else self._node(item, depth + 1))
        return items

    def _plain_text(self, node: Node) -> str | None:
        """The common case, without the bookkeeping: a short, untagged, non-null scalar."""
        if node.__class__ is ScalarNode and node.tag is _STR_TAG_OBJECT:
            value: str = node.value
            if len(value) <= self.limits.max_string and (node.style or value not in _NULLS):
                self._visited += 1
                return value
        return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any] | None:
        if node.tag != _MAP_TAG:
            self._unsupported_tag(node)
            return None
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._report(key_node, "invalid-key", "a key must be plain text, not a list or map")
                continue
            key = str(key_node.value)
            if key == "<<" and not key_node.style or key_node.tag == _TAG + "merge":
                self._report(key_node, "unsupported", "merge keys ('<<') are not supported")
                continue
            if key in first_lines:
                self._report(
                    key_node,
                    "duplicate-key",
                    f"duplicate key '{key}' (first defined on line {first_lines[key]}); "
                    "YAML would silently keep only the last one",
                )
                continue
            first_lines[key] = key_node.start_mark.line + 1
            text = self._plain_text(value_node)
            if text is not None:
                result[key] = text
                continue
            before = len(self.problems)
            value = self._node(value_node, depth + 1)
            if value is not None or len(self.problems) > before:
                result[key] = value
        return result

    def _unsupported_tag(self, node: Node) -> None:
        tag = node.tag or ""
        shown = tag.replace(_TAG, "!!")
        if "python" in tag:
            message = f"unsafe tag '{shown}' refused (fitscore never constructs objects)"
            self._report(node, "unsafe-tag", message)
        else:
            self._report(node, "unsupported-tag", f"unsupported tag '{shown}'")
