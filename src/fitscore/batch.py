"""Many profiles x many postings as flat rows of a fixed, versioned schema; no engine inside.

The state of a run, a :class:`Batch`, is built once per process: the catalogue, ONE matcher
shared by every profile (so each term of the postings is resolved against the catalogue once
for all profiles), and one scorer per profile, whose evidence and decisions are reused for every
posting. :meth:`Batch.rows` parses each posting once for all profiles and returns one
:class:`~fitscore.reports.BatchRow` per pair, plus one error row per problem of a posting that
cannot be read; profiles that cannot be read are :attr:`Batch.profile_errors`. Bad input is
data, never an exception. A row holds exactly the numbers ``fitscore.score`` and
``fitscore rank`` give for the same pair.

Spark, Dask or a plain loop build one :class:`Batch` per worker process (:func:`shared_batch`
keeps it for the worker's later partitions) and call :meth:`Batch.rows` on their share of the
postings (``examples/``); :func:`score_all` does it for texts in one process, and
:func:`score_files` is what ``fitscore batch`` runs: files, with forked workers that inherit
the ready state. With ``min_score``, pairs whose :func:`upper_bound` is below it are skipped
unscored (blocking), which never drops a pair that reaches it.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fitscore.__about__ import __version__
from fitscore.diagnostics import Problem
from fitscore.errors import UsageError
from fitscore.loading import load_weights, posting_context, to_model
from fitscore.models import Posting, Profile, Requirement, Weights
from fitscore.reports import BATCH_GAPS, BatchReport, BatchRow
from fitscore.scoring import Scorer
from fitscore.scoring.components import item_credit
from fitscore.scoring.weights import effective_weights
from fitscore.skills.catalog import Catalog, builtin_catalog
from fitscore.skills.matcher import Matcher
from fitscore.sources import DEFAULT_LIMITS, Limits, collect
from fitscore.vocabulary import Component, FileKind, Outcome, Section, Status
from fitscore.workers import in_workers
from fitscore.yamlsource import Document, parse_bytes, parse_text, read_document

ProfileSource = str | bytes | Profile | Document
"""A profile as YAML text, UTF-8 bytes, a loaded model, or a parsed document."""
PostingSource = str | bytes | Posting | Document
"""A posting as YAML text, UTF-8 bytes, a loaded model, or a parsed document."""
ModelT = TypeVar("ModelT", Profile, Posting)
Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` with pairs scored so far and pairs in all."""

_COMPONENTS = tuple(Component)  # iterating an enum class is slow, and this runs once a pair
_REQUIRED = Section.REQUIRED
# Below this many pairs, starting worker processes costs more than it saves.
PARALLEL_PAIRS = 20_000
_CHUNKS_PER_JOB = 8


def catalog_stamp(catalog: Catalog) -> str:
    """What a row says about the catalogue it was scored with: the first 16 hex digits of the
    SHA-256 of the built catalogue (user files included) in its compiled JSON form."""
    return hashlib.sha256(catalog.to_json("").encode("utf-8")).hexdigest()[:16]


class Batch:
    """The state of a batch run, built once per process: profiles ready to score postings.

    ``profiles`` are ``(id, source)`` pairs; the id names the profile in rows and problems
    (a file path, a database key). ``today`` is required: it judges "present" and expected
    graduation dates, so the same inputs give the same rows on any day.
    """

    def __init__(
        self,
        profiles: Iterable[tuple[str, ProfileSource]],
        *,
        today: dt.date,
        catalog: Catalog | None = None,
        weights: Weights | str | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.catalog = catalog if catalog is not None else builtin_catalog()
        self.today = today
        self.limits = limits
        self.matcher = Matcher(self.catalog)
        self.stamp = catalog_stamp(self.catalog)
        self._context = posting_context(self.catalog)
        weight_model = load_weights(weights, limits) if isinstance(weights, str) else weights
        ready: list[tuple[str, Profile]] = []
        errors: list[BatchRow] = []
        for profile_id, source in profiles:
            model, problems = self._model(profile_id, source, Profile)
            if model is None:
                errors.extend(self._error_rows(profile_id, "", Outcome.PROFILE_ERROR, problems))
            else:
                ready.append((profile_id, model))
        ready.sort(key=lambda pair: pair[0])
        self.scorers: tuple[tuple[str, Scorer], ...] = tuple(
            (
                profile_id,
                Scorer(
                    model,
                    matcher=self.matcher,
                    weights=weight_model,
                    today=today,
                    profile_path=profile_id,
                ),
            )
            for profile_id, model in ready
        )
        self.profile_errors: tuple[BatchRow, ...] = tuple(sorted(errors, key=BatchRow.sort_key))
        self.profile_count = len(ready) + len({row.profile_id for row in errors})

    def rows(
        self, postings: Iterable[tuple[str, PostingSource]], *, min_score: float | None = None
    ) -> list[BatchRow]:
        """Every profile against every posting, plus the error rows of postings that cannot be
        read; by profile id, then posting id (posting errors, whose profile id is empty, first).

        With ``min_score``, only pairs scoring at least that are kept, and a pair whose
        :func:`upper_bound` is below it is not scored at all (it cannot reach it).
        """
        parsed, rows = self.parse(postings)
        rows.extend(self.score(parsed, self.scorers, min_score=min_score))
        rows.sort(key=BatchRow.sort_key)
        return rows

    def parse(
        self, postings: Iterable[tuple[str, PostingSource]]
    ) -> tuple[list[tuple[str, Posting]], list[BatchRow]]:
        """The postings that validate, by id, and the error rows of those that do not."""
        parsed: list[tuple[str, Posting]] = []
        errors: list[BatchRow] = []
        for posting_id, source in postings:
            model, problems = self._model(posting_id, source, Posting)
            if model is None:
                errors.extend(self._error_rows("", posting_id, Outcome.POSTING_ERROR, problems))
            else:
                parsed.append((posting_id, model))
        parsed.sort(key=lambda pair: pair[0])
        # One batched catalogue look-up for every term of every posting.
        self.matcher.resolver.resolve_many(
            term for _, posting in parsed for term in _terms(posting)
        )
        return parsed, errors

    def score(
        self,
        parsed: Sequence[tuple[str, Posting]],
        scorers: Sequence[tuple[str, Scorer]],
        *,
        min_score: float | None = None,
    ) -> Iterator[BatchRow]:
        """The rows of ``scorers`` (some of :attr:`scorers`) against parsed postings, by
        profile then posting; see :meth:`rows` for ``min_score``."""
        # What each requirement item reads as, once per posting rather than once per pair.
        texts = {
            id(item): item.text()
            for _, posting in parsed
            for item in (*posting.required, *posting.preferred)
        }
        if min_score is None:
            for profile_id, scorer in scorers:
                for posting_id, posting in parsed:
                    yield self._scored(profile_id, scorer, posting_id, posting, texts)
            return
        if not scorers:
            return
        plans = [(pid, p, Bound.of(scorers[0][1], p)) for pid, p in parsed]
        for profile_id, scorer in scorers:
            for posting_id, posting, plan in plans:
                if plan.fixed + BOUND_SLACK < min_score and plan.upper(scorer) < min_score:
                    continue
                row = self._scored(profile_id, scorer, posting_id, posting, texts)
                if row.score is not None and row.score >= min_score:
                    yield row

    def _scored(
        self,
        profile_id: str,
        scorer: Scorer,
        posting_id: str,
        posting: Posting,
        texts: Mapping[int, str],
    ) -> BatchRow:
        evaluation = scorer.evaluate(posting)
        points = {component.name: component.points for component in evaluation.components}
        required = [row for row in evaluation.rows if row.section is _REQUIRED]
        return BatchRow(
            profile_id,
            posting_id,
            Outcome.SCORED,
            __version__,
            self.stamp,
            score=evaluation.total,
            band=scorer.rules.band(evaluation.total),
            points=tuple(points.get(component, 0.0) for component in _COMPONENTS),
            required_met=sum(1 for row in required if row.decision.status is Status.MET),
            required_total=len(required),
            gaps=tuple(
                (text, lost) for lost, _, text in evaluation.ranked_gaps(texts)[:BATCH_GAPS]
            ),
        )

    def _model(
        self, name: str, source: ProfileSource | PostingSource, model: type[ModelT]
    ) -> tuple[ModelT | None, list[Problem]]:
        if isinstance(source, Profile | Posting):
            if not isinstance(source, model):
                kind = type(source).__name__.lower()
                raise UsageError(
                    f"{name}: a {kind} was given where a {model.__name__.lower()} goes"
                )
            return source, []
        if isinstance(source, Document):
            document = source
        elif isinstance(source, bytes):
            document = parse_bytes(source, name, self.limits)
        else:
            document = parse_text(source, name, self.limits)
        context = self._context if model is Posting else None
        return to_model(document, model, context)

    def _error_rows(
        self, profile_id: str, posting_id: str, outcome: Outcome, problems: Sequence[Problem]
    ) -> list[BatchRow]:
        errors = [problem for problem in problems if problem.is_error] or list(problems)
        return [
            BatchRow(
                profile_id,
                posting_id,
                outcome,
                __version__,
                self.stamp,
                error_line=problem.line,
                error_column=problem.column,
                error_code=problem.code,
                error_message=problem.message,
            )
            for problem in errors
        ]


_SHARED: dict[str, Batch] = {}


def shared_batch(
    profiles: Sequence[tuple[str, str]],
    *,
    today: dt.date,
    catalog_files: Sequence[str] = (),
    weights: str | None = None,
) -> Batch:
    """The :class:`Batch` of these profile texts in this process: built on the first call,
    then reused by every later call with the same arguments.

    This is how an engine builds the state once per worker process however many partitions
    the worker scores: call it inside the partition function (Spark ``mapInPandas``, Dask
    ``map_partitions``). It lives here, in an importable module, because a cache defined in a
    driver script is shipped to each task by value, and so starts empty every time.
    """
    digest = hashlib.sha256(f"{today.isoformat()}\0{weights}\0".encode())
    for name in (*catalog_files, "\0"):
        digest.update(name.encode() + b"\0")
    for profile_id, text in profiles:
        digest.update(f"{len(profile_id)}:{profile_id}{len(text)}:{text}".encode())
    key = digest.hexdigest()
    found = _SHARED.get(key)
    if found is None:
        from fitscore.skills.catalog import load_catalog

        catalog = (
            load_catalog(catalog_files, use_default_user_file=False) if catalog_files else None
        )
        _SHARED.clear()  # one run's state at a time
        found = _SHARED[key] = Batch(profiles, today=today, catalog=catalog, weights=weights)
    return found


# Each of the five components is rounded to 0.1 and so is their sum: a score can exceed the
# exact sum of weight x credit by at most 5 x 0.05 + 0.05 = 0.3.
BOUND_SLACK = 0.3 + 1e-6


@dataclass(frozen=True, slots=True)
class Bound:
    """What a posting can give any profile at most, ready to be checked cheaply per profile.

    The skills sections are bounded by their exact credits: the same cached decisions the
    scorer makes (a dictionary look-up once a term is decided). Degree, publications and big
    data, whose credits are at most 1, are bounded by their whole weights (``fixed``). So the
    bound is never below the score, up to rounding (``BOUND_SLACK``); a property test checks it.
    """

    fixed: float
    sections: tuple[tuple[float, tuple[Requirement, ...]], ...]

    @classmethod
    def of(cls, scorer: Scorer, posting: Posting) -> Bound:
        """The bound of ``posting`` under the weights and rules of ``scorer``."""
        applies = [
            component
            for component, asked in (
                (Component.REQUIRED_SKILLS, bool(posting.required)),
                (Component.PREFERRED_SKILLS, bool(posting.preferred)),
                (Component.DEGREE, posting.degree is not None),
                (Component.PUBLICATIONS, posting.publications != "none"),
                (Component.BIG_DATA, posting.big_data != "none"),
            )
            if asked
        ]
        weights = effective_weights(scorer.rules.weights, posting.weights, scorer.weights, applies)
        fixed = sum(weight for name, weight in weights.items() if not name.is_skills)
        sections = tuple(
            (weights.get(component, 0.0), items)
            for component, items in (
                (Component.REQUIRED_SKILLS, posting.required),
                (Component.PREFERRED_SKILLS, posting.preferred),
            )
            if items
        )
        return cls(fixed, sections)

    def upper(self, scorer: Scorer) -> float:
        """The most ``scorer``'s profile can score, plus the rounding slack."""
        partial = scorer.rules.partial_credit
        total = self.fixed + BOUND_SLACK
        for weight, items in self.sections:
            earned = sum(item_credit(scorer.decide(item), partial) for item in items)
            total += weight * earned / len(items)
        return total


def upper_bound(scorer: Scorer, posting: Posting) -> float:
    """The most ``scorer``'s profile can score against ``posting`` (rounding included): a pair
    whose bound is below a threshold never reaches it."""
    return Bound.of(scorer, posting).upper(scorer)


def _terms(posting: Posting) -> Iterator[str]:
    for item in (*posting.required, *posting.preferred):
        if item.skill is not None:
            yield item.skill
        yield from item.any_of or ()
        yield from item.examples


def score_all(
    profiles: Iterable[tuple[str, ProfileSource]],
    postings: Iterable[tuple[str, PostingSource]],
    *,
    today: dt.date,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    min_score: float | None = None,
) -> BatchReport:
    """Every profile against every posting in this process: all rows, in order (with
    ``min_score``, only the pairs scoring at least that; see :meth:`Batch.rows`)."""
    batch = Batch(profiles, today=today, catalog=catalog, weights=weights, limits=limits)
    posting_list = list(postings)
    rows = [*batch.profile_errors, *batch.rows(posting_list, min_score=min_score)]
    rows.sort(key=BatchRow.sort_key)
    return BatchReport(tuple(rows), batch.profile_count, len(posting_list))


def split_kinds(
    paths: Iterable[str], limits: Limits = DEFAULT_LIMITS
) -> tuple[list[str], list[str]]:
    """The profile files and the posting files named or found under ``paths``.

    A file's kind is its nearest ``profiles``/``postings`` folder; a file outside such folders
    is read and told by its keys, as ``validate`` does. A missing path or a file of no telling
    kind stops the run (:class:`~fitscore.errors.UsageError`).
    """
    from fitscore.validation import detect_kind

    files, missing = collect(paths)
    if missing:
        raise UsageError(f"{missing[0].path}: {missing[0].message}")
    profiles: list[str] = []
    postings: list[str] = []
    for path in files:
        kind = detect_kind(path, None)
        if kind is None:
            kind = detect_kind(path, read_document(path, limits).data)
        if kind is None:
            raise UsageError(
                f"{path}: cannot tell whether this is a profile or a posting "
                "(put it in a folder named profiles or postings)"
            )
        (profiles if kind is FileKind.PROFILE else postings).append(path)
    return profiles, postings


def score_files(
    paths: Iterable[str],
    *,
    today: dt.date,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    min_score: float | None = None,
) -> BatchReport:
    """Every profile file against every posting file under ``paths`` (see :func:`split_kinds`).

    With several ``jobs``, forked workers inherit the ready state and each scores a slice of
    the postings against all profiles; the rows do not depend on ``jobs``.
    """
    profile_paths, posting_paths = split_kinds(paths, limits)
    batch = Batch(
        ((path, read_document(path, limits)) for path in profile_paths),
        today=today,
        catalog=catalog,
        weights=weights,
        limits=limits,
    )
    rows = list(batch.profile_errors)
    total = len(batch.scorers) * len(posting_paths)
    done = 0
    # The ready state lives for the whole run: the collector need not walk it again and again
    # (nor touch, and so copy, the pages forked workers share with this process).
    gc.freeze()
    try:
        chunks = _chunk_results(batch, posting_paths, jobs or available_cpus(), min_score)
        for chunk_rows, chunk_pairs in chunks:
            rows.extend(chunk_rows)
            done += chunk_pairs
            if progress is not None:
                progress(done, total)
    finally:
        gc.unfreeze()
    rows.sort(key=BatchRow.sort_key)
    return BatchReport(tuple(rows), batch.profile_count, len(posting_paths))


def available_cpus() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_ACTIVE: Batch | None = None


_MIN_SCORE: float | None = None
_POSTING_PATHS: Sequence[str] = ()
_PARSED: tuple[list[tuple[str, Posting]], list[BatchRow]] | None = None

# Splitting the work: by postings, each worker makes the first decision about a term for every
# profile again (about 10 us a profile and distinct term); by profiles, each worker parses every
# posting again (about 150 us a posting). Profiles are split while that costs less: while there
# are fewer than this many postings a profile (measured on generated data, 2 workers).
PROFILE_SPLIT_POSTINGS = 300


def _score_postings(paths: Sequence[str]) -> tuple[list[BatchRow], int]:
    """A slice of the postings against all profiles."""
    assert _ACTIVE is not None
    postings = ((path, read_document(path, _ACTIVE.limits)) for path in paths)
    rows = _ACTIVE.rows(postings, min_score=_MIN_SCORE)
    return rows, len(paths) * len(_ACTIVE.scorers)


def _score_profiles(span: tuple[int, int]) -> tuple[list[BatchRow], int]:
    """A slice of the profiles against all postings, parsed once per worker process."""
    global _PARSED
    assert _ACTIVE is not None
    if _PARSED is None:
        _PARSED = _ACTIVE.parse((p, read_document(p, _ACTIVE.limits)) for p in _POSTING_PATHS)
    parsed, errors = _PARSED
    scorers = _ACTIVE.scorers[span[0] : span[1]]
    rows = errors if span[0] == 0 else []  # posting errors once, with the first profiles
    rows = [*rows, *_ACTIVE.score(parsed, scorers, min_score=_MIN_SCORE)]
    return rows, len(_POSTING_PATHS) * len(scorers)


def _chunk_results(
    batch: Batch, paths: Sequence[str], jobs: int, min_score: float | None
) -> Iterator[tuple[list[BatchRow], int]]:
    global _ACTIVE, _MIN_SCORE, _POSTING_PATHS, _PARSED
    pairs = len(paths) * len(batch.scorers)
    _ACTIVE, _MIN_SCORE, _POSTING_PATHS, _PARSED = batch, min_score, paths, None
    try:
        if (
            jobs <= 1
            or pairs < PARALLEL_PAIRS
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            size = max(1, len(paths) // _CHUNKS_PER_JOB)
            for start in range(0, len(paths), size):
                yield _score_postings(paths[start : start + size])
            return
        profiles = len(batch.scorers)
        if profiles >= jobs and len(paths) < PROFILE_SPLIT_POSTINGS * profiles:
            size = max(1, -(-profiles // (jobs * _CHUNKS_PER_JOB)))
            spans = [(start, start + size) for start in range(0, profiles, size)]
            yield from _in_workers(_score_profiles, spans, jobs)
        else:
            size = max(1, -(-len(paths) // (jobs * _CHUNKS_PER_JOB)))
            slices = [paths[start : start + size] for start in range(0, len(paths), size)]
            yield from _in_workers(_score_postings, slices, jobs)
    finally:
        _ACTIVE, _MIN_SCORE, _POSTING_PATHS, _PARSED = None, None, (), None


def _in_workers(
    work: Callable[[Any], tuple[list[BatchRow], int]], chunks: Sequence[Any], jobs: int
) -> Iterator[tuple[list[BatchRow], int]]:
    """``work`` over ``chunks`` in forked workers that inherit the ready state, in order."""
    yield from in_workers(work, chunks, jobs, multiprocessing.get_context("fork"))
