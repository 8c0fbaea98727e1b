"""The one memoisation mechanism: a typed, bounded table of computed values.

Postings repeat the same terms, degree clauses and field lists thousands of times in a folder;
what depends only on such a part (and on the profile) is computed once per distinct part. A
folder of a hundred thousand postings also holds tens of thousands of parts seen once, so a
table keeps at most ``capacity`` values: two generations, the newer filled first, the older
consulted on a miss (what it still answers moves back into the newer). The commonly repeated
parts stay; parts seen once age out. Memory stays flat however many postings a run scores.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Sizes measured with bench/rank.py (10,000 postings for speed, 1,000 against 100,000 for memory):
# a term's decision is costly to make again, so its tables keep the most; a posting part (a
# degree clause with its fields) is larger and repeats less; a string function's result
# (normalize's keys and boundaries) is cheap to compute again. At 10,000 postings, halving
# PART_CAPACITY from 2,048 cost 665 more degree decisions (of 10,000) and saved 1.2 MB of the
# 5 MB the tables hold when full.
CAPACITY = 8192
PART_CAPACITY = 1024
STRING_CAPACITY = 1024


class Memo(Generic[K, V]):
    """``memo(key, compute)`` is ``compute()`` the first time a key is seen, then its value
    for as long as the key stays among the ``capacity`` most recently used."""

    __slots__ = ("_half", "_new", "_old")

    def __init__(self, capacity: int = CAPACITY) -> None:
        if capacity < 2:
            raise ValueError(f"a memo keeps at least 2 values, not {capacity}")
        self._half = capacity // 2
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __call__(self, key: K, compute: Callable[[], V]) -> V:
        try:
            return self._new[key]
        except KeyError:
            pass
        try:
            value = self._old.pop(key)
        except KeyError:
            value = compute()
        self.put(key, value)
        return value

    def get(self, key: K) -> V | None:
        """The value kept for ``key``, or None (it is kept longer when found)."""
        found = self._new.get(key)
        if found is None and key in self._old:
            found = self._old.pop(key)
            self.put(key, found)
        return found

    def put(self, key: K, value: V) -> None:
        if len(self._new) >= self._half:
            self._old = self._new
            self._new = {}
        self._new[key] = value

    def __len__(self) -> int:
        return len(self._new) + len(self._old)
