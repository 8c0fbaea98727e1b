"""Many postings for one profile: ``rank`` (best first) and ``demand`` (what to learn next).

The work per posting is reading YAML and matching terms; the profile's evidence and every
decision about a term are computed once and shared by all postings of the run. With several
jobs, files are spread over forked worker processes that inherit the ready scorer, and the
results are put back in input order, so the output does not depend on ``jobs``. Files that
cannot be scored are problems of the report; one broken file never hides the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import itertools
import json
import multiprocessing
import os
import pickle
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from fitscore.__about__ import __version__
from fitscore.cache import (
    LOOKUP_BATCH,
    MISS,
    Entry,
    ResultCache,
    content_hash,
    default_location,
)
from fitscore.diagnostics import Problem, warning
from fitscore.errors import InputError, UnscorableError
from fitscore.loading import load_profile, load_weights, posting_context, to_model
from fitscore.models import Posting, Profile, Weights
from fitscore.reports import DemandItem, DemandReport, DemandRow, RankEntry, RankReport
from fitscore.scoring import Scorer
from fitscore.skills.catalog import Catalog
from fitscore.sources import DEFAULT_LIMITS, Limits, collect, discover, each_once, read_bytes
from fitscore.vocabulary import Section
from fitscore.workers import in_workers
from fitscore.yamlsource import parse_bytes

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
WARM_UP = 200
# Without --jobs, workers are used from this many postings on (per two CPUs).
DEFAULT_PARALLEL_FROM = 4000
_CHUNK = 64

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each posting."""

R = TypeVar("R")


@dataclass
class Tally:
    """What a run over postings met besides results: counted as the results stream by."""

    inputs: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _no_warning(result: object) -> Problem | None:
    return None


@dataclass(frozen=True, slots=True)
class _Measure(Generic[R]):
    """What is computed of each posting, and how it is kept in the result cache."""

    name: str
    compute: Callable[[Posting, str], R]
    encode: Callable[[R], Any]  # to a value json can write
    decode: Callable[[Any, str], R]  # from that value, read back, and the posting's path
    warn: Callable[[R], Problem | None] = _no_warning

    def payload(self, result: R) -> str:
        return json.dumps(self.encode(result), ensure_ascii=False)

    def kept(self, payloads: Sequence[tuple[str, str]]) -> list[R | None]:
        """The results kept as ``payloads`` (path, payload), read with one json call; None
        for one the cache holds damaged (that posting is scored again)."""
        values: list[Any] | None
        try:
            values = json.loads("[" + ",".join(payload for _, payload in payloads) + "]")
        except ValueError:
            values = None
        if not isinstance(values, list) or len(values) != len(payloads):
            values = [_parsed(payload) for _, payload in payloads]
        results: list[R | None] = []
        for (path, _), value in zip(payloads, values, strict=True):
            try:
                results.append(self.decode(value, path))
            except (TypeError, ValueError, KeyError):
                results.append(None)
        return results


def _parsed(payload: str) -> Any:
    try:
        return json.loads(payload)
    except ValueError:
        return None


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
    cache: Path | bool = False,
) -> RankReport:
    """Score every posting file named or found under ``paths``; best first, ties by path.

    ``profile`` and ``weights`` are models or file paths. With ``strict``, the first file that
    cannot be scored stops the run (:class:`~fitscore.errors.UnscorableError`). With ``top``,
    only that many results are held at any time. ``cache`` (True: the user's cache folder, or
    a file) keeps results for the next run; the output is the same with or without it.
    """
    tally = Tally()
    found = scored(
        profile,
        paths,
        tally,
        catalog=catalog,
        weights=weights,
        today=today,
        jobs=jobs,
        limits=limits,
        strict=strict,
        progress=progress,
        cache=cache,
        ordered=top is None,  # the best N do not depend on the order postings come in
    )
    kept = (entry for entry in found if min_score is None or entry.score >= min_score)
    if top is not None:
        entries = heapq.nsmallest(top, kept, key=RankEntry.sort_key)
        problems = sorted(tally.problems, key=lambda problem: (problem.path, problem.line))
    else:
        entries = sorted(kept, key=RankEntry.sort_key)
        problems = tally.problems
    return RankReport(
        tuple(entries), tuple(problems), tally.inputs, tally.failed, tuple(tally.notes)
    )


def scored(
    profile: Profile | str,
    paths: Iterable[str],
    tally: Tally,
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
    progress: Progress | None = None,
    cache: Path | bool = False,
    ordered: bool = True,
) -> Iterator[RankEntry]:
    """Each posting's ranking entry as soon as it is scored, in input order (not ranked).

    What is not a result (bad files, cache notes) is added to ``tally`` on the way. With
    ``ordered`` False, folders are walked in the order they list their files and nothing is
    held per posting, however many there are: memory stays flat.
    """
    scorer = _scorer(profile, catalog, weights, today, limits)
    measure = _Measure("summary", scorer.summary, _encode_entry, _decode_entry, _unscorable)
    yield from _over_postings(
        scorer, paths, measure, tally, jobs, limits, strict, progress, cache, ordered
    )


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
    cache: Path | bool = False,
) -> DemandReport:
    """The skills the postings under ``paths`` ask for and the profile lacks, by points."""
    scorer = _scorer(profile, catalog, weights, today, limits)
    measure = _Measure("missing", scorer.missing_items, _encode_items, _decode_items)
    tally = Tally()
    found = _over_postings(scorer, paths, measure, tally, jobs, limits, False, progress, cache)
    rows = roll_up(found)
    report = DemandReport(
        rows, tuple(tally.problems), tally.inputs, tally.failed, tuple(tally.notes)
    )
    return report.select(top)


def roll_up(items_per_posting: Iterable[list[DemandItem]]) -> tuple[DemandRow, ...]:
    """Missing skills by the total points they would add, then by how many postings ask."""
    totals: dict[str, list[float]] = {}
    examples: dict[str, str] = {}
    options: dict[str, tuple[str, ...]] = {}
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
            options.setdefault(item.skill, item.options)
    rows = [
        DemandRow(
            skill, int(count), int(required), round(points, 1), examples[skill], options[skill]
        )
        for skill, (count, required, points) in totals.items()
    ]
    rows.sort(key=lambda row: (-row.points, -row.postings, row.skill.casefold()))
    return tuple(rows)


def default_jobs(files: int) -> int:
    """Worker processes by default for ``files`` postings to score: the CPUs this process may
    use, once there are enough postings for workers to pay for their start (measured with
    bench/rank.py: on two CPUs, two workers only win from a few thousand postings on)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    if files < DEFAULT_PARALLEL_FROM * 2 // max(2, cpus):
        return 1
    return max(1, cpus)


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
    measure: _Measure[R],
    tally: Tally,
    jobs: int | None,
    limits: Limits,
    strict: bool,
    progress: Progress | None,
    cache: Path | bool,
    ordered: bool = True,
) -> Iterator[R]:
    results = _open_cache(cache, scorer, measure.name, tally.notes)
    worker = _Worker(scorer, measure, limits, results)
    if ordered:
        outcomes, total = _in_order(worker, paths, tally, jobs, strict, results, measure)
    else:
        outcomes, total = _as_found(worker, list(paths), tally, jobs, strict, progress)
    try:
        for done, outcome in enumerate(outcomes, 1):
            if progress is not None:
                progress(done, max(done, total))
            if isinstance(outcome, _Failure):
                tally.failed += 1
                tally.problems.extend(outcome.problems)
                if strict:
                    raise UnscorableError(list(outcome.problems))
                continue
            if outcome.keep is not None and results is not None:
                results.keep(outcome.keep)
            found = measure.warn(outcome.result)
            if found is not None:
                tally.problems.append(found)
            yield outcome.result
    finally:
        if results is not None:
            results.close()


def _in_order(
    worker: _Worker[R],
    paths: Iterable[str],
    tally: Tally,
    jobs: int | None,
    strict: bool,
    results: ResultCache | None,
    measure: _Measure[R],
) -> tuple[Iterator[_Scored[R] | _Failure], int]:
    """Every posting's outcome in input order, and how many there are (the files are listed
    first: a folder's in sorted order)."""
    files, missing = collect(paths)
    if missing and strict:
        raise UnscorableError(missing)
    tally.problems.extend(missing)
    tally.failed += len(missing)
    tally.inputs += len(files) + len(missing)
    # Results the cache proves still hold are taken here; only the others go to the workers.
    kept = _proven(results, files, measure) if results is not None else {}
    todo = [path for index, path in enumerate(files) if index not in kept]
    chosen = jobs if jobs is not None else default_jobs(len(todo))
    scored_now: Iterator[_Scored[R] | _Failure] = _outcomes(worker, todo, chosen, tally.notes)
    outcomes = (
        _Scored(kept[index]) if index in kept else next(scored_now) for index in range(len(files))
    )
    return outcomes, len(files)


def _as_found(
    worker: _Worker[R],
    paths: list[str],
    tally: Tally,
    jobs: int | None,
    strict: bool,
    progress: Progress | None,
) -> tuple[Iterator[_Scored[R] | _Failure], int]:
    """Every posting's outcome in the order the folders list them, holding nothing per
    posting; the count (for the progress bar and the worker count) is a walk of its own,
    made only when one of them needs it. The worker asks the cache itself."""
    total = 0
    if progress is not None or jobs is None:
        total = sum(1 for _ in each_once(discover(paths, ordered=False), len(paths) > 1))

    def files() -> Iterator[str]:
        for path, problem in each_once(discover(paths, ordered=False), len(paths) > 1):
            tally.inputs += 1
            if problem is None:
                yield path
                continue
            if strict:
                raise UnscorableError([problem])
            tally.failed += 1
            tally.problems.append(problem)

    chosen = jobs if jobs is not None else default_jobs(total)
    return _outcomes(worker, files(), chosen, tally.notes), total


def _proven(results: ResultCache, files: Sequence[str], measure: _Measure[R]) -> dict[int, R]:
    """The results the cache proves still hold, by the file's place in ``files``; the cache
    is asked a batch of files at a time."""
    kept: dict[int, R] = {}
    for start in range(0, len(files), LOOKUP_BATCH):
        batch = range(start, min(start + LOOKUP_BATCH, len(files)))
        statuses = {
            files[i]: status
            for i in batch
            if (status := _regular_file_status(files[i])) is not None
        }
        known = results.lookup_many(statuses)
        proven = [
            (index, found.payload)
            for index in batch
            if (found := known.get(files[index], MISS)).proven and found.payload is not None
        ]
        read = measure.kept([(files[index], payload) for index, payload in proven])
        for (index, _), result in zip(proven, read, strict=True):
            if result is not None:
                kept[index] = result
    return kept


def _open_cache(
    cache: Path | bool, scorer: Scorer, measure: str, notes: list[str]
) -> ResultCache | None:
    location = default_location() if cache is True else cache or None
    if location is None:
        return None
    opened = ResultCache(location, _run_key(scorer, measure), notes)
    return opened if opened.working else None


def _run_key(scorer: Scorer, measure: str) -> str:
    """Everything a posting's result depends on, except the posting."""
    from fitscore.rules import field_rules, venue_rules

    parts = [
        __version__,
        measure,
        scorer.profile.model_dump_json(),
        scorer.weights.model_dump_json() if scorer.weights is not None else "",
        scorer.catalog.stamp or "unstamped",
        scorer.rules.model_dump_json(),
        field_rules().model_dump_json(),
        venue_rules().model_dump_json(),
        scorer.today.isoformat(),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


NOTHING_TO_SCORE = "nothing-to-score"


def _unscorable(entry: RankEntry) -> Problem | None:
    if entry.scorable:
        return None
    message = (
        "the posting asks for nothing fitscore can score (no skill, degree, publications or "
        "big data): its score of 0.0 is not a fit"
    )
    return warning(entry.path, 0, 0, NOTHING_TO_SCORE, message)


def _encode_entry(entry: RankEntry) -> list[Any]:
    return [
        entry.title,
        entry.company,
        entry.score,
        entry.band,
        entry.required_met,
        entry.required_total,
        entry.top_gap,
        entry.top_gap_points,
        entry.scorable,
    ]


def _decode_entry(value: Any, path: str) -> RankEntry:
    title, company, score, band, met, total, top_gap, points, scorable = value
    return RankEntry(path, title, company, score, band, met, total, top_gap, points, scorable)


def _encode_items(items: list[DemandItem]) -> list[Any]:
    return [
        [item.skill, item.text, item.section.value, item.points, item.options] for item in items
    ]


def _decode_items(value: Any, path: str) -> list[DemandItem]:
    return [
        DemandItem(skill, text, Section(section), points, tuple(options))
        for skill, text, section, points, options in value
    ]


@dataclass(frozen=True, slots=True)
class _Scored(Generic[R]):
    """A posting's result, and what the cache should keep of it (None: nothing new)."""

    result: R
    keep: Entry | None = None


@dataclass(frozen=True, slots=True)
class _Failure:
    """A posting file that could not be scored, and why."""

    problems: tuple[Problem, ...]


class _Worker(Generic[R]):
    """Reads, validates and scores one file; inherited ready by forked workers."""

    def __init__(
        self, scorer: Scorer, measure: _Measure[R], limits: Limits, cache: ResultCache | None
    ) -> None:
        self.measure = measure
        self.limits = limits
        self.context = posting_context(scorer.catalog)
        self.cache = cache

    def __call__(self, path: str) -> _Scored[R] | _Failure:
        status = _regular_file_status(path) if self.cache is not None else None
        known = self.cache.lookup(path, status) if self.cache is not None and status else MISS
        kept = self.measure.kept([(path, known.payload)])[0] if known.payload is not None else None
        if known.proven and kept is not None:
            return _Scored(kept)
        try:
            raw = read_bytes(path, self.limits)
        except InputError as exc:
            return _Failure(tuple(exc.problems))
        content = content_hash(raw) if status is not None else ""
        if kept is not None and known.payload is not None and known.content == content:
            return _Scored(kept, self._entry(path, status, content, known.payload))
        posting, problems = to_model(parse_bytes(raw, path, self.limits), Posting, self.context)
        if posting is None:
            return _Failure(tuple(problems))
        result = self.measure.compute(posting, path)
        payload = self.measure.payload(result) if status is not None else ""
        return _Scored(result, self._entry(path, status, content, payload))

    @staticmethod
    def _entry(
        path: str, status: os.stat_result | None, content: str, payload: str
    ) -> Entry | None:
        if status is None:
            return None
        return Entry(path, status.st_size, status.st_mtime_ns, content, time.time_ns(), payload)


def _regular_file_status(path: str) -> os.stat_result | None:
    """The status of a regular file (only those are cached: a pipe has no identity)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


_ACTIVE: _Worker[Any] | None = None


def _score_in_child(path: str) -> Any:
    assert _ACTIVE is not None
    return _ACTIVE(path)


def _outcomes(
    worker: _Worker[Any], paths: Iterable[str], jobs: int, notes: list[str]
) -> Iterator[Any]:
    remaining = iter(paths)
    if jobs <= 1:
        yield from map(worker, remaining)
        return
    enough = max(PARALLEL_THRESHOLD, WARM_UP)  # fewer do not pay for the workers' start
    head = list(itertools.islice(remaining, enough))
    if len(head) < enough:
        yield from map(worker, head)
        return
    # The first postings are scored here, so that the workers start with the decisions about
    # the common terms already made (they would each make them again), then the scorer and
    # everything it learnt go to each worker once.
    yield from map(worker, head[:WARM_UP])
    context = multiprocessing.get_context(_start_method())
    state = pickle.dumps(worker, protocol=pickle.HIGHEST_PROTOCOL)
    yield from in_workers(
        _score_in_child,
        itertools.chain(head[WARM_UP:], remaining),
        jobs,
        context,
        initializer=_start_worker,
        initargs=(state,),
        chunksize=_CHUNK,
        notice=notes.append,
    )


def _start_method() -> str:
    """On Linux, a plain fork while this process runs no other thread; while it runs threads
    (the progress bar does), or on macOS (where the system libraries make a fork without exec
    unsafe), a fresh interpreter per worker. Either way a start that fails for the process
    limit is an error here (a fork server would die of it with a traceback of its own)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _start_worker(state: bytes) -> None:
    """Set up a worker: the parent's warm scorer and everything it learnt."""
    global _ACTIVE
    _ACTIVE = pickle.loads(state)
