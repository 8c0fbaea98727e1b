"""An imported profile cut to what fitscore's own loader accepts, every cut noted.

A generated profile must load: the loader (``fitscore.yamlsource``, with
:class:`~fitscore.sources.Limits`) refuses a file over ``max_bytes``, a list over
``max_items`` entries and a document of more than ``max_nodes`` values. An import that would
break one of them keeps the first entries of its longest lists instead: every list is cut to one
common length, the longest that fits (long lists shrink, short ones stay whole), and each list
that lost entries is named with what it lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fitscore.sources import DEFAULT_LIMITS, Limits

# How far the size estimate may be trusted: below this share of the byte limit, the profile is
# not rendered to be measured (YAML escapes and line folding add at most a few times the text).
_SURE_SHARE = 0.1
_ATTEMPTS = 8
_NOTED_LISTS = 20  # cut lists named one by one; the rest are counted


def keep_within(
    profile: dict[str, Any],
    render: Callable[[dict[str, Any]], str],
    limits: Limits = DEFAULT_LIMITS,
) -> list[str]:
    """Cut the lists of ``profile`` in place until ``render(profile)`` loads within ``limits``;
    the notes say what was cut and why (none when nothing was)."""
    lengths = _lengths(profile)
    longest = max(lengths.values(), default=0)
    cap = min(limits.max_items, longest)
    reason = f"a list of a profile holds at most {limits.max_items:,} entries"
    budget = limits.max_bytes
    for _ in range(_ATTEMPTS):
        fitting = _longest_fitting(profile, cap, budget, limits.max_nodes)
        if fitting < cap:
            cap = fitting
            reason = (
                f"a profile file holds at most {limits.max_bytes:,} bytes and "
                f"{limits.max_nodes:,} values"
            )
        trimmed = _cut(profile, cap)
        if _estimate(trimmed)[0] < limits.max_bytes * _SURE_SHARE:
            break
        size = len(render(trimmed).encode("utf-8"))
        if size <= limits.max_bytes:
            break
        budget = max(1, int(budget * limits.max_bytes / size * 0.95))
    else:
        cap, trimmed = 0, _cut(profile, 0)
    if cap >= longest:
        return []
    cut = [(path, length) for path, length in lengths.items() if length > cap]
    notes = [
        f"{path}: only the first {cap:,} of {length:,} entries kept ({reason})"
        for path, length in cut[:_NOTED_LISTS]
    ]
    if len(cut) > _NOTED_LISTS:
        notes.append(f"{len(cut) - _NOTED_LISTS:,} more lists cut to {cap:,} entries ({reason})")
    profile.clear()
    profile.update(trimmed)
    return notes


def _lengths(value: Any, path: str = "") -> dict[str, int]:
    """The length of every list in ``value``, by its path (``experience[0].highlights``)."""
    found: dict[str, int] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            found.update(_lengths(item, f"{path}.{key}" if path else str(key)))
    elif isinstance(value, list):
        found[path] = len(value)
        for index, item in enumerate(value):
            found.update(_lengths(item, f"{path}[{index}]"))
    return found


def _cut(value: Any, cap: int) -> Any:
    """``value`` with every list cut to its first ``cap`` entries (a copy, lists emptied of
    entries are left out of their mapping)."""
    if isinstance(value, dict):
        kept = {key: _cut(item, cap) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item != []}
    if isinstance(value, list):
        return [_cut(item, cap) for item in value[:cap]]
    return value


def _estimate(value: Any, indent: int = 0) -> tuple[int, int]:
    """About how many bytes ``value`` takes as block YAML, and how many values it holds."""
    if isinstance(value, dict):
        size, nodes = 0, 1
        for key, item in value.items():
            item_size, item_nodes = _estimate(item, indent + 2)
            size += indent + len(str(key)) + 3 + item_size
            nodes += item_nodes
        return size, nodes
    if isinstance(value, list):
        size, nodes = 0, 1
        for item in value:
            item_size, item_nodes = _estimate(item, indent + 2)
            size += indent + 3 + item_size
            nodes += item_nodes
        return size, nodes
    return len(str(value).encode("utf-8")) + 2, 1


def _longest_fitting(profile: dict[str, Any], cap: int, budget: int, max_nodes: int) -> int:
    """The largest common list length up to ``cap`` whose cut profile is estimated to fit."""

    def fits(length: int) -> bool:
        size, nodes = _estimate(_cut(profile, length))
        return size <= budget and nodes <= max_nodes

    if fits(cap):
        return cap
    low, high = 0, cap  # fits(low) is assumed: a profile with no list entries is tiny
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low
