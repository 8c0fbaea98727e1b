"""Many postings for one profile: ``rank`` (best first) and ``demand`` (what to learn next).

The work per posting is reading YAML and matching terms; the profile's evidence and every
decision about a term are computed once and shared by all postings of the run. With several
jobs, files are spread over forked worker processes that inherit the ready scorer, and the
results are put back in input order, so the output does not depend on ``jobs``. Files that
cannot be scored are problems of the report; one broken file never hides the others.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fitscore.diagnostics import Problem
from fitscore.errors import UnscorableError, WorkerError
from fitscore.loading import load_profile, load_weights, posting_context, to_model
from fitscore.models import Posting, Profile, Weights
from fitscore.reports import DemandItem, DemandReport, DemandRow, RankReport
from fitscore.scoring import Scorer
from fitscore.skills.catalog import Catalog
from fitscore.sources import DEFAULT_LIMITS, Limits, collect
from fitscore.vocabulary import Section
from fitscore.yamlsource import read_document

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 64

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each posting."""

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class _Outcomes(Generic[R]):
    results: list[R]
    problems: list[Problem]
    inputs: int
    failed: int


def rank(
    profile: Profile | str,
    paths: Iterable[str],
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
    top: int | None = None,
    min_score: float | None = None,
    progress: Progress | None = None,
) -> RankReport:
    """Score every posting file named or found under ``paths``; best first, ties by path.

    ``profile`` and ``weights`` are models or file paths. With ``strict``, the first file that
    cannot be scored stops the run (:class:`~fitscore.errors.UnscorableError`).
    """
    scorer = _scorer(profile, catalog, weights, today, limits)
    found = _over_postings(scorer, paths, scorer.summary, jobs, limits, strict, progress)
    report = RankReport.ranked(
        found.results, found.problems, inputs=found.inputs, failed=found.failed
    )
    return report.select(top, min_score)


def demand(
    profile: Profile | str,
    paths: Iterable[str],
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    top: int | None = None,
    progress: Progress | None = None,
) -> DemandReport:
    """The skills the postings under ``paths`` ask for and the profile lacks, by points."""
    scorer = _scorer(profile, catalog, weights, today, limits)
    found = _over_postings(scorer, paths, scorer.missing_items, jobs, limits, False, progress)
    report = DemandReport(roll_up(found.results), tuple(found.problems), found.inputs, found.failed)
    return report.select(top)


def roll_up(items_per_posting: Iterable[list[DemandItem]]) -> tuple[DemandRow, ...]:
    """Missing skills by the total points they would add, then by how many postings ask."""
    totals: dict[str, list[float]] = {}
    examples: dict[str, str] = {}
    for items in items_per_posting:
        seen: set[str] = set()
        for item in items:
            row = totals.setdefault(item.skill, [0, 0, 0.0])
            if item.skill not in seen:  # a posting counts once per skill, all its points add
                seen.add(item.skill)
                row[0] += 1
                row[1] += any(i.section is Section.REQUIRED for i in items if i.skill == item.skill)
            row[2] += item.points
            examples.setdefault(item.skill, item.text)
    rows = [
        DemandRow(skill, int(count), int(required), round(points, 1), examples[skill])
        for skill, (count, required, points) in totals.items()
    ]
    rows.sort(key=lambda row: (-row.points, -row.postings, row.skill.casefold()))
    return tuple(rows)


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _scorer(
    profile: Profile | str,
    catalog: Catalog | None,
    weights: Weights | str | None,
    today: dt.date | None,
    limits: Limits,
) -> Scorer:
    path = profile if isinstance(profile, str) else ""
    model = load_profile(profile, limits) if isinstance(profile, str) else profile
    weight_model = load_weights(weights, limits) if isinstance(weights, str) else weights
    return Scorer(model, catalog=catalog, weights=weight_model, today=today, profile_path=path)


def _over_postings(
    scorer: Scorer,
    paths: Iterable[str],
    measure: Callable[[Posting, str], R],
    jobs: int | None,
    limits: Limits,
    strict: bool,
    progress: Progress | None,
) -> _Outcomes[R]:
    files, missing = collect(paths)
    if missing and strict:
        raise UnscorableError(missing)
    results: list[R] = []
    failures: list[Problem] = list(missing)
    failed = len(missing)
    worker = _Worker(scorer, measure, limits)
    outcomes: Iterator[R | _Failure] = _outcomes(worker, files, jobs or default_jobs())
    for done, outcome in enumerate(outcomes, 1):
        if isinstance(outcome, _Failure):
            failed += 1
            failures.extend(outcome.problems)
            if strict:
                raise UnscorableError(list(outcome.problems))
        else:
            results.append(outcome)
        if progress is not None:
            progress(done, len(files))
    return _Outcomes(results, failures, len(files) + len(missing), failed)


@dataclass(frozen=True, slots=True)
class _Failure:
    """A posting file that could not be scored, and why."""

    problems: tuple[Problem, ...]


class _Worker(Generic[R]):
    """Reads, validates and scores one file with ``measure``; inherited ready by workers."""

    def __init__(self, scorer: Scorer, measure: Callable[[Posting, str], R], limits: Limits):
        self.measure = measure
        self.limits = limits
        self.context = posting_context(scorer.catalog)

    def __call__(self, path: str) -> R | _Failure:
        document = read_document(path, self.limits)
        posting, problems = to_model(document, Posting, self.context)
        if posting is None:
            return _Failure(tuple(problems))
        return self.measure(posting, path)


_ACTIVE: _Worker[Any] | None = None


def _score_in_child(path: str) -> Any:
    assert _ACTIVE is not None
    return _ACTIVE(path)


def _outcomes(worker: _Worker[Any], paths: Sequence[str], jobs: int) -> Iterator[Any]:
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
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_leave_interrupts_to_the_parent,
    )
    try:
        yield from pool.map(_score_in_child, paths, chunksize=_CHUNK)
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process stopped unexpectedly", code="worker") from exc
    except BaseException:
        # Stopping early (strict, Ctrl-C, a closed pipe): the files still queued, or one that
        # blocks (a pipe nobody writes), must not be waited for.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _ACTIVE = None


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the run and the workers, so a
    worker must not die of it on its own (with a traceback of its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # The executor has no public way to end busy workers; its process table is stable
    # (Python 3.8 to 3.14).
    processes: dict[int, multiprocessing.process.BaseProcess] = getattr(pool, "_processes", {})
    for process in list(processes.values()):
        process.terminate()
