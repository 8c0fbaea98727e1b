"""fitscore: how well a candidate profile fits a job posting, and exactly what is missing.

The public API, for scripts, notebooks and batch engines::

    import fitscore
    profile = fitscore.load_profile("profiles/me.yaml")
    posting = fitscore.load_posting("postings/acme.yaml")
    report = fitscore.score(profile, posting)
    print(report.score, [gap.text for gap in report.gaps])

    ranking = fitscore.rank(profile, ["postings/"], top=10)
    print([(entry.score, entry.path) for entry in ranking.entries], ranking.problems)

    rows = fitscore.batch.score_all(profile_texts, posting_texts, today=dt.date(2026, 12, 1))
    print([row.to_record() for row in rows.rows])   # flat rows; bad input is an error row

Every function returns a frozen report (its results, the problems met, and the exit code the
command line would give) or a model, and raises only ``fitscore.errors`` exceptions for what
stops the run (an unreadable or invalid file: ``InputError``, with located problems). Nothing
here prints, reads standard input or exits.

Heavy modules are imported on first use so that ``fitscore --help`` starts fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fitscore.__about__ import __version__
from fitscore.sources import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from fitscore import batch
    from fitscore.models import Posting, Profile, Weights
    from fitscore.reports import DemandReport, RankReport, ScoreReport, ValidationReport
    from fitscore.scoring import Scorer
    from fitscore.skills.catalog import Catalog
    from fitscore.skills.matcher import Match
    from fitscore.vocabulary import FileKind

__all__ = [
    "Limits",
    "Scorer",
    "__version__",
    "batch",
    "demand",
    "load_catalog",
    "load_posting",
    "load_profile",
    "loads_posting",
    "loads_profile",
    "match",
    "rank",
    "score",
    "validate",
]


def load_profile(path: str, limits: Limits = DEFAULT_LIMITS) -> Profile:
    """Read and validate a profile file; raises ``fitscore.errors.InputError`` with problems."""
    from fitscore.loading import load_profile as run

    return run(path, limits)


def load_posting(
    path: str, catalog: Catalog | None = None, limits: Limits = DEFAULT_LIMITS
) -> Posting:
    """Read and validate a posting file (categories checked against the catalogue)."""
    from fitscore.loading import load_posting as run

    return run(path, catalog, limits)


def loads_profile(text: str, name: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> Profile:
    """A profile from YAML text; problems are located in ``name`` (line and column)."""
    from fitscore.loading import loads_profile as run

    return run(text, name, limits)


def loads_posting(
    text: str, name: str = "<text>", catalog: Catalog | None = None, limits: Limits = DEFAULT_LIMITS
) -> Posting:
    """A posting from YAML text; problems are located in ``name`` (line and column)."""
    from fitscore.loading import loads_posting as run

    return run(text, name, catalog, limits)


def load_catalog(extra: Iterable[str] = ()) -> Catalog:
    """The built-in skill catalogue plus the user catalogue files ``extra``."""
    from fitscore.skills.catalog import load_catalog as run

    return run(extra, use_default_user_file=False)


def score(
    profile: Profile | str,
    posting: Posting | str,
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    fail_under: float | None = None,
) -> ScoreReport:
    """Score a profile against a posting (models, or paths of files to read).

    To score one profile against many postings, reuse a :class:`Scorer`.
    """
    from fitscore.scoring import score as run

    return run(
        profile, posting, catalog=catalog, weights=weights, today=today, fail_under=fail_under
    )


def rank(
    profile: Profile | str,
    paths: Iterable[str],
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    jobs: int | None = 1,
    strict: bool = False,
    top: int | None = None,
    min_score: float | None = None,
) -> RankReport:
    """Rank the posting files named or found under ``paths`` for a profile, best first."""
    from fitscore.ranking import rank as run

    return run(
        profile,
        paths,
        catalog=catalog,
        weights=weights,
        today=today,
        jobs=jobs,
        strict=strict,
        top=top,
        min_score=min_score,
    )


def demand(
    profile: Profile | str,
    paths: Iterable[str],
    *,
    catalog: Catalog | None = None,
    weights: Weights | str | None = None,
    today: dt.date | None = None,
    jobs: int | None = 1,
    top: int | None = None,
) -> DemandReport:
    """The skills the postings under ``paths`` ask for and the profile lacks, by points."""
    from fitscore.ranking import demand as run

    return run(profile, paths, catalog=catalog, weights=weights, today=today, jobs=jobs, top=top)


def validate(
    paths: Sequence[str],
    *,
    catalog: Catalog | None = None,
    kind: FileKind | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> ValidationReport:
    """Check profile and posting files and folders; every problem of every file."""
    from fitscore.validation import validate as run

    return run(paths, catalog, kind=kind, limits=limits, strict=strict)


def match(posting_term: str, profile: Profile, catalog: Catalog | None = None) -> Match:
    """Is one posting term shown in the profile? Returns a ``Match`` with status and source."""
    from fitscore.skills.matcher import match as run

    return run(posting_term, profile, catalog)


def __getattr__(name: str) -> object:
    if name == "Scorer":
        from fitscore.scoring import Scorer

        return Scorer
    if name == "batch":
        # A module: Batch (state built once per worker), score_all, score_files.
        import fitscore.batch

        return fitscore.batch
    raise AttributeError(f"module 'fitscore' has no attribute {name!r}")
