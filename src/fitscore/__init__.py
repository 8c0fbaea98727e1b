"""fitscore: how well a candidate profile fits a job posting, and exactly what is missing.

The public API, for scripts and notebooks::

    import fitscore
    profile = fitscore.load_profile("profiles/me.yaml")
    posting = fitscore.load_posting("postings/acme.yaml")
    report = fitscore.score(profile, posting)
    print(report.score, [gap.text for gap in report.gaps])

Heavy modules are imported on first use so that ``fitscore --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fitscore.__about__ import __version__

if TYPE_CHECKING:
    from fitscore.models import Posting, Profile
    from fitscore.reports import ScoreReport
    from fitscore.skills.catalog import Catalog
    from fitscore.skills.matcher import Match

__all__ = ["__version__", "load_posting", "load_profile", "match", "score"]


def load_profile(path: str) -> Profile:
    """Read and validate a profile file; raises ``fitscore.errors.InputError`` with problems."""
    from fitscore.documents import read_profile

    return read_profile(path)


def load_posting(path: str, catalog: Catalog | None = None) -> Posting:
    """Read and validate a posting file (categories checked against the catalogue)."""
    from fitscore.documents import read_posting

    return read_posting(path, catalog)


def score(profile: Profile, posting: Posting, **options: Any) -> ScoreReport:
    """Score a profile against a posting; see :func:`fitscore.scoring.score` for options."""
    from fitscore.scoring import score as run

    return run(profile, posting, **options)


def match(posting_term: str, profile: Profile, catalog: Catalog | None = None) -> Match:
    """Is one posting term shown in the profile? Returns a ``Match`` with status and source."""
    from fitscore.skills.matcher import match as run

    return run(posting_term, profile, catalog)
