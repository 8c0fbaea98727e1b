"""`rank --top N` walks folders as they list their files and holds nothing per posting; its
result is still exactly the first N of the full ranking."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fitscore
from fitscore import sources
from tests.conftest import PROFILES, ROOT

POSTINGS = sorted((ROOT / "postings").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "examples" / "valid" / "postings").glob("*.yaml")
)
PROFILE = str(PROFILES / "masters-data-engineer.yaml")


def tree(root: Path, seed: int, count: int) -> Path:
    """Postings copied into nested folders, with a broken file and a pipe among them."""
    chooser = random.Random(seed)
    for number in range(count):
        folder = root / "/".join(f"d{chooser.randrange(3)}" for _ in range(chooser.randrange(3)))
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(chooser.choice(POSTINGS), folder / f"p{number}.yaml")
    (root / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    os.mkfifo(root / "pipe.yaml")
    return root


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6), count=st.integers(0, 25), top=st.integers(1, 30))
def test_the_top_n_are_the_first_n_of_the_full_ranking(
    tmp_path_factory: pytest.TempPathFactory, seed: int, count: int, top: int
) -> None:
    root = tree(tmp_path_factory.mktemp("tree"), seed, count)
    full = fitscore.rank(PROFILE, [str(root)], jobs=1)
    best = fitscore.rank(PROFILE, [str(root)], jobs=1, top=top)
    assert best.entries == full.entries[:top]
    assert (best.inputs, best.failed) == (full.inputs, full.failed)
    assert sorted(best.problems, key=str) == sorted(full.problems, key=str)
    assert list(best.problems) == sorted(best.problems, key=lambda p: (p.path, p.line))


def test_top_never_lists_a_folder_to_sort_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tree(tmp_path / "postings", 7, 12)

    def sorted_walk(*arguments: object) -> None:
        raise AssertionError("the sorted walk holds every name of a folder")

    monkeypatch.setattr(sources, "_walk", sorted_walk)
    report = fitscore.rank(PROFILE, [str(root)], jobs=1, top=3)
    assert len(report.entries) == 3 and report.inputs == 14


def test_a_file_named_twice_is_ranked_once_with_top(tmp_path: Path) -> None:
    root = tree(tmp_path / "postings", 3, 4)
    some = next(root.rglob("p*.yaml"))
    report = fitscore.rank(PROFILE, [str(root), str(some)], jobs=1, top=50)
    assert report.inputs == 6
    assert len({entry.path for entry in report.entries}) == len(report.entries)
