"""Ordinary prose is no evidence: a sentence with no technology in it never raises a score."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.loading import load_posting as read_posting
from fitscore.loading import load_profile as read_profile
from fitscore.models import Profile
from fitscore.scoring import Scorer
from fitscore.skills.catalog import builtin_catalog
from fitscore.skills.matcher import Matcher, spot_prose
from fitscore.skills.normalize import common_words
from tests.conftest import ROOT

MATCHER = Matcher()
TODAY = dt.date(2026, 11, 30)
POSTINGS = [read_posting(str(path)) for path in sorted((ROOT / "postings").glob("*.yaml"))]
PROFILES = [read_profile(str(path)) for path in sorted((ROOT / "profiles").glob("*.yaml"))]
WORDS = sorted(common_words())


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One or more sentences of the commonest English words, capitalised and stopped."""
    found = []
    for _ in range(draw(st.integers(1, 3))):
        chosen = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
        chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
        found.append(" ".join(chosen) + draw(st.sampled_from([".", "!", "?"])))
    return " ".join(found)


def scores(profile: Profile) -> list[tuple[float, tuple[float, ...]]]:
    scorer = Scorer(profile, matcher=MATCHER, today=TODAY)
    found = []
    for posting in POSTINGS:
        report = scorer.score(posting)
        found.append((report.score, tuple(part.points for part in report.components)))
    return found


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PROFILES), sentences())
def test_an_ordinary_sentence_in_the_summary_never_raises_any_score(
    profile: Profile, sentence: str
) -> None:
    before = scores(profile)
    summary = f"{profile.summary}\n{sentence}" if profile.summary else sentence
    after = scores(profile.model_copy(update={"summary": summary}))
    for (total_before, parts_before), (total_after, parts_after) in zip(before, after, strict=True):
        assert total_after <= total_before
        assert all(a <= b for a, b in zip(parts_after, parts_before, strict=True))


@settings(max_examples=300, deadline=None)
@given(sentences())
def test_ordinary_prose_names_no_skill(sentence: str) -> None:
    assert spot_prose(builtin_catalog(), sentence) == []
