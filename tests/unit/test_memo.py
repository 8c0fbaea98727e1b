"""The bounded memo every cache of scoring and matching uses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fitscore.memo import Memo


@given(st.lists(st.integers(0, 60)), st.integers(2, 16))
def test_a_memo_always_answers_what_compute_would(keys: list[int], capacity: int) -> None:
    memo: Memo[int, int] = Memo(capacity)
    for key in keys:

        def square(key: int = key) -> int:
            return key * key

        assert memo(key, square) == key * key
        assert len(memo) <= capacity


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=400))
def test_a_memo_never_holds_more_than_its_capacity(keys: list[int]) -> None:
    memo: Memo[int, str] = Memo(32)
    for key in keys:
        memo.put(key, str(key))
    assert len(memo) <= 32
    assert memo.get(keys[-1]) == str(keys[-1])  # the newest is always kept


def test_a_key_in_use_survives_a_stream_of_keys_seen_once() -> None:
    memo: Memo[str, int] = Memo(8)
    computed: list[str] = []

    def value(key: str) -> int:
        computed.append(key)
        return len(key)

    for number in range(1_000):
        memo("python", lambda: value("python"))
        name = f"once-{number}"
        memo(name, lambda name=name: value(name))  # type: ignore[misc]
    assert computed.count("python") == 1
    assert len(memo) <= 8
