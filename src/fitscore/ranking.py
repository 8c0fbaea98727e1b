"""Rank many postings for one profile: stable, best first, bad files reported and skipped.

The work per posting is reading YAML and matching terms; the profile's evidence and every
decision about a term are computed once and shared by all postings of the run. With several
jobs, files are spread over forked worker processes that inherit the ready scorer, and the
results are sorted the same way, so the output does not depend on ``jobs``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fitscore.diagnostics import Problem
from fitscore.errors import FitscoreError, UnscorableError
from fitscore.loading import to_model
from fitscore.models import Posting
from fitscore.reports import RankEntry
from fitscore.scoring import Scorer
from fitscore.validation import discover
from fitscore.yamlsource import DEFAULT_LIMITS, Limits, read_document

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 64


@dataclass(frozen=True, slots=True)
class RankReport:
    """Scored postings, best first; ties by path, so the order never depends on the input."""

    entries: tuple[RankEntry, ...]

    @classmethod
    def ranked(cls, entries: Iterable[RankEntry]) -> RankReport:
        return cls(tuple(sorted(entries, key=RankEntry.sort_key)))

    def select(self, top: int | None = None, min_score: float | None = None) -> RankReport:
        kept = [e for e in self.entries if min_score is None or e.score >= min_score]
        return RankReport(tuple(kept[:top] if top is not None else kept))


def collect_paths(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Posting files named or found under folders (sorted per folder), and missing paths."""
    found: list[str] = []
    problems: list[Problem] = []
    for path, problem in discover(paths):
        if problem is None:
            found.append(path)
        else:
            problems.append(problem)
    return list(dict.fromkeys(found)), problems


R = TypeVar("R")


class _Worker(Generic[R]):
    """Reads, validates and scores one file with ``measure``; inherited ready by workers."""

    def __init__(
        self, scorer: Scorer, measure: Callable[[Posting, str], R], limits: Limits
    ) -> None:
        self.measure = measure
        self.limits = limits
        self.context = {"categories": frozenset(scorer.catalog.categories)}

    def __call__(self, path: str) -> R | tuple[Problem, ...]:
        document = read_document(path, self.limits)
        posting, problems = to_model(document, Posting, self.context)
        if posting is None:
            return tuple(problems)
        return self.measure(posting, path)


_ACTIVE: _Worker[Any] | None = None


def _score_in_child(path: str) -> Any:
    assert _ACTIVE is not None
    return _ACTIVE(path)


def score_files(
    scorer: Scorer,
    paths: Sequence[str],
    measure: Callable[[Posting, str], R],
    *,
    jobs: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[R], list[Problem], int]:
    """``measure`` of every posting file, in input order, and the problems of the bad files."""
    results: list[R] = []
    failures: list[Problem] = []
    failed_files = 0
    for outcome in _outcomes(_Worker(scorer, measure, limits), paths, jobs):
        if isinstance(outcome, tuple):
            failed_files += 1
            failures.extend(outcome)
            if strict:
                raise UnscorableError(list(outcome))
        else:
            results.append(outcome)
        if progress is not None:
            progress(1)
    return results, failures, failed_files


def _outcomes(
    worker: _Worker[R], paths: Sequence[str], jobs: int
) -> Iterator[R | tuple[Problem, ...]]:
    if (
        jobs <= 1
        or len(paths) < PARALLEL_THRESHOLD
        or "fork"
        not in multiprocessing.get_all_start_methods()  # forked workers inherit the scorer
    ):
        yield from map(worker, paths)
        return
    global _ACTIVE
    _ACTIVE = worker
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        yield from pool.map(_score_in_child, paths, chunksize=_CHUNK)
    except BrokenProcessPool as exc:
        raise FitscoreError("a worker process stopped unexpectedly; retry with --jobs 1") from exc
    finally:
        # Stopping early (--strict, Ctrl-C) must not wait for the files still queued.
        pool.shutdown(wait=True, cancel_futures=True)
        _ACTIVE = None


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
