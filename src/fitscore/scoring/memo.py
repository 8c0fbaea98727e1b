"""The one memoisation mechanism of scoring: a typed table of computed values.

Postings repeat the same degree clause, field list and weights thousands of times in a folder;
what depends only on such a part (and on the profile) is computed once per distinct part.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """``memo(key, compute)`` is ``compute()`` the first time a key is seen, then its value."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[K, V] = {}

    def __call__(self, key: K, compute: Callable[[], V]) -> V:
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = compute()
            return value

    def __len__(self) -> int:
        return len(self._values)
